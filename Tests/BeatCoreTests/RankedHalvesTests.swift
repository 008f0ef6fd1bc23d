import BeatSQLite
import BeatTestSupport
import Foundation
import Testing

@testable import BeatCore

/// A page by relevance ranked in two halves at once is the page one pass gives.
@Suite struct RankedHalvesTests {
    @Test(arguments: [
        "the", "\"open weights\"", "model source:reddit", "chips since:2026-01-01 until:2026-06-30",
        "export OR licence OR chips", "patients -source:news", "zzzunmatched", "title:the",
    ])
    func halvesGiveTheWholePage(_ text: String) throws {
        let demo = try SearchDemo.corpus()
        let query = try QueryCompiler.compile(text, context: QueryDemo.context)
        let whole = SearchEngine(corpus: demo.corpus)
        whole.halvingMatches = .max
        let halved = SearchEngine(corpus: demo.corpus)
        halved.halvingMatches = 0
        for (limit, offset) in [(20, 0), (5, 3), (500, 0), (3, 1_000), (1, 0)] {
            let one = try whole.search(query, shownAs: text, sort: .rank, limit: limit, offset: offset)
            let two = try halved.search(query, shownAs: text, sort: .rank, limit: limit, offset: offset)
            #expect(two == one, "\(text) limit \(limit) offset \(offset)")
            #expect(two.total == (try whole.count(query)), "\(text)")
        }
        if text == "the" {
            // The halves were used: a page this large spans both.
            #expect(try halved.rankedInHalves(query, limit: 20, offset: 0) != nil)
            #expect(try whole.search(query, shownAs: text, sort: .rank, limit: 20).total > 100)
        }
    }

    @Test func onePassWhenTheMatchesAreFewOrATransactionIsOpen() throws {
        let demo = try SearchDemo.corpus()
        let engine = SearchEngine(corpus: demo.corpus)
        let few = try QueryCompiler.compile("zugzwang OR patients", context: QueryDemo.context)
        #expect(try engine.rankedInHalves(few, limit: 20, offset: 0) == nil, "the demo's matches are far below the default")
        engine.halvingMatches = 0
        #expect(try engine.rankedInHalves(few, limit: 20, offset: 0) != nil)
        try demo.corpus.connection.execute("BEGIN")
        defer { try? demo.corpus.connection.execute("ROLLBACK") }
        #expect(try engine.rankedInHalves(few, limit: 20, offset: 0) == nil, "a second connection would not see this one's posts")
    }
}
