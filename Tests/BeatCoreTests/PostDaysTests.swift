import BeatSQLite
import BeatTestSupport
import Foundation
import Testing

@testable import BeatCore

/// The posts per day (`post_days`) are the posts' own count after every kind of write,
/// and a stretch of ids counted from them is the count of the posts in it.
@Suite struct PostDaysTests {
    /// Posts on five days, two of them sharing a day, one at the last second of a day and
    /// one at the first second of the next, one before 1970.
    static let posts = """
        {"id": "1", "source": "reddit", "published_at": "2024-03-01T00:00:00Z", "text": "first second of a day"}
        {"id": "2", "source": "reddit", "published_at": "2024-03-01T23:59:59Z", "text": "last second of the same day"}
        {"id": "3", "source": "hackernews", "published_at": "2024-03-02T00:00:00Z", "text": "the next day"}
        {"id": "4", "source": "news", "published_at": "2024-03-05T12:00:00Z", "text": "days later"}
        {"id": "5", "source": "news", "published_at": "1969-12-31T18:00:00Z", "text": "before 1970"}
        {"id": "6", "source": "mastodon", "published_at": "2024-04-30T08:00:00Z", "text": "weeks later"}
        """

    static func expectInStep(_ corpus: TemporaryCorpus, _ comment: Comment) throws {
        #expect(try PostDays.disagreements(on: corpus.corpus.connection, limit: 10).isEmpty, comment)
        #expect(try corpus.integer("SELECT sum(posts) FROM post_days") == corpus.integer("SELECT count(*) FROM posts"), comment)
        #expect(try PostSourceDays.disagreements(on: corpus.corpus.connection, limit: 10).isEmpty, comment)
        #expect(
            try corpus.integer("SELECT sum(posts) FROM post_source_days") == corpus.integer("SELECT count(*) FROM posts"), comment)
    }

    @Test func dayCountsFollowImportsMovedDatesAndDeletes() throws {
        let corpus = try TemporaryCorpus()
        let file = try corpus.write("posts.jsonl", Self.posts)
        let first = try corpus.importFiles([file])
        #expect(first.summary.added == 6, "\(first.problems)")
        try Self.expectInStep(corpus, "after the import")
        #expect(
            try corpus.rows("SELECT day, posts FROM post_days ORDER BY day").map { $0.map(\.int64Value) } == [
                [-86_400, 1], [1_709_251_200, 2], [1_709_337_600, 1], [1_709_596_800, 1], [1_714_435_200, 1],
            ])

        // A re-import that moves post 2 to another day is a delete and an insert.
        let moved = try corpus.write(
            "moved.jsonl",
            #"{"id": "2", "source": "reddit", "published_at": "2024-03-05T01:00:00Z", "text": "last second of the same day"}"#)
        #expect(try corpus.importFiles([moved]).summary.updated == 1)
        try Self.expectInStep(corpus, "after a date moved")
        #expect(try corpus.integer("SELECT posts FROM post_days WHERE day = 1709251200") == 1)
        #expect(try corpus.integer("SELECT posts FROM post_days WHERE day = 1709596800") == 2)

        try corpus.corpus.connection.execute("DELETE FROM posts WHERE source = 'news'")
        try Self.expectInStep(corpus, "after deletes")
        #expect(try corpus.integer("SELECT posts FROM post_days WHERE day = -86400") == 0)
        #expect(try PostSourceDays.histogram(of: "news", on: corpus.corpus.connection).isEmpty, "a day at 0 is not a day with posts")
        let reddit = try PostSourceDays.histogram(of: "reddit", on: corpus.corpus.connection)
        #expect(reddit.values.reduce(0, +) == Int(try corpus.integer("SELECT count(*) FROM posts WHERE source = 'reddit'") ?? -1))
    }

    /// The day counts rely on a post's id and source never changing in place.
    @Test func aPostsIDAndSourceAreNeverUpdated() throws {
        let corpus = try TemporaryCorpus()
        _ = try corpus.importFiles([try corpus.write("posts.jsonl", Self.posts)])
        let connection = corpus.corpus.connection
        #expect(throws: SQLiteError.self) { try connection.execute("UPDATE posts SET source = 'web' WHERE source_id = '1'") }
        #expect(throws: SQLiteError.self) { try connection.execute("UPDATE posts SET id = id + 1 WHERE source_id = '1'") }
        try connection.execute("UPDATE posts SET source = source, author = 'someone' WHERE source_id = '1'")
        try Self.expectInStep(corpus, "after the refused updates")
    }

    /// A corpus written before the counts per source gains them, counted from its posts.
    @Test func aCorpusFromBeforeTheSourceDayCountsGainsThem() throws {
        let directory = try TemporaryCorpus()
        let path = directory.directory + "/old.db"
        try writeOlderCorpus(
            at: path, version: 12,
            inserting: """
                INSERT INTO imports (id, path, format, started_at) VALUES (1, 'a.jsonl', 'jsonl', 1776729600);
                INSERT INTO posts (id, source, source_id, published_at, text, import_id, imported_at)
                    VALUES (1776729600 << 20, 'reddit', 'a1', 1776729600, 'a', 1, 1776729600),
                           ((1776729600 << 20) + 1, 'bluesky', 'a2', 1776729600, 'b', 1, 1776729600),
                           ((1776729700 << 20) + 1, 'reddit', 'a3', 1776729700, 'b', 1, 1776729600),
                           (-5 << 20, 'reddit', 'a4', -5, 'd', 1, 1776729600);
                INSERT INTO posts_fts(rowid, title, text) SELECT id, title, text FROM posts;
                """)
        let migrated = try Corpus(path: path)
        #expect(try migrated.connection.scalar("PRAGMA user_version")?.int64Value == Int64(Corpus.schemaVersion))
        var rows: [String] = []
        try migrated.connection.forEachRow("SELECT source, day, posts FROM post_source_days ORDER BY source, day") {
            rows.append("\($0.string(0) ?? "") \($0.int64(1)) \($0.int64(2))")
        }
        #expect(rows == ["bluesky 1776729600 1", "reddit -86400 1", "reddit 1776729600 2"])
        #expect(try PostSourceDays.histogram(of: "reddit", on: migrated.connection) == [-1: 1, 20_564: 2])
    }

    @Test func aStretchOfIDsCountsThePostsInIt() throws {
        let corpus = try TemporaryCorpus()
        let connection = corpus.corpus.connection
        #expect(try PostDays.posts(inIDs: Int64.min...Int64.max, on: connection) == 0)
        // Posts every few hours over two months, so that day edges fall between and on them.
        var generator = SeededGenerator(seed: 11)
        let start: Int64 = 1_709_251_200
        let seconds = (0..<600).map { _ in start + Int64.random(in: 0..<(61 * 86_400), using: &generator) }
        let lines = seconds.enumerated().map { index, second in
            #"{"id": "p\#(index)", "source": "reddit", "published_at": \#(second), "text": "post \#(index)"}"#
        }
        let file = try corpus.write("posts.jsonl", lines.joined(separator: "\n"))
        #expect(try corpus.importFiles([file]).summary.added == 600)

        func expectCount(_ range: ClosedRange<Int64>) throws {
            let stored = try corpus.integer(
                "SELECT count(*) FROM posts WHERE id >= ?1 AND id <= ?2", [.integer(range.lowerBound), .integer(range.upperBound)])
            #expect(try PostDays.posts(inIDs: range, on: connection) == Int(stored ?? -1), "\(range)")
        }
        let day: Int64 = 86_400
        let ids = try corpus.rows("SELECT id FROM posts ORDER BY id").compactMap { $0[0].int64Value }
        // Whole days, days cut at both ends, single days, a post's own id at either end, open ends.
        var ranges: [ClosedRange<Int64>] = [
            Int64.min...Int64.max, (start << 20)...Int64.max, Int64.min...((start + 10 * day) << 20),
            (start << 20)...(((start + 30 * day) << 20) - 1), ((start + day) << 20)...(((start + 2 * day) << 20) - 1),
            ((start + day) << 20 + 1)...(((start + 2 * day) << 20) - 2), ids[10]...ids[400], (ids[10] + 1)...(ids[400] - 1),
            ids[5]...ids[5], 0...1,
        ]
        for _ in 0..<300 {
            let a = start + Int64.random(in: -day..<(63 * day), using: &generator)
            let b = a + Int64.random(in: 0..<(20 * day), using: &generator)
            // Ends on a second's first id, its last, or anywhere in it.
            let low = (a << 20) + [0, (1 << 20) - 1, Int64.random(in: 0..<(1 << 20), using: &generator)].randomElement(using: &generator)!
            let high = (b << 20) + [0, (1 << 20) - 1, Int64.random(in: 0..<(1 << 20), using: &generator)].randomElement(using: &generator)!
            ranges.append(min(low, high)...max(low, high))
        }
        for range in ranges { try expectCount(range) }
    }

    @Test func wholeDaysAreTheDaysInsideAStretch() {
        let day: Int64 = 86_400
        let dayIDs = day << 20
        #expect(PostDays.wholeDays(in: 0...(dayIDs - 1)) == 0..<day)
        #expect(PostDays.wholeDays(in: 0...(dayIDs - 2)) == nil)
        #expect(PostDays.wholeDays(in: 1...(3 * dayIDs - 1)) == day..<(3 * day))
        #expect(PostDays.wholeDays(in: 1...(3 * dayIDs)) == day..<(3 * day))
        #expect(PostDays.wholeDays(in: (-dayIDs)...(-1)) == (-day)..<0)
        #expect(PostDays.wholeDays(in: (-dayIDs + 1)...(dayIDs - 1)) == 0..<day)
        #expect(PostDays.wholeDays(in: Int64.min...Int64.max) == nil)
        #expect(PostDays.dayStart(-1) == -day && PostDays.dayStart(day) == day && PostDays.dayStart(day - 1) == 0)
    }

    /// A corpus written before the day counts gains them, counted from its posts.
    @Test func aCorpusFromBeforeTheDayCountsGainsThem() throws {
        let directory = try TemporaryCorpus()
        let path = directory.directory + "/old.db"
        try writeOlderCorpus(
            at: path, version: 10,
            inserting: """
                INSERT INTO imports (id, path, format, started_at) VALUES (1, 'a.jsonl', 'jsonl', 1776729600);
                INSERT INTO posts (id, source, source_id, published_at, text, import_id, imported_at)
                    VALUES (1776729600 << 20, 'reddit', 'a1', 1776729600, 'a', 1, 1776729600),
                           ((1776729600 << 20) + 1, 'reddit', 'a2', 1776729600, 'b', 1, 1776729600),
                           (1776816000 << 20, 'reddit', 'a3', 1776816000, 'c', 1, 1776729600),
                           (-5 << 20, 'reddit', 'a4', -5, 'd', 1, 1776729600);
                INSERT INTO posts_fts(rowid, title, text) SELECT id, title, text FROM posts;
                """)
        let migrated = try Corpus(path: path)
        #expect(try migrated.connection.scalar("PRAGMA user_version")?.int64Value == Int64(Corpus.schemaVersion))
        var days: [[Int64?]] = []
        try migrated.connection.forEachRow("SELECT day, posts FROM post_days ORDER BY day") { days.append([$0.int64(0), $0.int64(1)]) }
        #expect(days == [[-86_400, 1], [1_776_729_600, 2], [1_776_816_000, 1]])
        #expect(try PostDays.posts(inIDs: Int64.min...Int64.max, on: migrated.connection) == 4)
    }

    /// `doctor` finds day counts out of step and `--repair` counts them again, leaving the
    /// full-text index alone when it is in step.
    @Test func doctorFindsDayCountsOutOfStepAndRepairsThem() throws {
        let corpus = try TemporaryCorpus()
        let file = try corpus.write("posts.jsonl", Self.posts)
        _ = try corpus.importFiles([file])
        #expect(try CorpusHealth.check(corpus.corpus).isHealthy)

        try corpus.corpus.connection.execute("UPDATE post_days SET posts = posts + 3 WHERE day = 1709251200")
        try corpus.corpus.connection.execute("DELETE FROM post_days WHERE day = 1714435200")
        let found = try CorpusHealth.check(corpus.corpus)
        #expect(!found.isHealthy && found.isRepairable && found.indexProblem == nil)
        #expect(found.dayCountProblems == ["2024-03-01: 5 kept, 2 stored", "2024-04-30: 0 kept, 1 stored"])
        try corpus.corpus.connection.execute("UPDATE post_source_days SET posts = 9 WHERE day = 1709251200 AND source = 'reddit'")
        #expect(
            try CorpusHealth.check(corpus.corpus).dayCountProblems == [
                "2024-03-01: 5 kept, 2 stored", "2024-04-30: 0 kept, 1 stored", "2024-03-01 reddit: 9 kept, 2 stored",
            ])
        #expect(found.repairPlan == "count the stored posts per day again; the posts themselves are not changed")

        try found.repair(corpus.corpus)
        #expect(try CorpusHealth.check(corpus.corpus).isHealthy)
        try Self.expectInStep(corpus, "after the repair")
    }
}
