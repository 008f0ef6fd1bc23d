import BeatCore

extension Render {
    /// The corpus's coverage per source and venue (`sources`).
    ///
    /// table: source, venue, posts, first and last date, then a total line (with
    /// `settings.now`, how long ago the newest post was); json:
    /// `{"sources": [{"source", "venue", "posts", "first", "last"}]}` with ISO 8601 times.
    ///
    /// With `spans` (one per source), also per source: its newest post, its posts per day and
    /// whether its collection looks stopped (`SourceSpan.looksStopped`): a table after the first
    /// in `table` and `md`, `"by_source": [{"source", "posts", "per_day", "first", "newest",
    /// "stopped"}]` in json.
    public static func sources(
        _ coverage: [Coverage], spans: [SourceSpan] = [], as format: OutputFormat, settings: RenderSettings,
        to write: (String) -> Void
    ) {
        func json(_ c: Coverage) -> JSONText {
            .object([
                ("source", .string(c.source)), ("venue", .string(c.venue)), ("posts", .int(c.posts)),
                ("first", .time(c.first)), ("last", .time(c.last)),
            ])
        }
        let newest = spans.map(\.last).max() ?? 0
        func spanJSON(_ s: SourceSpan) -> JSONText {
            .object([
                ("source", .string(s.source)), ("posts", .int(s.posts)), ("per_day", .double((s.postsPerDay * 10).rounded() / 10)),
                ("first", .time(s.first)), ("newest", .time(s.last)),
                ("stopped", .number(s.looksStopped(corpusNewest: newest) ? "true" : "false")),
            ])
        }
        switch format {
        case .table:
            sourcesTable(coverage, settings, write)
            if !spans.isEmpty { spansTable(spans, newest: newest, settings, write) }
        case .json:
            let bySource: [(String, JSONText)] = spans.isEmpty ? [] : [("by_source", .array(spans.map(spanJSON)))]
            write(JSONText.object([("sources", .array(coverage.map(json)))] + bySource).document(settings))
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

    /// Per source: posts, posts per day, first and newest post, and a mark when collection stopped.
    private static func spansTable(_ spans: [SourceSpan], newest: Int64, _ settings: RenderSettings, _ write: (String) -> Void) {
        write("\n")
        var table = TextTable([
            .init(header: "source", minimum: 10), .number("posts"), .number("per day"), .whole("newest"),
            .init(header: "collection", minimum: 8, dropOrder: 0),
        ])
        for span in spans {
            let stopped = span.looksStopped(corpusNewest: newest)
            let note = stopped ? "stopped? nothing for \((newest - span.last) / 86_400) days before the newest post" : ""
            table.add([span.source, span.posts.formatted, SummaryWording.decimal(span.postsPerDay), CivilTime.isoDate(span.last), note])
        }
        for line in table.lines(width: settings.tableWidth, color: settings.color) { write(line + "\n") }
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
        var total =
            "\(Wording.posts(coverage.reduce(0) { $0 + $1.posts })) from \(sourceCount) source\(sourceCount == 1 ? "" : "s"), "
            + "\(CivilTime.isoDate(first)) to \(CivilTime.isoDate(last))"
        if let now = settings.now { total += "; the newest post \(Wording.age(of: last, now: now))" }
        for line in StyledText.wrapLines(total, width: settings.tableWidth) { write(line + "\n") }
    }
}
