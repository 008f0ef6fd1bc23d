import BeatCore

extension Render {
    /// Top authors (`authors [QUERY]`), in the order given, ranked from 1.
    ///
    /// table: rank, author, the source they post on most, posts; json:
    /// `{"authors": [{"author", "source", "posts"}]}`.
    public static func authors(_ authors: [AuthorCount], as format: OutputFormat, settings: RenderSettings, to write: (String) -> Void) {
        func json(_ a: AuthorCount) -> JSONText {
            .object([("author", .string(a.author)), ("source", .string(a.source)), ("posts", .int(a.posts))])
        }
        switch format {
        case .table:
            guard !authors.isEmpty else {
                write("no authors\n")
                return
            }
            var table = TextTable([
                .number("#"), .init(header: "author", minimum: 8), .init(header: "source", minimum: 6, dropOrder: 0),
                .number("posts"),
            ])
            for (i, a) in authors.enumerated() { table.add([String(i + 1), a.author, a.source, a.posts.formatted]) }
            for line in table.lines(width: settings.tableWidth, color: settings.color) { write(line + "\n") }
        case .json: write(JSONText.object([("authors", .array(authors.map(json)))]).document(settings))
        case .jsonl:
            for a in authors { write(json(a).text + "\n") }
        case .csv:
            write(CSVText.row(["author", "source", "posts"]))
            for a in authors { write(CSVText.row([a.author, a.source, String(a.posts)])) }
        case .html: unsupported(format, by: "authors")
        case .md:
            let rows = authors.enumerated().map {
                [String($0.offset + 1), $0.element.author, $0.element.source, $0.element.posts.formatted]
            }
            for line in MarkdownText.table(header: ["#", "author", "source", "posts"], rightAligned: [0, 3], rows: rows) {
                write(line + "\n")
            }
        }
    }
}
