/// Reads a text or Markdown story into `StoryText`. Markdown markup is taken
/// out of the visible text (emphasis, link targets and titles, images with
/// their alt text); code spans and blocks stay visible but cannot hold
/// quotations; `>` blocks are block quotes.
enum MarkdownStory {
    static func read(_ story: String, markdown: Bool) -> StoryText {
        let lines = StoryLines(story).lines
        let (referenceLines, references) = ReferenceList.find(in: lines)
        var text = StoryText()
        text.references = references
        var fence: String?
        var index = 0
        var previousBlank = true
        while index < lines.count {
            let line = lines[index]
            let number = index + 1
            let trimmed = StoryLines.trimmed(line)
            if markdown, let marker = fenceMarker(trimmed), fence == nil || trimmed.hasPrefix(fence ?? "") {
                fence = fence == nil ? marker : nil
                appendRaw(line, number: number, inert: true, to: &text)
            } else if fence != nil || referenceLines.contains(index)
                || (markdown && previousBlank && isIndentedCode(line) && !trimmed.isEmpty)
            {
                appendRaw(line, number: number, inert: true, to: &text)
            } else if blockQuoteContent(line) != nil {
                var end = index
                while end + 1 < lines.count, blockQuoteContent(lines[end + 1]) != nil { end += 1 }
                readBlockQuote(lines, index...end, markdown: markdown, into: &text)
                index = end + 1
                previousBlank = false
                continue
            } else if markdown {
                appendInline(line, number: number, inert: false, to: &text)
            } else {
                appendRaw(line, number: number, inert: false, to: &text)
            }
            previousBlank = trimmed.isEmpty && fence == nil
            index += 1
        }
        return text
    }

    // MARK: - Lines

    private static func appendRaw(_ line: [Character], number: Int, inert: Bool, to text: inout StoryText) {
        for (offset, character) in line.enumerated() { text.append(character, line: number, column: offset + 1, inert: inert) }
        text.append("\n", line: number, column: line.count + 1, inert: inert)
    }

    private static func fenceMarker(_ trimmed: String) -> String? {
        if trimmed.hasPrefix("```") { return "```" }
        if trimmed.hasPrefix("~~~") { return "~~~" }
        return nil
    }

    private static func isIndentedCode(_ line: [Character]) -> Bool {
        line.first == "\t" || line.prefix(4).allSatisfy { $0 == " " } && line.count > 4
    }

    /// Where a `>` line's content starts (after every `>` and the space after each), or nil.
    private static func blockQuoteContent(_ line: [Character]) -> (marker: Int, content: Int)? {
        var i = 0
        while i < line.count, i < 3, line[i] == " " { i += 1 }
        guard i < line.count, line[i] == ">" else { return nil }
        let marker = i
        while i < line.count, line[i] == ">" || line[i] == " " { i += 1 }
        return (marker, i)
    }

    /// One `>` block: a single quotation, its lines joined; a last `— name` line is its attribution.
    private static func readBlockQuote(_ lines: [[Character]], _ range: ClosedRange<Int>, markdown: Bool, into text: inout StoryText) {
        guard let first = blockQuoteContent(lines[range.lowerBound]) else { return }
        let start = text.count
        var quoteEnd = start
        var attributionLine: String?
        var lastQuotedLine = range.lowerBound
        for index in range {
            let line = lines[index]
            let content = blockQuoteContent(line)?.content ?? 0
            let body = Array(line[content...])
            if index == range.upperBound, index > range.lowerBound, DashLine.starts(String(body)) {
                attributionLine = String(body).trimmingWhitespace
            }
            for offset in 0..<content {
                text.append(line[offset] == ">" ? " " : line[offset], line: index + 1, column: offset + 1, inert: true)
            }
            if markdown {
                appendInline(body, number: index + 1, firstColumn: content + 1, inert: true, to: &text)
            } else {
                appendRaw(body, number: index + 1, inert: true, to: &text)
            }
            if attributionLine == nil {
                quoteEnd = text.count
                if !StoryLines.trimmed(body).isEmpty { lastQuotedLine = index }
            }
        }
        let quote = text.collapsed(start..<quoteEnd)
        guard !quote.isEmpty else { return }
        text.blockQuotes.append(
            StoryBlockQuote(
                text: quote, line: range.lowerBound + 1, column: first.marker + 1, range: start..<text.count,
                endLine: lastQuotedLine + 1, endColumn: endOfText(lines[lastQuotedLine]), attributionLine: attributionLine))
    }

    /// The column after a line's last character that is not trailing whitespace.
    private static func endOfText(_ line: [Character]) -> Int {
        var end = line.count
        while end > 0, line[end - 1].isWhitespace { end -= 1 }
        return end + 1
    }

    // MARK: - Inline Markdown

