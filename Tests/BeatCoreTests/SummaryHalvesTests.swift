import BeatSQLite
import BeatTestSupport
import Foundation
import Testing

@testable import BeatCore

/// The pass over a beat's posts made in two halves on two connections gives what one pass gives.
@Suite struct SummaryHalvesTests {
    static let whole = SummaryLimits()
    static let halved = {
        var limits = SummaryLimits()
        limits.halvingPosts = 0
        return limits
    }()

    /// The demo corpus, with two posts without a venue on either side of the day where the
    /// year's window divides: one at that day's first id (a second's first post at midnight),
    /// which a half starting one id late would miss. One on each side leaves the divide where it was.
    static func corpus() throws -> (corpus: TemporaryCorpus, middle: Int64) {
        let demo = try SearchDemo.corpus()
        let range = SummaryDemo.year.idRange
        let middle = try #require(try PostDays.middle(of: range, fewest: 0, on: demo.corpus.connection))
        let midnight = middle >> 20
        let line = #"{"id": "h2", "source": "mastodon", "published_at": \#(midnight - 1), "text": "the recordings of clearnote"}"#
        #expect(try demo.importFiles([try demo.write("edges.jsonl", line)]).summary.added == 1)
        // An import puts a post in its source's lane; the first id of a second is the unsorted
        // lane's, which older corpora and full lanes use (`PostLane`).
        try demo.store(id: middle, source: "bluesky", sourceID: "h1", publishedAt: midnight, text: "the clearnote patients said so")
        #expect(try PostDays.middle(of: range, fewest: 0, on: demo.corpus.connection) == middle)
        #expect(try demo.integer("SELECT id FROM posts WHERE source_id = 'h1'") == middle)
        return (demo, middle)
    }

    @Test(arguments: ["clearnote", "patients OR recordings", "clearnote source:bluesky", "source:mastodon", "the", "zzzunmatched"])
    func aPassInHalvesIsTheOnePass(_ text: String) throws {
        let (demo, middle) = try Self.corpus()
        let window = SummaryDemo.year
        let query = try SummaryDemo.compile(text)
        #expect(window.idRange.lowerBound < middle && middle <= window.idRange.upperBound)

        let one = try SummaryBuilder(corpus: demo.corpus, scorer: WordCountScorer(), limits: Self.whole).scan(query, in: window)
        #expect(demo.corpus.helperInterrupts.takeIdle() == nil, "one pass uses no second connection")
        let two = try SummaryBuilder(corpus: demo.corpus, scorer: WordCountScorer(), limits: Self.halved).scan(query, in: window)
        #expect(demo.corpus.helperInterrupts.takeIdle() != nil, "the newer half ran on the second connection")
        #expect(two.ids == one.ids)
        #expect(two.sources == one.sources)
        #expect(two.venues == one.venues)
        #expect(two.voices() == one.voices())
        if text != "zzzunmatched" && text != "source:mastodon" {
            #expect(two.ids.contains(middle), "the post at the divide")
        }
        if text == "the" {
            #expect(two.ids.contains { $0 < middle } && two.ids.contains { $0 > middle }, "both halves hold posts")
            #expect(two.venues.keys.contains { $0.venue == nil }, "a post without a venue in each half")
        }

        let summaryOnce = try SummaryDemo.summary(text, window, in: demo, comparison: .previous, limits: Self.whole)
        let summaryInHalves = try SummaryDemo.summary(text, window, in: demo, comparison: .previous, limits: Self.halved)
        #expect(summaryInHalves == summaryOnce)
    }

    /// Appending renumbers the later pass's sources, venues and authors, which it numbered
    /// in its own order.
    @Test func appendingJoinsCountsOfTextsNumberedApart() throws {
        let demo = try SearchDemo.corpus()
        let connection = demo.corpus.connection
        let window = SummaryDemo.year
        let query = try SummaryDemo.compile("the").combined(with: window.query)
        let ids = try SummaryScan(query, on: connection).ids
        let cut = ids[ids.count / 2]
        var older = query, newer = query
        older.idRange = window.idRange.lowerBound...(cut - 1)
        newer.idRange = cut...window.idRange.upperBound
        var joined = try SummaryScan(older, on: connection)
        let later = try SummaryScan(newer, on: connection)
        joined.append(later)
        let whole = try SummaryScan(query, on: connection)
        #expect(joined.ids == whole.ids)
        #expect(joined.sources == whole.sources)
        #expect(joined.venues == whole.venues)
        #expect(joined.voices() == whole.voices())
        var empty = try SummaryScan(query.combined(with: SummaryDemo.empty.query), on: connection)
        empty.append(whole)
        #expect(empty.voices() == whole.voices() && empty.venues == whole.venues)
    }

