import BeatCore

/// Rows of cells laid out in aligned columns that fit a width. When the natural widths are too
/// wide, the widest columns give up space first down to their `minimum`; if that is not enough,
/// droppable columns are left out (lowest `dropOrder` first); then columns shrink to their
/// `floor`; a line that still does not fit is cut. A cell wider than its column is cut with `…`.
struct TextTable {
    struct Column {
        var header: String
        var alignRight = false
        /// The narrowest the column becomes while every column is still shown.
        var minimum = 6
        /// The narrowest it becomes once droppable columns are gone (at most `minimum`).
        var floor = 4
        /// Left out on a narrow terminal, lowest first; nil keeps the column.
        var dropOrder: Int? = nil

        /// A number: right-aligned and never cut.
        static func number(_ header: String) -> Column {
            Column(header: header, alignRight: true, minimum: .max, floor: .max)
        }

        /// A value that must be shown whole, such as a date.
        static func whole(_ header: String) -> Column {
            Column(header: header, minimum: .max, floor: .max)
        }
    }

    var columns: [Column]
    var rows: [[String]] = []
    /// Spaces between columns.
    var gap = 2

    init(_ columns: [Column]) { self.columns = columns }

    /// Adds a row; its cells are made visible (controls escaped) and put on one line.
    mutating func add(_ cells: [String]) {
        rows.append(cells.map(VisibleText.line))
    }

    /// The widest cell of each column, the header included when `withHeader`.
    func naturalWidths(withHeader: Bool) -> [Int] {
        var natural = columns.map { withHeader ? DisplayWidth.of($0.header) : 0 }
        for row in rows {
            for (i, cell) in row.enumerated() where i < natural.count {
                natural[i] = max(natural[i], DisplayWidth.of(cell))
            }
        }
        return natural
    }

    /// The width of each column for `width` columns in all; 0 for a column left out.
    func widths(fitting width: Int, withHeader: Bool) -> [Int] {
        let natural = naturalWidths(withHeader: withHeader)
        var kept = columns.indices.filter { natural[$0] > 0 }
        func attempt(_ limit: (Column) -> Int) -> (widths: [Int], fits: Bool) {
            let available = width - gap * max(0, kept.count - 1)
            let fitted = Self.fit(
                natural: kept.map { natural[$0] }, minimum: kept.map { min(limit(columns[$0]), natural[$0]) },
                available: available)
            var widths = Array(repeating: 0, count: columns.count)
            for (k, i) in kept.enumerated() { widths[i] = fitted[k] }
            return (widths, fitted.reduce(0, +) <= available)
        }
        var result = attempt(\.minimum)
        while !result.fits,
            let drop = kept.filter({ columns[$0].dropOrder != nil }).min(by: {
                (columns[$0].dropOrder ?? 0) < (columns[$1].dropOrder ?? 0)
            })
        {
            kept.removeAll { $0 == drop }
            result = attempt(\.minimum)
        }
        if !result.fits { result = attempt { min($0.floor, $0.minimum) } }
        return result.widths
    }

    /// Shrinks the widest column that can still give up a column until the sum fits `available`.
    static func fit(natural: [Int], minimum: [Int], available: Int) -> [Int] {
        var widths = natural
        var excess = widths.reduce(0, +) - available
        while excess > 0 {
            var widest: Int?
            for i in widths.indices where widths[i] > minimum[i] {
                if widest.map({ widths[i] > widths[$0] }) ?? true { widest = i }
            }
            guard let i = widest else { break }
            widths[i] -= 1
            excess -= 1
        }
        return widths
    }

    /// One line per row (after the header row when `withHeader`), each at most `width` columns and
    /// without trailing spaces; the header is bold when `color`.
    func lines(width: Int, withHeader: Bool = true, color: Bool = false) -> [String] {
        let widths = widths(fitting: width, withHeader: withHeader)
        var out: [String] = []
        if withHeader {
            let header = format(columns.map(\.header), widths: widths, within: width)
            out.append(color ? ANSI.boldOn + header + ANSI.boldOff : header)
        }
        out += rows.map { format($0, widths: widths, within: width) }
        return out
    }

    /// The cells of one row placed in their columns (a column of width 0 is left out), cut to `within`.
    func format(_ cells: [String], widths: [Int], within limit: Int = .max) -> String {
        var line = ""
        for (i, column) in columns.enumerated() where widths[i] > 0 {
            let cell = i < cells.count ? cells[i] : ""
            if !line.isEmpty { line += String(repeating: " ", count: gap) }
            line += DisplayWidth.fit(cell, to: widths[i], alignRight: column.alignRight)
        }
        while line.last == " " { line.removeLast() }
        return DisplayWidth.of(line) > limit ? DisplayWidth.truncate(line, to: limit) : line
    }
}
