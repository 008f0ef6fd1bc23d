import BeatSQLite
import BeatTestSupport
import Testing

@testable import BeatCore

/// Band lookups go through `spread_bands`, filled a fold at a time, and the
/// bands of posts not folded yet are found in the writer's memory or, when
/// another writer left them, folded before the next lookup.
@Suite struct SpreadBandsTests {
    static let sentence = SpreadIndexTests.sentence

    /// The (value, post) entries the posts' current text calls for and `spread_bands` lacks,
    /// plus those it holds that no post's current text calls for. Posts listed in
    /// `spread_pending` may be missing.
    static func strayBands(_ corpus: TemporaryCorpus) throws -> Int {
        let connection = corpus.corpus.connection
        var pending: Set<Int64> = []
        try connection.forEachRow("SELECT post_id FROM spread_pending") { pending.insert($0.int64(0)) }
        var expected: Set<[Int64]> = []
        try connection.forEachRow("SELECT id, title, text FROM posts") { row in
            for value in SpreadIndex.sketch(title: row.string(1), text: row.string(2) ?? "")?.bands ?? [] {
                expected.insert([value, row.int64(0)])
            }
        }
        var stored: Set<[Int64]> = []
        try connection.forEachRow("SELECT value, post_id FROM spread_bands") { stored.insert([$0.int64(0), $0.int64(1)]) }
        let missing = expected.subtracting(stored).filter { !pending.contains($0[1]) }
        return missing.count + stored.subtracting(expected).count
    }

    @Test func anImportFoldsEveryBandAndLeavesNothingPending() throws {
        let corpus = try TemporaryCorpus()
        _ = try corpus.importFiles([try corpus.write("posts.jsonl", SpreadIndexTests.posts)], options: ImportOptions(batchSize: 2))
        // Four of the five posts carry the sentence: only they have a row of their own.
        #expect(try corpus.integer("SELECT count(*) FROM spread_members") == 4)
        #expect(try corpus.integer("SELECT count(*) FROM spread_bands") == 30)
        #expect(try corpus.integer("SELECT count(*) FROM spread_pending") == 0)
        #expect(try Self.strayBands(corpus) == 0)
    }

    @Test func editsAndMovesTakeTheirOldBandsOut() throws {
        let corpus = try TemporaryCorpus()
        _ = try corpus.importFiles([try corpus.write("posts.jsonl", SpreadIndexTests.posts)])
        let edited = [
            SpreadIndexTests.line(
                "r1", "reddit", "2T09:00:00", "A post about gardening, tomatoes and the weather this spring, nothing more."),
            SpreadIndexTests.line("m1", "mastodon", "1T07:00:00", Self.sentence + ", officials said on Tuesday."),
        ].joined(separator: "\n")
        _ = try corpus.importFiles([try corpus.write("edited.jsonl", edited)])
        #expect(try Self.strayBands(corpus) == 0)
        #expect(try corpus.integer("SELECT count(*) FROM spread_bands") == 30)
        // Deleted by another program: the text is kept until a Beat writer takes the bands out.
        let connection = corpus.corpus.connection
        try connection.execute("DELETE FROM posts WHERE source = 'news'")
        #expect(try corpus.integer("SELECT count(*) FROM spread_removed") == 1)
        #expect(try corpus.integer("SELECT count(*) FROM spread_bands") == 30)
        try connection.transaction { try SpreadIndex(connection: connection).applyRemovals() }
        #expect(try corpus.integer("SELECT count(*) FROM spread_removed") == 0)
        #expect(try Self.strayBands(corpus) == 0)
        #expect(try corpus.integer("SELECT count(*) FROM spread_bands") == 24)
    }

    @Test func aDeletedPostIsNeverTakenForACopy() throws {
        let corpus = try TemporaryCorpus()
        _ = try corpus.importFiles([try corpus.write("posts.jsonl", SpreadIndexTests.posts)])
        let connection = corpus.corpus.connection
        // Every member but the bluesky post leaves through another program, which runs no Beat code.
        try connection.execute("DELETE FROM posts WHERE source IN ('mastodon', 'reddit', 'news')")
        #expect(try corpus.integer("SELECT count(*) FROM spread_removed") == 3)
        // Their bands are still stored, and name them; the check of their text rules them out.
        let bluesky = try #require(try corpus.post("bluesky", "b1")?["id"]?.int64Value)
        let print = SpreadPrint(source: "hackernews", title: nil, text: Self.sentence + ", officials said.", url: nil)
        #expect(try SpreadIndex(connection: connection).closestCopy(of: print, excluding: 0)?.post == bluesky)
        // The next import takes their bands out, and its copy joins the post that is left.
        let copy = SpreadIndexTests.line("h1", "hackernews", "3T10:00:00", Self.sentence + ", officials said.")
        _ = try corpus.importFiles([try corpus.write("copy.jsonl", copy)])
        let group = try #require(try SpreadIndexTests.group(corpus, "hackernews:h1"))
        #expect(try SpreadIndexTests.group(corpus, "bluesky:b1") == group)
        #expect(try corpus.integer("SELECT size FROM spread_groups WHERE id = ?1", [.integer(group)]) == 2)
        #expect(try corpus.integer("SELECT count(*) FROM spread_groups") == 1)
        #expect(try corpus.integer("SELECT count(*) FROM spread_removed") == 0)
        #expect(try Self.strayBands(corpus) == 0)
    }

