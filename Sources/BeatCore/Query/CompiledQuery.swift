import BeatSQLite

/// A query of Beat's search grammar compiled for SQLite: an FTS5 match
/// expression (when the query has words), conditions on the `posts` row
/// (filters), and a rowid range for its dates. Every value is bound; no user
/// text is ever part of the SQL.
///
/// Since post ids are time-ordered (see `Schema`), dates become `idRange`,
/// which both the posts table and the full-text table answer by seeking their rowid.
public struct CompiledQuery: Sendable, Equatable {
    /// The FTS5 expression for `posts_fts MATCH ?`, or nil for a filters-only query.
    public var match: String?
    /// Conditions on the posts row, all of which must hold.
    public var conditions: [PostCondition]
    /// Inclusive range of post ids allowed by the date filters, or nil for all dates;
    /// an open end is `Int64.min` or `Int64.max` (and is left out of the SQL).
    public var idRange: ClosedRange<Int64>?
    /// The query in words, for headers and reports: `posts matching "open weights" from reddit since 2026-04-01`.
    public var description: String
    /// True when the query can match nothing because its dates exclude each
    /// other (session `since:30d` with a query's `until:2025-01-01`); the SQL
    /// then selects no rows. Within one query text that is an error instead.
    public var isEmptyRange: Bool

    /// A `CompiledQuery` made of the values given.
    public init(
        match: String? = nil, conditions: [PostCondition] = [],
        idRange: ClosedRange<Int64>? = nil, description: String = "all posts", isEmptyRange: Bool = false
    ) {
        self.match = match
        self.conditions = conditions
        self.idRange = idRange
        self.description = description
        self.isEmptyRange = isEmptyRange
    }

    /// A query that needs both `self` and `other` to hold: the two matches
    /// (each parenthesised), the conditions of both, the common date range.
    /// The description is `self`'s, followed by `other`'s after "within".
    public func combined(with other: CompiledQuery) -> CompiledQuery {
        var result = self
        switch (match, other.match) {
        case (let a?, let b?): result.match = "(\(a)) AND (\(b))"
        case (nil, let b?): result.match = b
        default: break
        }
        result.conditions += other.conditions
        result.isEmptyRange = isEmptyRange || other.isEmptyRange
        if let a = idRange, let b = other.idRange {
            let first = max(a.lowerBound, b.lowerBound)
            let last = min(a.upperBound, b.upperBound)
            if first <= last {
                result.idRange = first...last
            } else {
                result.idRange = nil
                result.isEmptyRange = true
            }
        } else {
            result.idRange = idRange ?? other.idRange
        }
        result.description = description + " within " + other.description
        return result
    }
}

extension CompiledQuery {
    /// `SELECT id FROM …`: the ids of every matching post, with its bindings.
    ///
    /// With words, the FTS5 index drives: the date range is a rowid range on
    /// `posts_fts`, and filters on `p` are checked only for the rows it yields.
    public func idsSQL() -> (sql: String, bindings: [SQLiteValue]) {
        let selection = selection(joiningPosts: false)
        return ("SELECT \(selection.id) AS id FROM \(selection.from) WHERE \(selection.filter)", selection.bindings)
    }
}
