import BeatCore
import BeatSQLite
import BeatTestSupport
import Foundation
import Testing

/// Times for expected values, computed through Foundation rather than Beat's own calendar code.
enum QueryTime {
    /// Unix seconds of an ISO 8601 UTC time.
    static func seconds(_ iso: String) -> Int64 {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        guard let date = formatter.date(from: iso) else { return Int64.min }
        return Int64(date.timeIntervalSince1970)
    }

    /// The first post id of a second, and the last.
    static func firstID(_ iso: String) -> Int64 { seconds(iso) * 1_048_576 }
    static func lastID(_ iso: String) -> Int64 { seconds(iso) * 1_048_576 + 1_048_575 }
}

struct QueryCompileCase: CustomTestStringConvertible, Sendable {
    let query: String
    let match: String?
    let conditions: [String]
    let bindings: [SQLiteValue]
    let idRange: ClosedRange<Int64>?
    var testDescription: String { query }

    init(
        _ query: String, match: String?, conditions: [String] = [], bindings: [SQLiteValue] = [],
        idRange: ClosedRange<Int64>? = nil
    ) {
        self.query = query
        self.match = match
        self.conditions = conditions
        self.bindings = bindings
        self.idRange = idRange
    }
}

@Suite struct QueryCompilerTests {
    static let cases: [QueryCompileCase] = [
        // Text.
        QueryCompileCase("open weights", match: "\"open\" AND \"weights\""),
        QueryCompileCase("\"open weights\"", match: "\"open weights\""),
        QueryCompileCase("“open weights”", match: "\"open weights\""),
        QueryCompileCase("\"open weights\"*", match: "\"open weights\"*"),
        QueryCompileCase("llama OR mistral", match: "\"llama\" OR \"mistral\""),
        QueryCompileCase("\"open weights\" llama OR mistral", match: "\"open weights\" AND (\"llama\" OR \"mistral\")"),
        QueryCompileCase("a OR b c OR d", match: "(\"a\" OR \"b\") AND (\"c\" OR \"d\")"),
        QueryCompileCase("chips -export", match: "\"chips\" NOT \"export\""),
        QueryCompileCase("chips NOT export", match: "\"chips\" NOT \"export\""),
        QueryCompileCase("chips AND export", match: "\"chips\" AND \"export\""),
        QueryCompileCase("chips -export -tariffs", match: "\"chips\" NOT (\"export\" OR \"tariffs\")"),
        QueryCompileCase("a -(b OR c) (d e)", match: "(\"a\" AND \"d\" AND \"e\") NOT (\"b\" OR \"c\")"),
        QueryCompileCase("(a -b) OR c", match: "(\"a\" NOT \"b\") OR \"c\""),
        QueryCompileCase("export*", match: "\"export\"*"),
        QueryCompileCase("a NEAR/5 b", match: "NEAR(\"a\" \"b\", 5)"),
        QueryCompileCase("a NEAR b", match: "NEAR(\"a\" \"b\", 10)"),
        QueryCompileCase("a NEAR/2 b NEAR/3 c", match: "NEAR(\"a\" \"b\", 2) AND NEAR(\"b\" \"c\", 3)"),
        QueryCompileCase("NEAR(a \"b c\" d*, 3)", match: "NEAR(\"a\" \"b c\" \"d\"*, 3)"),
        QueryCompileCase("NEAR(a b)", match: "NEAR(\"a\" \"b\", 10)"),
        QueryCompileCase("title:\"open weights\"", match: "{title} : \"open weights\""),
        QueryCompileCase("title:llama,mistral", match: "{title} : \"llama\" OR {title} : \"mistral\""),
        QueryCompileCase("title:llam*", match: "{title} : \"llam\"*"),
        QueryCompileCase("llama -title:draft", match: "\"llama\" NOT {title} : \"draft\""),
        QueryCompileCase("and or not near", match: "\"and\" AND \"or\" AND \"not\" AND \"near\""),
        QueryCompileCase("C++", match: "\"C++\""),
        QueryCompileCase("don't", match: "\"don't\""),
        QueryCompileCase("r/LocalLLaMA", match: "\"r/LocalLLaMA\""),
        QueryCompileCase("https://example.com/a?b=c", match: "\"https://example.com/a?b=c\""),
        QueryCompileCase("12\" pizza", match: "\"12\"\"\" AND \"pizza\""),
        QueryCompileCase("f(x)", match: "\"f(x)\""),
        QueryCompileCase("Update: news", match: "\"Update:\" AND \"news\""),
        QueryCompileCase("llama 🎉", match: "\"llama\""),
        QueryCompileCase("a — b", match: "\"a\" AND \"b\""),
        QueryCompileCase("a\u{0}b", match: "\"a b\""),
        // Filters.
        QueryCompileCase("", match: nil),
        QueryCompileCase("   ", match: nil),
        QueryCompileCase("source:reddit", match: nil, conditions: ["+p.source = ?"], bindings: ["reddit"]),
        QueryCompileCase("Source:HN", match: nil, conditions: ["+p.source = ?"], bindings: ["hackernews"]),
        QueryCompileCase(
            "source:reddit,bsky -source:news", match: nil, conditions: ["+p.source IN (?, ?)", "+p.source <> ?"],
            bindings: ["reddit", "bluesky", "news"]),
        QueryCompileCase("source:hn source:reddit", match: nil, conditions: ["+p.source IN (?, ?)"], bindings: ["hackernews", "reddit"]),
        QueryCompileCase("venue:LocalLLaMA", match: nil, conditions: ["+p.venue COLLATE NOCASE = ?"], bindings: ["LocalLLaMA"]),
        QueryCompileCase(
            "in:r/LocalLLaMA", match: nil, conditions: ["+p.venue COLLATE NOCASE IN (?, ?)"],
            bindings: ["r/LocalLLaMA", "LocalLLaMA"]),
        QueryCompileCase(
            "-venue:\"Ask Historians\"", match: nil, conditions: ["coalesce(p.venue, '') COLLATE NOCASE <> ?"], bindings: ["Ask Historians"]
        ),
        QueryCompileCase("author:em-bee", match: nil, conditions: ["+p.author COLLATE NOCASE = ?"], bindings: ["em-bee"]),
        QueryCompileCase(
            "-author:@em-bee", match: nil, conditions: ["coalesce(p.author, '') COLLATE NOCASE NOT IN (?, ?)"],
            bindings: ["@em-bee", "em-bee"]),
        QueryCompileCase("since:2026-04-01", match: nil, idRange: QueryTime.firstID("2026-04-01T00:00:00Z")...Int64.max),
        QueryCompileCase("until:2026-06-30", match: nil, idRange: Int64.min...QueryTime.lastID("2026-06-30T23:59:59Z")),
        QueryCompileCase(
            "on:2026-04-18", match: nil, idRange: QueryTime.firstID("2026-04-18T00:00:00Z")...QueryTime.lastID("2026-04-18T23:59:59Z")),
        QueryCompileCase(
            "on:2026-04", match: nil, idRange: QueryTime.firstID("2026-04-01T00:00:00Z")...QueryTime.lastID("2026-04-30T23:59:59Z")),
        QueryCompileCase(
            "on:2024-02", match: nil, idRange: QueryTime.firstID("2024-02-01T00:00:00Z")...QueryTime.lastID("2024-02-29T23:59:59Z")),
        QueryCompileCase(
            "on:2026", match: nil, idRange: QueryTime.firstID("2026-01-01T00:00:00Z")...QueryTime.lastID("2026-12-31T23:59:59Z")),
        QueryCompileCase(
            "since:2026-04-01 until:2026-06-30", match: nil,
            idRange: QueryTime.firstID("2026-04-01T00:00:00Z")...QueryTime.lastID("2026-06-30T23:59:59Z")),
        QueryCompileCase(
            "since:2026-04-01 since:2026-03-01", match: nil, idRange: QueryTime.firstID("2026-03-01T00:00:00Z")...Int64.max),
        QueryCompileCase(
            "since:7d", match: nil, idRange: QueryTime.firstID("2026-07-08T12:00:00Z")...QueryTime.lastID("2026-07-15T12:00:00Z")),
        QueryCompileCase(
            "since:24h", match: nil, idRange: QueryTime.firstID("2026-07-14T12:00:00Z")...QueryTime.lastID("2026-07-15T12:00:00Z")),
        QueryCompileCase(
            "since:2w", match: nil, idRange: QueryTime.firstID("2026-07-01T12:00:00Z")...QueryTime.lastID("2026-07-15T12:00:00Z")),
        QueryCompileCase(
            "since:3m", match: nil, idRange: QueryTime.firstID("2026-04-15T12:00:00Z")...QueryTime.lastID("2026-07-15T12:00:00Z")),
        QueryCompileCase(
            "since:1y", match: nil, idRange: QueryTime.firstID("2025-07-15T12:00:00Z")...QueryTime.lastID("2026-07-15T12:00:00Z")),
        QueryCompileCase("until:7d", match: nil, idRange: Int64.min...QueryTime.lastID("2026-07-08T12:00:00Z")),
        QueryCompileCase(
            "on:today", match: nil, idRange: QueryTime.firstID("2026-07-15T00:00:00Z")...QueryTime.lastID("2026-07-15T23:59:59Z")),
        QueryCompileCase(
            "-since:2026-04-01", match: nil, conditions: ["+p.published_at < ?"],
            bindings: [.integer(QueryTime.seconds("2026-04-01T00:00:00Z"))]),
        QueryCompileCase(
            "-until:2026-04-01", match: nil, conditions: ["+p.published_at > ?"],
            bindings: [.integer(QueryTime.seconds("2026-04-01T23:59:59Z"))]),
        QueryCompileCase(
            "-on:2026-04", match: nil, conditions: ["+p.published_at NOT BETWEEN ? AND ?"],
            bindings: [.integer(QueryTime.seconds("2026-04-01T00:00:00Z")), .integer(QueryTime.seconds("2026-04-30T23:59:59Z"))]),
        QueryCompileCase(
            "on:2026-04 on:2026-06-01", match: nil,
            conditions: ["(+p.published_at BETWEEN ? AND ? OR +p.published_at BETWEEN ? AND ?)"],
            bindings: [
                .integer(QueryTime.seconds("2026-04-01T00:00:00Z")), .integer(QueryTime.seconds("2026-04-30T23:59:59Z")),
                .integer(QueryTime.seconds("2026-06-01T00:00:00Z")), .integer(QueryTime.seconds("2026-06-01T23:59:59Z")),
            ],
            idRange: QueryTime.firstID("2026-04-01T00:00:00Z")...QueryTime.lastID("2026-06-01T23:59:59Z")),
        QueryCompileCase(
            "on:2026-04 on:2026-05", match: nil,
            idRange: QueryTime.firstID("2026-04-01T00:00:00Z")...QueryTime.lastID("2026-05-31T23:59:59Z")),
        // Text and filters together; exclusions only.
        QueryCompileCase(
            "\"open weights\" source:reddit in:LocalLLaMA since:2026-04-01", match: "\"open weights\"",
            conditions: ["+p.source = ?", "+p.venue COLLATE NOCASE = ?"], bindings: ["reddit", "LocalLLaMA"],
            idRange: QueryTime.firstID("2026-04-01T00:00:00Z")...Int64.max),
        QueryCompileCase(
            "-draft source:hn", match: nil,
            conditions: ["+p.source = ?", "+p.id NOT IN (SELECT rowid FROM posts_fts WHERE posts_fts MATCH ?)"],
            bindings: ["hackernews", "\"draft\""]),
        QueryCompileCase(
            "-draft -\"press release\"", match: nil,
            conditions: ["+p.id NOT IN (SELECT rowid FROM posts_fts WHERE posts_fts MATCH ?)"],
            bindings: ["\"draft\" OR \"press release\""]),
        QueryCompileCase("-🎉 llama NOT source:news", match: "\"llama\"", conditions: ["+p.source <> ?"], bindings: ["news"]),
    ]

