import BeatSQLite

/// A query of Beat's search grammar compiled for SQLite: an FTS5 match
/// expression (when the query has words), SQL conditions on the `posts` row
/// (filters), and a rowid range for its dates. Every value is bound; no user
/// text is ever part of the SQL.
///
/// The SQL conditions refer to the posts table as `p`; `posts_fts` is the
/// full-text table. Since post ids are time-ordered (see `Schema`), dates
/// become `idRange`, which both tables answer by seeking their rowid.
public struct CompiledQuery: Sendable, Equatable {
    /// The FTS5 expression for `posts_fts MATCH ?`, or nil for a filters-only query.
    public var match: String?
    /// SQL boolean expressions on `p` (the posts row), all of which must hold.
    /// Each uses `?` placeholders whose values are in `bindings`, in order.
    public var conditions: [String]
    /// Values for the placeholders of `conditions`, in order.
    public var bindings: [SQLiteValue]
    /// Inclusive range of post ids allowed by the date filters, or nil for all dates.
    public var idRange: ClosedRange<Int64>?
    /// The query in words, for headers and reports: `posts matching "open weights" from reddit since 2026-04-01`.
    public var description: String

    public init(
        match: String? = nil, conditions: [String] = [], bindings: [SQLiteValue] = [],
        idRange: ClosedRange<Int64>? = nil, description: String = "all posts"
    ) {
        self.match = match
        self.conditions = conditions
        self.bindings = bindings
        self.idRange = idRange
        self.description = description
    }

    /// True when the query can match nothing (e.g. `since:` after `until:`).
    public var isEmptyRange: Bool { idRange.map { $0.isEmpty } ?? false }
}

extension CompiledQuery {
    /// `SELECT id FROM …`: the ids of every matching post, with its bindings.
    ///
    /// With words, the FTS5 index drives: the date range is a rowid range on
    /// `posts_fts`, and filters on `p` are checked only for the rows it yields.
    public func idsSQL() -> (sql: String, bindings: [SQLiteValue]) {
        var clauses: [String] = []
        var values: [SQLiteValue] = []
        let sql: String
        if let match {
            clauses.append("posts_fts MATCH ?")
            values.append(.text(match))
            if let idRange {
                clauses.append("f.rowid BETWEEN ? AND ?")
                values += [.integer(idRange.lowerBound), .integer(idRange.upperBound)]
            }
            sql = conditions.isEmpty
                ? "SELECT f.rowid AS id FROM posts_fts f WHERE "
                : "SELECT f.rowid AS id FROM posts_fts f JOIN posts p ON p.id = f.rowid WHERE "
        } else {
            if let idRange {
                clauses.append("p.id BETWEEN ? AND ?")
                values += [.integer(idRange.lowerBound), .integer(idRange.upperBound)]
            }
            sql = "SELECT p.id AS id FROM posts p WHERE "
        }
        clauses += conditions.map { "(\($0))" }
        values += bindings
        return (sql + (clauses.isEmpty ? "1" : clauses.joined(separator: " AND ")), values)
    }
}
