import BeatSQLite
import BeatTestSupport
import Foundation
import Testing

@testable import BeatCore

/// `detail` (the `show` command's record and thread context), and the
/// migration that indexes replies by parent. Expected threads were read from
/// the demo JSONL with Python's json module.
@Suite struct ShowTests {
    @Test func aRedditCommentShowsItsParentRepliesAndThread() throws {
        let demo = try SearchDemo.corpus()
        let engine = SearchEngine(corpus: demo.corpus)
        let detail = try #require(try engine.detail(publicID: "reddit:o7hitpw"))
        #expect(
            detail.post
                == PostSummary(
                    id: "reddit:o7hitpw", source: "reddit", venue: "LocalLLaMA", author: "VRAMlet_4090",
                    publishedAt: 1_776_264_931, title: nil,
                    url: "https://www.reddit.com/r/LocalLLaMA/comments/1qt4eoj/aurora_70b_released_apache_2_0_128k_context_base/o7hitpw/"))
        #expect(detail.text == "legend. what's the smallest quant you'd actually recommend? asking for my single 4090")
        #expect(detail.score == 402)
        #expect(detail.lang == "en")
        #expect(detail.tags == ["open-source-ai"])
        #expect(detail.parent?.id == "reddit:o7hhzs7")
        #expect(detail.parent?.author == "gguf_goblin")
        #expect(detail.parent?.publishedAt == 1_776_264_454)
        #expect(detail.replies.map(\.id) == ["reddit:o7hkba4"])
        #expect(detail.replies.first?.author == "gguf_goblin")
        #expect(detail.threadRoot?.id == "reddit:1qt4eoj")
        #expect(detail.threadRoot?.title == "Aurora-70B released: Apache 2.0, 128K context, base + instruct weights on HF")
    }

    @Test func aSubmissionShowsItsRepliesOldestFirst() throws {
        let demo = try SearchDemo.corpus()
        let engine = SearchEngine(corpus: demo.corpus)
        let submission = try #require(try engine.detail(publicID: "reddit:1qt4eoj"))
        #expect(submission.parent == nil)
        #expect(submission.threadRoot == nil)
        #expect(submission.replies.map(\.id) == ["reddit:o7hhzs7", "reddit:o7hmj4b", "reddit:o7hyeqi", "reddit:o7kvdax"])
        let dates = submission.replies.map(\.publishedAt)
        #expect(dates == dates.sorted())
        // A direct reply: the thread's first post is its parent, so it is not repeated.
        let reply = try #require(try engine.detail(publicID: "reddit:o7hhzs7"))
        #expect(reply.parent?.id == "reddit:1qt4eoj")
        #expect(reply.threadRoot == nil)
        #expect(reply.replies.map(\.id).contains("reddit:o7hitpw"))
        // The short platform name works too; an HN story with five replies.
        let story = try #require(try engine.detail(publicID: "hn:51507010"))
        #expect(story.post.id == "hackernews:51507010")
        #expect(story.replies.map(\.id) == ["51507356", "51507803", "51508317", "51510354", "51517734"].map { "hackernews:" + $0 })
    }

    @Test func repliesAreCountedAgainstDirectSQLForEveryPost() throws {
        let demo = try SearchDemo.corpus()
        let engine = SearchEngine(corpus: demo.corpus)
        for row in try demo.rows("SELECT source, source_id FROM posts ORDER BY id") {
            let source = row[0].stringValue ?? "", sourceID = row[1].stringValue ?? ""
            let detail = try #require(try engine.detail(publicID: source + ":" + sourceID))
            let expected = try demo.rows(
                "SELECT source_id FROM posts NOT INDEXED WHERE source = ? AND parent = ? ORDER BY published_at, id",
                [.text(source), .text(sourceID)]
            ).map { source + ":" + ($0[0].stringValue ?? "") }
            #expect(detail.replies.map(\.id) == expected)
        }
    }

    @Test func unknownIDsAreNil() throws {
        let demo = try SearchDemo.corpus()
        let engine = SearchEngine(corpus: demo.corpus)
        #expect(try engine.detail(publicID: "reddit:nope") == nil)
        #expect(try engine.detail(publicID: "o7hitpw") == nil)
        #expect(try engine.detail(publicID: "hackernews:o7hitpw") == nil)
        #expect(try engine.detail(publicID: "") == nil)
    }

    @Test func anIDWithColonsIsSplitAtTheFirstOne() throws {
        let corpus = try TemporaryCorpus()
        let root = "at://did:plc:abc/app.bsky.feed.post/1"
        let child = "at://did:plc:xyz/app.bsky.feed.post/2"
        let file = try corpus.write(
            "bsky.jsonl",
            """
            {"id": "\(root)", "source": "bluesky", "published_at": "2026-01-01T00:00:00Z", "text": "root post"}
            {"id": "\(child)", "source": "bluesky", "published_at": "2026-01-01T00:05:00Z", "text": "a reply", "parent": "\(root)", "thread": "\(root)", "tags": []}
            """)
        _ = try corpus.importFiles([file])
        let engine = SearchEngine(corpus: corpus.corpus)
        let detail = try #require(try engine.detail(publicID: "bluesky:" + root))
        #expect(detail.replies.map(\.id) == ["bluesky:" + child])
        #expect(detail.tags.isEmpty)
        #expect(try engine.detail(publicID: "bsky:" + child)?.parent?.id == "bluesky:" + root)
    }

    @Test func aVersionOneCorpusMigratesAndRepliesUseTheIndex() throws {
        let folder = try TemporaryCorpus()
        let path = folder.directory + "/v1.db"
        do {
            // A corpus as the first schema left it, with a thread in it.
            let connection = try Connection(path: path)
            try connection.execute(Schema.migrations[0])
            try connection.execute("PRAGMA user_version = 1")
            try connection.execute("INSERT INTO imports(id, path, format, started_at) VALUES (1, 'x', 'jsonl', 0)")
            for (n, (id, parent)) in [("r", nil), ("c1", "r"), ("c2", "r"), ("c3", "c1")].enumerated() {
                try connection.run(
                    "INSERT INTO posts(id, source, source_id, published_at, text, parent, import_id, imported_at) VALUES (?, 'reddit', ?, ?, 'text', ?, 1, 0)",
                    [.integer(Int64(1000 + n) << 20), .text(id), .integer(Int64(1000 + n)), parent.sqliteValue])
            }
        }
        let corpus = try Corpus(path: path)
        #expect(Corpus.schemaVersion >= 2)
        #expect(try corpus.connection.scalar("PRAGMA user_version")?.int64Value == Int64(Corpus.schemaVersion))
        #expect(
            try corpus.connection.scalar(
                "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = 'posts_source_parent'")?.stringValue?
                .contains("ON posts(source, parent)") == true)
        #expect(try corpus.postCount() == 4)
        let engine = SearchEngine(corpus: corpus)
        #expect(try engine.detail(publicID: "reddit:r")?.replies.map(\.id) == ["reddit:c1", "reddit:c2"])
        #expect(try engine.detail(publicID: "reddit:c1")?.replies.map(\.id) == ["reddit:c3"])

        var plan: [String] = []
        try corpus.connection.forEachRow(
            "EXPLAIN QUERY PLAN SELECT p.id, p.source_id, p.author, p.title FROM posts p WHERE p.source = ?1 AND p.parent = ?2 ORDER BY p.id",
            ["reddit", "r"]
        ) { plan.append($0.string(3) ?? "") }
        #expect(plan.contains { $0.contains("USING INDEX posts_source_parent (source=? AND parent=?)") }, "\(plan)")
        #expect(!plan.contains { $0.contains("TEMP B-TREE") }, "replies come in id order from the index: \(plan)")
        // Opening again does not migrate twice.
        #expect(try Corpus(path: path).postCount() == 4)
    }
}