    /// Appends a Markdown line's visible text: emphasis stars, link targets, images and tags removed.
    private static func appendInline(
        _ line: [Character], number: Int, firstColumn: Int = 1, inert: Bool, to text: inout StoryText
    ) {
        var i = 0
        // Heading markers are not text.
        if line.first == "#" {
            while i < line.count, line[i] == "#" { i += 1 }
        }
        func emit(_ character: Character, at offset: Int, inert isInert: Bool = inert) {
            text.append(character, line: number, column: firstColumn + offset, inert: isInert)
        }
        while i < line.count {
            let character = line[i]
            switch character {
            case "\\" where i + 1 < line.count && line[i + 1].isPunctuation || i + 1 < line.count && line[i + 1].isSymbol:
                emit(line[i + 1], at: i + 1)
                i += 2
            case "`":
                var run = 0
                while i + run < line.count, line[i + run] == "`" { run += 1 }
                if let close = closingBackticks(line, from: i + run, run: run) {
                    for offset in (i + run)..<close { emit(line[offset], at: offset, inert: true) }
                    i = close + run
                } else {
                    for offset in i..<(i + run) { emit(line[offset], at: offset) }
                    i += run
                }
            case "!" where i + 1 < line.count && line[i + 1] == "[":
                if let (_, end) = link(line, at: i + 1) {
                    i = end
                } else {
                    emit(character, at: i)
                    i += 1
                }
            case "[":
                if let (label, end) = link(line, at: i) {
                    for offset in label { emit(line[offset], at: offset) }
                    i = end
                } else {
                    emit(character, at: i)
                    i += 1
                }
            case "*":
                i += 1
            case "_" where i + 1 < line.count && line[i + 1] == "_":
                i += 2
            case "<":
                if let end = tagEnd(line, at: i) {
                    let tag = String(line[i..<end]).lowercased()
                    if tag.hasPrefix("<sup") { emit("[", at: i) } else if tag.hasPrefix("</sup") { emit("]", at: i) }
                    if tag.hasPrefix("<http") { for offset in (i + 1)..<(end - 1) { emit(line[offset], at: offset, inert: true) } }
                    i = end
                } else {
                    emit(character, at: i)
                    i += 1
                }
            default:
                emit(character, at: i)
                i += 1
            }
        }
        text.append("\n", line: number, column: firstColumn + line.count, inert: inert)
    }

    private static func closingBackticks(_ line: [Character], from start: Int, run: Int) -> Int? {
        var i = start
        while i < line.count {
            if line[i] == "`" {
                var length = 0
                while i + length < line.count, line[i + length] == "`" { length += 1 }
                if length == run { return i }
                i += length
            } else {
                i += 1
            }
        }
        return nil
    }

    /// `[label](target "title")` or `[label][ref]` at `start`: the label's offsets and the index after the link.
    private static func link(_ line: [Character], at start: Int) -> (Range<Int>, Int)? {
        var depth = 0
        var close = start
        while close < line.count {
            if line[close] == "[" { depth += 1 }
            if line[close] == "]" {
                depth -= 1
                if depth == 0 { break }
            }
            close += 1
        }
        guard close + 1 < line.count else { return nil }
        let opener = line[close + 1]
        guard opener == "(" || opener == "[" else { return nil }
        let closer: Character = opener == "(" ? ")" : "]"
        guard let end = line[(close + 2)...].firstIndex(of: closer) else { return nil }
        // `[1][2]` are two footnote markers, not a reference link.
        if opener == "[", line[(start + 1)..<close].allSatisfy({ $0.isNumber || $0 == "^" }) { return nil }
        return ((start + 1)..<close, end + 1)
    }

    /// The end of an HTML tag or autolink starting at `start`, or nil when `<` is text.
    private static func tagEnd(_ line: [Character], at start: Int) -> Int? {
        guard start + 1 < line.count else { return nil }
        let next = line[start + 1]
        guard next.isLetter || next == "/" || next == "!" else { return nil }
        guard let close = line[(start + 1)...].firstIndex(of: ">") else { return nil }
        return close + 1
    }
}

/// An attribution line under a quotation: `— avaer`, `-- @kim.bsky.social, on Bluesky`.
enum DashLine {
    static let dashes: Set<Character> = ["—", "–", "―", "-"]

    static func starts(_ line: String) -> Bool {
        let trimmed = line.trimmingWhitespace
        guard let first = trimmed.first, dashes.contains(first) else { return false }
        // `-word` and `- item` are text or a list; `--` stands for a dash.
        return first != "-" || trimmed.hasPrefix("--") && !trimmed.hasPrefix("---")
    }

    /// The line without its leading dashes.
    static func body(_ line: String) -> String {
        String(line.trimmingWhitespace.drop(while: { dashes.contains($0) })).trimmingWhitespace
    }
}
