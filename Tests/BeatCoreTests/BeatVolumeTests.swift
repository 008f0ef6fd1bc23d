import BeatCore
import BeatSQLite
import BeatTestSupport
import Foundation
import Testing

/// A beat's figures and `beat:NAME` are the counts of the queries they stand for.
@Suite struct BeatVolumeTests {
    /// 2026-04-21T00:00:00Z: the demo's Aurora launch week and the week before.
    static let now: Int64 = 1_776_729_600

    private func count(_ text: String, sessionFilters: String = "", in corpus: TemporaryCorpus) throws -> Int {
        let context = try BeatStore(corpus: corpus.corpus).queryContext(now: Self.now)
        let query = try QueryCompiler.compile(text, sessionFilters: sessionFilters, context: context)
        return Int(try corpus.corpus.connection.scalar(query.countSQL().sql, query.countSQL().bindings)?.int64Value ?? -1)
    }

    @Test(arguments: [
        ("aurora OR \"open weights\"", ["", "source:reddit", "-source:news since:2026-04-01", "licence", "apache OR mit"]),
        ("chip* -source:news", ["", "since:30d", "in:LocalLLaMA", "export"]),
        ("since:2026-04-01 until:2026-06-30", ["", "sepsis"]),
    ])
    func beatCountsEqualItsQueryAloneAndCombined(_ query: String, _ others: [String]) throws {
        let corpus = try QueryDemo.corpus()
        try BeatStore(corpus: corpus.corpus).add("topic", query: query, now: Self.now)
        for other in others {
            let expected = try count("\(query) \(other)", in: corpus)
            #expect(try count("beat:topic \(other)", in: corpus) == expected, "beat:topic \(other)")
            #expect(try count("\(other) beat:topic", in: corpus) == expected, "\(other) beat:topic")
            for session in ["source:reddit", "since:14d"] {
                #expect(
                    try count("beat:topic \(other)", sessionFilters: session, in: corpus)
                        == count("\(query) \(other)", sessionFilters: session, in: corpus), "[\(session)] beat:topic \(other)")
            }
        }
        #expect(try count("beat:topic", in: corpus) > 0)
    }

    @Test func everyFigureIsTheCountOfItsSpan() throws {
        let corpus = try QueryDemo.corpus()
        let store = BeatStore(corpus: corpus.corpus)
        try store.add("aurora", query: "aurora OR \"open weights\"", now: Self.now)
        try store.add("quiet", query: "carbonara", now: Self.now)
        for filters in ["", "source:reddit"] {
            for report in try store.reports(sessionFilters: filters, now: Self.now) {
                let name = report.beat.name
                let v = report.volume
                #expect(v.lastDay == (try count("beat:\(name) since:24h", sessionFilters: filters, in: corpus)))
                #expect(v.lastWeek == (try count("beat:\(name) since:7d", sessionFilters: filters, in: corpus)))
                #expect(v.previousWeek == (try count("beat:\(name) since:14d -since:7d", sessionFilters: filters, in: corpus)))
                #expect(v.total == (try count("beat:\(name)", sessionFilters: filters, in: corpus)))
                // The two weeks are the fortnight, split without overlap.
                #expect(v.lastWeek + v.previousWeek == (try count("beat:\(name) since:14d", sessionFilters: filters, in: corpus)))
            }
        }
        let aurora = try store.report("aurora", now: Self.now).volume
        #expect(aurora.lastWeek > 0 && aurora.previousWeek > 0)
        #expect(aurora.trendPercent == Int((Double(aurora.lastWeek - aurora.previousWeek) * 100 / Double(aurora.previousWeek)).rounded()))
        let description = try store.report("aurora", now: Self.now).description
        #expect(description == "posts matching aurora OR \"open weights\"", "\(description)")
    }

    @Test func trendIsSignedAndNewWithoutAPreviousWeek() {
        #expect(BeatVolume(lastDay: 0, lastWeek: 5, previousWeek: 4, total: 9).trendLabel == "+25%")
        #expect(BeatVolume(lastDay: 0, lastWeek: 3, previousWeek: 5, total: 9).trendLabel == "-40%")
        #expect(BeatVolume(lastDay: 0, lastWeek: 4, previousWeek: 4, total: 9).trendLabel == "0%")
        #expect(BeatVolume(lastDay: 0, lastWeek: 2, previousWeek: 3, total: 9).trendPercent == -33)
        let fresh = BeatVolume(lastDay: 1, lastWeek: 3, previousWeek: 0, total: 3)
        #expect(fresh.trendPercent == nil && fresh.trendLabel == "new")
        #expect(BeatVolume(lastDay: 0, lastWeek: 0, previousWeek: 0, total: 3).trendLabel == "-")
    }
}
