import BeatSQLite
import BeatTestSupport
import Testing

@testable import BeatCore

/// A query of one phrase is ranked without bm25's IDF and multiplied by it after
/// (`PhraseIDF`): its pages, in one pass or in two halves, must be bm25's own, rank for rank
/// to the last bit and in bm25's order.
@Suite struct PhraseRankTests {
    static let onePhrase = [
        "the", "\"open weights\"", "open*", "title:the", "model source:reddit", "chips since:2026-01-01 until:2026-06-30",
        "patients -source:news", "\"open weights\" -source:reddit",
    ]

    @Test(arguments: onePhrase)
    func pagesAreBm25sPages(_ text: String) throws {
        let demo = try SearchDemo.corpus()
        let query = try QueryCompiler.compile(text, context: QueryDemo.context)
        #expect(query.ranksWithoutIDF, "\(text)")
        let expected = try Self.bm25Page(query, in: demo)
        #expect(!expected.isEmpty, "\(text)")

        let onePass = try SearchEngine.pageRows(
            query, sort: .rank, limit: 500, offset: 0, tallied: true, on: demo.corpus.connection)
        #expect(onePass.tally == expected.count, "\(text)")
        Self.expectSame(onePass.rows, expected, text)

        let halved = SearchEngine(corpus: demo.corpus)
        halved.halvingMatches = 0
        if let halves = try halved.rankedInHalves(query, limit: 500, offset: 0) {
            #expect(halves.total == expected.count, "\(text)")
            Self.expectSame(halves.rows, expected, text)
        } else {
            // Only a stretch of one id has no halves.
            #expect(expected.count == 1, "\(text)")
        }
    }

    /// bm25's page of `query` on the corpus as it stands: every match of its words best first,
    /// ties newest first, then the query's filters.
    static func bm25Page(_ query: CompiledQuery, in demo: TemporaryCorpus) throws -> [(Int64, Double)] {
        let match = try #require(query.match)
        let ids = query.idsSQL()
        let allowed = Set(try demo.rows(ids.sql, ids.bindings).compactMap { $0[0].int64Value })
        return try demo.rows(
            "SELECT rowid, bm25(posts_fts, 3.0, 1.0) FROM posts_fts WHERE posts_fts MATCH ?1 ORDER BY 2, 1 DESC", [.text(match)]
        ).compactMap { row -> (Int64, Double)? in
            guard let id = row[0].int64Value, allowed.contains(id), case .real(let rank) = row[1] else { return nil }
            return (id, rank)
        }
    }

    /// An import that commits between the two halves' snapshots makes them pair again, after
    /// it: the ranks and both counts of the phrase must then be of the corpus with the import
    /// (the new posts change the IDF's rows and matches).
    @Test func anImportBetweenTheSnapshotsIsInTheRanksAndTheCounts() throws {
        let demo = try SearchDemo.corpus()
        let query = try QueryCompiler.compile("\"open weights\"", context: QueryDemo.context)
        let last = try #require(try demo.integer("SELECT max(id) FROM posts")) >> Schema.sequenceBits
        let file = try demo.write(
            "late.jsonl",
            """
            {"id": "late-1", "source": "mastodon", "published_at": \(last - 60), "text": "open weights, open weights again"}
            {"id": "late-2", "source": "reddit", "published_at": \(last + 60), "text": "nothing about them at all"}
            {"id": "late-3", "source": "reddit", "published_at": \(last + 61), "text": "open weights"}
            """)
        let path = demo.path
        nonisolated(unsafe) var imported = false
        demo.corpus.betweenSnapshots = {
            guard !imported, let writer = try? Corpus(path: path) else { return }
            imported = (try? Importer(corpus: writer, options: ImportOptions()).run([file], events: ImportEvents()).added) == 3
        }
        let before = try Self.bm25Page(query, in: demo)
        let halved = SearchEngine(corpus: demo.corpus)
        halved.halvingMatches = 0
        let halves = try #require(try halved.rankedInHalves(query, limit: 500, offset: 0))
        #expect(imported)
        let after = try Self.bm25Page(query, in: demo)
        #expect(after.count == before.count + 2)
        #expect(halves.total == after.count)
        Self.expectSame(halves.rows, after, "\"open weights\" with an import between the snapshots")
    }

    static func expectSame(_ rows: [SearchEngine.PageRow], _ expected: [(Int64, Double)], _ text: String) {
        #expect(rows.map(\.id) == expected.map(\.0), "\(text)")
        for (row, (id, rank)) in zip(rows, expected) {
            #expect(row.rank?.bitPattern == rank.bitPattern, "\(text): post \(id) ranked \(row.rank ?? .nan), bm25 \(rank)")
        }
    }

    @Test func queriesOfSeveralPhrasesKeepBm25() throws {
        for text in ["open weights", "chips OR licences", "chips -export", "NEAR(open weights)", "\"open weights\" OR model"] {
            let query = try QueryCompiler.compile(text, context: QueryDemo.context)
            #expect(!query.ranksWithoutIDF, "\(text)")
            #expect(query.searchSQL(sort: .rank, limit: 20).sql.contains("bm25(posts_fts, 3.0, 1.0)"), "\(text)")
        }
        let beat = try QueryCompiler.compile("\"open weights\"", context: QueryDemo.context)
        let within = try QueryCompiler.compile("model", context: QueryDemo.context)
        #expect(!beat.combined(with: within).ranksWithoutIDF)
    }

    @Test(arguments: [
        ("\"open weights\"", true), ("\"open\"*", true), ("{title} : \"open\"", true), ("((\"a \"\"b\"\"\"))", true),
        ("\"a\" \"b\"", false), ("\"a\" AND \"b\"", false), ("NEAR(\"a\" \"b\", 5)", false), ("open", false),
        ("(\"a\") AND (\"b\")", false), ("{text} : \"a\"", false), ("", false),
    ])
    func onePhraseIsRecognised(_ match: String, _ isOne: Bool) {
        #expect(FTSText.isOnePhrase(match) == isOne, "\(match)")
    }

    /// The function itself refuses a query of two phrases rather than rank it without their IDFs.
    @Test func theRankingFunctionRefusesTwoPhrases() throws {
        let demo = try SearchDemo.corpus()
        let sql = "SELECT beat_bm25_per_idf(posts_fts, 3.0, 1.0) FROM posts_fts WHERE posts_fts MATCH ?1"
        for onePhrase in ["\"open weights\"", "{title} : \"the\"", "\"open\"*", "((\"open weights\"))"] {
            #expect(FTSText.isOnePhrase(onePhrase))
            #expect(try demo.rows(sql, [.text(onePhrase)]).count > 0, "\(onePhrase)")
        }
        #expect(throws: SQLiteError.self) { try demo.rows(sql, [.text("\"open\" \"weights\"")]) }
    }

    @Test func theIDFIsFTS5s() {
        #expect(PhraseIDF.idf(rows: 341, matches: 1) == 5.424950017481403)
        #expect(PhraseIDF.idf(rows: 10, matches: 9) == 1e-6)
        #expect(PhraseIDF.idf(rows: 10, matches: 5) == 1e-6)
    }
}
