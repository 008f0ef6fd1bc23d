import BeatCore

extension Render {
    /// One post in full with its thread context (`show`).
    ///
    /// table: the title, labelled fields (id, source, venue, author, date, url, score, lang, tags),
    /// the text wrapped with its paragraphs kept, then the thread root, parent and replies in
    /// aligned columns; with `settings.now`, the date says how long ago it was.
    public static func post(_ detail: PostDetail, as format: OutputFormat, settings: RenderSettings, to write: (String) -> Void) {
        switch format {
        case .table: postTable(detail, settings, write)
        case .json: write(json(detail).document(settings))
        case .jsonl: write(json(detail).text + "\n")
        case .csv:
            write(
                CSVText.row([
                    "id", "source", "venue", "author", "published_at", "title", "url", "text", "score", "lang", "tags",
                    "parent", "thread_root", "replies",
                ]))
            let p = detail.post
            write(
                CSVText.row([
                    p.id, p.source, p.venue, p.author, CivilTime.iso8601(p.publishedAt), p.title, p.url, detail.text,
                    detail.score.map { String($0) }, detail.lang, detail.tags.joined(separator: ";"), detail.parent?.id,
                    detail.threadRoot?.id, detail.replies.map(\.id).joined(separator: " "),
                ]))
        case .html: unsupported(format, by: "show")
        case .md: postMarkdown(detail, write)
        }
    }

    private static func json(_ d: PostDetail) -> JSONText {
        func summary(_ p: PostSummary?) -> JSONText { p.map { .object($0.jsonMembers) } ?? .null }
        return .object(
            d.post.jsonMembers + [
                ("text", .string(d.text)), ("score", .int(d.score)), ("lang", .string(d.lang)),
                ("tags", .array(d.tags.map { .string($0) })), ("parent", summary(d.parent)),
                ("thread_root", summary(d.threadRoot)), ("replies", .array(d.replies.map(summary))),
            ])
    }

    /// The labelled fields of `show`, missing ones left out.
    private static func fields(_ d: PostDetail, now: Int64?) -> [(String, String)] {
        let p = d.post
        var date = CivilTime.iso8601(p.publishedAt)
        if let now { date += " (" + Wording.age(of: p.publishedAt, now: now) + ")" }
        let optional: [(String, String?)] = [
            ("id", p.id), ("source", p.source), ("venue", p.venue), ("author", p.author), ("date", date), ("url", p.url),
            ("score", d.score.map { String($0) }), ("lang", d.lang),
            ("tags", d.tags.isEmpty ? nil : d.tags.joined(separator: ", ")),
        ]
        return optional.compactMap { label, value in value.map { (label, $0) } }
    }

    private static func postTable(_ d: PostDetail, _ settings: RenderSettings, _ write: (String) -> Void) {
        let width = settings.tableWidth
        if let title = d.post.title, !title.isEmpty {
            for line in StyledText.wrapLines(title, width: width) {
                write((settings.color ? ANSI.boldOn + line + ANSI.boldOff : line) + "\n")
            }
            write("\n")
        }
        let fields = fields(d, now: settings.now)
        let labelWidth = fields.map { $0.0.count }.max() ?? 0
        let indent = String(repeating: " ", count: labelWidth + 2)
        for (label, value) in fields {
            let lines = StyledText.wrapLines(value, width: width - indent.count)
            for (i, line) in lines.enumerated() {
                write((i == 0 ? DisplayWidth.fit(label, to: labelWidth) + "  " : indent) + line + "\n")
            }
        }
        let text = StyledText.wrapLines(d.text, width: width)
        if !text.isEmpty {
            write("\n")
            for line in text { write(line + "\n") }
        }
        var thread = TextTable([
            .whole(""), .init(header: "id", minimum: 28, floor: 8), .whole("date"),
            .init(header: "author", minimum: 6, dropOrder: 1), .init(header: "title", minimum: 10, dropOrder: 0),
        ])
        func add(_ label: String, _ p: PostSummary) {
            thread.add([label, p.id, p.day, p.author ?? Wording.missing, p.title ?? ""])
        }
        if let root = d.threadRoot { add("thread", root) }
        if let parent = d.parent { add("parent", parent) }
        for (i, reply) in d.replies.enumerated() { add(i == 0 ? "replies" : "", reply) }
        guard !thread.rows.isEmpty else { return }
        write("\n")
        for line in thread.lines(width: width, withHeader: false) { write(line + "\n") }
    }

    private static func postMarkdown(_ d: PostDetail, _ write: (String) -> Void) {
        let p = d.post
        let heading = p.title.flatMap { $0.isEmpty ? nil : $0 } ?? p.id
        write("## " + MarkdownText.inline(heading) + "\n\n")
        for (label, value) in fields(d, now: nil) {
            let shown: String
            switch label {
            case "id": shown = MarkdownText.code(value)
            case "url": shown = MarkdownText.link(MarkdownText.inline(value), url: value)
            default: shown = MarkdownText.inline(value)
            }
            write("- \(label): \(shown)\n")
        }
        let text = MarkdownText.escape(VisibleText.make(d.text, .lines))
        if !text.isEmpty { write("\n" + text + "\n") }
        func item(_ q: PostSummary) -> String {
            let label = MarkdownText.inline(q.title.flatMap { $0.isEmpty ? nil : $0 } ?? q.id)
            return MarkdownText.link(label, url: q.url) + " — " + MarkdownText.inline(q.attribution) + " · " + MarkdownText.code(q.id)
        }
        var context: [String] = []
        if let root = d.threadRoot { context.append("- thread: " + item(root)) }
        if let parent = d.parent { context.append("- parent: " + item(parent)) }
        if !d.replies.isEmpty {
            context.append("- replies:")
            context += d.replies.map { "  - " + item($0) }
        }
        guard !context.isEmpty else { return }
        write("\n**Thread**\n\n")
        for line in context { write(line + "\n") }
    }
}
