import BeatCore

extension Render {
    /// Quotable sentences with their attribution (`quotes QUERY`). The text is shown whole: a
    /// quote is cited verbatim, so it is wrapped, never cut.
    ///
    /// table: numbered quotes in double quotes, then `— author, source (venue), date · id` and,
    /// for a sentence several posts contain, the others' ids; md: a citation list, each quote a
    /// block quote followed by `— author, source (venue), YYYY-MM-DD, [id](url)`.
    public static func quotes(_ quotes: [Quote], as format: OutputFormat, settings: RenderSettings, to write: (String) -> Void) {
        switch format {
        case .table: quotesTable(quotes, settings, write)
        case .json:
            write(JSONText.object([("quotes", .array(quotes.map(json)))]).document(settings))
        case .jsonl:
            for quote in quotes { write(json(quote).text + "\n") }
        case .csv:
            write(CSVText.row(["text", "id", "source", "venue", "author", "published_at", "url", "count"]))
            for q in quotes {
                let p = q.post
                write(CSVText.row([q.text, p.id, p.source, p.venue, p.author, CivilTime.iso8601(p.publishedAt), p.url, String(q.count)]))
            }
        case .html: unsupported(format, by: "quotes")
        case .md: quotesMarkdown(quotes, write)
        }
    }

    private static func json(_ q: Quote) -> JSONText {
        let members = q.post.jsonMembers.filter { $0.0 != "title" }
        // A headline says so; a sentence of the text keeps the documented keys as they were.
        let headline: [(String, JSONText)] = q.isHeadline ? [("headline", .number("true"))] : []
        return .object([("text", .string(q.text))] + members + [("count", .int(q.count))] + headline)
    }

    /// `3 posts say this; also in a, b`, or nil for a sentence only one post has.
    private static func alsoIn(_ q: Quote) -> String? {
        guard q.count > 1 || !q.alsoIn.isEmpty else { return nil }
        let others = q.alsoIn.isEmpty ? "" : "; also in " + q.alsoIn.joined(separator: ", ")
        return "\(Wording.posts(q.count)) say this" + others
    }

    private static func quotesTable(_ quotes: [Quote], _ settings: RenderSettings, _ write: (String) -> Void) {
        guard !quotes.isEmpty else {
            write("no quotes\n")
            return
        }
        let width = settings.tableWidth
        let numberWidth = String(quotes.count).count
        let indent = String(repeating: " ", count: numberWidth + 2)
        let textWidth = width - indent.count
        for (i, q) in quotes.enumerated() {
            if i > 0 { write("\n") }
            let number = DisplayWidth.fit(String(i + 1), to: numberWidth, alignRight: true) + "  "
            let body = StyledText.wrapLines(Wording.quoted(q.text), width: textWidth)
            for (j, line) in body.enumerated() { write((j == 0 ? number : line.isEmpty ? "" : indent) + line + "\n") }
            var notes = ["— " + (q.isHeadline ? "headline, " : "") + q.post.attribution + " · " + q.post.id]
            if let also = alsoIn(q) { notes.append(also) }
            for note in notes {
                for line in StyledText.wrapLines(note, width: textWidth) { write(indent + line + "\n") }
            }
        }
    }

    private static func quotesMarkdown(_ quotes: [Quote], _ write: (String) -> Void) {
        guard !quotes.isEmpty else {
            write("No quotes.\n")
            return
        }
        for (i, q) in quotes.enumerated() {
            if i > 0 { write("\n") }
            let text = MarkdownText.escape(VisibleText.make(Wording.quoted(q.text), .lines))
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                write(line.isEmpty ? ">\n" : "> " + line + "\n")
            }
            // A blank line ends the block quote; without it Markdown would pull the attribution into it.
            let p = q.post
            var citation =
                "— " + (q.isHeadline ? "headline, " : "") + MarkdownText.inline(p.attribution) + ", "
                + MarkdownText.link(MarkdownText.inline(p.id), url: p.url)
            if let also = alsoIn(q) { citation += " (" + MarkdownText.inline(also) + ")" }
            write("\n" + citation + "\n")
        }
    }
}
