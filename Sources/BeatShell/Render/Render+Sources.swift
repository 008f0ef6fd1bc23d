import BeatCore

extension Render {
    /// The corpus's coverage per source and venue (`sources`).
    ///
    /// table: source, venue, posts, first and last date, then a total line (with
    /// `settings.now`, how long ago the newest post was); json:
    /// `{"sources": [{"source", "venue", "posts", "first", "last"}]}` with ISO 8601 times.
    public static func sources(_ coverage: [Coverage], as format: OutputFormat, settings: RenderSettings, to write: (String) -> Void) {
        func json(_ c: Coverage) -> JSONText {
            .object([
                ("source", .string(c.source)), ("venue", .string(c.venue)), ("posts", .int(c.posts)),
                ("first", .time(c.first)), ("last", .time(c.last)),
            ])
        }
        switch format {
        case .table: sourcesTable(coverage, settings, write)
        case .json: write(JSONText.object([("sources", .array(coverage.map(json)))]).document(settings))
        case .jsonl:
            for c in coverage { write(json(c).text + "\n") }
        case .csv:
            write(CSVText.row(["source", "venue", "posts", "first", "last"]))
            for c in coverage {
                write(CSVText.row([c.source, c.venue, String(c.posts), CivilTime.iso8601(c.first), CivilTime.iso8601(c.last)]))
            }
        case .html: unsupported(format, by: "sources")
        case .md:
            let rows = coverage.map {
                [$0.source, $0.venue ?? "", $0.posts.formatted, CivilTime.isoDate($0.first), CivilTime.isoDate($0.last)]
            }
            for line in MarkdownText.table(header: ["source", "venue", "posts", "first", "last"], rightAligned: [2], rows: rows) {
                write(line + "\n")
            }
        }
    }

    private static func sourcesTable(_ coverage: [Coverage], _ settings: RenderSettings, _ write: (String) -> Void) {
        guard let first = coverage.map(\.first).min(), let last = coverage.map(\.last).max() else {
            write("the corpus is empty\n")
            return
        }
        var table = TextTable([
            .init(header: "source", minimum: 10), .init(header: "venue", minimum: 5),
            .number("posts"), .init(header: "first", minimum: .max, floor: .max, dropOrder: 0), .whole("last"),
        ])
        for c in coverage {
            table.add([c.source, c.venue ?? Wording.missing, c.posts.formatted, CivilTime.isoDate(c.first), CivilTime.isoDate(c.last)])
        }
        for line in table.lines(width: settings.tableWidth, color: settings.color) { write(line + "\n") }
        let sourceCount = Set(coverage.map(\.source)).count
        var total = "\(Wording.posts(coverage.reduce(0) { $0 + $1.posts })) from \(sourceCount) source\(sourceCount == 1 ? "" : "s"), "
            + "\(CivilTime.isoDate(first)) to \(CivilTime.isoDate(last))"
        if let now = settings.now { total += "; the newest post \(Wording.age(of: last, now: now))" }
        for line in StyledText.wrapLines(total, width: settings.tableWidth) { write(line + "\n") }
    }
}
