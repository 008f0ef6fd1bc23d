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

    /// A `count --by` breakdown, in the order given; `total` is every matching post (the
    /// buckets shown may be fewer, with `--limit`).
    ///
    /// table: the key (headed by the dimension; venues with their source), the number of posts
    /// and a bar scaled to the largest bucket, then the total; json: `{"by": "source", "buckets":
    /// [{"key", "count"}], "total"}` (a venue bucket also has `"source"`); jsonl: one bucket per
    /// line; csv: columns named after the dimension (and `source` for venues) and `count`; md: a
    /// table with the total.
    public static func counts(
        _ buckets: [CountBucket], by dimension: CountDimension, total: Int? = nil, as format: OutputFormat,
        settings: RenderSettings, to write: (String) -> Void
    ) {
        let bySource = dimension == .venue
        func json(_ b: CountBucket) -> JSONText {
            .object([("key", .string(b.key))] + (bySource ? [("source", .string(b.source))] : []) + [("count", .int(b.count))])
        }
        switch format {
        case .table: countsTable(buckets, dimension, total, settings, write)
        case .json:
            let totalMember: [(String, JSONText)] = total.map { [("total", .int($0))] } ?? []
            write(
                JSONText.object([("by", .string(dimension.rawValue)), ("buckets", .array(buckets.map(json)))] + totalMember)
                    .document(settings))
        case .jsonl:
            for bucket in buckets { write(json(bucket).text + "\n") }
        case .csv:
            write(CSVText.row([dimension.rawValue] + (bySource ? ["source"] : []) + ["count"]))
            for bucket in buckets { write(CSVText.row([bucket.key] + (bySource ? [bucket.source ?? ""] : []) + [String(bucket.count)])) }
        case .html: unsupported(format, by: "count --by")
        case .md:
            var rows = buckets.map { [$0.key] + (bySource ? [$0.source ?? ""] : []) + [$0.count.formatted] }
            if let total { rows.append(["**total**"] + (bySource ? [""] : []) + ["**\(total.formatted)**"]) }
            let header = [dimension.rawValue] + (bySource ? ["source"] : []) + ["posts"]
            for line in MarkdownText.table(header: header, rightAligned: [header.count - 1], rows: rows) {
                write(line + "\n")
            }
        }
    }

    private static func countsTable(
        _ buckets: [CountBucket], _ dimension: CountDimension, _ total: Int?, _ settings: RenderSettings,
        _ write: (String) -> Void
    ) {
        guard !buckets.isEmpty else {
            write("0 posts\n")
            return
        }
        let width = settings.tableWidth
        let bySource = dimension == .venue
        var columns: [TextTable.Column] = [.init(header: dimension.rawValue)]
        if bySource { columns.append(.init(header: "source")) }
        columns += [.init(header: "posts", alignRight: true), .init(header: "")]
        var table = TextTable(columns)
        for bucket in buckets { table.add([bucket.key] + (bySource ? [bucket.source ?? ""] : []) + [bucket.count.formatted, ""]) }
        let bar = columns.count - 1
        // The bar asks for 40 columns, so a long key gives up room to it rather than hide it.
        let natural = table.naturalWidths(withHeader: true)
        var wanted = natural
        wanted[bar] = 40
        var minimum = natural
        minimum[0] = min(8, natural[0])
        minimum[bar] = 5
        let widths = TextTable.fit(natural: wanted, minimum: minimum, available: width - (columns.count - 1) * table.gap)
        let largest = buckets.map(\.count).max() ?? 0
        for (i, bucket) in buckets.enumerated() where largest > 0 {
            // At least one block for any non-empty bucket, so a small one still shows.
            let blocks = bucket.count == 0 ? 0 : max(1, bucket.count * widths[bar] / largest)
            table.rows[i][bar] = String(repeating: "█", count: blocks)
        }
        let header = table.format(table.columns.map(\.header), widths: widths)
        write((settings.color ? ANSI.boldOn + header + ANSI.boldOff : header) + "\n")
        for row in table.rows { write(table.format(row, widths: widths) + "\n") }
        if let total {
            let shown = buckets.reduce(0) { $0 + $1.count }
            let rest = total > shown ? "   (\((total - shown).formatted) in the \(dimension.rawValue)s not shown)" : ""
            write(
                table.format(["total"] + (bySource ? [""] : []) + [total.formatted, ""], widths: widths)
                    + rest + "\n")
        }
    }
}
