import BeatCore
import BeatSQLite
import BeatTestSupport
import Foundation
import Testing

/// The demo corpus shipped in `Sources/BeatCore/Resources`, imported into a
/// fresh temporary corpus.
enum SearchDemo {
    static var path: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/BeatCore/Resources/demo-corpus.jsonl").path
    }

    static func corpus() throws -> TemporaryCorpus {
        let corpus = try TemporaryCorpus()
        let outcome = try corpus.importFiles([path])
        #expect(outcome.summary.added == 341)
        return corpus
    }
}

/// `hits(ids:)`: summaries for a batch of ids, checked column by column against the table.
@Suite struct SearchDemoTests {
    @Test func summariesForABatchOfIDs() throws {
        let demo = try SearchDemo.corpus()
        let engine = SearchEngine(corpus: demo.corpus)
        let rows = try demo.rows("SELECT id, source, source_id, venue, author, published_at, title, url FROM posts ORDER BY id")
        let ids = rows.compactMap { $0[0].int64Value }
        let summaries = try engine.hits(ids: ids + [42, -1])
        #expect(summaries.count == 341)
        #expect(summaries[42] == nil)
        for row in rows {
            let summary = try #require(summaries[row[0].int64Value ?? 0])
            #expect(summary.id == "\(row[1].stringValue ?? ""):\(row[2].stringValue ?? "")")
            #expect(summary.source == row[1].stringValue)
            #expect(summary.venue == row[3].stringValue)
            #expect(summary.author == row[4].stringValue)
            #expect(summary.publishedAt == row[5].int64Value)
            #expect(summary.title == row[6].stringValue)
            #expect(summary.url == row[7].stringValue)
        }
        #expect(try engine.hits(ids: []).isEmpty)
        let story = try #require(
            try demo.integer("SELECT id FROM posts WHERE source_id = 'technology/us-tightens-ai-chip-export-controls-2026-01-22'"))
        #expect(
            try engine.hits(ids: [story]) == [
                story: PostSummary(
                    id: "news:technology/us-tightens-ai-chip-export-controls-2026-01-22", source: "news", venue: "reuters.com",
                    author: "Thomas O'Brien", publishedAt: 1_769_096_404,
                    title: "U.S. tightens AI chip export controls, targets large data centers abroad",
                    url: "https://www.reuters.com/technology/us-tightens-ai-chip-export-controls-2026-01-22/")
            ])
    }
}
