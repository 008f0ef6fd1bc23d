import BeatSQLite

/// Reads the corpus for the search commands: post summaries, quotes, a post
/// with its thread, coverage, top authors and export. Queries arrive compiled
/// (`CompiledQuery`); every value is bound.
///
/// Not `Sendable`: it uses the corpus's connection, on the thread that opened it.
public final class SearchEngine {
    /// The corpus read.
    public let corpus: Corpus
    var connection: Connection { corpus.connection }
    /// Estimated matches from which a page by relevance is ranked in two halves at once
    /// (see `rankedInHalves`); 0 halves every ranked page, `Int.max` none.
    public var halvingMatches = SearchEngine.halvingMatches

    /// A `SearchEngine` made of the values given.
    public init(corpus: Corpus) {
        self.corpus = corpus
    }

    /// `PostSummary` values for a batch of post ids, in one query. Ids that
    /// are not in the corpus are absent from the answer.
    public func hits(ids: [Int64]) throws -> [Int64: PostSummary] {
        guard !ids.isEmpty else { return [:] }
        var result: [Int64: PostSummary] = [:]
        result.reserveCapacity(ids.count)
        // One bound JSON array rather than one placeholder per id: any number
        // of ids, and a single cached statement.
        let list = "[" + ids.map(String.init).joined(separator: ",") + "]"
        try connection.forEachRow(
            "SELECT \(Self.summaryColumns) FROM posts p WHERE p.id IN (SELECT value FROM json_each(?1))", [.text(list)]
        ) { row in
            result[row.int64(0)] = Self.summary(row)
        }
        return result
    }

    /// Converts FTS5 `snippet()` / `highlight()` output with U+0002 … U+0003
    /// around matches into segments.
    public static func highlighted(_ marked: String) -> HighlightedText {
        HighlightedText(marked: marked)
    }

    // MARK: - Shared by the commands

    /// The columns `summary(_:at:)` reads, on the posts table as `p`.
    static let summaryColumns = "p.id, p.source, p.source_id, p.venue, p.author, p.published_at, p.title, p.url"

    /// A summary from the eight `summaryColumns` starting at column `first`.
    static func summary(_ row: Statement, at first: Int32 = 0) -> PostSummary {
        let source = row.string(first + 1) ?? ""
        return PostSummary(
            id: source + ":" + (row.string(first + 2) ?? ""), source: source, venue: row.string(first + 3),
            author: row.string(first + 4), publishedAt: row.int64(first + 5), title: row.string(first + 6),
            url: row.string(first + 7))
    }

    /// Runs SQL built for one query (not cached: its text depends on the
    /// query's filters) and calls `body` for each row.
    func eachRow(_ sql: String, _ bindings: [SQLiteValue], _ body: (Statement) throws -> Void) throws {
        let statement = try connection.makeStatement(sql)
        try statement.bind(bindings)
        defer { statement.reset() }
        while try statement.step() { try body(statement) }
    }
}
