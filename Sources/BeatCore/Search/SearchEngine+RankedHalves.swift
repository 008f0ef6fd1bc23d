import BeatSQLite

/// A page sorted by relevance scores every match (FTS5's `bm25`) before it can show the
/// best twenty: at ten million posts that pass is most of a search's time (70 ms for a
/// phrase in four months of one source, 5 s for `the`). When the matches are many, the
/// stretch of ids they lie in is cut in two and both halves are ranked at once, the newer
/// on a second connection on the other core, and the two best-first lists merged.
///
/// The page is the page one pass gives: FTS5 computes bm25's statistics (rows, average
/// length, rows per phrase) over the whole index whatever rows a statement reads, so a
/// post scores the same in a half as in the whole, and ties are broken by id in both. For
/// a query of one phrase the halves rank without its IDF, and each counts the phrase in
/// half of the index for it (`PhraseIDF`), where bm25 would count it all in both.
/// Both halves read the same state of the corpus, also while an import commits
/// (`Corpus.inHalves`); with a transaction open (a writer's own uncommitted posts) the
/// page is ranked in one pass.
extension SearchEngine {
    /// One row of a page, as `searchSQL` gives it: a post, its rank (nil in time order), its
    /// snippet and title, not yet highlighted.
    struct PageRow: Sendable {
        var id: Int64
        var rank: Double?
        var snippet: String
        var title: String?
    }

    /// Matches, estimated, from which two halves at once beat one pass: below it, opening the
    /// second connection (about a millisecond) costs more than the half of the scoring it saves.
    public static let halvingMatches = 4_000
    /// The matches are estimated by counting them in this share of the stretch, in its middle.
    static let estimateShare: Int64 = 64

    /// The rows of a ranked page (`offset`, `limit`) and the count of every match, from two
    /// halves ranked at once; nil when one pass is the better way (few matches, a stretch of
    /// one id, an open transaction).
    func rankedInHalves(_ query: CompiledQuery, limit: Int, offset: Int) throws -> (rows: [PageRow], total: Int)? {
        guard query.match != nil, !query.isEmptyRange, corpus.splitsReads, let stored = try storedStretch(),
            let stretch = Self.stretch(of: query, within: stored)
        else { return nil }
        let span = stretch.upperBound - stretch.lowerBound
        guard span >= 2 else { return nil }
        let middle = stretch.lowerBound + span / 2
        let slice = max(1, span / Self.estimateShare)
        var probe = query
        probe.idRange = max(stretch.lowerBound, middle - slice / 2)...min(stretch.upperBound, middle + slice / 2)
        guard try count(probe) * Int(Self.estimateShare) >= halvingMatches else { return nil }

        // The outer ends are the query's own, not the ids stored when the stretch was read:
        // posts committed since, beyond them, are the halves' too (see `Corpus.inHalves`).
        var older = query
        older.idRange = (query.idRange?.lowerBound ?? Int64.min)...middle
        let newer = {
            var half = query; half.idRange = (middle + 1)...(query.idRange?.upperBound ?? Int64.max); return half
        }()
        // A query of one phrase ranks without its IDF, whose count over the whole index each
        // half makes on one side of the middle of the ids stored, so that neither makes it all
        // (as evenly as the phrase's posts are spread in time).
        let split = min(stored.lowerBound + (stored.upperBound - stored.lowerBound) / 2, Int64.max - 1)
        let phraseIDs = query.ranksWithoutIDF ? (older: Int64.min...split, newer: (split + 1)...Int64.max) : nil
        let wanted = offset + limit
        let (first, second) = try corpus.inHalves(
            older: { try Self.rankedHalf(older, limit: wanted, countingPhraseIn: phraseIDs?.older, on: connection) },
            newer: { try Self.rankedHalf(newer, limit: wanted, countingPhraseIn: phraseIDs?.newer, on: $0) })
        // Ranks without the IDF order as bm25's do: the factor is the same for every row.
        var merged = (first.rows + second.rows).sorted { ($0.rank ?? 0, $1.id) < ($1.rank ?? 0, $0.id) }
        merged = Array(merged.dropFirst(offset).prefix(limit))
        if let firstMatches = first.phraseMatches, let secondMatches = second.phraseMatches,
            let rows = first.tableRows ?? second.tableRows
        {
            // One snapshot: both halves that ranked a row saw the same table.
            assert(first.tableRows == nil || second.tableRows == nil || first.tableRows == second.tableRows)
            merged = PhraseIDF.scaled(merged, by: PhraseIDF.idf(rows: rows, matches: firstMatches + secondMatches))
        }
        return (merged, first.total + second.total)
    }

