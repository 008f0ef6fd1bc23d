import BeatCore
import BeatSQLite
import BeatTestSupport
import Testing

@Suite struct BeatJSONLImportTests {
    let lines = """
        {"id": "a1", "source": "reddit", "venue": "LocalLLaMA", "author": "em-bee", "published_at": "2026-04-18T09:30:00Z", "title": "Aurora-70B", "text": "Open weights at last.", "url": "https://reddit.com/a1", "score": 12, "lang": "en", "tags": ["open-source-ai"]}
        {"id": "8863", "source": "hackernews", "venue": "HN", "author": "dhouston", "published_at": 1175714200, "text": "My YC app: Dropbox", "parent": null}
        """

    @Test func importsEveryFieldIntoRealSQLite() throws {
        let corpus = try TemporaryCorpus()
        let file = try corpus.write("posts.jsonl", lines)
        let outcome = try corpus.importFiles([file])
        #expect(outcome.summary.added == 2)
        #expect(outcome.problems.isEmpty)
        #expect(outcome.formats == [.jsonl])
        let post = try #require(try corpus.post("reddit", "a1"))
        #expect(post["venue"] == .text("LocalLLaMA"))
        #expect(post["author"] == .text("em-bee"))
        #expect(post["published_at"] == .integer(1_776_504_600))
        #expect(post["tags"] == .text("[\"open-source-ai\"]"))
        #expect(post["score"] == .integer(12))
        #expect(post["origin_line"] == .integer(1))
        #expect(post["id"] == .integer(1_776_504_600 << 20 | 1 << 17), "the second, then reddit's lane")
        try corpus.checkIndexIntegrity()
        #expect(try corpus.integer("SELECT count(*) FROM posts_fts WHERE posts_fts MATCH 'weights'") == 1)
    }

    @Test func reimportIsIdempotentAndEditsUpdateInPlace() throws {
        let corpus = try TemporaryCorpus()
        let file = try corpus.write("posts.jsonl", lines)
        _ = try corpus.importFiles([file])
        let again = try corpus.importFiles([file])
        #expect(again.summary.added == 0)
        #expect(again.summary.unchanged == 2)
        let edited = try corpus.write(
            "edited.jsonl", lines.replacingOccurrences(of: "Open weights at last.", with: "Open weights, finally."))
        let third = try corpus.importFiles([edited])
        #expect(third.summary.updated == 1)
        #expect(third.summary.unchanged == 1)
        #expect(try corpus.integer("SELECT count(*) FROM posts") == 2)
        #expect(try corpus.integer("SELECT count(*) FROM posts_fts WHERE posts_fts MATCH 'finally'") == 1)
        #expect(try corpus.integer("SELECT count(*) FROM posts_fts WHERE posts_fts MATCH '\"at last\"'") == 0)
        try corpus.checkIndexIntegrity()
    }

    @Test func postsInTheSameSecondGetConsecutiveTimeOrderedIDs() throws {
        let corpus = try TemporaryCorpus()
        let file = try corpus.write(
            "same.jsonl",
            (1...3).map {
                "{\"id\": \"p\($0)\", \"source\": \"bluesky\", \"published_at\": \"2026-01-01T00:00:00Z\", \"text\": \"post \($0)\"}"
            }.joined(separator: "\n"))
        _ = try corpus.importFiles([file])
        let ids = try corpus.rows("SELECT id FROM posts ORDER BY source_id").map { $0[0].int64Value ?? 0 }
        let base = Int64(1_767_225_600) << 20 | 3 << 17  // bluesky's lane
        #expect(ids == [base, base + 1, base + 2])
    }

    @Test func badLinesAreReportedWithTheirLineAndSkipped() throws {
        let corpus = try TemporaryCorpus()
        let file = try corpus.write(
            "mixed.jsonl",
            """
            {"id": "1", "source": "reddit", "published_at": "2026-01-01T00:00:00Z", "text": "good"}
            {"id": "2", "source": "reddit", "published_at": "2026-01-01T00:00:00Z", "text": "bad" 
            {"id": "3", "source": "reddit", "published_at": "yesterday", "text": "bad date"}
            {"id": "4", "source": "redit", "published_at": "2026-01-01T00:00:00Z", "text": "typo"}
            {"id": "5", "source": "reddit", "published_at": "2026-01-01T00:00:00Z"}
            {"id": "6", "source": "reddit", "published_at": "2026-01-01T00:00:00Z", "text": "good too"}
            """)
        let outcome = try corpus.importFiles([file])
        #expect(outcome.summary.added == 2)
        #expect(outcome.summary.skipped == 4)
        #expect(outcome.problems.map(\.location) == ["2:87", "3", "4", "5"])
        #expect(outcome.problems[0].reason.hasPrefix("not valid JSON"))
        #expect(outcome.problems[2].reason.contains("did you mean 'reddit'"))
    }

    @Test func strictModeLeavesTheCorpusExactlyAsBefore() throws {
        let corpus = try TemporaryCorpus()
        let good = try corpus.write("good.jsonl", lines)
        _ = try corpus.importFiles([good])
        let before = try corpus.rows("SELECT * FROM posts ORDER BY id")
        let bad = try corpus.write(
            "bad.jsonl",
            """
            {"id": "new1", "source": "reddit", "published_at": "2026-02-01T00:00:00Z", "text": "would be added"}
            not json at all
            """)
        #expect(throws: ImportError.self) { try corpus.importFiles([bad], options: ImportOptions(strict: true)) }
        #expect(try corpus.rows("SELECT * FROM posts ORDER BY id") == before)
        try corpus.checkIndexIntegrity()
    }
}
