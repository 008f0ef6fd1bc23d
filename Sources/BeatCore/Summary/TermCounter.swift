import BeatSQLite

/// Exact counts of a word or phrase from the full-text index: the posts of a
/// window that contain it, each id handed over so that one read of the term's
/// postings counts it for the whole corpus and for any set of posts at once.
struct TermCounter {
    let connection: Connection

    /// Calls `body` with the id of every post in `window` containing `term`
    /// (a word, or words that must follow each other as a phrase).
    func forEachPost(containing term: String, in window: SummaryWindow, _ body: (Int64) -> Void) throws {
        // The same match `count '"open weights"'` compiles to: the term as one quoted FTS5 string.
        let statement = CompiledQuery(match: FTSText.quoted(term), idRange: window.idRange).idsSQL()
        try connection.forEachRow(statement.sql, statement.bindings) { row in body(row.int64(0)) }
    }

    /// Posts of `window` containing `term`, and how many of them are in `members`.
    func count(_ term: String, in window: SummaryWindow, members: Set<Int64>) throws -> (all: Int, members: Int) {
        var all = 0, inMembers = 0
        try forEachPost(containing: term, in: window) { id in
            all += 1
            if members.contains(id) { inMembers += 1 }
        }
        return (all, inMembers)
    }
}

/// Document frequencies of words and phrases over a sample of posts.
struct TermFrequencies {
    private(set) var documents = 0
    private(set) var counts: [String: Int] = [:]

    init(_ posts: [Set<String>]) {
        documents = posts.count
        for terms in posts {
            for term in terms { counts[term, default: 0] += 1 }
        }
    }

    subscript(term: String) -> Int { counts[term] ?? 0 }

    func rate(_ term: String) -> Double { documents == 0 ? 0 : Double(self[term]) / Double(documents) }
}
