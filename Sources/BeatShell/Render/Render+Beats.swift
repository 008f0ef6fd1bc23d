import BeatCore

extension Render {
    /// Every beat with its volume (`beats`), by name.
    ///
    /// table: the beat, posts in the last 24 hours, the last 7 days, the 7 days before, the trend
    /// (`+25%`, `new`, `-` for two empty weeks) and the total, then its query (cut, then left out,
    /// on a narrow terminal, before the week before and the total), and a line saying which moment the spans count back from; json:
    /// `{"now", "beats": [{"name", "query", "last_24h", "last_7d", "previous_7d", "total", "trend"}]}`
    /// where `trend` is a signed whole percentage or null when the previous 7 days had no posts.
    public static func beats(
        _ reports: [BeatReport], now: Int64, as format: OutputFormat, settings: RenderSettings, to write: (String) -> Void
    ) {
        switch format {
        case .table: beatsTable(reports, now: now, settings, write)
        case .json:
            write(JSONText.object([("now", .time(now)), ("beats", .array(reports.map { .object(beatMembers($0)) }))]).document(settings))
        case .jsonl:
            for report in reports { write(JSONText.object(beatMembers(report)).text + "\n") }
        case .csv:
            write(CSVText.row(beatCSVHeader))
            for report in reports { write(CSVText.row(beatCSVFields(report))) }
        case .md:
            let rows = reports.map { r -> [String] in
                let v = r.volume
                return [
                    r.beat.name, v.lastDay.formatted, v.lastWeek.formatted, v.previousWeek.formatted, v.trendLabel,
                    v.total.formatted, r.beat.query,
                ]
            }
            let header = ["beat", "24h", "7d", "previous 7d", "trend", "total", "query"]
            for line in MarkdownText.table(header: header, rightAligned: [1, 2, 3, 4, 5], rows: rows) { write(line + "\n") }
            write("\nPosts up to \(CivilTime.iso8601(now)).\n")
        case .html: unsupported(format, by: "beats")
        }
    }

    /// One beat in full (`beat show NAME`): its query, what it finds in words, when it was
    /// defined and its volume.
    ///
    /// table: labelled lines; json and jsonl: `{"name", "query", "description", "created_at",
    /// "updated_at", "now", "last_24h", "last_7d", "previous_7d", "total", "trend"}`; csv: those
    /// columns and one row; md: the name as a heading and the fields as a list.
    public static func beat(_ report: BeatReport, as format: OutputFormat, settings: RenderSettings, to write: (String) -> Void) {
        let b = report.beat, v = report.volume
        switch format {
        case .table: beatTable(report, settings, write)
        case .json: write(JSONText.object(beatDetailMembers(report)).document(settings))
        case .jsonl: write(JSONText.object(beatDetailMembers(report)).text + "\n")
        case .csv:
            write(CSVText.row(["name", "query", "description", "created_at", "updated_at", "now"] + beatCSVHeader.dropFirst(2)))
            write(
                CSVText.row(
                    [
                        b.name, b.query, report.description, CivilTime.iso8601(b.createdAt), CivilTime.iso8601(b.updatedAt),
                        CivilTime.iso8601(report.now),
                    ] + beatCSVFields(report).dropFirst(2)))
        case .md:
            write("### Beat \(MarkdownText.code(b.name))\n\n")
            write("- **query:** \(MarkdownText.code(b.query))\n")
            write("- **finds:** \(MarkdownText.inline(report.description, atLineStart: false))\n")
            write("- **last 24 hours:** \(Wording.posts(v.lastDay))\n")
            write("- **last 7 days:** \(Wording.posts(v.lastWeek)) (\(v.trendLabel) on the 7 days before: \(v.previousWeek.formatted))\n")
            write("- **total:** \(Wording.posts(v.total))\n")
            write(
                "- **defined:** \(CivilTime.iso8601(b.createdAt))"
                    + (b.updatedAt != b.createdAt ? ", changed \(CivilTime.iso8601(b.updatedAt))" : "") + "\n")
            write("\nPosts up to \(CivilTime.iso8601(report.now)).\n")
        case .html: unsupported(format, by: "beat show")
        }
    }