    /// The ids stored, first and last; nil when nothing is. (Two subqueries: SQLite reads
    /// `min` or `max` from the end of the b-tree only when it is the statement's one
    /// aggregate, and `min(id), max(id)` together read every row.)
    private func storedStretch() throws -> ClosedRange<Int64>? {
        let statement = try connection.cachedStatement("SELECT (SELECT min(id) FROM posts), (SELECT max(id) FROM posts)")
        defer { statement.reset() }
        guard try statement.step(), !statement.isNull(0) else { return nil }
        return statement.int64(0)...statement.int64(1)
    }

    /// The query's id range within the ids stored, nil when none of them is in it.
    private static func stretch(of query: CompiledQuery, within stored: ClosedRange<Int64>) -> ClosedRange<Int64>? {
        guard let wanted = query.idRange else { return stored }
        let lower = max(stored.lowerBound, wanted.lowerBound), upper = min(stored.upperBound, wanted.upperBound)
        return lower <= upper ? lower...upper : nil
    }

    /// One half's best rows and count of matches; for a query ranked without its IDF, the
    /// rows as ranked (not yet multiplied), the phrase's rows in the whole index with ids in
    /// `phraseIDs`, and the rows of the index.
    struct RankedHalf: Sendable {
        var rows: [PageRow]
        var total: Int
        var phraseMatches: Int64?
        var tableRows: Int64?
    }

    /// The best `limit` rows of `query` by relevance, and the count of every match, on
    /// `connection`; with `phraseIDs`, the rows the IDF needs counted there too.
    static func rankedHalf(
        _ query: CompiledQuery, limit: Int, countingPhraseIn phraseIDs: ClosedRange<Int64>?, on connection: Connection
    ) throws -> RankedHalf {
        connection.resetRankedTableRows()
        let page = try rawPageRows(query, sort: .rank, limit: limit, offset: 0, tallied: true, on: connection)
        var half = RankedHalf(rows: page.rows, total: page.tally)
        if let phraseIDs, let match = query.match {
            half.phraseMatches = try PhraseIDF.matches(of: match, inIDs: phraseIDs, on: connection)
            half.tableRows = connection.rankedTableRows
        }
        return half
    }

    /// The rows of one page of `query` on `connection`, and what `beat_tally` counted (the
    /// matches, when `tallied`). A page of a query of one phrase by relevance is ranked without
    /// the IDF and multiplied by it after, in one read transaction: the ranks are bm25's.
    static func pageRows(
        _ query: CompiledQuery, sort: SearchSort, limit: Int, offset: Int, tallied: Bool, on connection: Connection
    ) throws -> (rows: [PageRow], tally: Int) {
        guard sort == .rank, query.ranksWithoutIDF, let match = query.match else {
            return try rawPageRows(query, sort: sort, limit: limit, offset: offset, tallied: tallied, on: connection)
        }
        return try connection.reading {
            connection.resetRankedTableRows()
            var page = try rawPageRows(query, sort: sort, limit: limit, offset: offset, tallied: tallied, on: connection)
            if !page.rows.isEmpty, let rows = connection.rankedTableRows {
                let matches = try PhraseIDF.matches(of: match, inIDs: Int64.min...Int64.max, on: connection)
                page.rows = PhraseIDF.scaled(page.rows, by: PhraseIDF.idf(rows: rows, matches: matches))
            }
            return page
        }
    }

    /// The rows of one page as `searchSQL` gives them: for a query of one phrase by
    /// relevance, ranks without the IDF.
    private static func rawPageRows(
        _ query: CompiledQuery, sort: SearchSort, limit: Int, offset: Int, tallied: Bool, on connection: Connection
    ) throws -> (rows: [PageRow], tally: Int) {
        let (sql, bindings) = query.searchSQL(sort: sort, limit: limit, offset: offset, tallied: tallied)
        connection.resetTally()
        let statement = try connection.recentStatement(sql)
        try statement.bind(bindings)
        defer { statement.reset() }
        var rows: [PageRow] = []
        while try statement.step() {
            rows.append(
                PageRow(
                    id: statement.int64(0), rank: statement.isNull(1) ? nil : statement.double(1),
                    snippet: statement.string(2) ?? "", title: statement.string(3)))
        }
        return (rows, connection.tally)
    }
}
