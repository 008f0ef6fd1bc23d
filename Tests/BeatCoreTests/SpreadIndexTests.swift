import BeatSQLite
import BeatTestSupport
import Testing

@testable import BeatCore

/// Spread groups and links are kept in step with the posts: at import, on a
/// re-import that edits or moves a post, and for a corpus made before them.
@Suite struct SpreadIndexTests {
    static let sentence = "The regulator will require a licence for every data centre holding more than fifty thousand accelerators"

    static func line(_ id: String, _ source: String, _ time: String, _ text: String) -> String {
        "{\"id\": \"\(id)\", \"source\": \"\(source)\", \"author\": \"a\(id)\", \"published_at\": \"2026-03-0\(time)Z\", \"text\": \"\(text)\"}"
    }

    static let posts = [
        line("b1", "bluesky", "2T10:00:00", sentence + ", officials said on Tuesday."),
        line("m1", "mastodon", "2T11:30:00", sentence + ", officials said on Tuesday. https://example.org/rule?utm_source=masto"),
        line("r1", "reddit", "2T09:00:00", "Breaking: " + sentence + ", officials said Tuesday."),
        line(
            "n1", "news", "3T08:00:00",
            "In a statement, the ministry said: " + sentence + ". Industry groups said the rule would slow "
                + "construction across the region, and several operators warned of delays. See https://www.example.org/rule/"),
        line(
            "x1", "hackernews", "2T12:00:00",
            "An unrelated comment about licences for fishing boats and how the harbour office handles them."),
    ].joined(separator: "\n")

    static func group(_ corpus: TemporaryCorpus, _ id: String) throws -> Int64? {
        try corpus.integer(
            """
            SELECT s.group_id FROM spread_members s JOIN posts p ON p.id = s.post_id WHERE p.source || ':' || p.source_id = ?1
            """, [.text(id)])
    }

    @Test func copiesAcrossPlatformsFormOneGroupWithTheEarliestAsOrigin() throws {
        let corpus = try TemporaryCorpus()
        _ = try corpus.importFiles([try corpus.write("posts.jsonl", Self.posts)], options: ImportOptions(batchSize: 2))
        let group = try #require(try Self.group(corpus, "bluesky:b1"))
        for id in ["mastodon:m1", "reddit:r1", "news:n1"] { #expect(try Self.group(corpus, id) == group) }
        #expect(try Self.group(corpus, "hackernews:x1") == nil)
        #expect(try corpus.integer("SELECT size FROM spread_groups WHERE id = ?1", [.integer(group)]) == 4)
        let origin = try corpus.integer("SELECT origin FROM spread_groups WHERE id = ?1", [.integer(group)])
        #expect(origin == (try corpus.post("reddit", "r1")?["id"]?.int64Value))

        let report = try #require(try SearchEngine(corpus: corpus.corpus).spread(of: .post("mastodon:m1")))
        #expect(report.members.map(\.post.id) == ["reddit:r1", "bluesky:b1", "mastodon:m1", "news:n1"])
        #expect(report.platforms.map(\.source) == ["reddit", "bluesky", "mastodon", "news"])
        #expect(report.bucketSeconds == 3600)
        #expect(report.members[1].removed == ["breaking"] && report.members[1].added == ["on"])
    }

    @Test func linksAreStoredCanonicalAndFoundInAnyForm() throws {
        let corpus = try TemporaryCorpus()
        _ = try corpus.importFiles([try corpus.write("posts.jsonl", Self.posts)])
        #expect(try corpus.integer("SELECT count(*) FROM post_links WHERE url = 'example.org/rule'") == 2)
        let report = try #require(try SearchEngine(corpus: corpus.corpus).spread(of: .link("http://m.example.org/rule/?fbclid=abc#top")))
        #expect(report.canonicalLink == "example.org/rule")
        #expect(report.members.map(\.post.id) == ["mastodon:m1", "news:n1"])
        let links = try SearchEngine(corpus: corpus.corpus).sharedLinks(
            for: try QueryCompiler.compile("", context: QueryContext(now: 0)), limit: 5)
        #expect(links.first?.url == "example.org/rule")
        #expect(links.first?.sources.map(\.source).sorted() == ["mastodon", "news"])
    }

    @Test func aSentenceFindsThePostsThatHoldIt() throws {
        let corpus = try TemporaryCorpus()
        _ = try corpus.importFiles([try corpus.write("posts.jsonl", Self.posts)])
        let report = try #require(
            try SearchEngine(corpus: corpus.corpus).spread(
                of: .sentence(
                    "will require a licence for every data centre holding more than fifty thousand accelerators")))
        #expect(Set(report.members.map(\.post.id)) == ["reddit:r1", "bluesky:b1", "mastodon:m1", "news:n1"])
        #expect(throws: SpreadError.self) { try SearchEngine(corpus: corpus.corpus).spread(of: .sentence("too short")) }
    }

