import BeatSQLite
import BeatTestSupport
import Testing

@testable import BeatCore

/// Band filters halved in place, and the run filters of a corpus kept within their budget.
@Suite struct BandFilterBudgetTests {
    static func values(_ count: Int, seed: Int64) -> [Int64] {
        (0..<Int64(count)).map { ($0 &+ seed) &* -0x61C8_8646_80B5_83EB }
    }

    /// Halving a filter gives, word for word, the filter its values make in half the bits:
    /// for sizes probed by mask (a power of two) and by multiply-high, halved again and again.
    @Test(arguments: [1 << 16, 3 << 15, 5 << 14])
    func aHalvedFilterIsTheFilterOfHalfItsBits(bits: Int) throws {
        let values = Self.values(5_000, seed: Int64(bits))
        var filter = BandFilter(bits: bits)
        #expect(filter.bits == bits)
        for value in values { filter.insert(value) }
        var halvings = 0
        while filter.canFold {
            let copy = filter
            filter.fold()
            halvings += 1
            var direct = BandFilter(bits: bits >> halvings)
            #expect(direct.bits == filter.bits)
            for value in values { direct.insert(value) }
            #expect(filter.bytes == direct.bytes, "\(bits) bits halved \(halvings) times")
            // The copy taken before is untouched.
            #expect(copy.bits == filter.bits * 2)
            #expect(values.allSatisfy { copy.mayContain($0) })
        }
        #expect(halvings >= 5)
        #expect(filter.bits % BandFilter.granuleBits == 0 && filter.bits >= BandFilter.minimumBits)
        #expect(values.allSatisfy { filter.mayContain($0) })
    }

    /// Large filters are rounded so that they can be halved many times, at under 1/64 more than ten bits per value.
    @Test func aLargeFilterCanBeHalvedAtLittleCost() {
        for capacity in [1_000, 6_553, 50_000, 1_000_000, 10_500_000, 170_000_000] {
            let filter = BandFilter(capacity: capacity)
            #expect(filter.bits >= capacity * BandFilter.bitsPerValue)
            #expect(Double(filter.bits) <= Double(capacity * BandFilter.bitsPerValue) * (1 + 1.0 / 64) + 512, "\(capacity)")
            var folds = 0
            var halved = filter
            while halved.canFold, folds < 20 {
                halved.fold()
                folds += 1
            }
            // At least as many halvings as there are doublings of 64 granules in it.
            let granules = filter.bits / BandFilter.granuleBits
            #expect(folds >= max(0, (granules / 64).bitWidth - (granules / 64).leadingZeroBitCount - 1), "\(capacity)")
        }
        // An odd number of granules cannot be halved: it is built again from its run instead.
        #expect(!BandFilter(bits: 3 * BandFilter.granuleBits).canFold)
        #expect(!BandFilter(bits: BandFilter.minimumBits).canFold)
    }

    static func entries(_ posts: Range<Int64>) -> [PendingBands.Entry] {
        SpreadBandsTests.scatteredEntries(posts: posts)
    }

    /// Run after run, the run filters stay within their budget (the densest halved, and stored
    /// halved), and every stored entry is still found; another connection reads them back as
    /// stored, and one with a smaller budget fits them into it.
    @Test func theRunFiltersStayWithinTheirBudget() throws {
        let corpus = try TemporaryCorpus()
        let connection = corpus.corpus.connection
        let budget = 48 << 10
        let runs = BandRuns(connection: connection, corpusFilterBudget: 1, runFilterBudget: budget)
        var written: [PendingBands.Entry] = []
        for batch in 0..<8 {
            let entries = Self.entries(Int64(batch * 12_000)..<Int64(batch * 12_000 + 12_000))
            try connection.transaction { try runs.append(entries) }
            written += entries
            #expect(runs.filterBytes <= budget, "after run \(batch)")
        }
        // Ten bits per value would take twice the budget.
        #expect(written.count * BandFilter.bitsPerValue / 8 > 2 * budget)
        #expect(try written.allSatisfy { try runs.holds($0.value, post: $0.post) })
        #expect(try runs.posts(withBand: written[12_345].value, limit: 5) == [written[12_345].post])
        let storedBytes = try #require(try connection.scalar("SELECT sum(length(filter)) FROM spread_runs")?.int64Value)
        #expect(storedBytes <= budget)

        let reader = BandRuns(connection: connection, corpusFilterBudget: 1)
        try reader.sync()
        #expect(reader.filterBytes == Int(storedBytes))
        #expect(try written.allSatisfy { try reader.holds($0.value, post: $0.post) })

        let tighter = BandRuns(connection: connection, corpusFilterBudget: 1, runFilterBudget: budget / 4)
        try tighter.sync()
        #expect(tighter.filterBytes <= budget / 4)
        #expect(try written.allSatisfy { try tighter.holds($0.value, post: $0.post) })
        // Fitting in memory only: what is stored stays as it was.
        #expect(try connection.scalar("SELECT sum(length(filter)) FROM spread_runs")?.int64Value == storedBytes)
    }

    /// A filter that cannot be halved as stored (an odd number of granules, as earlier builds
    /// sized them) is built again from its run at half its bits: for a reader's budget in its
    /// memory only, for a writer's also in the file.
    @Test func aFilterThatCannotBeHalvedIsBuiltAgainSmaller() throws {
        let corpus = try TemporaryCorpus()
        let connection = corpus.corpus.connection
        let entries = Self.entries(0..<3_000)
        try connection.transaction { try BandRuns(connection: connection).append(entries) }
        let storedSQL = "SELECT length(filter) FROM spread_runs ORDER BY run LIMIT 1"
        let stored = Int(try #require(try connection.scalar(storedSQL)?.int64Value))
        #expect(try #require(BandFilter(storedByteCount: stored)).canFold == false)

        let budget = stored / 2 + 128
        let reader = BandRuns(connection: connection, corpusFilterBudget: 1, runFilterBudget: budget)
        try reader.sync()
        #expect(reader.filterBytes <= budget)
        #expect(try entries.allSatisfy { try reader.holds($0.value, post: $0.post) })
        #expect(try connection.scalar(storedSQL)?.int64Value == Int64(stored))

        let writer = BandRuns(connection: connection, corpusFilterBudget: 1, runFilterBudget: budget)
        let more = Self.entries(10_000..<10_010)
        try connection.transaction { try writer.append(more) }
        #expect(writer.filterBytes <= budget)
        let rebuilt = Int(try #require(try connection.scalar(storedSQL)?.int64Value))
        #expect(rebuilt < stored / 2 + 64)
        #expect(try (entries + more).allSatisfy { try writer.holds($0.value, post: $0.post) })
    }
}
