import BeatCore
import BeatSQLite
import BeatTestSupport
import Testing

/// Empty windows, determinism, the sentiment sample and the bounded samples.
@Suite struct SummaryEdgeTests {
    @Test func anEmptyWindowGivesAnEmptyValidSummary() throws {
        let corpus = try QueryDemo.corpus()
        for text in ["aurora", ""] {
            let summary = try SummaryDemo.summary(text, SummaryDemo.empty, in: corpus, comparison: .previous)
            #expect(summary.volume == SummaryVolume(posts: 0, lastDay: 0, corpusPosts: 0))
            #expect(summary.volume.share == 0)
            #expect(summary.sources.isEmpty && summary.venues.isEmpty && summary.terms.isEmpty)
            #expect(summary.voices.isEmpty && summary.quotes.isEmpty && summary.sentiment == nil)
            #expect(summary.timeline.bucketSize == .day)
            #expect(summary.timeline.buckets.count == 60)
            #expect(summary.timeline.buckets.allSatisfy { $0.count == 0 && $0.corpusCount == 0 && !$0.isBurst })
            #expect(summary.timeline.bursts.isEmpty)
            #expect(summary.comparison?.posts == 0)
        }
        // A window of no length at all, and a reversed one.
        for window in [
            SummaryWindow(start: SummaryDemo.day(2026, 4, 15), end: SummaryDemo.day(2026, 4, 15)),
            SummaryWindow(start: SummaryDemo.day(2026, 4, 16), end: SummaryDemo.day(2026, 4, 15)),
        ] {
            let summary = try SummaryDemo.summary("aurora", window, in: corpus, comparison: .previous)
            #expect(summary.volume.posts == 0 && summary.volume.corpusPosts == 0)
            #expect(summary.timeline.buckets.isEmpty && summary.quotes.isEmpty)
        }
    }

    @Test func summariesAreDeterministic() throws {
        let corpus = try QueryDemo.corpus()
        let first = try SummaryDemo.summary("aurora", SummaryDemo.year, in: corpus, comparison: .previous)
        let second = try SummaryDemo.summary("aurora", SummaryDemo.year, in: corpus, comparison: .previous)
        #expect(first == second)
        // The same data in another file gives the same summary.
        let again = try SummaryDemo.summary("aurora", SummaryDemo.year, in: try QueryDemo.corpus(), comparison: .previous)
        #expect(first == again)
    }

    @Test func sentimentClassifiesEveryPostOfASmallBeat() throws {
        let corpus = try QueryDemo.corpus()
        let query = try SummaryDemo.compile("aurora")
        let summary = try SummaryDemo.summary("aurora", SummaryDemo.year, in: corpus)
        let sentiment = try #require(summary.sentiment)
        #expect(sentiment.sampleSize == 53 && sentiment.population == 53)
        #expect(sentiment.positive + sentiment.neutral + sentiment.critical == sentiment.sampleSize)
        #expect(sentiment.method == "test word counts; all 53 posts of the window")
        // The classes recomputed from the stored posts.
        let ids = query.combined(with: SummaryDemo.year.query).idsSQL()
        var expected: [SentimentClass: Int] = [:]
        for row in try corpus.rows("SELECT title, text FROM posts WHERE id IN (\(ids.sql))", ids.bindings) {
            let title = row[0].stringValue ?? ""
            let text = title.isEmpty ? (row[1].stringValue ?? "") : title + "\n\n" + (row[1].stringValue ?? "")
            expected[WordCountScorer().classify(text), default: 0] += 1
        }
        #expect(sentiment.positive == expected[.positive] ?? 0)
        #expect(sentiment.critical == expected[.critical] ?? 0)
        #expect(sentiment.neutral == expected[.neutral] ?? 0)
    }

    @Test func smallSamplesKeepEveryCountExact() throws {
        let corpus = try QueryDemo.corpus()
        let limits = SummaryLimits(
            sentimentSample: 10, termSample: 8, backgroundSample: 20, quoteSample: 6, burstSample: 3, candidateTerms: 4)
        let summary = try SummaryDemo.summary("aurora", SummaryDemo.year, in: corpus, limits: limits)
        let sentiment = try #require(summary.sentiment)
        #expect(sentiment.sampleSize == 10 && sentiment.population == 53)
        #expect(sentiment.method == "test word counts; 10 of 53 posts, evenly spread over the window in time order")
        #expect(summary.volume.posts == 53)
        let query = try SummaryDemo.compile("aurora")
        for term in summary.terms {
            #expect(
                term.posts == (try SummaryDemo.count(query.combined(with: try SummaryDemo.phrase(term.term)), SummaryDemo.year, in: corpus))
            )
        }
        #expect(summary.quotes.count <= 5)
        for quote in summary.quotes {
            #expect(try SummaryQuoteTests.isVerbatim(quote.text, in: quote.post.id, corpus: corpus))
        }
    }

    @Test func aBeatOfEveryPostHasNoDistinctiveTerms() throws {
        let corpus = try QueryDemo.corpus()
        let summary = try SummaryDemo.summary("", SummaryDemo.year, in: corpus)
        #expect(summary.volume.posts == 341 && summary.volume.share == 1)
        #expect(summary.terms.isEmpty)
        #expect(summary.quotes.count == 5)
    }
}
