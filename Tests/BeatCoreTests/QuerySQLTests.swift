import BeatCore
import BeatSQLite
import BeatTestSupport
import Testing

/// What the search statements return: ids, bm25 ranks, snippets, pages.
@Suite struct QuerySQLTests {
    private func compile(_ text: String) throws -> CompiledQuery {
        try QueryCompiler.compile(text, context: QueryDemo.context)
    }

    @Test func rankedSearchIsBM25WithTheTitleWeighted() throws {
        let corpus = try QueryDemo.corpus()
        let rows = try QueryDemo.rows(try compile("licences OR chips").searchSQL(sort: .rank, limit: 10), in: corpus)
        let expected = try corpus.rows(
            """
            SELECT rowid, bm25(posts_fts, 3.0, 1.0) FROM posts_fts WHERE posts_fts MATCH 'licences OR chips'
            ORDER BY 2, rowid DESC LIMIT 10
            """)
        #expect(rows.count == 10)
        #expect(rows.map { $0[0] } == expected.map { $0[0] })
        #expect(rows.map { $0[1] } == expected.map { $0[1] })
        let ranks = rows.compactMap { row -> Double? in if case .real(let value) = row[1] { value } else { nil } }
        #expect(ranks.count == 10)
        #expect(ranks == ranks.sorted(), "lower is better, best first")
    }

    @Test func snippetsMarkTheMatches() throws {
        let corpus = try QueryDemo.corpus()
        let rows = try QueryDemo.rows(try compile("\"open weights\"").searchSQL(sort: .new, limit: 50), in: corpus)
        #expect(!rows.isEmpty)
        // Snippets come from the text column; a post matching only in its title shows its title instead.
        let textMatches = Set(
            try corpus.rows(
                """
                SELECT rowid FROM posts_fts WHERE posts_fts MATCH 'text : "open weights"'
                """
            ).compactMap { $0[0].int64Value })
        #expect(textMatches.count < rows.count, "the demo has posts matching only in the title")
        for row in rows {
            #expect(row[1] == .null, "no rank when sorted by date")
            guard let id = row[0].int64Value, textMatches.contains(id) else {
                #expect(!(row[2].stringValue ?? "").contains("\u{2}"))
                continue
            }
            let snippet = row[2].stringValue ?? ""
            #expect(snippet.contains("\u{2}"), "\(snippet)")
            #expect(snippet.contains("\u{3}"))
            // The text between markers is the phrase as written: "Open weights", "open-weights".
            let marked = snippet.split(separator: "\u{2}", omittingEmptySubsequences: false).dropFirst()
                .compactMap { $0.split(separator: "\u{3}").first?.lowercased().replacingOccurrences(of: "-", with: " ") }
            #expect(!marked.isEmpty)
            #expect(marked.allSatisfy { $0 == "open weights" }, "\(marked)")
        }
    }

    @Test func pagesFollowEachOther() throws {
        let corpus = try QueryDemo.corpus()
        let query = try compile("licences OR chips OR \"open weights\"")
        for sort in SearchSort.allCases {
            let all = try QueryDemo.rows(query.searchSQL(sort: sort, limit: 30), in: corpus).map { $0[0] }
            let first = try QueryDemo.rows(query.searchSQL(sort: sort, limit: 10), in: corpus).map { $0[0] }
            let second = try QueryDemo.rows(query.searchSQL(sort: sort, limit: 10, offset: 10), in: corpus).map { $0[0] }
            #expect(all.count == 30)
            #expect(first + second == Array(all.prefix(20)), "\(sort)")
        }
    }

    @Test func filtersOnlyListsNewestFirstWithTheStartOfTheText() throws {
        let corpus = try QueryDemo.corpus()
        let query = try compile("source:news")
        let rows = try QueryDemo.rows(query.searchSQL(sort: .rank, limit: 100), in: corpus)
        let ids = try corpus.rows("SELECT id, text FROM posts WHERE source = 'news' ORDER BY published_at DESC, id DESC")
        #expect(rows.map { $0[0] } == ids.map { $0[0] })
        for (row, post) in zip(rows, ids) {
            #expect(row[1] == .null)
            let text = post[1].stringValue ?? ""
            #expect(row[2].stringValue == String(text.prefix(200)))
        }
        let oldest = try QueryDemo.rows(query.searchSQL(sort: .old, limit: 3), in: corpus).map { $0[0] }
        #expect(oldest == ids.reversed().prefix(3).map { $0[0] })
    }

    @Test func countWithoutFiltersDoesNotJoin() throws {
        let text = try compile("licences since:2026-01-01").countSQL().sql
        #expect(!text.contains("JOIN"))
        // A source comes from the id's lane (`PostLane`); venue and author from the facets
        // index; a date condition on the row from the row.
        #expect(try !compile("licences source:news").countSQL().sql.contains("JOIN"))
        #expect(try compile("licences in:LocalLLaMA").countSQL().sql.contains("JOIN posts p INDEXED BY posts_facets ON p.id = f.rowid"))
        #expect(try compile("licences -on:2026-04").countSQL().sql.contains("JOIN posts p ON p.id = f.rowid"))
    }

    @Test func noUserTextInTheSQL() throws {
        let hostile = "'; DROP TABLE posts; -- \"x\" source:reddit author:\"o'brien\" in:\"a) OR (1\" title:\"'\""
        let query = try compile(hostile)
        for statement in [query.countSQL(), query.idsSQL(), query.searchSQL(sort: .rank, limit: 5), query.groupCountSQL(by: .author)] {
            #expect(!statement.sql.contains("DROP"))
            #expect(!statement.sql.contains("brien"))
            #expect(!statement.sql.contains("a) OR (1"))
        }
        let corpus = try QueryDemo.corpus()
        #expect(try QueryDemo.rows(query.countSQL(), in: corpus).first?.first == .integer(0))
        #expect(try corpus.integer("SELECT count(*) FROM posts") == 341)
    }
}
