import BeatCore

extension Render {
    /// A page of `search` hits, numbered from `offset + 1` (the numbers `show N` takes).
    ///
    /// table: a header line `20 of 312 posts matching QUERY` (`21-40 of 312 …` for a later page),
    /// then per hit a line of aligned columns (number, id, source, venue, author, date), the title
    /// on its own line, and the snippet wrapped under it (at most 3 lines), matches in bold when
    /// `settings.color`.
    public static func search(_ page: SearchPage, as format: OutputFormat, settings: RenderSettings, to write: (String) -> Void) {
        switch format {
        case .table: searchTable(page, settings, write)
        case .json:
            let document: JSONText = .object([
                ("query", .string(page.query)), ("total", .int(page.total)), ("hits", .array(page.hits.map(json))),
            ])
            write(document.document(settings))
        case .jsonl:
            for hit in page.hits { write(json(hit).text + "\n") }
        case .csv:
            write(CSVText.row(["id", "source", "venue", "author", "published_at", "title", "url", "snippet", "rank"]))
            for hit in page.hits {
                let p = hit.post
                write(
                    CSVText.row([
                        p.id, p.source, p.venue, p.author, CivilTime.iso8601(p.publishedAt), p.title, p.url,
                        hit.snippet.plain, hit.rank.flatMap { JSONText.double($0).numberText },
                    ]))
            }
        case .html: unsupported(format, by: "search")
        case .md: searchMarkdown(page, write)
        }
    }

    private static func json(_ hit: SearchHit) -> JSONText {
        .object(hit.post.jsonMembers + [("snippet", .string(hit.snippet.plain)), ("rank", .double(hit.rank))])
    }

    /// `20 of 312 posts matching QUERY`, or without ` matching QUERY` when not `withQuery`.
    static func searchHeadline(_ page: SearchPage, withQuery: Bool = true) -> String {
        let shown: String
        if page.hits.isEmpty || page.offset == 0 {
            shown = page.hits.count.formatted
        } else {
            shown = "\((page.offset + 1).formatted)-\((page.offset + page.hits.count).formatted)"
        }
        let total = Wording.posts(page.total)
        let query = VisibleText.line(page.query)
        return (page.total == 0 ? total : "\(shown) of \(total)") + (query.isEmpty || !withQuery ? "" : " matching \(query)")
    }

    private static func searchTable(_ page: SearchPage, _ settings: RenderSettings, _ write: (String) -> Void) {
        let width = settings.tableWidth
        for line in StyledText(plain: searchHeadline(page)).wrapped(width: width, maxLines: 3) {
            write(line.terminalText(color: false) + "\n")
        }
        guard !page.hits.isEmpty else { return }
        var table = TextTable([
            .number("#"), .whole("id"),
            .init(header: "source", minimum: 4, floor: .max), .init(header: "venue", minimum: 5, floor: .max),
            .init(header: "author", minimum: 12, floor: .max), .whole("date"),
        ])
        for (i, hit) in page.hits.enumerated() {
            let p = hit.post
            table.add([String(page.offset + i + 1), p.id, p.source, p.venue ?? Wording.missing, p.author ?? Wording.missing, p.day])
        }
        // Ids are copied into `show`, so they are never cut: when they do not fit in one line of
        // columns beside readable authors, each goes whole on a line of its own under its row,
        // and the row keeps the room for the author. No column goes below its minimum: a
        // terminal too narrow for that gets the stacked layout.
        let oneLine = table.widths(fitting: width, withHeader: false)
        let natural = table.naturalWidths(withHeader: false)
        let idsOnOwnLine =
            oneLine[1] == 0 || oneLine[4] < natural[4]
            || oneLine.reduce(0, +) + table.gap * (oneLine.count - 1) > width
        if idsOnOwnLine {
            for i in table.rows.indices { table.rows[i][1] = "" }
        }
        let columns = idsOnOwnLine ? table.widths(fitting: width, withHeader: false) : oneLine
        let indent = String(repeating: " ", count: columns[0] + table.gap)
        let textWidth = width - indent.count
        // Too narrow for one line of columns: the number and id on the first line, the rest under it.
        let stacked = columns.reduce(0, +) + table.gap * (columns.count - 1) > width
        for (i, hit) in page.hits.enumerated() {
            let p = hit.post
            if stacked {
                let number = DisplayWidth.fit(table.rows[i][0], to: columns[0], alignRight: true)
                write("\n" + number + String(repeating: " ", count: table.gap) + VisibleText.line(p.id) + "\n")
                let about = [p.day, p.place, p.author].compactMap { $0 }.joined(separator: " · ")
                for line in StyledText(plain: VisibleText.line(about)).wrapped(width: textWidth, maxLines: 2) {
                    write(indent + line.terminalText(color: false) + "\n")
                }
            } else {
                write("\n" + table.format(table.rows[i], widths: columns) + "\n")
                if idsOnOwnLine { write(indent + VisibleText.line(p.id) + "\n") }
            }
            if let marked = hit.title, !marked.plain.isEmpty {
                // Matches in the title are bold, as in the snippet.
                for line in StyledText(oneLine: marked).wrapped(width: textWidth, maxLines: 1) {
                    write(indent + line.terminalText(color: settings.color) + "\n")
                }
            } else if let title = p.title.map(VisibleText.line), !title.isEmpty {
                write(indent + DisplayWidth.truncate(title, to: textWidth) + "\n")
            }
            for line in StyledText(oneLine: hit.snippet).wrapped(width: textWidth, maxLines: 3) {
                write(indent + line.terminalText(color: settings.color) + "\n")
            }
        }
    }

    private static func searchMarkdown(_ page: SearchPage, _ write: (String) -> Void) {
        let shown = searchHeadline(page, withQuery: false)
        let query = page.query.isEmpty ? "" : " matching " + MarkdownText.code(page.query)
        write("**\(shown)**\(query)\n")
        for (i, hit) in page.hits.enumerated() {
            let p = hit.post
            let marker = "\(page.offset + i + 1). "
            let label = MarkdownText.inline(p.title.flatMap { $0.isEmpty ? nil : $0 } ?? p.id)
            let line =
                MarkdownText.link(label, url: p.url) + " — " + MarkdownText.inline(p.attribution)
                + " · " + MarkdownText.code(p.id)
            write("\n" + marker + line + "\n")
            let snippet = markdownSnippet(hit.snippet)
            if !snippet.isEmpty {
                // A paragraph of the same list item: indented to the item's content.
                write("\n" + String(repeating: " ", count: marker.count) + snippet + "\n")
            }
        }
    }

    /// A snippet on one line with its matches in `**bold**`; spaces at the edges of a match are
    /// moved outside the markers, where Markdown requires them.
    static func markdownSnippet(_ snippet: HighlightedText) -> String {
        let text = StyledText(oneLine: snippet)
        var out = ""
        var run = ""
        var runIsMatch = false
        func flush() {
            guard !run.isEmpty else { return }
            let escaped = MarkdownText.escape(run, atLineStart: out.isEmpty)
            if runIsMatch {
                let core = escaped.trimming(anyOf: " ")
                let lead = escaped.prefix { $0 == " " }
                let trail = escaped.reversed().prefix { $0 == " " }
                out += lead + (core.isEmpty ? "" : "**" + core + "**") + String(trail)
            } else {
                out += escaped
            }
            run = ""
        }
        for cell in text.cells {
            if cell.isMatch != runIsMatch {
                flush()
                runIsMatch = cell.isMatch
            }
            run.append(cell.character)
        }
        flush()
        return out
    }
}
