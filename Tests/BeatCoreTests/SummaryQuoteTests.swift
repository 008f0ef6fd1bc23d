import BeatCore
import BeatSQLite
import BeatTestSupport
import Testing

/// Quotes are verbatim, attributed, central and different from each other;
/// bursts are where the demo corpus's news happened.
@Suite struct SummaryQuoteTests {
    /// Whether `text` is a substring of the stored text of the post with public id `id`.
    static func isVerbatim(_ text: String, in id: String, corpus: TemporaryCorpus) throws -> Bool {
        guard let colon = id.firstIndex(of: ":") else { return false }
        let found = try corpus.integer(
            "SELECT instr(text, ?1) > 0 FROM posts WHERE source = ?2 AND source_id = ?3",
            [.text(text), .text(String(id[..<colon])), .text(String(id[id.index(after: colon)...]))])
        return found == 1
    }

    /// The lower-cased words of a quote, for an independent near-duplicate check.
    static func words(_ text: String) -> Set<Substring> {
        Set(text.lowercased().split { !$0.isLetter && !$0.isNumber })
    }

    @Test(arguments: ["aurora", "licences OR chips OR export", "fda", "source:mastodon"])
    func everyQuoteIsVerbatimAndTheyDiffer(_ text: String) throws {
        let corpus = try QueryDemo.corpus()
        let summary = try SummaryDemo.summary(text, SummaryDemo.year, in: corpus)
        #expect(summary.quotes.count == 5, "\(text)")
        let all = summary.quotes + summary.timeline.bursts.compactMap(\.quote)
        for quote in all {
            #expect(try Self.isVerbatim(quote.text, in: quote.post.id, corpus: corpus), "\(quote.text)")
            for other in quote.alsoIn {
                #expect(try Self.isVerbatim(quote.text, in: other, corpus: corpus), "\(quote.text) in \(other)")
            }
            #expect(quote.count == 1 + quote.alsoIn.count)
            #expect(quote.post.author != nil && !quote.post.source.isEmpty && quote.post.publishedAt > 0)
            #expect(SummaryDemo.year.contains(quote.post.publishedAt))
        }
        let quotes = summary.quotes
        #expect(Set(quotes.map(\.post.id)).count == quotes.count, "one quote per post")
        for (i, a) in quotes.enumerated() {
            for b in quotes[(i + 1)...] {
                let x = Self.words(a.text), y = Self.words(b.text)
                let overlap = Double(x.intersection(y).count) / Double(max(1, x.union(y).count))
                #expect(overlap < 0.5, "near-duplicates: \(a.text) / \(b.text)")
            }
        }
    }

    @Test func quotesComeFromTheBeatsPostsInTheWindow() throws {
        let corpus = try QueryDemo.corpus()
        let query = try SummaryDemo.compile("aurora")
        let summary = try SummaryDemo.summary("aurora", SummaryDemo.spring, in: corpus)
        let ids = query.combined(with: SummaryDemo.spring.query).idsSQL()
        for quote in summary.quotes + summary.timeline.bursts.compactMap(\.quote) {
            let colon = try #require(quote.post.id.firstIndex(of: ":"))
            let inBeat = try corpus.integer(
                "SELECT count(*) FROM posts p WHERE p.id IN (\(ids.sql)) AND p.source = ? AND p.source_id = ?",
                ids.bindings + [.text(String(quote.post.id[..<colon])), .text(String(quote.post.id[quote.post.id.index(after: colon)...]))])
            #expect(inBeat == 1, "\(quote.post.id)")
        }
    }

    @Test func theDemoCorpusBurstsAreFound() throws {
        let corpus = try QueryDemo.corpus()
        func burstStarts(_ text: String, _ window: SummaryWindow) throws -> [Int64] {
            try SummaryDemo.summary(text, window, in: corpus).timeline.bursts.map(\.start)
        }
        let day = SummaryDemo.day
        // The Aurora-70B release (2026-04-15) and its licence change (2026-09-03), by week.
        let aurora = try burstStarts("aurora", SummaryDemo.year)
        #expect(aurora.contains(day(2026, 4, 13)))
        #expect(aurora.contains(day(2026, 8, 31)))
        // The data-centre licence rule of 2026-01-22.
        #expect(try burstStarts("licences OR chips OR export", SummaryDemo.year).contains(day(2026, 1, 19)))
        // The FDA authorisation of 2026-02-10.
        #expect(try burstStarts("fda", SummaryDemo.year).contains(day(2026, 2, 9)))
        // By day, the release day itself.
        #expect(try burstStarts("aurora", SummaryDemo.spring).contains(day(2026, 4, 15)))

        let summary = try SummaryDemo.summary("aurora", SummaryDemo.year, in: corpus)
        for burst in summary.timeline.bursts {
            let bucket = try #require(summary.timeline.buckets.first { $0.start == burst.start })
            #expect(bucket.isBurst && bucket.count == burst.count && bucket.end == burst.end)
            #expect(Double(burst.count) > burst.baseline && burst.score >= 3.5 && burst.count >= 5)
            let quote = try #require(burst.quote)
            #expect(quote.post.publishedAt >= burst.start && quote.post.publishedAt < burst.end)
        }
        #expect(summary.timeline.buckets.filter(\.isBurst).count == summary.timeline.bursts.count)
    }
}
