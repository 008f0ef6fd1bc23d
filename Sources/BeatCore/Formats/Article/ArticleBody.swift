/// The title and text of a plain-text or Markdown article body.
struct ArticleBody {
    var title: String?
    /// The body, Markdown kept as written, normalised; without the title line
    /// when the title was taken from the first line.
    var text: String

    /// Reads `body`. A title given in front matter wins; otherwise the title is
    /// a leading `# heading` (or a setext `Title` / `====` pair), else, in
    /// Markdown, the first `# heading` further down (left in the text), else
    /// a first line shorter than 120 characters followed by a blank line.
    init(_ body: Substring, givenTitle: String?, isMarkdown: Bool) {
        let normalized = PlainText.normalize(String(body))
        var lines = normalized.split(separator: "\n", omittingEmptySubsequences: false)
        var title = givenTitle
        if let first = lines.first {
            let heading = Self.atxHeading(first)
            let setext = lines.count > 1 && Self.isSetextUnderline(lines[1]) ? first.xmlTrimmedLine : nil
            if let leading = heading ?? setext {
                // The leading heading is the title: keep it once, in `title`,
                // unless front matter named a different one.
                if title == nil || title.map(FeedText.singleLine) == FeedText.singleLine(leading) {
                    title = title ?? leading
                    lines.removeFirst(heading != nil ? 1 : 2)
                }
            } else if title == nil, isMarkdown, let heading = Self.firstHeading(lines) {
                title = heading
            } else if title == nil, lines.count > 1, lines[1].isEmpty, first.count < 120 {
                title = first.xmlTrimmedLine
                lines.removeFirst()
            }
        }
        self.title = title.map(FeedText.singleLine).flatMap(FeedText.nonEmpty)
        self.text = PlainText.normalize(lines.joined(separator: "\n"))
    }

    /// The text of a level-one ATX heading (`# Title`, closing `#`s removed), or nil.
    static func atxHeading(_ line: Substring) -> String? {
        guard line.hasPrefix("# ") || line.hasPrefix("#\t") else { return nil }
        var text = line.dropFirst(2).xmlTrimmedLine
        while text.hasSuffix("#") { text.removeLast() }
        text = text.xmlTrimmed
        return text.isEmpty ? nil : text
    }

    static func isSetextUnderline(_ line: Substring) -> Bool {
        let trimmed = line.xmlTrimmedLine
        return trimmed.count >= 3 && trimmed.allSatisfy { $0 == "=" }
    }

    /// The first level-one heading outside fenced code blocks.
    static func firstHeading(_ lines: [Substring]) -> String? {
        var inFence = false
        for line in lines {
            if line.hasPrefix("```") || line.hasPrefix("~~~") {
                inFence.toggle()
                continue
            }
            if !inFence, let heading = atxHeading(line) { return heading }
        }
        return nil
    }
}
