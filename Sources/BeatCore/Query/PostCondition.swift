import BeatSQLite

/// One condition a query's filters put on the posts row, as a value. The SQL is written
/// only when a statement is made, because its form depends on the statement: with words
/// the FTS5 index drives and the columns carry a unary `+` so that SQLite does not drive
/// from their indexes instead; without words the author and venue indexes, which are
/// selective, are used.
public indirect enum PostCondition: Sendable, Equatable {
    /// The post is from one of `sources` (`SourceKind` raw values), or from none of them.
    case source(in: [String], negated: Bool)
    /// The post's venue is one of `names` (ignoring ASCII case), or is none of them (a post
    /// without a venue is in none).
    case venue(in: [String], negated: Bool)
    /// The post's author is one of `names`, as for venues.
    case author(in: [String], negated: Bool)
    /// Published within one of the spans (unix seconds, inclusive).
    case publishedWithin([ClosedRange<Int64>])
    /// Published before the second.
    case publishedBefore(Int64)
    /// Published after the second.
    case publishedAfter(Int64)
    /// Published outside the span.
    case publishedOutside(ClosedRange<Int64>)
    /// The post matches one of the queries (beats); with `negated`, none of them.
    case matchesAny(of: [CompiledQuery], negated: Bool)
    /// The post does not match the FTS5 expression (a query of exclusions only).
    case notMatching(String)

    /// Whether the condition reads no column of `p` but its id, source, venue and author:
    /// the columns the `posts_facets` index holds.
    var readsFacetsOnly: Bool {
        switch self {
        case .source, .venue, .author, .matchesAny, .notMatching: return true
        case .publishedWithin, .publishedBefore, .publishedAfter, .publishedOutside: return false
        }
    }

    /// Whether, in a statement the FTS5 index drives, the condition reads the post id alone
    /// (`textDrivenSQL`): the statement then needs no row of `posts` for it.
    public var readsIDOnlyWhenTextDriven: Bool {
        if case .source = self { return true }
        return false
    }

    /// The condition as SQL with its bindings, in order, for a statement the FTS5 index
    /// drives, whose post id is the column `id`; `postsJoined` says whether `p` is joined.
    ///
    /// Without `p`, a source is read from the id's lane (`PostLane`) where the lane carries
    /// it, and from the facets index where it does not: in the unsorted lane and in the
    /// seconds listed in `post_lane_exceptions` (none, in a corpus made since schema 12).
    public func textDrivenSQL(id: String, postsJoined: Bool) -> (sql: String, bindings: [SQLiteValue]) {
        // With `p` joined for another column, its source costs nothing more.
        guard case .source(let names, let negated) = self, !postsJoined else { return sql(textDriven: true) }
        let lane = PostLane.sql(id)
        let carried =
            "\(lane) <> \(PostLane.unsorted) AND \(id) >> \(Schema.sequenceBits) NOT IN (SELECT second FROM post_lane_exceptions)"
        let (byLane, laneBindings) = Self.membership(lane, names.map { .integer(PostLane.lane(of: $0)) }, negated: negated)
        // The facets index is denser than the table (a post's row is 2 KB): as fast as the join was.
        let stored = "(SELECT source FROM posts INDEXED BY posts_facets WHERE id = \(id))"
        let (byRow, rowBindings) = Self.membership(stored, names.map { .text($0) }, negated: negated)
        return ("CASE WHEN \(carried) THEN \(byLane) ELSE \(byRow) END", laneBindings + rowBindings)
    }

    /// The condition as SQL on `p` with its bindings, in order.
    /// - Parameter textDriven: true when the FTS5 index drives the statement (the query has words).
    public func sql(textDriven: Bool) -> (sql: String, bindings: [SQLiteValue]) {
        switch self {
        case .source(let names, let negated):
            return Self.membership("+p.source", names, negated: negated)
        case .venue(let names, let negated):
            return Self.name("venue", names, negated: negated, textDriven: textDriven)
        case .author(let names, let negated):
            return Self.name("author", names, negated: negated, textDriven: textDriven)
        case .publishedWithin(let spans):
            let sql = spans.map { _ in "+p.published_at BETWEEN ? AND ?" }.joined(separator: " OR ")
            return (spans.count == 1 ? sql : "(" + sql + ")", spans.flatMap { [.integer($0.lowerBound), .integer($0.upperBound)] })
        case .publishedBefore(let second):
            return ("+p.published_at < ?", [.integer(second)])
        case .publishedAfter(let second):
            return ("+p.published_at > ?", [.integer(second)])
        case .publishedOutside(let span):
            return ("+p.published_at NOT BETWEEN ? AND ?", [.integer(span.lowerBound), .integer(span.upperBound)])
        case .matchesAny(let queries, let negated):
            let subqueries = queries.map { $0.idsSQL() }
            if negated {
                return (subqueries.map { "+p.id NOT IN (\($0.sql))" }.joined(separator: " AND "), subqueries.flatMap(\.bindings))
            }
            let sql = subqueries.map { "+p.id IN (\($0.sql))" }.joined(separator: " OR ")
            return (subqueries.count == 1 ? sql : "(" + sql + ")", subqueries.flatMap(\.bindings))
        case .notMatching(let expression):
            return ("+p.id NOT IN (SELECT rowid FROM posts_fts WHERE posts_fts MATCH ?)", [.text(expression)])
        }
    }

    /// `column = ?` for one value, `column IN (?, …)` for several.
    private static func membership(_ column: String, _ names: [String], negated: Bool) -> (String, [SQLiteValue]) {
        membership(column, names.map { .text($0) }, negated: negated)
    }

    private static func membership(_ column: String, _ bindings: [SQLiteValue], negated: Bool) -> (String, [SQLiteValue]) {
        if bindings.count == 1 { return ("\(column) \(negated ? "<>" : "=") ?", bindings) }
        let placeholders = Array(repeating: "?", count: bindings.count).joined(separator: ", ")
        return ("\(column) \(negated ? "NOT IN" : "IN") (\(placeholders))", bindings)
    }

    private static func name(_ column: String, _ names: [String], negated: Bool, textDriven: Bool) -> (String, [SQLiteValue]) {
        // A post without a venue (or author) is not in the excluded one: NULL must not drop it.
        let subject = negated ? "coalesce(p.\(column), '') COLLATE NOCASE" : "\(textDriven ? "+" : "")p.\(column) COLLATE NOCASE"
        return membership(subject, names, negated: negated)
    }
}
