import BeatSQLite
import BeatTestSupport
import Testing

@testable import BeatCore

/// A post id carries its source (`PostLane`), and a source filter gives the same posts
/// whether it reads the id or the row: for laned posts, posts in the unsorted lane (stored
/// before schema 12, or spilled from a full lane) and seconds whose lane bits are not trusted.
@Suite struct PostLaneTests {
    /// 2024-03-01T12:00:00Z.
    static let second: Int64 = 1_709_294_400

    static func post(_ id: String, _ source: String, at published: String = "2024-03-01T12:00:00Z") -> String {
        #"{"id": "\#(id)", "source": "\#(source)", "published_at": "\#(published)", "text": "aurora over the bay"}"#
    }

    static func store(_ corpus: TemporaryCorpus, id: Int64, source: String, sourceID: String, second: Int64 = second) throws {
        try corpus.store(id: id, source: source, sourceID: sourceID, publishedAt: second, text: "aurora over the bay")
    }

    @Test func everySourceHasALaneOfItsOwn() {
        let lanes = SourceKind.allCases.map { PostLane.lane(of: $0.rawValue) }
        #expect(lanes == Array(1...7))
        #expect(PostLane.lane(of: "myspace") == PostLane.unsorted)
        let ids = PostLane.ids(second: -1, lane: 7)
        #expect(ids.lowerBound >> Schema.sequenceBits == -1 && ids.upperBound >> Schema.sequenceBits == -1)
        #expect(PostLane.lane(ofID: ids.lowerBound) == 7 && PostLane.lane(ofID: ids.upperBound) == 7)
    }

    @Test func importedPostsCarryTheirSecondAndSource() throws {
        let corpus = try TemporaryCorpus()
        let lines =
            SourceKind.allCases.flatMap { [Self.post("\($0)-1", $0.rawValue), Self.post("\($0)-2", $0.rawValue)] }
            + [Self.post("late", "reddit", at: "2024-03-01T12:00:01Z"), Self.post("early", "news", at: "1969-12-31T23:59:59Z")]
        let file = try corpus.write("posts.jsonl", lines.joined(separator: "\n"))
        #expect(try corpus.importFiles([file]).summary.added == 16)
        let rows = try corpus.rows("SELECT id, source, published_at FROM posts ORDER BY id")
        for row in rows {
            guard case .integer(let id) = row[0], case .text(let source) = row[1], case .integer(let published) = row[2] else {
                Issue.record("unexpected row \(row)")
                continue
            }
            #expect(id >> Schema.sequenceBits == published, "\(row)")
            #expect(PostLane.lane(ofID: id) == PostLane.lane(of: source), "\(row)")
        }
        // Within a second ids go up by lane; the two posts of a source take its first two ids.
        let inSecond = try corpus.rows("SELECT id - (?1 << 20) FROM posts WHERE id >> 20 = ?1 ORDER BY id", [.integer(Self.second)])
        let expected = (1...7).flatMap { lane in [lane << 17, lane << 17 + 1] }.map { SQLiteValue.integer(Int64($0)) }
        #expect(inSecond.map { $0[0] } == expected)
    }

