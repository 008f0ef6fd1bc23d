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

    /// An import that commits after the helper took its snapshot, and before this connection
    /// took its own, is in both halves or in neither: here in both, with a post past the last
    /// id stored when the page began.
    @Test func anImportBetweenTheTwoSnapshotsIsSeenByBoth() throws {
        let demo = try SearchDemo.corpus()
        let query = try QueryCompiler.compile("the", context: QueryDemo.context)
        let last = try #require(try demo.integer("SELECT max(id) FROM posts")) >> Schema.sequenceBits
        let file = try demo.write(
            "late.jsonl",
            """
            {"id": "late-1", "source": "mastodon", "published_at": \(last - 60), "text": "the last word before the end"}
            {"id": "late-2", "source": "reddit", "published_at": \(last + 60), "text": "the word after the end"}
            """)
        let path = demo.path
        nonisolated(unsafe) var imported = false
        demo.corpus.betweenSnapshots = {
            guard !imported, let writer = try? Corpus(path: path) else { return }
            imported = (try? Importer(corpus: writer, options: ImportOptions()).run([file], events: ImportEvents()).added) == 2
        }
        let halved = SearchEngine(corpus: demo.corpus)
        halved.halvingMatches = 0
        let two = try halved.search(query, shownAs: "the", sort: .rank, limit: 500)
        #expect(imported)
        let whole = SearchEngine(corpus: demo.corpus)
        whole.halvingMatches = .max
        let one = try whole.search(query, shownAs: "the", sort: .rank, limit: 500)
        #expect(two.total == one.total)
        #expect(two == one)
        #expect(Set(two.hits.map(\.post.id)).isSuperset(of: ["mastodon:late-1", "reddit:late-2"]))
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
