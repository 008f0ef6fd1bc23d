import BeatCore
import BeatSQLite
import BeatTestSupport
import Testing

/// The query plans of every statement shape: the FTS5 index drives text
/// searches, dates are rowid ranges, and `p` is looked up by its primary key.
@Suite struct QueryPlanTests {
    /// The `detail` column of `EXPLAIN QUERY PLAN`, one string per step.
    static func plan(_ statement: (sql: String, bindings: [SQLiteValue]), in corpus: TemporaryCorpus) throws -> [String] {
        try corpus.rows("EXPLAIN QUERY PLAN " + statement.sql, statement.bindings).map { $0[3].stringValue ?? "" }
    }

    /// The FTS5 step: `SCAN f VIRTUAL TABLE INDEX n:M…`, where FTS5's index
    /// string has `M` for the MATCH and `>` / `<` for rowid bounds it applies itself.
    static func ftsStep(_ step: String?) -> (isFTS: Bool, match: Bool, lower: Bool, upper: Bool) {
        guard let step, step.hasPrefix("SCAN f VIRTUAL TABLE INDEX "), let index = step.split(separator: ":").last else {
            return (false, false, false, false)
        }
        return (true, index.hasPrefix("M"), index.contains(">"), index.contains("<"))
    }

    static let primaryKeyLookup = "SEARCH p USING INTEGER PRIMARY KEY (rowid=?)"
    static let idRangeScan = "SEARCH p USING INTEGER PRIMARY KEY (rowid>? AND rowid<?)"
    /// A post's source, venue and author read from the facets index, not its row.
    static let facetsLookup = "SEARCH p USING COVERING INDEX posts_facets (id=?)"
    static let facetsRangeScan = "SEARCH p USING COVERING INDEX posts_facets (id>? AND id<?)"
    static let sorts = "USE TEMP B-TREE FOR ORDER BY"
    /// The seconds whose ids do not carry their source, looked up once per match with a source filter.
    static let laneExceptions = "USING ROWID SEARCH ON TABLE post_lane_exceptions FOR IN-OPERATOR"
    /// A post's source read from the facets index, for a match in the unsorted lane (`PostLane`).
    static let sourceFromRow = ["CORRELATED SCALAR SUBQUERY 2", "SEARCH posts USING COVERING INDEX posts_facets (id=?)"]

    private func compile(_ text: String) throws -> CompiledQuery {
        try QueryCompiler.compile(text, context: QueryDemo.context)
    }

    @Test func textOnlyCountIsTheIndexAlone() throws {
        let corpus = try QueryDemo.corpus()
        let plan = try Self.plan(try compile("\"open weights\"").countSQL(), in: corpus)
        #expect(plan.count == 1)
        let fts = Self.ftsStep(plan.first)
        #expect(fts.isFTS && fts.match && !fts.lower && !fts.upper)
    }

    @Test func datesAreRowidBoundsInsideTheIndex() throws {
        let corpus = try QueryDemo.corpus()
        let both = try Self.plan(try compile("chips since:2026-01-01 until:2026-06-30").countSQL(), in: corpus)
        #expect(both.count == 1)
        let fts = Self.ftsStep(both.first)
        #expect(fts.isFTS && fts.match && fts.lower && fts.upper)
        // A relative since ends now: both bounds.
        let since = Self.ftsStep(try Self.plan(try compile("chips since:7d").countSQL(), in: corpus).first)
        #expect(since.isFTS && since.lower && since.upper)
        let absolute = Self.ftsStep(try Self.plan(try compile("chips since:2026-01-01").countSQL(), in: corpus).first)
        #expect(absolute.isFTS && absolute.lower && !absolute.upper)
    }

    @Test func filtersAreCheckedOnRowsTheIndexYields() throws {
        let corpus = try QueryDemo.corpus()
        let query = try compile("\"open weights\" source:reddit in:LocalLLaMA -author:x since:2026-01-01 -on:2026-04")
        for statement in [query.countSQL(), query.idsSQL(), query.searchSQL(sort: .new, limit: 20)] {
            let plan = try Self.plan(statement, in: corpus)
            let fts = Self.ftsStep(plan.first)
            #expect(fts.isFTS && fts.match && fts.lower)
            #expect(plan.dropFirst().first == Self.primaryKeyLookup)
            #expect(!plan.contains(Self.sorts), "time order is the index's rowid order")
        }
        let ranked = try Self.plan(query.searchSQL(sort: .rank, limit: 20), in: corpus)
        #expect(Self.ftsStep(ranked.first).isFTS)
        #expect(ranked == [ranked[0], Self.primaryKeyLookup, Self.sorts])
    }

    /// A source filter alone reads the id's lane, and the row only for the unsorted lane.
    @Test func aSourceAloneNeedsNoRow() throws {
        let corpus = try QueryDemo.corpus()
        let query = try compile("\"open weights\" -source:news since:2026-01-01")
        for statement in [query.countSQL(), query.idsSQL(), query.searchSQL(sort: .new, limit: 20)] {
            let plan = try Self.plan(statement, in: corpus)
            let fts = Self.ftsStep(plan.first)
            #expect(fts.isFTS && fts.match && fts.lower)
            #expect(Array(plan.dropFirst()) == [Self.laneExceptions] + Self.sourceFromRow, "\(plan)")
        }
    }