    /// A second whose ids for a source are taken sends the post to its lane 0, then to the next
    /// second of its day with room, then to earlier ones; a re-import finds them all stored.
    @Test func aFullLaneSpillsIntoTheSharedOneThenIntoAnotherSecondOfTheDay() throws {
        let corpus = try TemporaryCorpus()
        let first = try corpus.write("first.jsonl", Self.post("r1", "reddit"))
        #expect(try corpus.importFiles([first]).summary.added == 1)
        try Self.store(corpus, id: PostLane.ids(second: Self.second, lane: 1).upperBound, source: "reddit", sourceID: "last")

        let spilled = try corpus.write("spilled.jsonl", Self.post("r2", "reddit") + "\n" + Self.post("n1", "news"))
        #expect(try corpus.importFiles([spilled]).summary.added == 2)
        #expect(try corpus.integer("SELECT id FROM posts WHERE source_id = 'r2'") == Self.second << 20)
        #expect(try corpus.integer("SELECT id FROM posts WHERE source_id = 'n1'") == Self.second << 20 | 5 << 17)

        try Self.store(corpus, id: PostLane.ids(second: Self.second, lane: 0).upperBound, source: "web", sourceID: "shared-last")
        let full = try corpus.write("full.jsonl", Self.post("r3", "reddit") + "\n" + Self.post("n2", "news"))
        #expect(try corpus.importFiles([full]).summary.added == 2)
        #expect(try corpus.integer("SELECT id FROM posts WHERE source_id = 'r3'") == (Self.second + 1) << 20 | 1 << 17)
        #expect(try corpus.integer("SELECT published_at FROM posts WHERE source_id = 'r3'") == Self.second)
        #expect(try corpus.integer("SELECT id FROM posts WHERE source_id = 'n2'") == Self.second << 20 | 5 << 17 + 1)
        let again = try corpus.importFiles([spilled, full])
        #expect(again.summary.unchanged == 4 && again.failures.isEmpty)

        // At the last second of a day, the earlier seconds: the day stays the post's.
        let lastSecond = Self.second + 43_199
        try Self.store(
            corpus, id: PostLane.ids(second: lastSecond, lane: 1).upperBound, source: "reddit", sourceID: "l1", second: lastSecond)
        try Self.store(corpus, id: PostLane.ids(second: lastSecond, lane: 0).upperBound, source: "web", sourceID: "l0", second: lastSecond)
        let late = try corpus.write("late.jsonl", Self.post("r4", "reddit", at: "2024-03-01T23:59:59Z"))
        #expect(try corpus.importFiles([late]).summary.added == 1)
        #expect(try corpus.integer("SELECT id FROM posts WHERE source_id = 'r4'") == (lastSecond - 1) << 20 | 1 << 17)

        let context = QueryContext(now: 2_000_000_000)
        let engine = SearchEngine(corpus: corpus.corpus)
        #expect(try engine.count(QueryCompiler.compile("aurora source:reddit", context: context)) == 6)
        #expect(try engine.count(QueryCompiler.compile("aurora source:reddit on:2024-03-01", context: context)) == 6)
        #expect(try corpus.integer("SELECT posts FROM post_days WHERE day = ?1", [.integer(Self.second - 43_200)]) == 10)
        try corpus.checkIndexIntegrity()
    }

    /// The seconds a post may take its id in: its own, the rest of its day, then the earlier part.
    @Test(arguments: [Self.second, Self.second - 43_200, Self.second + 43_199, -1, -86_400])
    func aFullSecondLooksThroughItsDayOnce(second: Int64) {
        var seen: [Int64] = [second]
        var current = second
        while let next = PostLane.second(after: current, for: second) {
            seen.append(next)
            current = next
        }
        let day = PostDays.dayStart(second)
        #expect(seen.count == 86_400 && Set(seen).count == 86_400)
        #expect(seen.allSatisfy { PostDays.dayStart($0) == day })
        let later = seen.prefix { $0 >= second }
        #expect(later.elementsEqual(second..<(day + 86_400)), "later seconds first, in order")
        #expect(seen.dropFirst(later.count).elementsEqual((day..<second).reversed()), "then earlier ones, nearest first")
    }

    /// Posts in every kind of place: laned by an import, in the unsorted lane, and in a second
    /// whose lane bits an older corpus filled with ids of any source.
    static func mixedCorpus() throws -> TemporaryCorpus {
        let corpus = try TemporaryCorpus()
        let lines = [
            Self.post("r1", "reddit"), Self.post("n1", "news"), Self.post("h1", "hackernews"),
            Self.post("r2", "reddit", at: "2024-03-02T09:00:00Z"), Self.post("m1", "mastodon", at: "2024-03-03T09:00:00Z"),
        ]
        let file = try corpus.write("posts.jsonl", lines.joined(separator: "\n"))
        #expect(try corpus.importFiles([file]).summary.added == 5)
        let older = Self.second - 86_400
        try Self.store(corpus, id: older << 20, source: "news", sourceID: "old-n", second: older)
        try Self.store(corpus, id: older << 20 + 1, source: "reddit", sourceID: "old-r", second: older)
        // An older corpus's 131,073rd post of a second: its sequence reads as lane 1 (reddit).
        let crowded = Self.second + 60
        try Self.store(corpus, id: crowded << 20 | 1 << 17, source: "news", sourceID: "crowded-n", second: crowded)
        try Self.store(corpus, id: crowded << 20 | 5 << 17, source: "reddit", sourceID: "crowded-r", second: crowded)
        try corpus.corpus.connection.run("INSERT INTO post_lane_exceptions(second) VALUES (?1)", [.integer(crowded)])
        return corpus
    }

