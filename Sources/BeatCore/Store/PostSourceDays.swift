import BeatSQLite

/// The corpus's posts per source per UTC day (`post_source_days`, kept in step by triggers:
/// see `Schema`, migration 13), beside `PostDays`' totals: how much a platform was collected
/// each day, read as a row a day rather than a row a post.
enum PostSourceDays {
    /// Posts per day (days since 1970) of `source`, over the days it has any.
    static func histogram(of source: String, on connection: Connection) throws -> [Int64: Int] {
        try histogram("SELECT day, posts FROM post_source_days WHERE source = ?1 AND posts > 0", [.text(source)], on: connection)
    }

    /// Posts per day (days since 1970) of the whole corpus, over the days it has any (`PostDays`).
    static func corpusHistogram(on connection: Connection) throws -> [Int64: Int] {
        try histogram("SELECT day, posts FROM post_days WHERE posts > 0", [], on: connection)
    }

    private static func histogram(_ sql: String, _ bindings: [SQLiteValue], on connection: Connection) throws -> [Int64: Int] {
        var result: [Int64: Int] = [:]
        try connection.forEachRow(sql, bindings) { row in
            result[row.int64(0) / PostDays.daySeconds] = Int(row.int64(1))
        }
        return result
    }

    /// `post_source_days` as the posts give it: every post's source and day, counted (by day
    /// first, the order the posts come in; see `Schema`, migration 13). No index is named, so
    /// that `doctor` can count on a file whose facets index is gone.
    static let recountSQL = """
        SELECT source, day, count(*) AS posts FROM (SELECT source, (id >> 20) - ((id >> 20) % 86400 + 86400) % 86400 AS day FROM posts)
        GROUP BY day, source
        """

    /// Sources' days where `post_source_days` and the posts disagree (at most `limit`), as
    /// `(source, day, kept, counted)`.
    static func disagreements(
        on connection: Connection, limit: Int
    ) throws -> [(source: String, day: Int64, kept: Int, counted: Int)] {
        var found: [(source: String, day: Int64, kept: Int, counted: Int)] = []
        let sql = """
            SELECT source, day, sum(kept), sum(counted) FROM (
                SELECT source, day, posts AS kept, 0 AS counted FROM post_source_days
                UNION ALL
                SELECT source, day, 0, posts FROM (\(recountSQL))
            )
            GROUP BY source, day HAVING sum(kept) != sum(counted) ORDER BY day, source LIMIT ?1
            """
        try connection.forEachRow(sql, [.integer(Int64(limit))]) { row in
            found.append((row.string(0) ?? "", row.int64(1), Int(row.int64(2)), Int(row.int64(3))))
        }
        return found
    }

    /// Builds `post_source_days` again from the posts (the caller holds a write transaction).
    static func rebuild(on connection: Connection) throws {
        try connection.execute("DELETE FROM post_source_days")
        try connection.execute("INSERT INTO post_source_days(source, day, posts) \(recountSQL)")
    }
}