    @Test func fingerprintingWhatAnImportWithoutFingerprintsLeftKeepsTheOthersLinks() throws {
        let corpus = try TemporaryCorpus()
        _ = try corpus.importFiles([try corpus.write("posts.jsonl", SpreadIndexTests.posts)])
        let links = try corpus.integer("SELECT count(*) FROM post_links")
        #expect(links == 2)
        var options = ImportOptions()
        options.fingerprints = false
        let late = SpreadIndexTests.line("h1", "hackernews", "3T10:00:00", Self.sentence + ", see https://example.com/a.")
        _ = try corpus.importFiles([try corpus.write("late.jsonl", late)], options: options)
        let connection = corpus.corpus.connection
        #expect(try SpreadIndex(connection: connection).backfill() == 6)
        #expect(try corpus.integer("SELECT count(*) FROM post_links") == links! + 1)
        #expect(try SpreadIndexTests.group(corpus, "hackernews:h1") == SpreadIndexTests.group(corpus, "bluesky:b1"))
        #expect(try Self.strayBands(corpus) == 0)
    }

    /// Stores the first post without fingerprinting it, then fingerprints it through
    /// `index` in a committed transaction that never folds, as a writer that stopped would.
    static func leavePending(_ corpus: TemporaryCorpus, _ index: SpreadIndex, line: String, name: String) throws {
        var options = ImportOptions()
        options.fingerprints = false
        _ = try corpus.importFiles([try corpus.write(name, line)], options: options)
        let connection = corpus.corpus.connection
        try connection.execute("DELETE FROM spread_backfill")
        let id = try #require(try corpus.integer("SELECT max(id) FROM posts WHERE id NOT IN (SELECT post_id FROM spread_bands)"))
        let text = try #require(try connection.scalar("SELECT text FROM posts WHERE id = ?1", [.integer(id)])?.stringValue)
        try connection.transaction { try index.add(postID: id, source: "bluesky", title: nil, text: text, url: nil) }
    }

    @Test func postsAWriterLeftPendingAreFoundByTheNextImport() throws {
        let corpus = try TemporaryCorpus()
        try Self.leavePending(
            corpus, SpreadIndex(connection: corpus.corpus.connection),
            line: SpreadIndexTests.line("b1", "bluesky", "2T10:00:00", Self.sentence + ", officials said."), name: "first.jsonl")
        #expect(try corpus.integer("SELECT count(*) FROM spread_pending") == 1)
        #expect(try corpus.integer("SELECT count(*) FROM spread_bands") == 0)

        let copy = SpreadIndexTests.line("m1", "mastodon", "2T11:00:00", Self.sentence + ", officials said.")
        _ = try corpus.importFiles([try corpus.write("copy.jsonl", copy)])
        let group = try #require(try SpreadIndexTests.group(corpus, "bluesky:b1"))
        #expect(try SpreadIndexTests.group(corpus, "mastodon:m1") == group)
        #expect(try corpus.integer("SELECT count(*) FROM spread_pending") == 0)
        #expect(try Self.strayBands(corpus) == 0)
    }

    @Test func twoWritersOnOneFileSeeEachOthersPendingPosts() throws {
        let corpus = try TemporaryCorpus()
        let first = SpreadIndex(connection: corpus.corpus.connection)
        try Self.leavePending(
            corpus, first, line: SpreadIndexTests.line("b1", "bluesky", "2T10:00:00", Self.sentence + ", officials said."),
            name: "first.jsonl")

        // Another process imports a copy while the first still holds its post in memory.
        let other = try Corpus(path: corpus.path)
        let copy = SpreadIndexTests.line("m1", "mastodon", "2T11:00:00", Self.sentence + ", officials said.")
        _ = try Importer(corpus: other, options: ImportOptions()).run([try corpus.write("copy.jsonl", copy)])
        let group = try #require(try SpreadIndexTests.group(corpus, "bluesky:b1"))
        #expect(try SpreadIndexTests.group(corpus, "mastodon:m1") == group)

        // The first writer's memory is out of date now: it folds and looks again.
        try Self.leavePending(
            corpus, first, line: SpreadIndexTests.line("r1", "reddit", "2T12:00:00", Self.sentence + ", officials said today."),
            name: "third.jsonl")
        #expect(try SpreadIndexTests.group(corpus, "reddit:r1") == group)
        #expect(try corpus.integer("SELECT size FROM spread_groups WHERE id = ?1", [.integer(group)]) == 3)
        try corpus.corpus.connection.transaction { try first.foldPending() }
        #expect(try Self.strayBands(corpus) == 0)
    }

