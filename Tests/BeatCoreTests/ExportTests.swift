import BeatCore
import BeatSQLite
import BeatTestSupport
import Foundation
import Testing

/// `export`: Beat's own JSONL, which `import` reads back into identical records.
@Suite struct ExportTests {
    static let contentColumns =
        "id, source, source_id, venue, author, published_at, title, text, url, parent, thread, score, lang, tags, raw"

    static let fixtures = [
        "reddit/comments_tree.json", "mastodon/statuses.json", "news/rss2.xml", "bluesky/author_feed.json",
    ].map(Fixtures.path)

    @Test func exportThenImportGivesIdenticalPosts() throws {
        let original = try TemporaryCorpus()
        let imported = try original.importFiles([SearchDemo.path] + Self.fixtures)
        #expect(imported.problems.isEmpty)
        #expect(imported.failures.isEmpty)
        let total = try #require(try original.integer("SELECT count(*) FROM posts"))
        #expect(total > 341 + 50)
        // The fixtures bring what the demo lacks: raw records, posts without an author or title.
        #expect(try original.integer("SELECT count(*) FROM posts WHERE raw IS NOT NULL") ?? 0 > 50)
        #expect(try original.integer("SELECT count(*) FROM posts WHERE author IS NULL") ?? 0 > 0)

        var lines: [String] = []
        let written = try SearchEngine(corpus: original.corpus).export(CompiledQuery()) { lines.append($0) }
        #expect(written == Int(total))
        #expect(lines.count == written)
        #expect(lines.allSatisfy { $0.hasSuffix("}\n") && $0.filter { $0 == "\n" }.count == 1 })
        let copy = try TemporaryCorpus()
        let file = try copy.write("export.jsonl", lines.joined())
        let reimport = try copy.importFiles([file])
        #expect(reimport.formats == [.jsonl])
        #expect(reimport.problems.isEmpty)
        #expect(reimport.summary.added == written)

        let before = try original.rows("SELECT \(Self.contentColumns) FROM posts ORDER BY id")
        let after = try copy.rows("SELECT \(Self.contentColumns) FROM posts ORDER BY id")
        #expect(before.count == after.count)
        let differing = zip(before, after).filter { $0 != $1 }
        #expect(differing.isEmpty, "\(differing.count) posts differ after export and import, first: \(differing.prefix(1))")
        try copy.checkIndexIntegrity()
        // Exporting the copy gives the same bytes.
        var again: [String] = []
        try SearchEngine(corpus: copy.corpus).export(CompiledQuery()) { again.append($0) }
        #expect(again == lines)
    }

    @Test func linesAreBeatJSONLWithNullsLeftOut() throws {
        let corpus = try TemporaryCorpus()
        let file = try corpus.write(
            "posts.jsonl",
            """
            {"id": "1", "source": "hackernews", "published_at": 1175714200, "text": "My YC app: Dropbox \\"sync\\"\\nline two"}
            {"id": "a1", "source": "reddit", "venue": "LocalLLaMA", "author": "em-bee", "published_at": "2026-04-18T09:30:00Z", "title": "Aurora-70B", "text": "Open weights at last.", "url": "https://reddit.com/a1", "parent": "p", "thread": "t", "score": -3, "lang": "en", "tags": ["open-source-ai", "x"], "extra": {"k": 1}}
            """)
        _ = try corpus.importFiles([file])
        var lines: [String] = []
        try SearchEngine(corpus: corpus.corpus).export(CompiledQuery()) { lines.append($0) }
        #expect(
            lines == [
                #"{"id": "1", "source": "hackernews", "published_at": "2007-04-04T19:16:40Z", "text": "My YC app: Dropbox \"sync\"\nline two"}"#
                    + "\n",
                #"{"id": "a1", "source": "reddit", "venue": "LocalLLaMA", "author": "em-bee", "published_at": "2026-04-18T09:30:00Z", "title": "Aurora-70B", "text": "Open weights at last.", "url": "https://reddit.com/a1", "parent": "p", "thread": "t", "score": -3, "lang": "en", "tags": ["open-source-ai","x"], "raw": "{\"id\":\"a1\",\"source\":\"reddit\",\"venue\":\"LocalLLaMA\",\"author\":\"em-bee\",\"published_at\":\"2026-04-18T09:30:00Z\",\"title\":\"Aurora-70B\",\"text\":\"Open weights at last.\",\"url\":\"https://reddit.com/a1\",\"parent\":\"p\",\"thread\":\"t\",\"score\":-3,\"lang\":\"en\",\"tags\":[\"open-source-ai\",\"x\"],\"extra\":{\"k\":1}}"}"#
                    + "\n",
            ])
        // Every line is valid JSON.
        for line in lines {
            #expect(try JSONSerialization.jsonObject(with: Data(line.utf8)) is [String: Any])
        }
    }

    @Test func aQueryExportsOnlyItsPostsInTimeOrder() throws {
        let demo = try SearchDemo.corpus()
        let engine = SearchEngine(corpus: demo.corpus)
        var ids: [String] = []
        var dates: [String] = []
        let query = CompiledQuery(match: "licences", conditions: [.source(in: ["news"], negated: true)])
        let count = try engine.export(query) { line in
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            ids.append("\(object["source"] ?? ""):\(object["id"] ?? "")")
            dates.append(object["published_at"] as? String ?? "")
        }
        let expected = try demo.rows(
            """
            SELECT source || ':' || source_id FROM posts
            WHERE id IN (SELECT rowid FROM posts_fts WHERE posts_fts MATCH 'licences') AND source <> 'news' ORDER BY published_at, id
            """
        ).map { $0[0].stringValue ?? "" }
        #expect(count == expected.count && count > 5)
        #expect(ids == expected)
        #expect(dates == dates.sorted())
    }

    @Test func aFailingWriterStopsTheExport() throws {
        struct Closed: Error {}
        let demo = try SearchDemo.corpus()
        let engine = SearchEngine(corpus: demo.corpus)
        var calls = 0
        #expect(throws: Closed.self) {
            try engine.export(CompiledQuery()) { _ in
                calls += 1
                if calls == 3 { throw Closed() }
            }
        }
        #expect(calls == 3)
        // The statement was reset: the engine still works.
        #expect(try engine.export(CompiledQuery()) { _ in } == 341)
    }
}