    /// A name that is not valid UTF-8 (written by another program) is one voice across the
    /// halves: the later half's names are matched by their bytes, not by their repaired text.
    @Test func aNameThatIsNotUTF8IsOneVoiceAcrossTheHalves() throws {
        let (demo, middle) = try Self.corpus()
        let connection = demo.corpus.connection
        try connection.execute(
            """
            INSERT INTO posts(id, source, source_id, author, venue, published_at, text, import_id, imported_at)
            VALUES (\(middle - (3600 << 20)), 'web', 'u1', CAST(x'6cff' AS TEXT), CAST(x'76ff' AS TEXT), \((middle >> 20) - 3600), 'the bytes', 1, 0),
                   (\(middle + (3600 << 20)), 'web', 'u2', CAST(x'6cff' AS TEXT), CAST(x'76ff' AS TEXT), \((middle >> 20) + 3600), 'the bytes', 1, 0);
            INSERT INTO posts_fts(rowid, title, text) SELECT id, title, text FROM posts WHERE source_id IN ('u1', 'u2');
            """)
        let query = try SummaryDemo.compile("bytes")
        let one = try SummaryBuilder(corpus: demo.corpus, scorer: WordCountScorer(), limits: Self.whole).scan(query, in: SummaryDemo.year)
        let two = try SummaryBuilder(corpus: demo.corpus, scorer: WordCountScorer(), limits: Self.halved).scan(query, in: SummaryDemo.year)
        #expect(one.posts == 2 && one.voices().count == 1)
        #expect(two.voices() == one.voices())
        #expect(two.venues == one.venues)
    }

    /// A Ctrl-C while the older half runs on the corpus's connection stops the newer half too
    /// and the summary, and the next summary is whole.
    @Test func aCtrlCDuringTheOlderHalfStopsTheSummary() throws {
        let (demo, _) = try Self.corpus()
        let connection = demo.corpus.connection
        let builder = SummaryBuilder(corpus: demo.corpus, scorer: WordCountScorer(), limits: Self.halved)
        let request = SummaryRequest(label: "the", query: try SummaryDemo.compile("the"), window: SummaryDemo.year)
        let expected = try builder.summary(for: request)
        // The polls of the statement that finds the divide; the next statement on this
        // connection is the older half's.
        let polls = PollCounter()
        connection.stopWhen { polls.next() >= .max }
        _ = try PostDays.middle(of: SummaryDemo.year.idRange, fewest: 0, on: connection)
        let before = polls.calls
        let stopAt = PollCounter()
        connection.stopWhen { stopAt.next() > before }
        let interruptions = demo.corpus.helperInterrupts.interruptionCount
        #expect {
            try builder.summary(for: request)
        } throws: { Corpus.isInterruption($0) }
        connection.stopWhen(nil)
        #expect(demo.corpus.helperInterrupts.interruptionCount == interruptions + 1, "the older half's failure stopped the newer")
        #expect(try builder.summary(for: request) == expected)
    }

    @Test func theMiddleDividesTheCorpusPostsNearHalf() throws {
        let demo = try SearchDemo.corpus()
        let connection = demo.corpus.connection
        let range = SummaryDemo.year.idRange
        let middle = try #require(try PostDays.middle(of: range, fewest: 0, on: connection))
        let before = try PostDays.posts(inIDs: range.lowerBound...(middle - 1), on: connection)
        let after = try PostDays.posts(inIDs: middle...range.upperBound, on: connection)
        let busiestDay = try #require(try demo.integer("SELECT max(posts) FROM post_days"))
        #expect(abs(before - after) <= Int(busiestDay), "\(before) before, \(after) after")
        #expect(middle % (86_400 << 20) == 0, "a day's first id")
        #expect(try PostDays.middle(of: range, fewest: before + after + 1, on: connection) == nil)
        #expect(try PostDays.middle(of: SummaryDemo.empty.idRange, fewest: 0, on: connection) == nil)
    }
}

/// Counts the calls of `next()` from any thread.
private final class PollCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    /// The calls so far.
    var calls: Int { lock.withLock { count } }

    /// The calls so far, this one included.
    func next() -> Int {
        lock.withLock {
            count += 1
            return count
        }
    }
}
