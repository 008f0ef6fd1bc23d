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

    @Test(arguments: [6, 7, 8])
    func anOlderCorpusKeepsItsGroupsAndBands(version: Int) throws {
        let corpus = try TemporaryCorpus()
        _ = try corpus.importFiles([try corpus.write("posts.jsonl", SpreadIndexTests.posts)])
        let groups = try corpus.rows("SELECT post_id, group_id FROM spread_members ORDER BY post_id")
        // Back to schema 6 (six band indexes on post_sketches), 7 (spread_bands beside the
        // sketch rows) or 8 (spread_bands alone, in one run), the last two with two posts
        // left pending by a writer that stopped.
        try OlderSchema.restore(corpus.corpus.connection, version: version, pending: 2)
        if version < 8 { #expect(try corpus.integer("SELECT count(*) FROM post_sketches") == 5) }
        if version > 6 {
            #expect(try corpus.integer("SELECT count(*) FROM spread_bands") == 18)
            #expect(try corpus.integer("SELECT count(*) FROM spread_pending") == 2)
        }
        let reopened = try Corpus(path: corpus.path)
        #expect(try reopened.connection.scalar("PRAGMA user_version")?.int64Value == Int64(Corpus.schemaVersion))
        // Migration 8 folds the posts a schema-7 writer left; from schema 8 on, the next writer does.
        try reopened.connection.transaction { try SpreadIndex(connection: reopened.connection).foldPending() }
        #expect(try corpus.rows("SELECT post_id, group_id FROM spread_members ORDER BY post_id") == groups)
        #expect(try corpus.integer("SELECT count(*) FROM spread_bands") == 30)
        #expect(try corpus.integer("SELECT count(*) FROM spread_pending") == 0)
        #expect(try Self.strayBands(corpus) == 0)
        #expect(try corpus.integer("SELECT count(*) FROM sqlite_schema WHERE name LIKE 'post_sketches%'") == 0)
        // What the file held is one run; the posts left pending, when the next writer folds them, another.
        #expect(try corpus.integer("SELECT count(*) FROM spread_runs") == (version == 8 ? 2 : 1))
        #expect(try corpus.integer("SELECT sum(entries) FROM spread_runs") == 30)
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

    /// Filters take ten bits per value rounded up to 512 (times a power of two for large
    /// ones, `BandFilterBudgetTests`), not to a power of two.
    @Test func aFilterTakesTenBitsPerValue() {
        #expect(BandFilter(capacity: 1_000_000).byteCount == 1_261_568)
        #expect(BandFilter(capacity: 3_000).byteCount == 3_776)
        #expect(BandFilter(capacity: 3).byteCount == 64)
        #expect(BandFilter(capacity: Int.max).byteCount == BandFilter.maximumBits / 8)
        #expect(BandFilter.isStoredSize(1_250_048) && BandFilter.isStoredSize(1 << 20))
        #expect(!BandFilter.isStoredSize(1_250_040) && !BandFilter.isStoredSize(32))
    }

    /// A filter stored by earlier builds (a power of two of bits, probes masked) is read as
    /// they wrote it: every value they put in is still found.
    @Test func aPowerOfTwoFilterStoredByEarlierBuildsStillHoldsItsValues() throws {
        let bitCount: UInt64 = 1 << 16
        var words = [UInt64](repeating: 0, count: Int(bitCount / 64))
        let values = (0..<5_000).map { Int64($0) &* 0x2545_F491_4F6C_DD1D }
        for value in values {
            // The probes as those builds computed them.
            let bits = UInt64(bitPattern: value)
            let remixed = (bits ^ (bits >> 31)) &* 0x94D0_49BB_1331_11EB
            for probe in [bits, bits >> 32 | bits << 32, remixed ^ (remixed >> 29)] {
                let bit = probe & (bitCount - 1)
                words[Int(bit >> 6)] |= 1 << (bit & 63)
            }
        }
        var bytes: [UInt8] = []
        for word in words { withUnsafeBytes(of: word.littleEndian) { bytes.append(contentsOf: $0) } }
        let stored = try #require(BandFilter(bytes: bytes))
        #expect(values.allSatisfy { stored.mayContain($0) })
        let absent = (0..<20_000).map { Int64($0 + 1_000_000) &* 0x2545_F491_4F6C_DD1D }
        #expect(absent.filter { stored.mayContain($0) }.count < 20_000 / 20)
    }

    /// One post fewer than a merge needs, none a copy of another: each import of one writes a run of six entries.
    static let unrelatedPosts = (0..<BandRuns.mergeWidth - 1).map { i in
        SpreadIndexTests.line(
            "u\(i)", "web", "1T0\(i % 10):\(10 + i):00",
            "Unrelated post number \(i) about item \(i * 7) and topic \(i * 13), nothing copied here.")
    }

    /// Imports one post at a time, each import folding it as a run of its own.
    static func importOneByOne(_ corpus: TemporaryCorpus, _ lines: [String]) throws {
        for (number, line) in lines.enumerated() {
            _ = try corpus.importFiles([try corpus.write("post\(number).jsonl", line)])
        }
    }

    @Test func runsOfOneSizeAreMergedAndLookupsStillFindEveryPost() throws {
        let corpus = try TemporaryCorpus()
        try Self.importOneByOne(corpus, Self.unrelatedPosts)
        #expect(try corpus.integer("SELECT count(*) FROM spread_runs") == Int64(BandRuns.mergeWidth - 1))
        // The sixteenth run of that size merges them all into one, in key order.
        let original = SpreadIndexTests.line("b1", "bluesky", "2T10:00:00", Self.sentence + ", officials said.")
        try Self.importOneByOne(corpus, [original])
        #expect(try corpus.integer("SELECT count(*) FROM spread_runs") == 1)
        let entries = Int64(BandRuns.mergeWidth * 6)
        #expect(try corpus.integer("SELECT entries FROM spread_runs") == entries)
        #expect(try corpus.integer("SELECT count(*) FROM spread_bands") == entries)
        #expect(try corpus.integer("SELECT count(DISTINCT run) FROM spread_bands") == 1)
        #expect(try Self.strayBands(corpus) == 0)
        #expect(try corpus.integer("SELECT count(*) FROM spread_runs WHERE filter IS NULL") == 0)
        // A copy finds the original in the merged run, and one more run begins.
        let copy = SpreadIndexTests.line("m1", "mastodon", "2T11:00:00", Self.sentence + ", officials said today.")
        try Self.importOneByOne(corpus, [copy])
        #expect(try SpreadIndexTests.group(corpus, "mastodon:m1") == SpreadIndexTests.group(corpus, "bluesky:b1"))
        #expect(try SpreadIndexTests.group(corpus, "mastodon:m1") != nil)
        #expect(try corpus.integer("SELECT count(*) FROM spread_runs") == 2)
        // Deleting the original takes its entries out of whichever run holds them.
        _ = try corpus.corpus.connection.execute("DELETE FROM posts WHERE source = 'bluesky'")
        try corpus.corpus.connection.transaction { try SpreadIndex(connection: corpus.corpus.connection).applyRemovals() }
        #expect(try corpus.integer("SELECT count(*) FROM spread_bands") == entries)
        #expect(try Self.strayBands(corpus) == 0)
    }

    @Test func aMergeReadsEachRunAPageAtATime() throws {
        let corpus = try TemporaryCorpus()
        let connection = corpus.corpus.connection
        // Sixteen runs of the same size class, each longer than a page of the merge.
        let perRun = BandRuns.mergePage + 1_000
        try connection.transaction {
            for run in 1...BandRuns.mergeWidth {
                try connection.run(
                    """
                    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?2)
                    INSERT INTO spread_bands(run, value, post_id) SELECT ?1, (i * 7919 + ?1 * 104729) % 1000003, i FROM n
                    """, [.integer(Int64(run)), .integer(Int64(perRun))])
                try connection.run(
                    "INSERT INTO spread_runs(run, entries) VALUES (?1, ?2)", [.integer(Int64(run)), .integer(Int64(perRun))])
            }
        }
        let before = try corpus.rows("SELECT value, post_id FROM spread_bands ORDER BY value, post_id")
        // The runs were stored without filters, as migration 9 leaves a file's first run.
        try connection.transaction { try BandRuns(connection: connection).mergeRuns() }
        #expect(try corpus.integer("SELECT count(*) FROM spread_runs") == 1)
        #expect(try corpus.integer("SELECT run FROM spread_runs") == Int64(BandRuns.mergeWidth + 1))
        // The same keys, none lost, in one run, and every one found through its filter.
        #expect(try corpus.rows("SELECT value, post_id FROM spread_bands ORDER BY value, post_id") == before)
        #expect(try corpus.integer("SELECT entries FROM spread_runs") == Int64(before.count))
        let runs = BandRuns(connection: connection)
        #expect(try before.allSatisfy { try runs.holds($0[0].int64Value!, post: $0[1].int64Value!) })
        #expect(try !runs.holds(before[0][0].int64Value!, post: -1))
    }

    /// The corpus filter is kept only while it fits the filter budget beside the run filters;
    /// without it every lookup still finds every stored entry, through the run filters.
    @Test func theCorpusFilterIsKeptOnlyWithinItsBudget() throws {
        let corpus = try TemporaryCorpus()
        let connection = corpus.corpus.connection
        let entries = Self.scatteredEntries(posts: 0..<3_000)
        try connection.transaction { try BandRuns(connection: connection).append(entries) }

        let roomy = BandRuns(connection: connection)
        try roomy.sync()
        #expect(roomy.holdsCorpusFilter)
        #expect(roomy.filterBytes > 0)

        // A budget smaller than the run filters alone: no corpus filter, and none built later.
        let tight = BandRuns(connection: connection, corpusFilterBudget: 1)
        try tight.sync()
        #expect(!tight.holdsCorpusFilter)
        #expect(tight.filterBytes < roomy.filterBytes)
        #expect(try entries.allSatisfy { try tight.holds($0.value, post: $0.post) })
        #expect(try tight.posts(withBand: entries[7].value, limit: 10) == [entries[7].post])
        #expect(try !tight.holds(1, post: 1))

        // A corpus filter held is dropped once a new run takes the filters past the budget.
        let shrinking = BandRuns(connection: connection, corpusFilterBudget: roomy.filterBytes)
        try shrinking.sync()
        #expect(shrinking.holdsCorpusFilter)
        let more = Self.scatteredEntries(posts: 5_000..<8_000)
        try connection.transaction { try shrinking.append(more) }
        #expect(!shrinking.holdsCorpusFilter)
        #expect(try (entries + more).allSatisfy { try shrinking.holds($0.value, post: $0.post) })
    }

    /// A filter is stored a chunk at a time: the stored bytes are the filter's, whatever the chunk.
    @Test func aFilterIsStoredAChunkAtATime() throws {
        let corpus = try TemporaryCorpus()
        let connection = corpus.corpus.connection
        var filter = BandFilter(capacity: 50_000)
        for entry in Self.scatteredEntries(posts: 0..<50_000) { filter.insert(entry.value) }
        try connection.execute("CREATE TABLE blobs(id INTEGER PRIMARY KEY, value BLOB)")
        for chunkSize in [8, 24, 4_096, 65_536, 1 << 20] {
            try connection.run("INSERT OR REPLACE INTO blobs VALUES (1, zeroblob(?1))", [.integer(Int64(filter.byteCount))])
            try connection.fillBlob(table: "blobs", column: "value", row: 1, chunkSize: chunkSize) { offset, chunk in
                filter.copyBytes(from: offset, into: chunk)
            }
            #expect(try connection.scalar("SELECT value FROM blobs WHERE id = 1") == .blob(filter.bytes), "\(chunkSize)")
        }
        // A row that is not there is an error, not a write elsewhere.
        #expect(throws: SQLiteError.self) {
            try connection.fillBlob(table: "blobs", column: "value", row: 2) { _, _ in }
        }
        // What an append stores is the run's filter.
        let entries = Self.scatteredEntries(posts: 0..<2_000)
        try connection.transaction { try BandRuns(connection: connection).append(entries) }
        var expected = BandFilter(capacity: entries.count)
        for entry in entries { expected.insert(entry.value) }
        #expect(try connection.scalar("SELECT filter FROM spread_runs ORDER BY run DESC LIMIT 1") == .blob(expected.bytes))
    }

    /// One entry per post, values spread over the whole range, sorted as a run holds them.
    static func scatteredEntries(posts: Range<Int64>) -> [PendingBands.Entry] {
        let entries: [PendingBands.Entry] = posts.map { post in
            PendingBands.Entry(value: post &* -0x61C8_8646_80B5_83EB, post: post)
        }
        return entries.sorted { ($0.value, $0.post) < ($1.value, $1.post) }
    }

    @Test func theImportPageCacheGivesBackWhatTheFiltersTake() {
        #expect(ImportMemory.cacheKiB(filterBytes: 0) == ImportMemory.largestCacheKiB)
        #expect(ImportMemory.cacheKiB(filterBytes: 500 << 10) == ImportMemory.budgetKiB - 500)
        #expect(ImportMemory.cacheKiB(filterBytes: 25 << 20) == ImportMemory.budgetKiB - (25 << 10))
        #expect(ImportMemory.cacheKiB(filterBytes: 90 << 20) == ImportMemory.smallestCacheKiB)
        // The cache and the filters stay within the budget until the cache is at its floor.
        for megabytes in stride(from: 1, through: 56, by: 5) {
            let filterKiB: Int = megabytes * 1024
            let cacheKiB: Int = ImportMemory.cacheKiB(filterBytes: filterKiB * 1024)
            #expect(cacheKiB + filterKiB <= ImportMemory.budgetKiB)
        }
    }

    @Test func foldEntriesSortAsTheIndexOrdersThem() {
        var generator = SystemRandomNumberGenerator()
        // Uniform values of both signs, the extremes, and values several posts share.
        var entries = (0..<20_000).map { post in
            PendingBands.Entry(value: Int64.random(in: .min ... .max, using: &generator), post: Int64(post))
        }
        for post in 0..<300 { entries.append(PendingBands.Entry(value: Int64(post % 7) - 3, post: Int64(50_000 - post))) }
        entries += [PendingBands.Entry(value: .min, post: 9), PendingBands.Entry(value: .max, post: 8)]
        entries.shuffle()
        var sorted = entries
        PendingBands.Entry.sort(&sorted)
        #expect(sorted.map { [$0.value, $0.post] } == entries.map { [$0.value, $0.post] }.sorted { ($0[0], $0[1]) < ($1[0], $1[1]) })
    }

    /// A fold's entries come out of the pending table sorted where they lie: with clusters that
    /// wrap past the table's end to its start, and a value shared past what a lookup keeps.
    @Test func pendingBandsDrainInTheIndexOrder() {
        var generator = SystemRandomNumberGenerator()
        var pending = PendingBands()
        var expected: [[Int64]] = []
        for post in 1...20_000 {
            let id = Int64(post) << 20
            var bands = (0..<6).map { _ in Int64.random(in: .min ... .max, using: &generator) }
            // All start their probe at the table's last slot, so the cluster wraps to its start.
            if post <= 60 { bands[0] = Int64.max - Int64(post) }
            if post % 200 == 0 { bands[1] = 42 }
            pending.add(postID: id, bands: bands)
            expected += bands.map { [$0, id] }
        }
        let drained = pending.drainSorted()
        #expect(drained.map { [$0.value, $0.post] } == expected.sorted { ($0[0], $0[1]) < ($1[0], $1[1]) })
        #expect(pending.isEmpty)
    }

    /// Fifteen runs of one post each, and two posts stored but not fingerprinted: `b1`, whose
    /// fold writes the sixteenth run and merges them, and `c1`, a copy of `web:u4`'s text, so
    /// that its lookup must find a post in one of the merged runs.
    static func oneRunShortOfAMerge() throws -> (corpus: TemporaryCorpus, index: SpreadIndex, original: String, copy: String) {
        let corpus = try TemporaryCorpus()
        try Self.importOneByOne(corpus, Self.unrelatedPosts)
        let connection = corpus.corpus.connection
        var options = ImportOptions()
        options.fingerprints = false
        let original = Self.sentence + ", officials said."
        let copy = "Unrelated post number 4 about item 28 and topic 52, nothing copied here!"
        let lines = [
            SpreadIndexTests.line("b1", "bluesky", "2T10:00:00", original),
            SpreadIndexTests.line("c1", "mastodon", "3T10:00:00", copy),
        ]
        _ = try corpus.importFiles([try corpus.write("late.jsonl", lines.joined(separator: "\n"))], options: options)
        try connection.execute("DELETE FROM spread_backfill")
        let index = SpreadIndex(connection: connection)
        return (corpus, index, original, copy)
    }

    @Test func aMergeRolledBackLeavesEveryRunFound() throws {
        let (corpus, index, original, copy) = try Self.oneRunShortOfAMerge()
        let connection = corpus.corpus.connection
        // A fold that merges the sixteen runs, in a transaction that is undone.
        struct Undo: Error {}
        let first = try #require(try corpus.post("bluesky", "b1")?["id"]?.int64Value)
        #expect(throws: Undo.self) {
            try connection.transaction {
                try index.add(postID: first, source: "bluesky", title: nil, text: original, url: nil)
                try index.foldPending()
                #expect(try corpus.integer("SELECT count(*) FROM spread_runs") == 1)
                throw Undo()
            }
        }
        #expect(try corpus.integer("SELECT count(*) FROM spread_runs") == Int64(BandRuns.mergeWidth - 1))
        // The same writer goes on: a copy of a post in one of the runs it merged and lost finds it.
        let second = try #require(try corpus.post("mastodon", "c1")?["id"]?.int64Value)
        try connection.transaction { try index.add(postID: second, source: "mastodon", title: nil, text: copy, url: nil) }
        #expect(try SpreadIndexTests.group(corpus, "mastodon:c1") == SpreadIndexTests.group(corpus, "web:u4"))
        #expect(try SpreadIndexTests.group(corpus, "mastodon:c1") != nil)
    }

    /// A merge that fails part-way through writing its run (the disk filled, say) undoes its
    /// transaction after it let go of its runs' filters: the same writer's next lookup reads
    /// them back and still finds every post.
    @Test func aMergeThatFailsPartWayLeavesEveryRunFound() throws {
        let (corpus, index, original, copy) = try Self.oneRunShortOfAMerge()
        let connection = corpus.corpus.connection
        // The fold writes one more run and merges the sixteen into a run after it; the merged
        // run's twentieth entry fails.
        let lastRun = try #require(try corpus.integer("SELECT max(run) FROM spread_runs"))
        try connection.execute(
            """
            CREATE TEMP TRIGGER failing_merge BEFORE INSERT ON main.spread_bands
            WHEN NEW.run > \(lastRun + 1) AND (SELECT count(*) FROM main.spread_bands WHERE run = NEW.run) >= 20
            BEGIN SELECT RAISE(ABORT, 'the merge failed part-way'); END
            """)
        let first = try #require(try corpus.post("bluesky", "b1")?["id"]?.int64Value)
        #expect {
            try connection.transaction {
                try index.add(postID: first, source: "bluesky", title: nil, text: original, url: nil)
                try index.foldPending()
            }
        } throws: { ($0 as? SQLiteError)?.message.contains("the merge failed part-way") ?? false }
        try connection.execute("DROP TRIGGER temp.failing_merge")
        #expect(try corpus.integer("SELECT count(*) FROM spread_runs") == Int64(BandRuns.mergeWidth - 1))
        // The same writer goes on: a copy of a post in one of the runs the merge let go of finds it.
        let second = try #require(try corpus.post("mastodon", "c1")?["id"]?.int64Value)
        try connection.transaction { try index.add(postID: second, source: "mastodon", title: nil, text: copy, url: nil) }
        #expect(try SpreadIndexTests.group(corpus, "mastodon:c1") == SpreadIndexTests.group(corpus, "web:u4"))
        #expect(try SpreadIndexTests.group(corpus, "mastodon:c1") != nil)
    }

    @Test func aStoredFilterReadsBackAndABrokenOneIsBuiltAgain() throws {
        var filter = BandFilter(capacity: 1_000)
        let values = (0..<1_000).map { Int64($0) &* 0x5851_F42D_4C95_7F2D }
        for value in values { filter.insert(value) }
        let stored = try #require(BandFilter(bytes: filter.bytes))
        #expect(stored.bytes == filter.bytes)
        #expect(values.allSatisfy { stored.mayContain($0) })
        #expect(BandFilter(bytes: Array(filter.bytes.dropLast())) == nil)
        #expect(BandFilter(bytes: []) == nil)

        let corpus = try TemporaryCorpus()
        _ = try corpus.importFiles([try corpus.write("posts.jsonl", SpreadIndexTests.posts)])
        let connection = corpus.corpus.connection
        try connection.execute("UPDATE spread_runs SET filter = x'00ff'")
        // The copy is found all the same, and the run's filter is stored again.
        let copy = SpreadIndexTests.line("h1", "hackernews", "3T10:00:00", Self.sentence + ", officials said.")
        _ = try corpus.importFiles([try corpus.write("copy.jsonl", copy)])
        #expect(try SpreadIndexTests.group(corpus, "hackernews:h1") == SpreadIndexTests.group(corpus, "bluesky:b1"))
        #expect(try corpus.integer("SELECT count(*) FROM spread_runs WHERE length(filter) < 64") == 0)
    }

    @Test func runCountsFromADamagedFileAreNotTrusted() throws {
        let corpus = try TemporaryCorpus()
        _ = try corpus.importFiles([try corpus.write("posts.jsonl", SpreadIndexTests.posts)])
        let connection = corpus.corpus.connection
        // Sixteen runs claiming the largest count there is, with no filter: the same size class.
        try connection.transaction {
            for run in 100..<(100 + BandRuns.mergeWidth - 1) {
                try connection.run(
                    "INSERT INTO spread_runs(run, entries) VALUES (?1, 9223372036854775807)", [.integer(Int64(run))])
                try connection.run(
                    "INSERT INTO spread_bands(run, value, post_id) VALUES (?1, ?1, 1)", [.integer(Int64(run))])
            }
            try connection.execute("UPDATE spread_runs SET entries = 9223372036854775807, filter = NULL")
        }
        // The next import sums, sizes and merges them without overflowing, and finds the copy.
        let copy = SpreadIndexTests.line("h1", "hackernews", "3T10:00:00", Self.sentence + ", officials said.")
        _ = try corpus.importFiles([try corpus.write("copy.jsonl", copy)])
        #expect(try SpreadIndexTests.group(corpus, "hackernews:h1") == SpreadIndexTests.group(corpus, "bluesky:b1"))
        #expect(try corpus.integer("SELECT count(*) FROM spread_bands") == 30 + 6 + Int64(BandRuns.mergeWidth - 1))
    }

    @Test func sizeClassesAreHexadecimalDigits() {
        #expect(BandRuns.sizeClass(0) == 0)
        #expect(BandRuns.sizeClass(6) == 1)
        #expect(BandRuns.sizeClass(15) == 1)
        #expect(BandRuns.sizeClass(16) == 2)
        #expect(BandRuns.sizeClass(96) == 2)
        #expect(BandRuns.sizeClass(720_000) == 5)
        #expect(BandRuns.sizeClass(11_520_000) == 6)
    }
}