    @Test(arguments: cases) func compiles(_ testCase: QueryCompileCase) throws {
        let query = try QueryCompiler.compile(testCase.query, context: QueryDemo.context)
        #expect(query.match == testCase.match)
        // As a statement driven by the text index writes them.
        let written = query.conditions.map { $0.sql(textDriven: true) }
        #expect(written.map(\.sql) == testCase.conditions)
        #expect(written.flatMap(\.bindings) == testCase.bindings)
        #expect(query.idRange == testCase.idRange)
        #expect(!query.isEmptyRange)
    }

    /// Every compiled case is valid SQL and FTS5 on a real corpus.
    @Test func everyCaseRunsOnARealCorpus() throws {
        let corpus = try QueryDemo.corpus()
        for testCase in Self.cases {
            let query = try QueryCompiler.compile(testCase.query, context: QueryDemo.context)
            for statement in [query.countSQL(), query.idsSQL(), query.searchSQL(sort: .rank, limit: 5)] {
                #expect(throws: Never.self, "\(testCase.query)") { try corpus.rows(statement.sql, statement.bindings) }
            }
        }
    }

    @Test func relativeMonthsClampTheDay() throws {
        let lastOfMay = QueryContext(now: QueryTime.seconds("2026-05-31T08:30:00Z"))
        let query = try QueryCompiler.compile("since:3m", context: lastOfMay)
        #expect(query.idRange == QueryTime.firstID("2026-02-28T08:30:00Z")...QueryTime.lastID("2026-05-31T08:30:00Z"))
        let leap = try QueryCompiler.compile("since:1y", context: QueryContext(now: QueryTime.seconds("2024-02-29T00:00:00Z")))
        #expect(leap.idRange == QueryTime.firstID("2023-02-28T00:00:00Z")...QueryTime.lastID("2024-02-29T00:00:00Z"))
    }