    @Test func editsMovesAndDeletionsKeepGroupsInStep() throws {
        let corpus = try TemporaryCorpus()
        _ = try corpus.importFiles([try corpus.write("posts.jsonl", Self.posts)])
        let group = try #require(try Self.group(corpus, "bluesky:b1"))
        // The reddit post (the origin) is rewritten; the mastodon one moves to an earlier day.
        let edited = [
            Self.line("r1", "reddit", "2T09:00:00", "Nothing to see here: a post about gardening, tomatoes and the weather this spring."),
            Self.line("m1", "mastodon", "1T07:00:00", Self.sentence + ", officials said on Tuesday."),
        ].joined(separator: "\n")
        let outcome = try corpus.importFiles([try corpus.write("edited.jsonl", edited)])
        #expect(outcome.summary.updated == 2)
        #expect(try Self.group(corpus, "reddit:r1") == nil)
        let mastodonID = try #require(try corpus.post("mastodon", "m1")?["id"]?.int64Value)
        let now = try #require(try Self.group(corpus, "mastodon:m1"))
        #expect(try Self.group(corpus, "bluesky:b1") == now)
        let stats = try corpus.rows("SELECT size, origin FROM spread_groups WHERE id = ?1", [.integer(now)])
        #expect(stats.first?[0].int64Value == 3)
        #expect(stats.first?[1].int64Value == mastodonID)
        // No row is left for a post that no longer exists, and no group of one.
        #expect(try corpus.integer("SELECT count(*) FROM spread_members WHERE post_id NOT IN (SELECT id FROM posts)") == 0)
        #expect(try corpus.integer("SELECT count(*) FROM post_links WHERE post_id NOT IN (SELECT id FROM posts)") == 0)
        #expect(try corpus.integer("SELECT count(*) FROM spread_groups WHERE size < 2") == 0)
        #expect(
            try corpus.integer(
                """
                SELECT count(*) FROM spread_groups g
                WHERE g.size != (SELECT count(*) FROM spread_members s WHERE s.group_id = g.id)
                """) == 0)
        _ = group
    }

    @Test func aGroupHeldTogetherByOnePostComesApartWhenItGoes() throws {
        let corpus = try TemporaryCorpus()
        let words = """
            the council voted on tuesday to close the old harbour bridge to lorries from march after engineers found \
            cracks in two of its steel supports and warned that heavy traffic could make them worse while shops on \
            both banks said the detour would add an hour to every delivery and cost them customers in the summer
            """.split(separator: " ").map(String.init)
        func edited(_ text: [String], at positions: [Int]) -> [String] {
            var copy = text
            for position in positions { copy[position] = "changed\(position)" }
            return copy
        }
        // Each post is an edited copy of the one before; the first and the last are too far apart.
        let second = edited(words, at: [5, 16, 27, 38, 49])
        let third = edited(second, at: [10, 21, 32, 43, 54])
        let posts = [
            Self.line("b1", "bluesky", "1T08:00:00", words.joined(separator: " ")),
            Self.line("r1", "reddit", "2T08:00:00", second.joined(separator: " ")),
            Self.line("m1", "mastodon", "3T08:00:00", third.joined(separator: " ")),
        ].joined(separator: "\n")
        _ = try corpus.importFiles([try corpus.write("posts.jsonl", posts)])
        let group = try #require(try Self.group(corpus, "bluesky:b1"))
        try #require(try Self.group(corpus, "mastodon:m1") == group)
        // The middle post is deleted by another program; the next import forms the group again.
        try corpus.corpus.connection.execute("DELETE FROM posts WHERE source = 'reddit'")
        let next = Self.line("x9", "web", "4T08:00:00", "Unrelated words about a bakery.")
        _ = try corpus.importFiles([try corpus.write("next.jsonl", next)])
        #expect(try Self.group(corpus, "bluesky:b1") == nil)
        #expect(try Self.group(corpus, "mastodon:m1") == nil)
        #expect(try corpus.integer("SELECT count(*) FROM spread_groups") == 0)
        #expect(try corpus.integer("SELECT count(*) FROM spread_members") == 0)
    }

    @Test func aCorpusFromBeforeSpreadIsFingerprintedWhenOpened() throws {
        let corpus = try TemporaryCorpus()
        _ = try corpus.importFiles([try corpus.write("posts.jsonl", Self.posts)])
        let before = try corpus.rows("SELECT post_id, group_id FROM spread_members ORDER BY post_id")
        // Back to schema 5: no spread tables.
        try corpus.corpus.connection.execute(
            """
            DROP TABLE spread_bands; DROP TABLE spread_runs; DROP TABLE spread_pending; DROP TABLE spread_removed;
            DROP TRIGGER posts_spread_ad; DROP TRIGGER posts_spread_au; DROP TABLE spread_members; DROP TABLE spread_groups;
            DROP TABLE post_links; DROP TABLE spread_dirty; DROP TABLE spread_backfill; DROP INDEX posts_facets;
            DROP TRIGGER posts_days_ai; DROP TRIGGER posts_days_ad; DROP TABLE post_days; DROP TABLE post_lane_exceptions;
            DROP TRIGGER posts_source_days_ai; DROP TRIGGER posts_source_days_ad; DROP TABLE post_source_days;
            DROP TRIGGER posts_keep_id_and_source;
            PRAGMA user_version = 5;
            """)
        let reopened = try Corpus(path: corpus.path)
        var after: [[SQLiteValue]] = []
        try reopened.connection.forEachRow("SELECT post_id, group_id FROM spread_members ORDER BY post_id") { row in
            after.append([row.value(0), row.value(1)])
        }
        #expect(after.map { $0[0] } == before.map { $0[0] })
        #expect(Set(after.compactMap { $0[1].int64Value }).count == 1)
        #expect(try reopened.connection.scalar("SELECT count(*) FROM spread_backfill")?.int64Value == 0)
        #expect(try reopened.connection.scalar("SELECT count(*) FROM post_links")?.int64Value == 2)
    }

    @Test func distinctVolumeCountsAGroupOnce() throws {
        let corpus = try TemporaryCorpus()
        _ = try corpus.importFiles([try corpus.write("posts.jsonl", Self.posts)])
        let volume = try SearchEngine(corpus: corpus.corpus).distinctVolume(
            for: try QueryCompiler.compile("licence OR licences", context: QueryContext(now: 0)))
        #expect(volume == DistinctVolume(posts: 5, distinct: 2, copies: 4))
    }
}

