import BeatSQLite
import BeatTestSupport
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

    @Test(arguments: ["clearnote", "patients OR recordings", "clearnote source:bluesky", "source:mastodon", "the", "zzzunmatched"])
    func aPassInHalvesIsTheOnePass(_ text: String) throws {
        let demo = try SearchDemo.corpus()
        let window = SummaryDemo.year
        let query = try SummaryDemo.compile(text)
        // The window divides inside itself, so the halved pass really is two.
        let middle = try #require(try PostDays.middle(of: window.idRange, fewest: 0, on: demo.corpus.connection))
        #expect(window.idRange.lowerBound < middle && middle <= window.idRange.upperBound)

        let one = try SummaryBuilder(corpus: demo.corpus, scorer: WordCountScorer(), limits: Self.whole).scan(query, in: window)
        let two = try SummaryBuilder(corpus: demo.corpus, scorer: WordCountScorer(), limits: Self.halved).scan(query, in: window)
        #expect(two.ids == one.ids)
        #expect(two.sources == one.sources)
        #expect(two.venues == one.venues)
        #expect(two.voices() == one.voices())
        if text == "the" {
            #expect(one.ids.contains { $0 < middle } && one.ids.contains { $0 >= middle }, "both halves hold posts")
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

    /// A Ctrl-C while the older half runs on the corpus's connection stops the summary, and
    /// the next summary is whole.
    @Test func aCtrlCDuringTheHalvesStopsTheSummary() throws {
        let demo = try SearchDemo.corpus()
        let builder = SummaryBuilder(corpus: demo.corpus, scorer: WordCountScorer(), limits: Self.halved)
        let request = SummaryRequest(label: "the", query: try SummaryDemo.compile("the"), window: SummaryDemo.year)
        let expected = try builder.summary(for: request)
        let interrupter = demo.corpus.interrupter
        demo.corpus.connection.stopWhen {
            interrupter.interrupt()
            return true
        }
        #expect {
            try builder.summary(for: request)
        } throws: { Corpus.isInterruption($0) }
        demo.corpus.connection.stopWhen(nil)
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
