import BeatCore
import BeatSQLite
import BeatTestSupport
import Testing

/// Every figure of a summary is a count that `count` reproduces.
@Suite struct SummaryCountTests {
    static let queries = ["aurora", "aurora source:reddit", "licences OR chips OR export", "source:hackernews", ""]

    @Test(arguments: queries)
    func everyCountEqualsTheCountOfTheSameQueryAndWindow(_ text: String) throws {
        let corpus = try QueryDemo.corpus()
        let query = try SummaryDemo.compile(text)
        for window in [SummaryDemo.year, SummaryDemo.spring, SummaryDemo.release] {
            let summary = try SummaryDemo.summary(text, window, in: corpus)
            let posts = try SummaryDemo.count(query, window, in: corpus)
            #expect(summary.volume.posts == posts)
            #expect(summary.volume.lastDay == (try SummaryDemo.count(query, window.lastDay, in: corpus)))
            #expect(summary.volume.corpusPosts == (try SummaryDemo.count(CompiledQuery(), window, in: corpus)))

            #expect(summary.sources.map(\.count).reduce(0, +) == posts)
            for source in summary.sources {
                let expected = try SummaryDemo.count(query, window, where: [("source", source.key)], in: corpus)
                #expect(source.count == expected, "\(text) source \(source.key ?? "nil")")
                #expect(abs(source.share - Double(expected) / Double(posts)) < 1e-12)
            }
            #expect(summary.venues.count <= 10)
            for venue in summary.venues {
                let expected = try SummaryDemo.count(
                    query, window, where: [("source", venue.source), ("venue", venue.key)], in: corpus)
                #expect(venue.count == expected, "\(text) venue \(venue.key ?? "nil")")
            }
            #expect(summary.venues.map(\.count) == summary.venues.map(\.count).sorted(by: >))

            #expect(summary.timeline.buckets.first?.start == window.start)
            #expect(summary.timeline.buckets.last?.end == window.end)
            #expect(summary.timeline.buckets.map(\.count).reduce(0, +) == posts)
            for (bucket, next) in zip(summary.timeline.buckets, summary.timeline.buckets.dropFirst()) {
                #expect(bucket.end == next.start)
            }
            for bucket in summary.timeline.buckets {
                let span = SummaryWindow(start: bucket.start, end: bucket.end)
                #expect(bucket.count == (try SummaryDemo.count(query, span, in: corpus)))
                #expect(bucket.corpusCount == (try SummaryDemo.count(CompiledQuery(), span, in: corpus)))
            }

            for term in summary.terms {
                let inBeat = try SummaryDemo.count(query.combined(with: try SummaryDemo.phrase(term.term)), window, in: corpus)
                let inWindow = try SummaryDemo.count(try SummaryDemo.phrase(term.term), window, in: corpus)
                #expect(term.posts == inBeat, "\(text) term \(term.term)")
                #expect(term.otherPosts == inWindow - inBeat, "\(text) term \(term.term)")
                #expect(term.score > 0)
            }

            for voice in summary.voices {
                #expect(voice.posts == (try SummaryDemo.count(query, window, where: [("author", voice.author)], in: corpus)))
                let onSource = try SummaryDemo.count(
                    query, window, where: [("author", voice.author), ("source", voice.source)], in: corpus)
                #expect(onSource * 2 >= voice.posts || onSource > 0, "the source they post on most")
            }
            #expect(summary.voices.map(\.posts) == summary.voices.map(\.posts).sorted(by: >))
        }
    }

    @Test func termsAreDistinctiveWordsAndPhrasesOfTheBeat() throws {
        let corpus = try QueryDemo.corpus()
        let summary = try SummaryDemo.summary("aurora", SummaryDemo.year, in: corpus)
        #expect(!summary.terms.isEmpty)
        #expect(summary.terms.count <= 15)
        #expect(summary.terms.contains { $0.isPhrase })
        #expect(!summary.terms.contains { $0.term == "aurora" }, "the query's own word says nothing")
        for term in summary.terms {
            for word in term.term.split(separator: " ") {
                #expect(!["the", "and", "of", "https", "www"].contains(String(word)))
                #expect(word.contains { $0.isLetter })
            }
            let rest = summary.volume.corpusPosts - summary.volume.posts
            let ratio =
                ((Double(term.posts) + 0.5) / Double(summary.volume.posts + 1))
                / ((Double(term.otherPosts) + 0.5) / Double(rest + 1))
            #expect(ratio >= 1.5, "\(term.term) is used at least 1.5 times as often in the beat")
        }
        #expect(summary.terms.map(\.score) == summary.terms.map(\.score).sorted(by: >))
    }

    @Test func timelineBucketsSuitTheWindow() throws {
        let corpus = try QueryDemo.corpus()
        let expected: [(SummaryWindow, BucketSize)] = [
            (SummaryDemo.release, .hour), (SummaryDemo.spring, .day), (SummaryDemo.year, .week),
            (SummaryWindow(start: SummaryDemo.day(2024, 1, 1), end: SummaryDemo.day(2027, 1, 1)), .month),
        ]
        for (window, size) in expected {
            let timeline = try SummaryDemo.summary("aurora", window, in: corpus).timeline
            #expect(timeline.bucketSize == size)
            for bucket in timeline.buckets.dropFirst() {
                #expect(size.start(of: bucket.start) == bucket.start)
            }
        }
        let year = try SummaryDemo.summary("aurora", SummaryDemo.year, in: corpus).timeline
        #expect(year.buckets.count == 53)
    }

    @Test func weeksStartOnMondayAndMonthsOnTheFirst() {
        let wednesday = SummaryDemo.day(2026, 4, 15) + 13 * 3_600
        #expect(BucketSize.week.start(of: wednesday) == SummaryDemo.day(2026, 4, 13))
        #expect(BucketSize.week.start(of: SummaryDemo.day(2026, 4, 13)) == SummaryDemo.day(2026, 4, 13))
        #expect(BucketSize.week.start(of: SummaryDemo.day(2026, 4, 13) - 1) == SummaryDemo.day(2026, 4, 6))
        #expect(BucketSize.month.start(of: wednesday) == SummaryDemo.day(2026, 4, 1))
        #expect(BucketSize.month.next(after: SummaryDemo.day(2026, 12, 1)) == SummaryDemo.day(2027, 1, 1))
        #expect(BucketSize.day.start(of: wednesday) == SummaryDemo.day(2026, 4, 15))
        #expect(BucketSize.hour.start(of: wednesday + 59) == wednesday)
        #expect(BucketSize.week.start(of: -1) == -3 * 86_400, "1969-12-29 was a Monday")
        let window = SummaryWindow(start: SummaryDemo.day(2026, 4, 15), end: SummaryDemo.day(2026, 5, 2))
        let weeks = window.buckets(of: .week)
        #expect(weeks.map(\.start) == [window.start, SummaryDemo.day(2026, 4, 20), SummaryDemo.day(2026, 4, 27)])
        #expect(weeks.last?.end == window.end)
    }
}
