import BeatSQLite

/// How many posts a stretch of ids holds, from the corpus's posts per UTC day
/// (`post_days`, kept in step by triggers: see `Schema`, migration 11).
///
/// The whole days inside the stretch are a row each; only the posts of the partial days at
/// its ends are counted one by one. A year of ten million posts is 365 rows instead of
/// ten million (0.4 s), and a window that starts at a day's midnight and ends at another's
/// (`--since 2024-01-01`, a summary's weeks) has no partial day at all.
public enum PostDays {
    /// Seconds in a day.
    static let daySeconds: Int64 = 86_400

    /// The sum of the days whose start lies in `?1 ..< ?2` (unix seconds).
    static let wholeDaysSQL = "SELECT coalesce(sum(posts), 0) FROM post_days WHERE day >= ?1 AND day < ?2"

    /// The first and last day kept (NULL when no post was ever stored). Two subqueries: SQLite
    /// reads `min` or `max` from the end of the b-tree only when it is the statement's one aggregate.
    static let storedDaysSQL = "SELECT (SELECT min(day) FROM post_days), (SELECT max(day) FROM post_days)"

    /// `count(*)` of the posts whose ids lie in `?1 ... ?2`. It reads FTS5's
    /// `posts_fts_docsize`, one short row per post under its own id, rather than
    /// `posts`, whose rows carry the posts' text (a few rows per page).
    static let idRangeSQL = "SELECT count(*) FROM posts_fts_docsize WHERE id >= ?1 AND id <= ?2"

    /// The posts whose ids lie in `range`, read from one snapshot of the corpus (an import
    /// that commits meanwhile is counted whole or not at all).
    public static func posts(inIDs range: ClosedRange<Int64>, on connection: Connection) throws -> Int {
        try posts(inEach: [range], on: connection)[0]
    }

    /// The posts in each of `ranges` (a summary's buckets), from one snapshot and one read of
    /// the days kept.
    static func posts(inEach ranges: [ClosedRange<Int64>], on connection: Connection) throws -> [Int] {
        try connection.reading { try postsInSnapshot(inEach: ranges, on: connection) }
    }

    private static func postsInSnapshot(inEach ranges: [ClosedRange<Int64>], on connection: Connection) throws -> [Int] {
        // No post lies outside the days kept, so an open end (`since:` alone) is the first or last of them.
        let statement = try connection.cachedStatement(storedDaysSQL)
        guard try statement.step(), !statement.isNull(0) else {
            statement.reset()
            return ranges.map { _ in 0 }
        }
        let stored = statement.int64(0)...statement.int64(1)
        statement.reset()
        let largestSecond = Int64.max >> Schema.sequenceBits
        guard stored.lowerBound > -largestSecond, stored.upperBound < largestSecond - daySeconds else {
            return try ranges.map { try count($0, on: connection) }
        }
        let storedIDs = (stored.lowerBound << Schema.sequenceBits)...(((stored.upperBound + daySeconds) << Schema.sequenceBits) - 1)
        return try ranges.map { wanted in
            let lower = max(wanted.lowerBound, storedIDs.lowerBound), upper = min(wanted.upperBound, storedIDs.upperBound)
            return lower <= upper ? try posts(inStoredIDs: lower...upper, on: connection) : 0
        }
    }

    /// The posts in `range`, which lies within the days kept.
    private static func posts(inStoredIDs range: ClosedRange<Int64>, on connection: Connection) throws -> Int {
        guard let days = wholeDays(in: range) else { return try count(range, on: connection) }
        var posts = Int(try connection.scalar(wholeDaysSQL, [.integer(days.lowerBound), .integer(days.upperBound)])?.int64Value ?? 0)
        let firstID = days.lowerBound << Schema.sequenceBits
        let endID = days.upperBound << Schema.sequenceBits
        if range.lowerBound < firstID { posts += try count(range.lowerBound...(firstID - 1), on: connection) }
        if endID <= range.upperBound { posts += try count(endID...range.upperBound, on: connection) }
        return posts
    }

