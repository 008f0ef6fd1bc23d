import BeatCore
import BeatSQLite
import BeatTestSupport
import Foundation
import Testing

@testable import BeatCore

/// The summary's shortcuts for large windows give the figures the plain statements give.
@Suite struct SummaryScaleTests {
    /// The demo corpus's year, which holds its groups of copies (the ClearNote story).
    static let window = SummaryWindow(start: SummaryDemo.day(2025, 11, 17), end: SummaryDemo.day(2026, 11, 23))

    @Test(arguments: ["clearnote", "patients OR recordings", "clearnote source:bluesky", "source:mastodon", "zzzunmatched"])
    func theSpreadSectionIsTheQuerysSpread(_ text: String) throws {
        let demo = try SearchDemo.corpus()
        let query = try QueryCompiler.compile(text, context: QueryDemo.context)
        let summary = try SummaryBuilder(corpus: demo.corpus, scorer: WordCountScorer())
            .summary(for: SummaryRequest(label: text, query: query, window: Self.window))
        let windowed = query.combined(with: Self.window.query)
        let engine = SearchEngine(corpus: demo.corpus)
        let spread = try #require(summary.spread)
        #expect(spread.volume == (try engine.distinctVolume(for: windowed)), "\(text)")
        #expect(spread.groups == (try engine.spreadGroups(for: windowed, limit: 3).filter { $0.matching >= 2 }), "\(text)")
        if text == "patients OR recordings" { #expect(spread.volume.copies > 0 && !spread.groups.isEmpty) }
    }

    @Test func termsCountedOnTwoConnectionsAreCountedAsOnOne() throws {
        let demo = try SearchDemo.corpus()
        let connection = demo.corpus.connection
        let terms = ["patients", "recordings", "vendor", "backup server", "open weights", "zzzunmatched", "the", "model", "chips"]
        for text in ["clearnote OR patients", "patients source:reddit"] {
            let query = try QueryCompiler.compile(text, context: QueryDemo.context)
            let scan = try SummaryScan(query.combined(with: Self.window.query), on: connection)
            let side = CountedSide(query: query, window: Self.window, scan: scan)
            let counter = TermCounter(connection: connection)
            let alone = try terms.map { try counter.counts(of: $0, in: side) }
            #expect(alone.contains { $0.inSide > 0 })
            let opener = demo.corpus.readerOpener()
            let shared = try counter.counts(of: terms, in: side, sharingWith: opener)
            #expect(shared.map { [$0.inSide, $0.inWindow] } == alone.map { [$0.inSide, $0.inWindow] }, "\(text)")
            // A second connection that cannot open leaves every term to this one.
            let failing = HelperOpener { throw CorpusError.missing(path: "nowhere") }
            let unshared = try counter.counts(of: terms, in: side, sharingWith: failing)
            #expect(unshared.map { [$0.inSide, $0.inWindow] } == alone.map { [$0.inSide, $0.inWindow] }, "\(text)")
        }
    }
}