    @Test(arguments: [6, 7])
    func aCorpusWithSketchRowsKeepsItsGroupsAndBands(version: Int) throws {
        let corpus = try TemporaryCorpus()
        _ = try corpus.importFiles([try corpus.write("posts.jsonl", SpreadIndexTests.posts)])
        let groups = try corpus.rows("SELECT post_id, group_id FROM spread_members ORDER BY post_id")
        // Back to schema 6 (six band indexes on post_sketches) or 7 (spread_bands, with two
        // posts left pending by a writer that stopped).
        try OlderSchema.restore(corpus.corpus.connection, version: version, pending: 2)
        #expect(try corpus.integer("SELECT count(*) FROM post_sketches") == 5)
        let reopened = try Corpus(path: corpus.path)
        #expect(try reopened.connection.scalar("PRAGMA user_version")?.int64Value == Int64(Corpus.schemaVersion))
        #expect(try corpus.rows("SELECT post_id, group_id FROM spread_members ORDER BY post_id") == groups)
        #expect(try corpus.integer("SELECT count(*) FROM spread_bands") == 30)
        #expect(try corpus.integer("SELECT count(*) FROM spread_pending") == 0)
        #expect(try Self.strayBands(corpus) == 0)
        #expect(try corpus.integer("SELECT count(*) FROM sqlite_schema WHERE name LIKE 'post_sketches%'") == 0)
    }

    @Test func pendingBandsHoldEveryPostOfAValueAcrossGrowth() {
        var bands = PendingBands()
        // 3,000 posts, each with six values; every tenth value is shared by ten posts.
        for post in 0..<3_000 {
            let values = (0..<6).map { band in Int64(post / 10) &* 1_000_003 &+ Int64(band) &* 0x5851_F42D_4C95_7F2D }
            bands.add(postID: Int64(post) + 1, bands: values)
        }
        #expect(bands.posts.count == 3_000)
        let shared = Int64(42) &* 1_000_003 &+ 3 &* 0x5851_F42D_4C95_7F2D
        #expect(bands.posts(withBand: shared).sorted() == Array(421...430))
        #expect(bands.posts(withBand: 7).isEmpty)
        #expect(bands.holdsEveryCurrentBand)
        // A post filed again (its text changed) leaves its old bands behind.
        bands.add(postID: 421, bands: [shared])
        #expect(bands.posts(withBand: shared).count == 10)
        #expect(!bands.holdsEveryCurrentBand)
        bands.removeAll()
        #expect(bands.isEmpty && bands.posts(withBand: shared).isEmpty && bands.holdsEveryCurrentBand)
        // A value that many posts share names the latest few, as a lookup in the table would,
        // and keeps the others for the fold.
        for post in (5_000..<5_040).shuffled() { bands.add(postID: Int64(post), bands: [99]) }
        #expect(bands.posts(withBand: 99) == Array((5_024..<5_040).reversed()))
        #expect(bands.holdsEveryCurrentBand)
        #expect(bands.drainSorted().map(\.post) == Array(5_000..<5_040))
    }

    @Test func aTemplatePostedThousandsOfTimesIsFoldedWhole() throws {
        let corpus = try TemporaryCorpus()
        let lines = (0..<3_000).map { i in
            #"{"id": "t\#(i)", "source": "web", "published_at": \#(1_700_000_000 + i * 37), "text": "post \#(i) about nothing in particular"}"#
        }
        _ = try corpus.importFiles([try corpus.write("template.jsonl", lines.joined(separator: "\n"))])
        #expect(try corpus.integer("SELECT count(*) FROM spread_pending") == 0)
        #expect(try Self.strayBands(corpus) == 0)
    }

    @Test func theFilterNeverMissesAStoredValueAndRarelyClaimsAnAbsentOne() {
        var generator = SystemRandomNumberGenerator()
        let stored = (0..<50_000).map { _ in Int64.random(in: .min ... .max, using: &generator) }
        var filter = BandFilter(capacity: stored.count)
        for value in stored { filter.insert(value) }
        #expect(stored.allSatisfy { filter.mayContain($0) })
        let falsePositives = (0..<50_000).filter { _ in filter.mayContain(Int64.random(in: .min ... .max, using: &generator)) }
        #expect(falsePositives.count < 1_500)
    }

    @Test func theStoredBandCountIsEstimatedFromAFewPages() throws {
        let corpus = try TemporaryCorpus()
        let index = SpreadIndex(connection: corpus.corpus.connection)
        #expect(try index.estimateStoredBands() == 0)
        try corpus.corpus.connection.execute(
            """
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200000)
            INSERT OR IGNORE INTO spread_bands(value, post_id) SELECT random(), i FROM n
            """)
        let estimate = try index.estimateStoredBands()
        #expect(estimate > 160_000 && estimate < 240_000, "estimated \(estimate) of 200,000")
        try corpus.corpus.connection.execute("DELETE FROM spread_bands WHERE post_id > 900")
        #expect(try index.estimateStoredBands() == 900)
        try corpus.corpus.connection.execute("DELETE FROM spread_bands WHERE post_id > 100")
        #expect(try index.estimateStoredBands() == 100)
    }
}
