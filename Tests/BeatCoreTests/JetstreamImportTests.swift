import BeatCore
import BeatSQLite
import BeatTestSupport
import Testing

/// Bluesky Jetstream event lines. Expected values were read from
/// Fixtures/bluesky/jetstream.jsonl with python3.
@Suite struct JetstreamImportTests {
    static let first = "at://did:plc:6ltm2qp7w2ntven5jn2dw25h/app.bsky.feed.post/3l3qi7gmjxkyv"
    static let deleted = "at://did:plc:5ximx7jqyvv5kivneglaj4pw/app.bsky.feed.post/3l3q5m77yxhio"
    static let editedText =
        "Trying the new open-weights model on my laptop 🚀 notes: https://example.com/notes/open-weights (edit: 4-bit works fine)"

    @Test func importsPostCommitsAndPassesOverTheRest() throws {
        let corpus = try TemporaryCorpus()
        let outcome = try corpus.importFiles([Fixtures.path("bluesky/jetstream.jsonl")])
        #expect(outcome.formats == [.jetstream])
        // Lines 1, 2, 5, 9 create posts; line 4 edits line 1's post. The like,
        // the delete, the identity and the account events are not reported.
        #expect(outcome.summary.added == 4)
        #expect(outcome.summary.updated == 1)
        #expect(outcome.summary.skipped == 0)
        #expect(outcome.problems.isEmpty)
        #expect(try corpus.integer("SELECT count(*) FROM posts") == 4)

        let edited = try #require(try corpus.post("bluesky", Self.first))
        #expect(edited["text"] == .text(Self.editedText))
        #expect(edited["author"] == .text("did:plc:6ltm2qp7w2ntven5jn2dw25h"))
        #expect(edited["venue"] == .text("bsky.social"))
        #expect(edited["published_at"] == .integer(1_725_911_162))  // createdAt 2024-09-09T19:46:02.102Z, unchanged by the edit
        #expect(edited["url"] == .text("https://bsky.app/profile/did:plc:6ltm2qp7w2ntven5jn2dw25h/post/3l3qi7gmjxkyv"))
        #expect(edited["lang"] == .text("en"))
        #expect(edited["score"] == .null)
        #expect(edited["origin_line"] == .integer(4))
        #expect(
            edited["raw"]?.stringValue?.hasPrefix("{\"did\":\"did:plc:6ltm2qp7w2ntven5jn2dw25h\",\"time_us\":1725911257443110,") == true)

        let reply = try #require(try corpus.post("bluesky", "at://did:plc:iuyvwmu32un2oncobqu2hvop/app.bsky.feed.post/3l3qentgfqx2b"))
        #expect(reply["parent"] == .text(Self.first))
        #expect(reply["thread"] == .text(Self.first))
        #expect(reply["published_at"] == .integer(1_725_911_235))
        #expect(reply["text"] == .text("Which quantisation did you use? Mine runs out of memory above an 8k context."))

        // createdAt with microseconds and +00:00; deleted later in the stream but kept.
        let japanese = try #require(try corpus.post("bluesky", Self.deleted))
        #expect(japanese["published_at"] == .integer(1_725_911_281))
        #expect(japanese["lang"] == .text("ja"))
        #expect(japanese["text"] == .text("オープンソースのモデルが手元で動くのは本当に便利。"))

        let image = try #require(try corpus.post("bluesky", "at://did:plc:iuyvwmu32un2oncobqu2hvop/app.bsky.feed.post/3l3qiyu7usldj"))
        #expect(image["text"] == .text(""))
        #expect(image["published_at"] == .integer(1_725_911_380))

        #expect(try corpus.integer("SELECT count(*) FROM posts_fts WHERE posts_fts MATCH 'quantisation'") == 1)
        #expect(try corpus.integer("SELECT count(*) FROM posts_fts WHERE posts_fts MATCH '\"4-bit\"'") == 1)
        try corpus.checkIndexIntegrity()
    }

    /// A replay applies the stream again in order: the edited post is first
    /// set back to its original text (line 1), then edited again (line 4).
    @Test func reimportReplaysTheStreamToTheSameState() throws {
        let corpus = try TemporaryCorpus()
        let path = Fixtures.path("bluesky/jetstream.jsonl")
        _ = try corpus.importFiles([path])
        let before = try corpus.rows("SELECT source_id, text, published_at, author, parent, thread, lang, raw FROM posts ORDER BY id")
        let again = try corpus.importFiles([path], options: ImportOptions(format: .jetstream))
        #expect(again.formats == [.jetstream])
        #expect(again.summary.added == 0)
        #expect(again.summary.updated == 2)
        #expect(again.summary.unchanged == 3)
        #expect(try corpus.rows("SELECT source_id, text, published_at, author, parent, thread, lang, raw FROM posts ORDER BY id") == before)
        #expect(try corpus.post("bluesky", Self.first)?["text"] == .text(Self.editedText))
        try corpus.checkIndexIntegrity()
    }

    @Test func badEventsAreReportedAndDatesFallBackToTheEventTime() throws {
        let corpus = try TemporaryCorpus()
        let file = try corpus.write(
            "events.jsonl",
            #"""
            {"did":"did:plc:abc","time_us":1725911162329308,"kind":"commit","commit":{"rev":"r","operation":"create","collection":"app.bsky.feed.post","rkey":"k1","cid":"c","record":{"$type":"app.bsky.feed.post","createdAt":"not a date","text":"dated by time_us"}}}
            ["not", "an", "event"]
            {"did":"did:plc:abc","time_us":1725911162329308,"kind":"commit","commit":{"rev":"r","operation":"create","collection":"app.bsky.feed.post","rkey":"k2","cid":"c"}}
            {"did":"did:plc:abc","time_us":1725911162329308,"kind":"commit","commit":{"rev":"r","operation":"update","collection":"app.bsky.feed.post","cid":"c","record":{"text":"x","createdAt":"2024-09-09T19:46:02Z"}}}
            {"did":"did:plc:abc","time_us":1725911162329308,"kind":"commit","commit":{"rev":"r","operation":"create","collection":"app.bsky.graph.follow","rkey":"f","record":{"subject":"did:plc:xyz","createdAt":"2024-09-09T19:46:02Z"}}}
            """#)
        let outcome = try corpus.importFiles([file])
        #expect(outcome.formats == [.jetstream])
        #expect(outcome.summary.added == 1)
        #expect(outcome.problems.map(\.location) == ["2", "3", "4"])
        #expect(outcome.problems[1].reason == "'create' commit of at://did:plc:abc/app.bsky.feed.post/k2 has no record")
        #expect(outcome.problems[2].reason.contains("rkey"))
        let post = try #require(try corpus.post("bluesky", "at://did:plc:abc/app.bsky.feed.post/k1"))
        #expect(post["published_at"] == .integer(1_725_911_162))  // time_us 1725911162329308 µs
        #expect(post["author"] == .text("did:plc:abc"))
    }
}