    @Test(arguments: [
        ("", "all posts"),
        (
            "\"open weights\" source:reddit in:LocalLLaMA since:2026-04-01",
            "posts matching \"open weights\" from reddit in LocalLLaMA since 2026-04-01"
        ),
        ("llama OR mistral -gguf", "posts matching llama OR mistral -gguf"),
        ("a -(b OR c)", "posts matching a -(b OR c)"),
        ("source:hn,bsky,news", "all posts from hackernews, bluesky or news"),
        ("-source:news author:em-bee since:7d", "all posts not from news by em-bee in the last 7 days"),
        ("until:24h -on:2026-04", "all posts until 24 hours ago not on 2026-04"),
        ("-since:2026-01-01 on:2026-04 on:2026-06", "all posts on 2026-04 or 2026-06 before 2026-01-01"),
        ("-draft in:LocalLLaMA", "posts without draft in LocalLLaMA"),
        ("title:\"open weights\" export* a NEAR/3 b", "posts matching title:\"open weights\" export* a NEAR/3 b"),
        ("llama 🎉", "posts matching llama (ignoring 🎉: not searchable)"),
    ])
    func describes(_ query: String, _ description: String) throws {
        #expect(try QueryCompiler.compile(query, context: QueryDemo.context).description == description)
    }