    @Test func timeOrdersNeedNoSort() throws {
        let corpus = try QueryDemo.corpus()
        for text in ["licences", "licences since:2026-02-01", "source:reddit", "source:reddit since:2026-02-01", ""] {
            let query = try compile(text)
            for sort in [SearchSort.new, .old] {
                let plan = try Self.plan(query.searchSQL(sort: sort, limit: 20), in: corpus)
                #expect(!plan.contains(Self.sorts), "\(text) \(sort)")
            }
        }
    }

    @Test func filtersOnlyReadPostsInTheirIdRange() throws {
        let corpus = try QueryDemo.corpus()
        let query = try compile("source:reddit since:2026-01-01 until:2026-06-30")
        // A count reads the facets index in the range; a page, which shows the text, the rows.
        #expect(try Self.plan(query.countSQL(), in: corpus).first == Self.facetsRangeScan)
        #expect(try Self.plan(query.searchSQL(sort: .new, limit: 20), in: corpus).first == Self.idRangeScan)
        // A breakdown counts per day in a subquery first.
        let byMonth = try Self.plan(query.groupCountSQL(by: .month), in: corpus)
        #expect(byMonth.filter { $0.hasPrefix("SCAN p") || $0.hasPrefix("SEARCH p") } == [Self.facetsRangeScan])
    }

    @Test func filtersOnlyAuthorSeeksTheAuthorIndexWithinTheIdRange() throws {
        let corpus = try QueryDemo.corpus()
        let query = try compile("source:reddit author:gguf_goblin since:2026-01-01 until:2026-06-30")
        let authorSeek = "SEARCH p USING INDEX posts_author (author=? AND id>? AND id<?)"
        for statement in [query.countSQL(), query.searchSQL(sort: .new, limit: 20), query.groupCountSQL(by: .month)] {
            let plan = try Self.plan(statement, in: corpus)
            #expect(plan.contains(authorSeek), "\(plan)")
            #expect(!plan.contains(Self.sorts) || statement.sql.contains("GROUP BY"), "\(plan)")
        }
        // With words, the FTS5 index still drives: the unary + keeps the author index out.
        let withWords = try Self.plan(try compile("aurora author:gguf_goblin").countSQL(), in: corpus)
        #expect(!withWords.contains { $0.contains("posts_author") }, "\(withWords)")
    }

    @Test func dateBreakdownsNeedNoPostsRow() throws {
        let corpus = try QueryDemo.corpus()
        let query = try compile("licences since:2026-01-01")
        for dimension in [CountDimension.day, .week, .month] {
            let plan = try Self.plan(query.groupCountSQL(by: dimension), in: corpus)
            #expect(Self.ftsStep(plan.first { $0.hasPrefix("SCAN f ") }).lower, "\(plan)")
            #expect(!plan.contains { $0.contains(" p ") || $0.hasSuffix(" p") }, "\(plan)")
        }
        let bySource = try Self.plan(query.groupCountSQL(by: .source), in: corpus)
        #expect(Self.ftsStep(bySource.first).isFTS)
        #expect(bySource.dropFirst().first == Self.facetsLookup)
    }

    @Test func exclusionsOnlyListTheMatchesOnce() throws {
        let corpus = try QueryDemo.corpus()
        let plan = try Self.plan(try compile("-licences source:news").countSQL(), in: corpus)
        #expect(plan.contains("LIST SUBQUERY 1"))
        #expect(plan.contains { $0.hasPrefix("SCAN posts_fts VIRTUAL TABLE INDEX 0:M") })
    }

    /// The trap of ../shared/bench/README.md: with ordinary indexes on the
    /// filtered columns, the unary `+` keeps the FTS5 index in charge, and
    /// without it SQLite would drive the search from those indexes.
    @Test func unaryPlusKeepsTheTextIndexInCharge() throws {
        let corpus = try QueryDemo.corpus()
        try corpus.corpus.connection.execute(
            """
            CREATE INDEX trap_source ON posts(source, published_at);
            CREATE INDEX trap_author ON posts(author COLLATE NOCASE);
            CREATE INDEX trap_venue ON posts(venue COLLATE NOCASE);
            """)
        for text in [
            "\"open weights\" source:reddit author:gguf_goblin", "licences author:gguf_goblin", "chips in:LocalLLaMA since:2026-01-01",
        ] {
            let query = try compile(text)
            for statement in [query.countSQL(), query.searchSQL(sort: .rank, limit: 20), query.searchSQL(sort: .new, limit: 20)] {
                let plan = try Self.plan(statement, in: corpus)
                #expect(Self.ftsStep(plan.first).isFTS, "\(text): \(plan)")
                #expect(plan.dropFirst().first == Self.facetsLookup, "\(text): \(plan)")
            }
            // The control: the same statement without the plus (nor the index named) is planned
            // from an ordinary index.
            let count = query.countSQL()
            let unguarded = (
                count.sql.replacingOccurrences(of: "+p.", with: "p.").replacingOccurrences(of: " INDEXED BY posts_facets", with: ""),
                count.bindings
            )
            #expect(try Self.plan(unguarded, in: corpus).first?.contains("INDEX trap_") == true, "\(text)")
        }
        // A source alone reads no column of `p` (see `aSourceAloneNeedsNoRow`): no index on `p` can drive.
        let source = try Self.plan(try compile("\"open weights\" source:reddit").countSQL(), in: corpus)
        #expect(Self.ftsStep(source.first).isFTS && !source.contains { $0.contains("trap_") }, "\(source)")
    }
}
