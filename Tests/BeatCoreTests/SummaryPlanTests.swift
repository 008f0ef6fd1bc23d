import BeatSQLite
import BeatTestSupport
import Testing

@testable import BeatCore

/// The plans of the statements a summary runs: the FTS5 index drives the pass
/// over a beat's posts and every term count, dates are rowid ranges, and the
/// corpus's counts per bucket read FTS5's narrow docsize table by rowid.
@Suite struct SummaryPlanTests {
    static func plan(_ sql: String, _ bindings: [SQLiteValue] = [], in corpus: TemporaryCorpus) throws -> [String] {
        try QueryPlanTests.plan((sql, bindings), in: corpus)
    }

    static let window = SummaryDemo.year

    @Test func thePassOverABeatIsDrivenByTheTextIndexInTimeOrder() throws {
        let corpus = try QueryDemo.corpus()
        for text in ["aurora", "\"open weights\" source:reddit -author:x", "licences OR chips"] {
            let query = try SummaryDemo.compile(text).combined(with: Self.window.query)
            let statement = query.summaryRowsSQL()
            let plan = try Self.plan(statement.sql, statement.bindings, in: corpus)
            let fts = QueryPlanTests.ftsStep(plan.first)
            #expect(fts.isFTS && fts.match && fts.lower && fts.upper, "\(text): \(plan)")
            #expect(Array(plan.dropFirst()) == [QueryPlanTests.facetsLookup], "\(text): \(plan)")
        }
    }

    @Test func aFiltersOnlyPassReadsPostsInTheirIdRange() throws {
        let corpus = try QueryDemo.corpus()
        for text in ["source:reddit", ""] {
            let statement = try SummaryDemo.compile(text).combined(with: Self.window.query).summaryRowsSQL()
            #expect(try Self.plan(statement.sql, statement.bindings, in: corpus) == [QueryPlanTests.facetsRangeScan], "\(text)")
        }
        let byAuthor = try SummaryDemo.compile("author:gguf_goblin").combined(with: Self.window.query).summaryRowsSQL()
        let plan = try Self.plan(byAuthor.sql, byAuthor.bindings, in: corpus)
        #expect(plan == ["SEARCH p USING INDEX posts_author (author=? AND id>? AND id<?)"], "\(plan)")
    }

    @Test func termCountsAreOneReadOfTheTermsPostingsInTheWindow() throws {
        let corpus = try QueryDemo.corpus()
        let term = CompiledQuery(match: FTSText.quoted("open weights"), idRange: Self.window.idRange)
        // The term in the window, the term within a beat that is a text match, and the term's
        // ids for a beat with filters: each one step of the FTS5 index with both rowid bounds.
        let statements = [
            term.countSQL(), CompiledQuery(match: try SummaryDemo.compile("aurora").match).combined(with: term).countSQL(),
            term.idsSQL(),
        ]
        for statement in statements {
            let plan = try Self.plan(statement.sql, statement.bindings, in: corpus)
            #expect(plan.count == 1)
            let fts = QueryPlanTests.ftsStep(plan.first)
            #expect(fts.isFTS && fts.match && fts.lower && fts.upper, "\(plan)")
        }
    }

    @Test func corpusCountsAndProbesSeekTheirTablesByRowid() throws {
        let corpus = try QueryDemo.corpus()
        let range = Self.window.idRange
        let bounds: [SQLiteValue] = [.integer(range.lowerBound), .integer(range.upperBound)]
        let seek = "SEARCH posts_fts_docsize USING INTEGER PRIMARY KEY (rowid>? AND rowid<?)"
        #expect(try Self.plan(PostDays.idRangeSQL, bounds, in: corpus) == [seek])
        let days: [SQLiteValue] = [.integer(range.lowerBound >> 20), .integer(range.upperBound >> 20)]
        #expect(
            try Self.plan(PostDays.wholeDaysSQL, days, in: corpus) == ["SEARCH post_days USING INTEGER PRIMARY KEY (rowid>? AND rowid<?)"])
        #expect(try Self.plan(SummarySQL.firstIDFrom, bounds, in: corpus) == [seek])
        let texts = try Self.plan(SummarySQL.textsByID, [.text("[1,2]")], in: corpus)
        #expect(texts.first == QueryPlanTests.primaryKeyLookup, "\(texts)")
        // The docsize table holds one row per post under the post's id.
        #expect(try corpus.integer(PostDays.idRangeSQL, bounds) == (try corpus.integer("SELECT count(*) FROM posts")))
    }
}