    // MARK: - Session filters

    @Test func sessionFiltersApplyOnTopOfTheQuery() throws {
        let query = try QueryCompiler.compile(
            "llama source:hn", sessionFilters: "source:reddit since:2026-01-01", context: QueryDemo.context)
        #expect(query.match == "\"llama\"")
        // A key repeated in the query narrows the session's filter rather than widening it.
        #expect(query.conditions == [.source(in: ["reddit"], negated: false), .source(in: ["hackernews"], negated: false)])
        #expect(query.idRange == QueryTime.firstID("2026-01-01T00:00:00Z")...Int64.max)
        #expect(query.description == "posts matching llama from reddit since 2026-01-01 from hackernews")

        let corpus = try QueryDemo.corpus()
        let session = try QueryCompiler.compile(
            "\"open weights\"", sessionFilters: "source:reddit since:2026-01-01", context: QueryDemo.context)
        let expected = try corpus.integer(
            "SELECT count(*) FROM posts WHERE source = 'reddit' AND published_at >= CAST(strftime('%s', '2026-01-01') AS INTEGER) "
                + "AND id IN (SELECT rowid FROM posts_fts WHERE posts_fts MATCH '\"open weights\"')")
        #expect(try QueryDemo.rows(session.countSQL(), in: corpus).first?.first?.int64Value == expected)
    }

