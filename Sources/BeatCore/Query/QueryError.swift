/// Where a part of a query is: its 1-based column and its length, both in
/// characters (grapheme clusters), as an editor counts them.
struct QuerySpan: Sendable, Equatable, Hashable {
    var column: Int
    var length: Int

    /// The span from the start of `self` to the end of `other`.
    func through(_ other: QuerySpan) -> QuerySpan {
        let end = max(column + length, other.column + other.length)
        let start = min(column, other.column)
        return QuerySpan(column: start, length: end - start)
    }
}

/// A mistake in a query: what is wrong, where, and what to do about it.
///
/// Thrown for genuine mistakes only (an unbalanced quote or parenthesis, an
/// unknown filter, a bad date, an operator missing a side), so that a
/// mistake is never reported as "0 results".
public struct QueryError: Error, Equatable, Sendable {
    /// What is wrong, in words.
    public let message: String
    /// 1-based column, in characters, of the offending part.
    public let column: Int
    /// Its length in characters (at least 1).
    public let length: Int
    /// What to do instead, when there is something useful to say.
    public let hint: String?

    /// An error at `column` (1-based, at least 1) spanning `length` characters (at least 1).
    public init(message: String, column: Int, length: Int, hint: String? = nil) {
        self.message = message
        self.column = max(1, column)
        self.length = max(1, length)
        self.hint = hint
    }

    init(_ message: String, at span: QuerySpan, hint: String? = nil) {
        self.init(message: message, column: span.column, length: span.length, hint: hint)
    }

    /// The error as three or four lines: the message, the query, a caret line
    /// under the offending part, and the hint when there is one.
    ///
    /// ```
    /// error: unknown filter 'auther:'
    /// auther:alice
    /// ^~~~~~
    /// hint: did you mean 'author:'?
    /// ```
    ///
    /// Control characters in the query are shown as their Unicode control
    /// pictures, and wide characters (CJK, emoji) count two cells, so the caret
    /// stays under the part on a terminal.
    public func rendered(query: String) -> String {
        // Each character of the query as the terminal shows it (a control as its picture),
        // so that columns, counted in characters, still index the shown text.
        let shown = query.map { VisibleText.make(String($0), .pictures) }
        let before = shown.prefix(column - 1).reduce(0) { $0 + DisplayWidth.of($1) }
        let partEnd = min(shown.count, column - 1 + length)
        let part = column - 1 < partEnd ? shown[(column - 1)..<partEnd] : []
        let width = max(1, part.reduce(0) { $0 + DisplayWidth.of($1) })
        var lines = [
            "error: \(message)",
            shown.joined(),
            String(repeating: " ", count: before) + "^" + String(repeating: "~", count: width - 1),
        ]
        if let hint { lines.append("hint: \(hint)") }
        return lines.joined(separator: "\n")
    }
}
