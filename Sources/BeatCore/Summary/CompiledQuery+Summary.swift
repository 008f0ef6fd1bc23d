import BeatSQLite

/// The statements a summary runs, in the same shape as the others (see
/// `QuerySQL.swift`): with words the FTS5 index drives, dates are rowid
/// bounds inside it, and `posts p` is joined by its primary key.
extension CompiledQuery {
    /// Rows `(id, source, venue, author)` of every matching post, in id (time)
    /// order: the one pass a summary makes over the beat's posts, from which
    /// volume, sources, venues, voices and the timeline are all counted.
    public func summaryRowsSQL() -> (sql: String, bindings: [SQLiteValue]) {
        let selection = selection(joiningPosts: true)
        // The unary plus keeps the columns from suggesting an index to the planner.
        return (
            "SELECT \(selection.id) AS id, +p.source, +p.venue, +p.author FROM \(selection.from) "
                + "WHERE \(selection.filter) ORDER BY \(selection.id)",
            selection.bindings
        )
    }
}

/// Statements on the whole corpus that do not depend on a query.
enum SummarySQL {
    /// Rows `(id, title, text)` of the posts whose ids are in the JSON array `?1`.
    static let textsByID = "SELECT p.id, p.title, p.text FROM posts p WHERE p.id IN (SELECT value FROM json_each(?1))"

    /// Every post id of a range, from the index's own table of document sizes (one row per post).
    static let idsInRange = "SELECT id FROM posts_fts_docsize WHERE id >= ?1 AND id <= ?2 ORDER BY id"

    /// The first post id at or after `?1` and at most `?2`: one probe of an evenly spread sample of the corpus.
    static let firstIDFrom = "SELECT id FROM posts_fts_docsize WHERE id >= ?1 AND id <= ?2 ORDER BY id LIMIT 1"
}