    @Test func sessionFiltersAndQueryWithDisjointDatesMatchNothing() throws {
        let query = try QueryCompiler.compile("until:2026-01-01", sessionFilters: "since:2026-06-01", context: QueryDemo.context)
        #expect(query.isEmptyRange)
        let corpus = try QueryDemo.corpus()
        #expect(try QueryDemo.rows(query.countSQL(), in: corpus).first?.first?.int64Value == 0)
        #expect(try QueryDemo.rows(query.searchSQL(sort: .new, limit: 10), in: corpus).isEmpty)
    }

    @Test func sessionFilterMistakesSaySo() {
        #expect(
            throws: QueryError(
                message: "session filter: unknown source 'redit'", column: 8, length: 5,
                hint: "did you mean 'reddit'? sources are reddit, hackernews, bluesky, mastodon, news, web, other (also hn, bsky, rss)")
        ) { try QueryCompiler.compile("llama", sessionFilters: "source:redit", context: QueryDemo.context) }
    }

    @Test func combinedIntersectsRangesAndKeepsBindingsInOrder() throws {
        let a = try QueryCompiler.compile("llama source:reddit since:2026-01-01", context: QueryDemo.context)
        let b = try QueryCompiler.compile("-chips author:x until:2026-03-01", context: QueryDemo.context)
        let both = a.combined(with: b)
        // b only excludes: its exclusion stays a condition, and a's match is the match.
        #expect(both.match == "\"llama\"")
        #expect(both.conditions == a.conditions + b.conditions)
        #expect(
            both.countSQL().bindings == [.text("\"llama\"")] + [.integer(both.idRange!.lowerBound), .integer(both.idRange!.upperBound)]
                + (a.conditions + b.conditions).flatMap { $0.textDrivenSQL(id: "f.rowid", postsJoined: true).bindings })
        #expect(both.idRange == QueryTime.firstID("2026-01-01T00:00:00Z")...QueryTime.lastID("2026-03-01T23:59:59Z"))
        let disjoint = try QueryCompiler.compile("since:2026-05-01", context: QueryDemo.context)
            .combined(with: try QueryCompiler.compile("until:2026-04-01", context: QueryDemo.context))
        #expect(disjoint.isEmptyRange)
    }

    // MARK: - Beats

    static let beats: [String: String] = [
        "chips": "chips OR licences source:reddit,news",
        "open": "\"open weights\"",
        "loop": "llama beat:loop",
        "outer": "beat:loop",
        "broken": "auther:x",
    ]
    static let beatContext = QueryContext(now: QueryDemo.now, beatQuery: { beats[$0] })

    @Test func beatsAreInlined() throws {
        let query = try QueryCompiler.compile("export beat:chips since:2026-01-01", context: Self.beatContext)
        #expect(query.match == "(\"export\") AND (\"chips\" OR \"licences\")")
        #expect(query.conditions == [.source(in: ["reddit", "news"], negated: false)])
        #expect(query.description == "posts matching export since 2026-01-01 in beat chips")

        let corpus = try QueryDemo.corpus()
        func count(_ text: String) throws -> Int64? {
            try QueryDemo.rows(try QueryCompiler.compile(text, context: Self.beatContext).countSQL(), in: corpus).first?.first?.int64Value
        }
        let chips = "source IN ('reddit', 'news') AND id IN (SELECT rowid FROM posts_fts WHERE posts_fts MATCH 'chips OR licences')"
        let open = "id IN (SELECT rowid FROM posts_fts WHERE posts_fts MATCH '\"open weights\"')"
        let inChips = try #require(try corpus.integer("SELECT count(*) FROM posts WHERE \(chips)"))
        #expect(inChips > 0)
        #expect(try count("beat:chips") == inChips)
        #expect(try count("-beat:chips") == (try corpus.integer("SELECT count(*) FROM posts WHERE NOT (\(chips))")))
        #expect(try count("beat:chips,open") == (try corpus.integer("SELECT count(*) FROM posts WHERE (\(chips)) OR (\(open))")))
        #expect(try count("beat:chips beat:open") == (try corpus.integer("SELECT count(*) FROM posts WHERE (\(chips)) OR (\(open))")))
    }

    @Test func beatMistakes() {
        #expect(throws: QueryError(message: "no beat named 'nope'", column: 6, length: 4)) {
            try QueryCompiler.compile("beat:nope", context: Self.beatContext)
        }
        #expect(throws: QueryError(message: "no beat named 'chips'", column: 6, length: 5)) {
            try QueryCompiler.compile("beat:chips", context: QueryDemo.context)
        }
        #expect(
            throws: QueryError(
                message: "beat 'outer': beat 'loop': beat 'loop' includes itself", column: 6, length: 5,
                hint:
                    "in its query \"beat:loop\": in its query \"llama beat:loop\": a beat's query cannot use beat:loop, directly or through another beat"
            )
        ) { try QueryCompiler.compile("beat:outer", context: Self.beatContext) }
        #expect(
            throws: QueryError(
                message: "beat 'broken': unknown filter 'auther:'", column: 8, length: 6,
                hint: "in its query \"auther:x\": did you mean 'author:'?")
        ) { try QueryCompiler.compile("a beat:broken", context: Self.beatContext) }
    }
}

