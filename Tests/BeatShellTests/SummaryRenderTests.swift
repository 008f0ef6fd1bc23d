import BeatCore
import BeatShell
import BeatTestSupport
import Foundation
import Testing

/// One summary fixture, rendered by the public API.
struct SummaryCase: CustomTestStringConvertible, Sendable {
    let name: String
    let summary: BeatSummary
    var testDescription: String { name }

    func text(_ format: OutputFormat, _ settings: RenderSettings = RenderSettings()) -> String {
        Render.string { Render.summary(summary, as: format, settings: settings, to: $0) }
    }

    static let all = [
        SummaryCase(name: "summary", summary: SummaryFixtures.ordinary),
        SummaryCase(name: "summary-compared", summary: SummaryFixtures.compared),
        SummaryCase(name: "summary-empty", summary: SummaryFixtures.empty),
        SummaryCase(name: "summary-hostile", summary: SummaryFixtures.hostile),
    ]
}

@Suite struct SummaryRenderTests {
    typealias S = SummaryFixtures

    /// Every summary in every format (html included), at 80 columns without colour, compared whole.
    @Test(arguments: SummaryCase.all) func everyFormatMatchesItsGoldenFile(_ c: SummaryCase) {
        for format in OutputFormat.allCases {
            Golden.check(c.text(format), "\(c.name).\(format.fileExtension)", directory: goldenDirectory)
        }
    }

    @Test(arguments: SummaryCase.all) func tablesAt40And120Columns(_ c: SummaryCase) {
        for width in [40, 120] {
            Golden.check(c.text(.table, RenderSettings(width: width)), "\(c.name).table-\(width).txt", directory: goldenDirectory)
        }
    }

    /// No line of the table is wider than the terminal (down to the narrowest, 24), and no stored
    /// escape reaches it.
    @Test(arguments: SummaryCase.all) func tablesFitTheirWidthAndHoldNoEscapes(_ c: SummaryCase) {
        for width in [24, 40, 80, 120] {
            let text = c.text(.table, RenderSettings(width: width))
            for line in text.split(separator: "\n") {
                #expect(DisplayWidth.of(String(line)) <= width, "\(width): \(line)")
            }
            #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || (0x7F...0x9F).contains($0.value) })
            #expect(!text.unicodeScalars.contains { (0x202A...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value) })
        }
    }

    /// A quote is cited verbatim: at any width every character of it is on the screen, in order.
    @Test(arguments: [40, 80, 120]) func quotesAreWrappedNeverCut(_ width: Int) {
        func squeezed(_ s: String) -> String { String(s.unicodeScalars.filter { !$0.properties.isWhitespace }.map(Character.init)) }
        let screen = squeezed(SummaryCase.all[0].text(.table, RenderSettings(width: width)))
        for q in S.ordinary.quotes + [S.burstQuote] {
            #expect(screen.contains(squeezed("\"" + q.text + "\"")), "\(width): \(q.text)")
            #expect(screen.contains(squeezed(q.post.id)))
        }
    }

    @Test func headingsAreBoldOnlyWithColour() {
        let plain = SummaryCase.all[1].text(.table)
        let colored = SummaryCase.all[1].text(.table, RenderSettings(color: true))
        #expect(!plain.contains("\u{1B}"))
        #expect(colored.contains("\u{1B}[1mSources\u{1B}[22m\n"))
        #expect(colored.contains("\u{1B}[1mSentiment (estimate)\u{1B}[22m\n"))
        // Colour changes nothing but the bold markers.
        #expect(colored.replacingOccurrences(of: "\u{1B}[1m", with: "").replacingOccurrences(of: "\u{1B}[22m", with: "") == plain)
    }

