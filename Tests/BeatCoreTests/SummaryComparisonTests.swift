import BeatCore
import BeatSQLite
import BeatTestSupport
import Testing

/// `--vs previous` and `--vs BEAT`: the other side's figures are its own counts.
@Suite struct SummaryComparisonTests {
    /// Checks every figure of `comparison` against counts of `otherQuery` in `otherWindow`.
    static func expectCounts(
        _ summary: BeatSummary, query: CompiledQuery, otherQuery: CompiledQuery, otherWindow: SummaryWindow,
        corpus: TemporaryCorpus
    ) throws {
        let comparison = try #require(summary.comparison)
        let window = summary.window
        #expect(comparison.window == otherWindow)
        #expect(comparison.posts == (try SummaryDemo.count(otherQuery, otherWindow, in: corpus)))
        for change in comparison.risingTerms + comparison.fallingTerms {
            let term = try SummaryDemo.phrase(change.term)
            #expect(change.after == (try SummaryDemo.count(query.combined(with: term), window, in: corpus)), "\(change.term)")
            #expect(change.before == (try SummaryDemo.count(otherQuery.combined(with: term), otherWindow, in: corpus)), "\(change.term)")
        }
        let here = Double(max(summary.volume.posts, 1)), there = Double(max(comparison.posts, 1))
        for change in comparison.risingTerms { #expect(Double(change.after) / here > Double(change.before) / there) }
        for change in comparison.fallingTerms { #expect(Double(change.after) / here < Double(change.before) / there) }
        for voice in comparison.risingVoices + comparison.fallingVoices {
            #expect(voice.after == (try SummaryDemo.count(query, window, where: [("author", voice.author)], in: corpus)))
            #expect(voice.before == (try SummaryDemo.count(otherQuery, otherWindow, where: [("author", voice.author)], in: corpus)))
        }
        for voice in comparison.risingVoices { #expect(voice.before > 0 && voice.after > voice.before) }
        for voice in comparison.fallingVoices { #expect(voice.after < voice.before) }
        for voice in comparison.newVoices {
            #expect(voice.posts == (try SummaryDemo.count(query, window, where: [("author", voice.author)], in: corpus)))
            #expect(try SummaryDemo.count(otherQuery, otherWindow, where: [("author", voice.author)], in: corpus) == 0)
        }
    }

    @Test func thePreviousWindowIsTheSameQueryJustBefore() throws {
        let corpus = try QueryDemo.corpus()
        let window = SummaryWindow(start: SummaryDemo.day(2026, 7, 28), end: SummaryDemo.day(2026, 11, 25))
        let summary = try SummaryDemo.summary("aurora", window, in: corpus, comparison: .previous)
        let previous = SummaryWindow(start: SummaryDemo.day(2026, 3, 30), end: window.start)
        let query = try SummaryDemo.compile("aurora")
        try Self.expectCounts(summary, query: query, otherQuery: query, otherWindow: previous, corpus: corpus)
        let comparison = try #require(summary.comparison)
        #expect(comparison.label == "previous 120 days (2026-03-30 – 2026-07-27)")
        #expect(!comparison.risingTerms.isEmpty && !comparison.fallingTerms.isEmpty)
        #expect(!comparison.newVoices.isEmpty)
    }

    @Test func anotherBeatIsComparedInTheSameWindow() throws {
        let corpus = try QueryDemo.corpus()
        let other = try SummaryDemo.compile("licences OR chips OR export")
        let request = SummaryRequest(
            label: "aurora", query: try SummaryDemo.compile("aurora"), window: SummaryDemo.year,
            comparison: .other(label: "beat chips", query: other))
        let summary = try SummaryBuilder(corpus: corpus.corpus, scorer: WordCountScorer()).summary(for: request)
        try Self.expectCounts(
            summary, query: request.query, otherQuery: other, otherWindow: SummaryDemo.year, corpus: corpus)
        let comparison = try #require(summary.comparison)
        #expect(comparison.label == "beat chips")
        #expect(comparison.posts == 36)
        #expect(!comparison.risingTerms.isEmpty && !comparison.fallingTerms.isEmpty)
    }

    @Test func anEmptyOtherSideMakesEveryVoiceNew() throws {
        let corpus = try QueryDemo.corpus()
        // The window before the demo corpus begins holds nothing.
        let summary = try SummaryDemo.summary("aurora", SummaryDemo.year, in: corpus, comparison: .previous)
        let query = try SummaryDemo.compile("aurora")
        try Self.expectCounts(
            summary, query: query, otherQuery: query, otherWindow: SummaryDemo.year.previous, corpus: corpus)
        let comparison = try #require(summary.comparison)
        #expect(comparison.posts == 0)
        #expect(comparison.fallingTerms.isEmpty && comparison.risingVoices.isEmpty && comparison.fallingVoices.isEmpty)
        #expect(comparison.newVoices == Array(summary.voices.prefix(10)))
        #expect(comparison.risingTerms.first?.term == "70b", "the biggest rise first: \(comparison.risingTerms.map(\.term))")
    }
}
