import BeatCore
import BeatSQLite
import BeatTestSupport
import Foundation
import Testing

/// `coverage` (the `sources` command) and `authors`. Expected values were
/// computed from the demo JSONL with Python's json and collections modules.
@Suite struct SearchCoverageTests {
    @Test func coverageOfTheDemoCorpus() throws {
        let demo = try SearchDemo.corpus()
        let coverage = try SearchEngine(corpus: demo.corpus).coverage()
        let expected: [(String, String, Int, Int64, Int64)] = [
            ("bluesky", "bsky.social", 62, 1_763_764_830, 1_794_933_056),
            ("hackernews", "HN", 84, 1_764_770_744, 1_791_472_251),
            ("mastodon", "mastodon.social", 16, 1_765_941_655, 1_794_487_539),
            ("mastodon", "fosstodon.org", 11, 1_765_793_503, 1_794_994_829),
            ("mastodon", "scholar.social", 9, 1_768_227_016, 1_795_100_432),
            ("mastodon", "hachyderm.io", 7, 1_769_197_254, 1_794_685_823),
            ("news", "reuters.com", 6, 1_769_096_404, 1_791_983_429),
            ("news", "statnews.com", 5, 1_768_903_223, 1_791_455_416),
            ("news", "fiercehealthcare.com", 4, 1_770_811_241, 1_794_312_934),
            ("news", "theregister.com", 4, 1_776_267_163, 1_788_444_306),
            ("news", "ft.com", 3, 1_769_144_437, 1_788_543_041),
            ("news", "politico.eu", 3, 1_772_083_808, 1_785_837_633),
            ("news", "arstechnica.com", 1, 1_776_344_430, 1_776_344_430),
            ("news", "elpais.com", 1, 1_779_258_606, 1_779_258_606),
            ("news", "heise.de", 1, 1_793_866_513, 1_793_866_513),
            ("news", "lemonde.fr", 1, 1_778_738_457, 1_778_738_457),
            ("news", "scmp.com", 1, 1_769_160_618, 1_769_160_618),
            ("reddit", "LocalLLaMA", 35, 1_763_997_168, 1_790_871_658),
            ("reddit", "geopolitics", 28, 1_764_333_644, 1_789_473_321),
            ("reddit", "medicine", 27, 1_765_161_049, 1_791_493_533),
            ("reddit", "MachineLearning", 9, 1_767_864_787, 1_776_465_022),
            ("reddit", "Cooking", 4, 1_771_786_855, 1_771_795_810),
            ("reddit", "MechanicalKeyboards", 4, 1_769_872_857, 1_769_883_018),
            ("reddit", "rust", 4, 1_764_700_222, 1_764_709_518),
            ("reddit", "singularity", 4, 1_773_263_227, 1_773_267_341),
            ("reddit", "soccer", 4, 1_778_360_711, 1_778_364_644),
            ("reddit", "technology", 3, 1_788_600_045, 1_788_606_904),
        ]
        #expect(coverage == expected.map { Coverage(source: $0.0, venue: $0.1, posts: $0.2, first: $0.3, last: $0.4) })
    }