    /// The id where `range` divides into two stretches of about as many posts of the corpus,
    /// at the start of a day; nil when `range` holds fewer than `fewest` posts, or when no
    /// day starts inside it.
    public static func middle(of range: ClosedRange<Int64>, fewest: Int, on connection: Connection) throws -> Int64? {
        let largestSecond = Int64.max >> Schema.sequenceBits
        let first = dayStart(range.lowerBound >> Schema.sequenceBits), last = range.upperBound >> Schema.sequenceBits
        guard first > -largestSecond, last < largestSecond - daySeconds else { return nil }
        var days: [(day: Int64, posts: Int)] = []
        try connection.forEachRow(daysSQL, [.integer(first), .integer(last)]) { days.append(($0.int64(0), Int($0.int64(1)))) }
        // The days at the ends count whole, though the range may hold part of them: a divide
        // near the middle is all that is needed.
        let total = days.reduce(0) { $0 + $1.posts }
        guard total >= max(fewest, 2) else { return nil }
        var before = 0
        var best: (id: Int64, imbalance: Int)?
        for (day, posts) in days {
            let id = day << Schema.sequenceBits
            if id > range.lowerBound && id <= range.upperBound {
                let imbalance = abs(total - 2 * before)
                if best.map({ imbalance < $0.imbalance }) ?? true { best = (id, imbalance) }
            }
            // Past the middle every later start is further from it.
            if 2 * before >= total { break }
            before += posts
        }
        return best?.id
    }

    /// The days kept whose start lies in `?1 ... ?2`, in order.
    static let daysSQL = "SELECT day, posts FROM post_days WHERE day >= ?1 AND day <= ?2 ORDER BY day"

    /// The starts (unix seconds) of the first whole day in `range` and of the day after its
    /// last whole day; nil when `range` holds no whole day, or ends too near the ends of
    /// `Int64` for a day's ids to be computed.
    static func wholeDays(in range: ClosedRange<Int64>) -> Range<Int64>? {
        let dayIDs = daySeconds << Schema.sequenceBits
        guard range.lowerBound > Int64.min + 2 * dayIDs, range.upperBound < Int64.max - 2 * dayIDs else { return nil }
        // `>>` rounds down, also below zero, so these are the seconds the ends fall in.
        let lowSecond = range.lowerBound >> Schema.sequenceBits
        let highSecond = range.upperBound >> Schema.sequenceBits
        let lowDay = dayStart(lowSecond)
        let first = lowDay << Schema.sequenceBits == range.lowerBound ? lowDay : lowDay + daySeconds
        let highDay = dayStart(highSecond)
        let lastIsWhole = (highDay + daySeconds) << Schema.sequenceBits == range.upperBound + 1
        let end = lastIsWhole ? highDay + daySeconds : highDay
        return first < end ? first..<end : nil
    }

    /// The start of the UTC day `second` falls in (as the triggers compute it).
    static func dayStart(_ second: Int64) -> Int64 {
        second - ((second % daySeconds) + daySeconds) % daySeconds
    }

    private static func count(_ range: ClosedRange<Int64>, on connection: Connection) throws -> Int {
        Int(try connection.scalar(idRangeSQL, [.integer(range.lowerBound), .integer(range.upperBound)])?.int64Value ?? 0)
    }

    /// `post_days` as the posts give it: the day of every post, counted. Used to build the
    /// table again and to check it (`CorpusHealth`).
    static let recountSQL = """
        SELECT day, count(*) AS posts FROM (SELECT (id >> 20) - ((id >> 20) % 86400 + 86400) % 86400 AS day FROM posts)
        GROUP BY day
        """

    /// Days where `post_days` and the posts disagree (at most `limit`), as `(day, kept, counted)`.
    static func disagreements(on connection: Connection, limit: Int) throws -> [(day: Int64, kept: Int, counted: Int)] {
        var found: [(day: Int64, kept: Int, counted: Int)] = []
        // A union rather than a FULL OUTER JOIN, which SQLite has only since 3.39.
        let sql = """
            SELECT day, sum(kept), sum(counted) FROM (
                SELECT day, posts AS kept, 0 AS counted FROM post_days
                UNION ALL
                SELECT day, 0, posts FROM (\(recountSQL))
            )
            GROUP BY day HAVING sum(kept) != sum(counted) ORDER BY day LIMIT ?1
            """
        try connection.forEachRow(sql, [.integer(Int64(limit))]) { row in
            found.append((row.int64(0), Int(row.int64(1)), Int(row.int64(2))))
        }
        return found
    }

    /// Builds `post_days` again from the posts (the caller holds a write transaction).
    static func rebuild(on connection: Connection) throws {
        try connection.execute("DELETE FROM post_days")
        try connection.execute("INSERT INTO post_days(day, posts) \(recountSQL)")
    }
}