    @Test func tableNamesTheFiguresAnEditorChecks() {
        let text = SummaryCase.all[1].text(.table).replacingOccurrences(of: "\n", with: " ")
        #expect(
            text.contains(
                "1,234 posts in 30 days (2026-10-22 – 2026-11-20), 19 in the last 24 hours, 4.8% of all 25,880 posts in the corpus."))
        #expect(text.contains(" Volume per day 2026-10-22  posts ▂▂▂▂▂·"))
        #expect(text.contains("▲ 2026-11-02: 198 posts, 5.7× the usual 34.5 per day (score 12.8)"))
        #expect(text.contains("\"open weights\""))
        #expect(text.contains("estimate from a sample of 400 of 1,234 posts (32.4%), scored by lexicon"))
        #expect(text.contains("1,234 posts against 980 (+26%) in 2026-09-22 – 2026-10-21"))
        #expect(text.contains("aurora-70b"))
    }

    /// An empty window on an empty corpus: every section says so, no share divides by zero.
    @Test func emptyWindowSaysSoInEverySection() throws {
        let text = SummaryCase.all[2].text(.table).replacingOccurrences(of: "\n", with: " ")
        #expect(text.contains("No posts in 2 days (2026-11-19 – 2026-11-20); the corpus holds 0 posts in that window."))
        #expect(text.components(separatedBy: "no posts in the window").count - 1 >= 4)
        #expect(text.contains("no estimate: no posts in the window to score"))
        #expect(text.contains("0 posts against 0 (no change) in 2026-11-17 – 2026-11-18"))
        #expect(!text.contains("nan") && !text.contains("inf"))
        let json = try JSONParser.parse(SummaryCase.all[2].text(.json))
        #expect(json["volume"]?["share"]?.double == 0)
        #expect(json["sentiment"] == .null)
        #expect(json["comparison"]?["change"] == .null)
        #expect(json["timeline"]?["buckets"]?.array?.count == 48)
        let html = SummaryCase.all[2].text(.html)
        #expect(html.contains("No posts in the window"))
        #expect(!html.contains("NaN") && !html.contains("Infinity"))
    }

    @Test func jsonHoldsEveryFigureInTheDocumentedOrder() throws {
        let text = SummaryCase.all[1].text(.json)
        #expect(text.filter { $0 == "\n" }.count == 1)
        let doc = try JSONParser.parse(text)
        #expect(
            doc.object?.keys == [
                "label", "query", "window", "volume", "sources", "venues", "timeline", "terms", "voices", "spread", "quotes", "sentiment",
                "comparison", "filters",
            ])
        #expect(doc["spread"]?.object?.keys == ["posts", "distinct_posts", "copies", "groups"])
        #expect(doc["window"]?.object?.keys == ["start", "end"])
        #expect(doc["window"]?["start"]?.string == "2026-10-22T00:00:00Z")
        #expect(doc["volume"]?.object?.keys == ["posts", "last_day", "corpus_posts", "share"])
        #expect(doc["volume"]?["posts"]?.int64 == 1234)
        #expect(doc["sources"]?.array?.first?.object?.keys == ["source", "posts", "share"])
        #expect(doc["venues"]?.array?.last?["venue"] == .null)
        let timeline = try #require(doc["timeline"])
        #expect(timeline.object?.keys == ["bucket_size", "buckets", "bursts"])
        let buckets = try #require(timeline["buckets"]?.array)
        #expect(buckets.count == 30)
        #expect(buckets[11].object?.keys == ["start", "end", "posts", "corpus_posts", "share", "burst"])
        #expect(buckets[11]["posts"]?.int64 == 198 && buckets[11]["burst"]?.bool == true && buckets[10]["burst"]?.bool == false)
        #expect(buckets[11]["corpus_posts"]?.int64 == 980)
        #expect(buckets[11]["share"]?.double == 198.0 / 980)
        let burst = try #require(timeline["bursts"]?.array?.first)
        #expect(burst.object?.keys == ["start", "end", "posts", "baseline", "score", "quote"])
        #expect(burst["quote"]?["id"]?.string == "hackernews:46601122")
        #expect(burst["quote"]?.object?.keys == ["text", "id", "source", "venue", "author", "published_at", "url", "count", "context"])
        let term = try #require(doc["terms"]?.array?.first)
        #expect(term.object?.keys == ["term", "phrase", "posts", "other_posts", "score"])
        #expect(term["phrase"]?.bool == true && term["score"]?.double == 1893.4 && term["other_posts"]?.int64 == 61)
        #expect(doc["voices"]?.array?.count == 4)
        #expect(doc["quotes"]?.array?.map { $0["id"]?.string } == S.ordinary.quotes.map(\.post.id))
        let sentiment = try #require(doc["sentiment"])
        #expect(sentiment.object?.keys == ["kind", "method", "sample_size", "population", "positive", "neutral", "critical"])
        #expect(sentiment["kind"]?.string == "estimate" && sentiment["sample_size"]?.int64 == 400 && sentiment["population"]?.int64 == 1234)
        let comparison = try #require(doc["comparison"])
        #expect(
            comparison.object?.keys == [
                "label", "window", "posts", "change", "uncovered", "rising_terms", "falling_terms", "rising_voices", "falling_voices",
                "new_voices",
            ])
        #expect(comparison["change"]?.double == Double(1234 - 980) / 980)
        #expect(comparison["rising_terms"]?.array?.first?.object?.keys == ["term", "before", "after"])
        #expect(comparison["falling_voices"]?.array?.first?.object?.keys == ["author", "source", "before", "after"])
        #expect(SummaryCase.all[0].text(.json).hasSuffix("\"comparison\": null, \"filters\": null}\n"))
    }

    /// Hostile text survives json as data, exactly.
    @Test func jsonKeepsHostileTextAsData() throws {
        let doc = try JSONParser.parse(SummaryCase.all[3].text(.json))
        #expect(doc["label"]?.string == S.hostile.label)
        #expect(doc["voices"]?.array?.first?["author"]?.string == S.script)
        #expect(doc["quotes"]?.array?.first?["text"]?.string == S.hostile.quotes[0].text)
    }

    @Test func jsonlIsOneSectionItemPerLine() throws {
        let lines = SummaryCase.all[1].text(.jsonl).split(separator: "\n").map(String.init)
        let items = try lines.map { try JSONParser.parse($0) }
        #expect(items.allSatisfy { $0.object?.keys.first == "section" })
        var counts: [String: Int] = [:]
        for item in items { counts[item["section"]?.string ?? "", default: 0] += 1 }
        #expect(
            counts == [
                "volume": 1, "source": 5, "venue": 9, "bucket": 30, "burst": 1, "term": 6, "voice": 4, "spread": 1, "spread_group": 2,
                "quote": 4, "sentiment": 1,
                "comparison": 1, "rising_term": 3, "falling_term": 2, "rising_voice": 1, "falling_voice": 1, "new_voice": 2,
            ])
        let bucket = try #require(items.first { $0["section"]?.string == "bucket" })
        #expect(bucket.object?.keys == ["section", "bucket_size", "start", "end", "posts", "corpus_posts", "share", "burst"])
    }

    @Test func csvIsTheTimelineOneRowPerBucket() {
        let rows = SummaryCase.all[0].text(.csv).components(separatedBy: "\r\n")
        #expect(rows.first == "start,end,posts,corpus_posts,share,burst")
        #expect(rows.count == 32 && rows.last == "")
        #expect(rows[12] == "2026-11-02T00:00:00Z,2026-11-03T00:00:00Z,198,980,\(198.0 / 980),true")
        #expect(
            SummaryCase.all[2].text(.csv).components(separatedBy: "\r\n")[1] == "2026-11-19T00:00:00Z,2026-11-19T01:00:00Z,0,0,0.0,false")
    }

    @Test func markdownCitesQuotesWithLinksAndIds() {
        let md = SummaryCase.all[0].text(.md)
        #expect(md.hasPrefix("## Summary: open-source-ai\n\n1,234 posts in 30 days"))
        #expect(
            md.contains(
                "— pg-fan, hackernews (HN), 2026-11-02, [hackernews:46601122](https://news.ycombinator.com/item?id=46601122) (4 posts say this)"
            ))
        #expect(md.contains("| source | posts | share |"))
        #expect(md.contains("### Sentiment (estimate)"))
        // The query is in a code span, where Markdown shows `<` as written; elsewhere it is escaped.
        let hostile = SummaryCase.all[3].text(.md).replacingOccurrences(of: "`\"</code>\" OR <U+202E>evil`", with: "")
        // Every `<` of stored text is escaped, so no HTML reaches a Markdown renderer.
        #expect(hostile.contains("\\<script>"))
        #expect(
            !hostile.unicodeScalars.indices.contains { i in
                hostile.unicodeScalars[i] == "<"
                    && (i == hostile.unicodeScalars.startIndex || hostile.unicodeScalars[hostile.unicodeScalars.index(before: i)] != "\\")
            })
        #expect(!hostile.contains("](javascript:"))
    }

    @Test func htmlIsWrittenOnlyBySummary() {
        #expect(OutputFormat.html.isWritten(by: "summary"))
        #expect(!OutputFormat.html.isWritten(by: "search"))
        #expect(OutputFormat.everyCommandFormats == [.table, .json, .jsonl, .csv, .md])
        #expect(SummaryCase.all[0].text(.html) == Render.summaryHTML(S.ordinary, settings: RenderSettings()))
    }
}

private let goldenDirectory = Golden.directory(besides: #filePath)
