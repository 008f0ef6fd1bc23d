import BeatSQLite

extension SearchEngine {
    /// What the corpus holds: per source and venue, the number of posts and
    /// the first and last publication time; by source, then most posts first
    /// (then venue, for a stable order).
    public func coverage() throws -> [Coverage] {
        var result: [Coverage] = []
        try connection.forEachRow(
            """
            SELECT source, venue, count(*) AS posts, min(published_at), max(published_at)
            FROM posts GROUP BY source, venue ORDER BY source, posts DESC, venue
            """
        ) { row in
            result.append(
                Coverage(
                    source: row.string(0) ?? "", venue: row.string(1), posts: Int(row.int64(2)),
                    first: row.int64(3), last: row.int64(4)))
        }
        return result
    }

    /// The authors with the most posts matching `query` (all posts when nil),
    /// posts without an author left out, each with the source they post on
    /// most (ties: the first source by name). Most posts first, then by name.
    public func authors(for query: CompiledQuery?, limit: Int = 20) throws -> [AuthorCount] {
        guard limit > 0, !(query?.isEmptyRange ?? false) else { return [] }
        var selection = "p.author IS NOT NULL"
        var bindings: [SQLiteValue] = []
        if let query {
            let ids = query.idsSQL()
            selection += " AND p.id IN (\(ids.sql))"
            bindings = ids.bindings
        }
        let sql = """
            WITH per_source AS (
                SELECT p.author AS author, p.source AS source, count(*) AS posts
                FROM posts p WHERE \(selection) GROUP BY p.author, p.source
            ), ranked AS (
                SELECT author, source, sum(posts) OVER (PARTITION BY author) AS total,
                       row_number() OVER (PARTITION BY author ORDER BY posts DESC, source) AS place
                FROM per_source
            )
            SELECT author, source, total FROM ranked WHERE place = 1 ORDER BY total DESC, author LIMIT ?
            """
        var result: [AuthorCount] = []
        try eachRow(sql, bindings + [.integer(Int64(limit))]) { row in
            result.append(AuthorCount(author: row.string(0) ?? "", source: row.string(1) ?? "", posts: Int(row.int64(2))))
        }
        return result
    }
}