/// Filter conditions are values; their SQL depends on what drives the statement.
@Suite struct PostConditionTests {
    @Test func namesUseTheirIndexesOnlyWithoutWords() {
        let author = PostCondition.author(in: ["em-bee"], negated: false)
        #expect(author.sql(textDriven: true).sql == "+p.author COLLATE NOCASE = ?")
        #expect(author.sql(textDriven: false).sql == "p.author COLLATE NOCASE = ?")
        let venues = PostCondition.venue(in: ["a", "b"], negated: false)
        #expect(venues.sql(textDriven: false).sql == "p.venue COLLATE NOCASE IN (?, ?)")
        #expect(venues.sql(textDriven: false).bindings == [.text("a"), .text("b")])
        // Sources keep the `+` either way: their index is not selective.
        #expect(PostCondition.source(in: ["news"], negated: true).sql(textDriven: false).sql == "+p.source <> ?")
    }

    @Test func filtersOnlyQueriesWriteNameConditionsWithoutThePlus() throws {
        let query = try QueryCompiler.compile("author:em-bee venue:LocalLLaMA", context: QueryDemo.context)
        let sql = query.countSQL().sql
        #expect(sql.contains("(p.author COLLATE NOCASE = ?)") && sql.contains("(p.venue COLLATE NOCASE = ?)"), "\(sql)")
        let withWords = try QueryCompiler.compile("llama author:em-bee", context: QueryDemo.context).countSQL().sql
        #expect(withWords.contains("(+p.author COLLATE NOCASE = ?)"), "\(withWords)")
    }
}
