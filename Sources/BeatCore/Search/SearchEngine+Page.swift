import BeatSQLite

/// A `count --by` breakdown: the buckets to show and the total of every matching post.
public struct CountBreakdown: Sendable, Equatable {
    /// Sources, venues and authors most frequent first; days, weeks and months in date
    /// order with the empty ones between the first and the last included.
    public var buckets: [CountBucket]
    /// Every matching post, including those in buckets a limit left out.
    public var total: Int

    /// A `CountBreakdown` made of the values given.
    public init(buckets: [CountBucket], total: Int) {
        self.buckets = buckets
        self.total = total
    }
}

extension SearchEngine {
    /// How many posts match `query`.
    public func count(_ query: CompiledQuery) throws -> Int {
        // Dates alone (`count since:2024-01-01`): the posts per day answer without reading a row a post.
        if query.match == nil, query.conditions.isEmpty, !query.isEmptyRange {
            return try PostDays.posts(inIDs: query.idRange ?? Int64.min...Int64.max, on: connection)
        }
        let (sql, bindings) = query.countSQL()
        return Int(try connection.scalar(sql, bindings)?.int64Value ?? 0)
    }

    /// One page of `search`: up to `limit` hits from position `offset` in `sort` order,
    /// each with its attribution, highlighted snippet and highlighted title, and the
    /// number of posts matching in all.
    /// - Parameter text: the query as the page's header shows it.
    public func search(_ query: CompiledQuery, shownAs text: String, sort: SearchSort, limit: Int, offset: Int = 0) throws
        -> SearchPage
    {
        // A ranked page sorts every match, and counts them as it does (`beat_tally`);
        // pages in time order stop after `limit` rows, so their total is counted apart.
        let tallied = limit > 0 && query.talliesMatches(sort: sort)
        let rows: [PageRow]
        let total: Int
        if tallied, let halves = try rankedInHalves(query, limit: limit, offset: offset) {
            (rows, total) = halves
        } else {
            let page = try Self.pageRows(query, sort: sort, limit: limit, offset: offset, tallied: tallied, on: connection)
            rows = page.rows
            total = tallied ? page.tally : try count(query)
        }
        let summaries = try hits(ids: rows.map(\.id))
        let hits = rows.compactMap { row in
            summaries[row.id].map {
                SearchHit(post: $0, snippet: Self.highlighted(row.snippet), rank: row.rank, title: row.title.map(Self.highlighted))
            }
        }
        return SearchPage(query: text, total: total, offset: offset, hits: hits)
    }

    /// Matching posts per source, venue, author, day, week or month (see
    /// `CompiledQuery.groupCountSQL(by:)` for the order), with the empty days, weeks
    /// or months between the first and the last filled in.
    /// - Parameter limit: keeps the largest sources, venues or authors, or the latest
    ///   days, weeks or months; the total still counts every matching post.
    public func counts(_ query: CompiledQuery, by dimension: CountDimension, limit: Int? = nil) throws -> CountBreakdown {
        let (sql, bindings) = query.groupCountSQL(by: dimension)
        var buckets: [CountBucket] = []
        try eachRow(sql, bindings) { row in
            let source = row.columnCount > 2 ? row.string(2) : nil
            buckets.append(CountBucket(key: row.string(0) ?? "(none)", count: Int(row.int64(1)), source: source))
        }
        let total = buckets.reduce(0) { $0 + $1.count }
        buckets = CountBucket.fillingGaps(buckets, by: dimension)
        if let limit {
            buckets = dimension.isTime ? Array(buckets.suffix(max(0, limit))) : Array(buckets.prefix(max(0, limit)))
        }
        return CountBreakdown(buckets: buckets, total: total)
    }
}

extension CountDimension {
    /// Days, weeks and months, as opposed to sources, venues and authors.
    public var isTime: Bool { self == .day || self == .week || self == .month }
}