    // MARK: - Shared fields

    private static let beatCSVHeader = ["name", "query", "last_24h", "last_7d", "previous_7d", "total", "trend"]

    private static func beatCSVFields(_ r: BeatReport) -> [String?] {
        let v = r.volume
        return [
            r.beat.name, r.beat.query, String(v.lastDay), String(v.lastWeek), String(v.previousWeek), String(v.total),
            v.trendPercent.map { String($0) },
        ]
    }

    private static func volumeMembers(_ v: BeatVolume) -> [(String, JSONText)] {
        [
            ("last_24h", .int(v.lastDay)), ("last_7d", .int(v.lastWeek)), ("previous_7d", .int(v.previousWeek)),
            ("total", .int(v.total)), ("trend", .int(v.trendPercent.map { Int64($0) })),
        ]
    }

    private static func beatMembers(_ r: BeatReport) -> [(String, JSONText)] {
        [("name", .string(r.beat.name)), ("query", .string(r.beat.query))] + volumeMembers(r.volume)
    }

    private static func beatDetailMembers(_ r: BeatReport) -> [(String, JSONText)] {
        [
            ("name", .string(r.beat.name)), ("query", .string(r.beat.query)), ("description", .string(r.description)),
            ("created_at", .time(r.beat.createdAt)), ("updated_at", .time(r.beat.updatedAt)), ("now", .time(r.now)),
        ]
            + volumeMembers(r.volume)
    }

    // MARK: - Tables

    private static func beatsTable(_ reports: [BeatReport], now: Int64, _ settings: RenderSettings, _ write: (String) -> Void) {
        guard !reports.isEmpty else {
            for line in StyledText.wrapLines("no beats yet; 'beat add NAME QUERY' defines one", width: settings.tableWidth) {
                write(line + "\n")
            }
            return
        }
        var table = TextTable([
            // The name is never cut; on a narrow terminal the query goes first, then the week before and the total.
            .whole("beat"), .number("24h"), .number("7d"), droppable(.number("prev 7d"), 1), .number("trend"),
            droppable(.number("total"), 2), .init(header: "query", minimum: 8, dropOrder: 0),
        ])
        for r in reports {
            let v = r.volume
            table.add([
                r.beat.name, v.lastDay.formatted, v.lastWeek.formatted, v.previousWeek.formatted, v.trendLabel,
                v.total.formatted, r.beat.query,
            ])
        }
        for line in table.lines(width: settings.tableWidth, color: settings.color) { write(line + "\n") }
        for line in StyledText.wrapLines(
            "posts up to \(CivilTime.iso8601(now)); trend: the last 7 days against the 7 before",
            width: settings.tableWidth)
        {
            write(line + "\n")
        }
    }

    private static func droppable(_ column: TextTable.Column, _ order: Int) -> TextTable.Column {
        var column = column
        column.dropOrder = order
        return column
    }

    private static func beatTable(_ r: BeatReport, _ settings: RenderSettings, _ write: (String) -> Void) {
        let b = r.beat, v = r.volume
        var defined = CivilTime.iso8601(b.createdAt)
        if b.updatedAt != b.createdAt { defined += ", changed " + CivilTime.iso8601(b.updatedAt) }
        let fields: [(String, String)] = [
            ("beat", b.name), ("query", b.query), ("finds", r.description), ("defined", defined),
            ("last 24h", Wording.posts(v.lastDay)),
            ("last 7d", Wording.posts(v.lastWeek) + " (\(v.trendLabel) on the 7 days before: \(v.previousWeek.formatted))"),
            ("total", Wording.posts(v.total)), ("as of", CivilTime.iso8601(r.now)),
        ]
        let labelWidth = fields.map { $0.0.count }.max() ?? 0
        let indent = String(repeating: " ", count: labelWidth + 2)
        let valueWidth = max(12, settings.tableWidth - indent.count)
        for (label, value) in fields {
            for (i, line) in StyledText.wrapLines(value, width: valueWidth).enumerated() {
                let head = i == 0 ? label.padding(to: labelWidth + 2) : indent
                write(head + line + "\n")
            }
        }
    }
}
