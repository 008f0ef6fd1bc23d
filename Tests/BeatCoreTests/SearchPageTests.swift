import BeatCore
import BeatSQLite
import BeatTestSupport
import Testing

/// `SearchEngine.search` counts a ranked page's matches in the pass that ranks them; the
/// total must be exactly what `count` finds, for every kind of query and page.
@Suite struct SearchPageTests {
    static let queries = [
        "licences", "\"open weights\"", "chips OR licences", "open*", "chips -export", "\"open weights\" source:reddit",
        "licences -source:news since:2026-01-01", "aurora author:gguf_goblin", "chips OR x -licences",
        "source:reddit", "nosuchwordanywhere", "until:2020-01-01 licences",
    ]

    @Test(arguments: [SearchSort.rank, .new, .old])
    func pageTotalsEqualTheCount(sort: SearchSort) throws {
        let corpus = try QueryDemo.corpus()
        let engine = SearchEngine(corpus: corpus.corpus)
        for text in Self.queries {
            guard let query = try? QueryCompiler.compile(text, context: QueryDemo.context) else { continue }
            let count = try engine.count(query)
            for (limit, offset) in [(20, 0), (3, 2), (5, 1000), (0, 0)] {
                let page = try engine.search(query, shownAs: text, sort: sort, limit: limit, offset: offset)
                #expect(page.total == count, "\(text) --sort \(sort) limit \(limit) offset \(offset)")
                #expect(page.hits.count == max(0, min(limit, count - offset)), "\(text) limit \(limit) offset \(offset)")
            }
        }
    }

    @Test func rankedPagesWithWordsCountInTheRankingPass() throws {
        let query = try QueryCompiler.compile("\"open weights\" source:reddit", context: QueryDemo.context)
        #expect(query.talliesMatches(sort: .rank))
        #expect(query.searchSQL(sort: .rank, limit: 20, tallied: true).sql.contains("beat_tally(beat_bm25_per_idf("))
        let words = try QueryCompiler.compile("open weights source:reddit", context: QueryDemo.context)
        #expect(words.searchSQL(sort: .rank, limit: 20, tallied: true).sql.contains("beat_tally(bm25("))
        #expect(!query.talliesMatches(sort: .new))
        #expect(!(try QueryCompiler.compile("source:reddit", context: QueryDemo.context)).talliesMatches(sort: .rank))
    }
}
