import BeatSQLite

/// A post that may hold a quotation, with its words read once.
struct CandidatePost {
    var post: PostSummary
    /// The stored text and, when the post has one, its title: a quotation may come from either.
    var fields: [CandidateField]
    /// The post's place in time order (its id): earlier posts are the originals of cross-posts.
    var rowid: Int64
}

/// One stored field of a candidate post and its words.
struct CandidateField {
    var text: String
    var words: [FoldedWord]

    init(_ text: String) {
        self.text = text
        self.words = QuoteWords.words(in: text)
    }

    /// The stored text from word `span.lowerBound` to the end of word `span.upperBound - 1`: verbatim.
    func passage(_ span: Range<Int>) -> String {
        guard let first = span.first, let last = span.last else { return "" }
        return String(text[words[first].original.startIndex..<words[last].original.endIndex])
    }
}

/// The statements that find candidate posts. Each runs through the FTS5
/// index (or a unique index for a referenced record), never over the posts
/// table, and calls `body` while its statement is still stepping, so that an
/// interrupt (Ctrl-C) stops the loop at the next row with SQLITE_INTERRUPT.
enum QuoteCandidates {
    private static let columns = SearchEngine.summaryColumns + ", p.text"

    /// Posts matching the FTS5 expression `match`, earliest first, at most `limit`.
    static func inTimeOrder(
        _ connection: Connection, match: String, limit: Int, _ body: (CandidatePost) throws -> Void
    ) throws {
        try connection.forEachRow(
            "SELECT \(columns) FROM posts_fts f JOIN posts p ON p.id = f.rowid WHERE posts_fts MATCH ? ORDER BY f.rowid LIMIT ?",
            [.text(match), .integer(Int64(limit))]
        ) { try body(candidate($0)) }
    }

    /// The `limit` posts matching `match` best by bm25 (title weighted 3:1, as `search` ranks), best first.
    static func byRank(
        _ connection: Connection, match: String, limit: Int, _ body: (CandidatePost) throws -> Void
    ) throws {
        try connection.forEachRow(
            """
            SELECT \(columns) FROM (
                SELECT rowid AS id, bm25(posts_fts, 3.0, 1.0) AS score FROM posts_fts
                WHERE posts_fts MATCH ? ORDER BY score LIMIT ?
            ) c JOIN posts p ON p.id = c.id ORDER BY c.score
            """,
            [.text(match), .integer(Int64(limit))]
        ) { try body(candidate($0)) }
    }

    /// The post a Beat public id (`source:source_id`) names, through the unique index.
    static func record(_ connection: Connection, publicID: String) throws -> CandidatePost? {
        guard let colon = publicID.firstIndex(of: ":") else { return nil }
        let source = String(publicID[..<colon]), sourceID = String(publicID[publicID.index(after: colon)...])
        var found: CandidatePost?
        try connection.forEachRow(
            "SELECT \(columns) FROM posts p WHERE p.source = ? AND p.source_id = ?", [.text(source), .text(sourceID)]
        ) { found = candidate($0) }
        return found
    }

    /// How many posts hold `term` (a folded word), counted up to `cap + 1`:
    /// the index's postings for the word are read only that far, so a word in
    /// most posts costs no more than a rare one (the FTS5 vocabulary table
    /// would read every posting: half a second for `the` in a million posts).
    static func documentCount(_ connection: Connection, term: String, cap: Int) throws -> Int {
        Int(
            try connection.scalar(
                "SELECT count(*) FROM (SELECT 1 FROM posts_fts WHERE posts_fts MATCH ? LIMIT ?)",
                [.text(FTSText.quoted(term)), .integer(Int64(cap + 1))])?.int64Value ?? 0)
    }

    private static func candidate(_ row: Statement) -> CandidatePost {
        let post = SearchEngine.summary(row)
        var fields = [CandidateField(row.string(8) ?? "")]
        if let title = post.title, !title.isEmpty { fields.append(CandidateField(title)) }
        return CandidatePost(post: post, fields: fields, rowid: row.int64(0))
    }
}
