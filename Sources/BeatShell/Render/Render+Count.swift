import BeatCore

extension Render {
    /// The number of posts matching `query` (`count QUERY`).
    ///
    /// table: `312 posts matching QUERY`; json and jsonl: `{"count": 312}`; csv: a `count` column.
    public static func count(_ count: Int, query: String, as format: OutputFormat, settings: RenderSettings, to write: (String) -> Void) {
        switch format {
        case .table:
            let query = VisibleText.line(query)
            let line = Wording.posts(count) + (query.isEmpty ? "" : " matching \(query)")
            for piece in StyledText(plain: line).wrapped(width: settings.tableWidth) {
                write(piece.terminalText(color: false) + "\n")
            }
        case .json:
            write(JSONText.object([("count", .int(count))]).document(settings))
        case .jsonl:
            write(JSONText.object([("count", .int(count))]).text + "\n")
        case .csv:
            write(CSVText.row(["count"]) + CSVText.row([String(count)]))
        case .html: unsupported(format, by: "count")
        case .md:
            write("**\(Wording.posts(count))**" + (query.isEmpty ? "" : " matching " + MarkdownText.code(query)) + "\n")
        }
    }

    /// A `count --by` breakdown, in the order given.
    ///
    /// table: the key (headed by the dimension), the number of posts and a bar scaled to the
    /// largest bucket; json: `{"by": "source", "buckets": [{"key", "count"}]}`; jsonl: one bucket per
    /// line; csv: columns named after the dimension and `count`; md: a table.
    public static func counts(
        _ buckets: [CountBucket], by dimension: CountDimension, as format: OutputFormat, settings: RenderSettings,
        to write: (String) -> Void
    ) {
        func json(_ b: CountBucket) -> JSONText { .object([("key", .string(b.key)), ("count", .int(b.count))]) }
        switch format {
        case .table: countsTable(buckets, dimension, settings, write)
        case .json:
            write(JSONText.object([("by", .string(dimension.rawValue)), ("buckets", .array(buckets.map(json)))]).document(settings))
        case .jsonl:
            for bucket in buckets { write(json(bucket).text + "\n") }
        case .csv:
            write(CSVText.row([dimension.rawValue, "count"]))
            for bucket in buckets { write(CSVText.row([bucket.key, String(bucket.count)])) }
        case .html: unsupported(format, by: "count --by")
        case .md:
            let rows = buckets.map { [$0.key, $0.count.formatted] }
            for line in MarkdownText.table(header: [dimension.rawValue, "posts"], rightAligned: [1], rows: rows) {
                write(line + "\n")
            }
        }
    }

    private static func countsTable(
        _ buckets: [CountBucket], _ dimension: CountDimension, _ settings: RenderSettings, _ write: (String) -> Void
    ) {
        guard !buckets.isEmpty else {
            write("0 posts\n")
            return
        }
        let width = settings.tableWidth
        var table = TextTable([
            .init(header: dimension.rawValue), .init(header: "posts", alignRight: true), .init(header: ""),
        ])
        for bucket in buckets { table.add([bucket.key, bucket.count.formatted, ""]) }
        // The bar asks for 40 columns, so a long key gives up room to it rather than hide it.
        let natural = table.naturalWidths(withHeader: true)
        let widths = TextTable.fit(
            natural: [natural[0], natural[1], 40], minimum: [min(8, natural[0]), natural[1], 5],
            available: width - 2 * table.gap)
        let largest = buckets.map(\.count).max() ?? 0
        for (i, bucket) in buckets.enumerated() where largest > 0 {
            // At least one block for any non-empty bucket, so a small one still shows.
            let blocks = bucket.count == 0 ? 0 : max(1, bucket.count * widths[2] / largest)
            table.rows[i][2] = String(repeating: "█", count: blocks)
        }
        let header = table.format(table.columns.map(\.header), widths: widths)
        write((settings.color ? ANSI.boldOn + header + ANSI.boldOff : header) + "\n")
        for row in table.rows { write(table.format(row, widths: widths) + "\n") }
    }
}