    @Test func coverageEqualsAGroupByWrittenByHand() throws {
        let demo = try SearchDemo.corpus()
        // Posts without a venue, and a second source with one post.
        let extra = try demo.write(
            "extra.jsonl",
            """
            {"id": "x1", "source": "web", "published_at": "2026-05-01T00:00:00Z", "text": "no venue"}
            {"id": "x2", "source": "web", "published_at": "2026-05-03T00:00:00Z", "text": "no venue either"}
            {"id": "x3", "source": "web", "venue": "blog", "published_at": "2026-05-02T00:00:00Z", "text": "a venue"}
            """)
        _ = try demo.importFiles([extra])
        // Aggregated here from the raw rows rather than by SQL's GROUP BY.
        struct Key: Hashable { var source: String; var venue: String? }
        var groups: [Key: (posts: Int, first: Int64, last: Int64)] = [:]
        for row in try demo.rows("SELECT source, venue, published_at FROM posts") {
            let key = Key(source: row[0].stringValue ?? "", venue: row[1].stringValue)
            let date = row[2].int64Value ?? 0
            let old = groups[key] ?? (0, .max, .min)
            groups[key] = (old.posts + 1, min(old.first, date), max(old.last, date))
        }
        let expected = groups.map {
            Coverage(source: $0.key.source, venue: $0.key.venue, posts: $0.value.posts, first: $0.value.first, last: $0.value.last)
        }
        .sorted { a, b in
            if a.source != b.source { return a.source < b.source }
            if a.posts != b.posts { return a.posts > b.posts }
            return (a.venue ?? "") < (b.venue ?? "")
        }
        let coverage = try SearchEngine(corpus: demo.corpus).coverage()
        #expect(coverage == expected)
        #expect(
            coverage.filter { $0.source == "web" } == [
                Coverage(source: "web", venue: nil, posts: 2, first: 1_777_593_600, last: 1_777_766_400),
                Coverage(source: "web", venue: "blog", posts: 1, first: 1_777_680_000, last: 1_777_680_000),
            ])
        #expect(coverage.reduce(0) { $0 + $1.posts } == 344)
    }

    @Test func topAuthorsOfTheWholeCorpus() throws {
        let demo = try SearchDemo.corpus()
        let anonymous = try demo.write(
            "anonymous.jsonl",
            (1...20).map {
                "{\"id\": \"anon\($0)\", \"source\": \"news\", \"published_at\": \"2026-05-01T00:00:\(10 + $0)Z\", \"text\": \"unsigned\"}"
            }.joined(separator: "\n"))
        _ = try demo.importFiles([anonymous])
        let authors = try SearchEngine(corpus: demo.corpus).authors(for: nil, limit: 10)
        #expect(
            authors == [
                AuthorCount(author: "lapsed_physics", source: "hackernews", posts: 10),
                AuthorCount(author: "epistemic_eel", source: "reddit", posts: 9),
                AuthorCount(author: "marisolreyes.bsky.social", source: "bluesky", posts: 9),
                AuthorCount(author: "DrWhiteCoat_MD", source: "reddit", posts: 8),
                AuthorCount(author: "bitrot", source: "hackernews", posts: 8),
                AuthorCount(author: "dr-amaka.bsky.social", source: "bluesky", posts: 8),
                AuthorCount(author: "gguf_goblin", source: "reddit", posts: 8),
                AuthorCount(author: "strait_watcher", source: "reddit", posts: 8),
                AuthorCount(author: "tensor_tamer", source: "reddit", posts: 8),
                AuthorCount(author: "tomcat_eng", source: "hackernews", posts: 8),
            ])
    }

    @Test func topAuthorsForAQueryMatchDirectSQL() throws {
        let demo = try SearchDemo.corpus()
        let engine = SearchEngine(corpus: demo.corpus)
        let reddit = try engine.authors(for: CompiledQuery(conditions: [.source(in: ["reddit"], negated: false)]), limit: 5)
        #expect(reddit.map(\.author) == ["epistemic_eel", "DrWhiteCoat_MD", "gguf_goblin", "strait_watcher", "tensor_tamer"])
        #expect(reddit.map(\.posts) == [9, 8, 8, 8, 8])
        #expect(reddit.allSatisfy { $0.source == "reddit" })

        let query = CompiledQuery(match: "licence OR licences")
        let authors = try engine.authors(for: query, limit: 1000)
        let expected = try demo.rows(
            """
            SELECT author, count(*) FROM posts
            WHERE id IN (SELECT rowid FROM posts_fts WHERE posts_fts MATCH 'licence OR licences') AND author IS NOT NULL
            GROUP BY author
            """
        ).map { ($0[0].stringValue ?? "", Int($0[1].int64Value ?? 0)) }
        #expect(Dictionary(uniqueKeysWithValues: authors.map { ($0.author, $0.posts) }) == Dictionary(uniqueKeysWithValues: expected))
        #expect(authors.map(\.posts) == authors.map(\.posts).sorted(by: >))
        #expect(try engine.authors(for: query, limit: 3).count == 3)
    }
}