@Suite struct CanonicalLinkTests {
    @Test(arguments: [
        ("https://www.example.com/a/b/?utm_source=x&utm_medium=y&id=3&fbclid=z#frag", "example.com/a/b?id=3"),
        ("http://example.com/a/b", "example.com/a/b"),
        ("https://m.example.com/story.amp", "example.com/story"),
        ("https://amp.example.com/amp/story/", "example.com/story"),
        ("https://m.example.com/2026/10/08/story/amp/", "example.com/2026/10/08/story"),
        ("https://old.reddit.com/r/LocalLLaMA/comments/1p49idc/psa_stop_comparing/", "reddit.com/r/localllama/comments/1p49idc"),
        ("https://www.reddit.com/r/localllama/comments/1p49idc/", "reddit.com/r/localllama/comments/1p49idc"),
        ("https://x.com/SomeOne/status/123?s=20", "twitter.com/someone/status/123"),
        ("https://mobile.twitter.com/someone/status/123/photo/1", "twitter.com/someone/status/123"),
        ("https://bsky.app/profile/Alice.bsky.social", "bsky.app/profile/alice.bsky.social"),
        ("https://youtu.be/abc123?si=xyz", "youtube.com/watch?v=abc123"),
        ("https://news.ycombinator.com/item?id=8863", "news.ycombinator.com/item?id=8863"),
        ("https://example.com/b?z=1&a=2", "example.com/b?a=2&z=1"),
    ])
    func canonicalForm(_ address: String, _ expected: String) {
        #expect(CanonicalLink.canonical(address) == expected)
    }

    @Test func notLinks() {
        #expect(CanonicalLink.canonical("ftp://example.com/x") == nil)
        #expect(CanonicalLink.canonical("https://localhost/x") == nil)
    }

    @Test func addressesInText() {
        #expect(
            CanonicalLink.addresses(in: "see (https://a.org/x). and http://b.org, not httpx") == ["https://a.org/x).", "http://b.org,"])
        #expect(CanonicalLink.canonical("https://a.org/x).") == "a.org/x")
    }

    @Test func anImportsBandsAreTheSketchsBands() {
        let texts = [
            SpreadIndexTests.sentence,
            SpreadIndexTests.sentence + ". " + SpreadIndexTests.sentence + ". " + SpreadIndexTests.sentence,
            "go go go go go go go go go go",
            "six words are enough for this",
            "five words are too short",
        ]
        for text in texts {
            let words = SpreadWords.hashes(text)
            #expect(SpreadSketch.bands(ofWords: words) == SpreadSketch(words: words)?.bands, "\(text)")
        }
        #expect(SpreadSketch.bands(ofWords: SpreadWords.hashes("five words are too short")) == nil)
    }

    @Test func wordsIgnoreCaseLinksAndTypography() {
        #expect(SpreadWords.words("Don’t “Stop” — now! https://x.org/y NOW") == ["dont", "stop", "now", "now"])
        #expect(SpreadWords.hashes("Don't stop") == SpreadWords.hashes("don’t  STOP"))
    }
}
