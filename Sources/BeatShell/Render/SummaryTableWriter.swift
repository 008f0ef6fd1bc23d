import BeatCore

/// Writes the parts of the summary's terminal screen: headings, wrapped paragraphs, tables with
/// bars, all within `width` display columns.
struct SummaryTableWriter {
    let width: Int
    let color: Bool
    /// Quotes are followed by the sentences around them (`--context`).
    let showsContext: Bool
    let write: (String) -> Void

    init(settings: RenderSettings, write: @escaping (String) -> Void) {
        width = settings.tableWidth
        color = settings.color
        showsContext = settings.quoteContext
        self.write = write
    }

    func line(_ text: String) { write(text + "\n") }

    /// A section heading after a blank line, bold only with colour.
    func heading(_ text: String, first: Bool = false) {
        if !first { line("") }
        for piece in StyledText.wrapLines(text, width: width) {
            line(color ? ANSI.boldOn + piece + ANSI.boldOff : piece)
        }
    }

    /// Stored or composed text made visible and wrapped, every line after `indent` spaces.
    func paragraph(_ text: String, indent: Int = 0) {
        let pad = String(repeating: " ", count: indent)
        for piece in StyledText.wrapLines(text, width: width - indent) { line(piece.isEmpty ? "" : pad + piece) }
    }

    /// A table fitted to the width.
    func table(_ table: TextTable) {
        for row in table.lines(width: width, color: color) { line(row) }
    }

    /// A table whose last column is a bar of `values[i]` blocks scaled to the largest value: the
    /// bar takes what the text leaves, up to 30 columns; below 5 the text gives up room to it.
    func barTable(_ columns: [TextTable.Column], rows: [[String]], values: [Double]) {
        var table = TextTable(columns + [TextTable.Column(header: "")])
        for row in rows { table.add(row + [""]) }
        let natural = Array(table.naturalWidths(withHeader: true).prefix(columns.count))
        let available = width - table.gap * columns.count
        let barWidth = min(30, max(5, available - natural.reduce(0, +)))
        let minimum = columns.indices.map { min(natural[$0], columns[$0].minimum) }
        let widths = TextTable.fit(natural: natural, minimum: minimum, available: available - barWidth) + [barWidth]
        let largest = values.max() ?? 0
        for (i, value) in values.enumerated() where largest > 0 && value > 0 {
            // At least one block, so a small share still shows.
            let blocks = max(1, Int((value / largest * Double(barWidth)).rounded()))
            table.rows[i][columns.count] = String(repeating: "█", count: min(blocks, barWidth))
        }
        let header = table.format(table.columns.map(\.header), widths: widths, within: width)
        line(color ? ANSI.boldOn + header + ANSI.boldOff : header)
        for row in table.rows { line(table.format(row, widths: widths, within: width)) }
    }

    /// A quote in full, wrapped (a quote is cited verbatim, so never cut), then its attribution.
    /// `prefix` (a number, `▲`) starts the first line; later lines are indented as far.
    func quote(_ q: Quote, prefix: String, indent: Int) {
        let pad = String(repeating: " ", count: indent)
        let lead = DisplayWidth.fit(prefix, to: indent)
        let text = q.isPartial ? "\"…" + q.text + "…\"" : Wording.quoted(q.text)
        for (j, piece) in StyledText.wrapLines(text, width: width - indent).enumerated() {
            line(j == 0 ? lead + piece : piece.isEmpty ? "" : pad + piece)
        }
        var notes = ["— " + q.post.attribution + " · " + q.post.id]
        if q.count > 1 || !q.alsoIn.isEmpty {
            let others = q.alsoIn.isEmpty ? "" : "; also in " + q.alsoIn.joined(separator: ", ")
            notes.append("\(Wording.posts(q.count)) say this" + others)
        }
        if showsContext {
            // Dimmed in brackets: the quote is what is cited, its neighbours how it reads.
            if let before = q.before { paragraph("[before] " + before, indent: indent) }
            if let after = q.after { paragraph("[after] " + after, indent: indent) }
        }
        for note in notes { paragraph(note, indent: indent) }
    }
}