    @Test(arguments: [
        ("aurora source:reddit", ["crowded-r", "old-r", "r1", "r2"]),
        ("aurora source:news", ["crowded-n", "n1", "old-n"]),
        ("aurora -source:reddit", ["crowded-n", "h1", "m1", "n1", "old-n"]),
        ("aurora -source:news", ["crowded-r", "h1", "m1", "old-r", "r1", "r2"]),
        ("aurora source:reddit,news since:2024-03-01 until:2024-03-01", ["crowded-n", "crowded-r", "n1", "r1"]),
        ("aurora source:reddit since:2024-02-29 until:2024-03-01", ["crowded-r", "old-r", "r1"]),
        ("aurora -source:hackernews -source:news", ["crowded-r", "m1", "old-r", "r1", "r2"]),
        ("aurora source:web", []),
        ("aurora -beat:redd", ["crowded-n", "h1", "m1", "n1", "old-n"]),
        ("aurora beat:redd beat:old", ["crowded-r", "old-n", "old-r", "r1", "r2"]),
    ])
    func aSourceFilterGivesThePostsOfThatSource(query: String, expected: [String]) throws {
        let corpus = try Self.mixedCorpus()
        let beats = ["redd": "aurora source:reddit", "old": "aurora source:news until:2024-02-29"]
        let compiled = try QueryCompiler.compile(query, context: QueryContext(now: 2_000_000_000, beatQuery: { beats[$0] }))
        let idsSQL = compiled.idsSQL()
        #expect(!idsSQL.sql.contains("JOIN posts") || query.contains("beat:"), "the FTS5 index alone answers: \(idsSQL.sql)")
        let found = try corpus.rows("SELECT source_id FROM posts WHERE id IN (\(idsSQL.sql)) ORDER BY 1", idsSQL.bindings)
        #expect(found == expected.map { [.text($0)] })
        let engine = SearchEngine(corpus: corpus.corpus)
        #expect(try engine.count(compiled) == expected.count)
        // With the row joined for another column, the same posts.
        let joined = compiled.selection(joiningPosts: true)
        let viaRow = try corpus.rows("SELECT p.source_id FROM \(joined.from) WHERE \(joined.filter) ORDER BY 1", joined.bindings)
        #expect(viaRow == found)
    }

    @Test func aCorpusWhoseIDsFilledTheLaneBitsListsThoseSeconds() throws {
        let directory = try TemporaryCorpus()
        let path = directory.directory + "/old.db"
        let crowded: Int64 = 1_776_729_600
        try writeOlderCorpus(
            at: path, version: 11,
            inserting: """
                INSERT INTO imports (id, path, format, started_at) VALUES (1, 'a.jsonl', 'jsonl', 1776729600);
                INSERT INTO posts (id, source, source_id, published_at, text, import_id, imported_at)
                    VALUES (1776729600 << 20, 'reddit', 'a1', 1776729600, 'aurora', 1, 1776729600),
                           ((1776729600 << 20) + 5 * 131072, 'reddit', 'a2', 1776729600, 'aurora', 1, 1776729600),
                           (1776816000 << 20, 'news', 'a3', 1776816000, 'aurora', 1, 1776729600);
                INSERT INTO posts_fts(rowid, title, text) SELECT id, title, text FROM posts;
                """)
        let migrated = try Corpus(path: path)
        #expect(try migrated.connection.scalar("PRAGMA user_version")?.int64Value == Int64(Corpus.schemaVersion))
        #expect(try migrated.connection.scalar("SELECT group_concat(second) FROM post_lane_exceptions")?.int64Value == crowded)
        let engine = SearchEngine(corpus: migrated)
        let context = QueryContext(now: 2_000_000_000)
        // a2's sequence reads as news's lane; its second is an exception.
        #expect(try engine.count(QueryCompiler.compile("aurora source:reddit", context: context)) == 2)
        #expect(try engine.count(QueryCompiler.compile("aurora source:news", context: context)) == 1)
    }
}
