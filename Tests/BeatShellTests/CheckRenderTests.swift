import BeatCore
import BeatShell
import BeatTestSupport
import Foundation
import Testing

/// A hand-made fact-check of a small story, one finding of each verdict, rendered in every format.
enum CheckFixtures {
    typealias F = RenderFixtures

    static let story = """
        # Open weights, again

        "The weights are out and they work," said em-bee on r/LocalLLaMA.
        A commenter wrote "it runs at 12 tokens a second on my laptop" and left.

        > 日本語のモデルが公開された

        — 田中太郎, on Hacker News

        Another "quote, nobody ever said" appeared on Bluesky, and "one from before the corpus began"[1].

        [1]: https://example.test/old
        """

    static func quote(
        _ text: String, _ line: Int, _ column: Int, end: Int, kind: QuoteKind = .doubleQuoted, _ attribution: StoryAttribution?
    ) -> StoryQuote {
        StoryQuote(
            text: text, segments: [.text(text)], line: line, column: column, kind: kind, attribution: attribution,
            endLine: line, endColumn: end)
    }

    static let report = CheckReport(
        story: "drafts/open-weights.md",
        findings: [
            verified,
            close,
            CheckFinding(
                quote: quote(
                    "日本語のモデルが公開された", 6, 1, end: 16, kind: .blockQuote,
                    StoryAttribution(author: "田中太郎", source: "reddit", evidence: "— 田中太郎, on Hacker News")),
                verdict: .misattributed, similarity: 1, match: QuoteMatch(post: F.tanaka, passage: "日本語のモデルが公開された"),
                differences: [], conflicts: [AttributionConflict(field: .source, stated: "reddit", recorded: "hackernews")],
                reason: "source: story says reddit, record says hackernews"),
            notFound,
            CheckFinding(
                quote: quote(
                    "one from before the corpus began", 10, 60, end: 94,
                    StoryAttribution(
                        date: StoryDate(text: "March 2019", start: 1_551_398_400, end: 1_554_076_800),  // 2019-03-01 to 2019-04-01
                        reference: StoryReference(
                            marker: "1", url: "https://example.test/old", publicID: nil, text: "https://example.test/old"),
                        evidence: "[1]")),
                verdict: .outsideCoverage, similarity: 0, match: nil, differences: [], conflicts: [],
                reason: "no posts before 2025-11-21 in the corpus"),
        ])

    static let verified: CheckFinding = {
        var finding = CheckFinding(
            quote: quote(
                "The weights are out and they work,", 3, 1, end: 37,
                StoryAttribution(author: "em-bee", source: "reddit", venue: "LocalLLaMA", evidence: "said em-bee on r/LocalLLaMA")),
            verdict: .verified, similarity: 1, match: QuoteMatch(post: F.aurora, passage: "The weights are out and they work"),
            differences: [], conflicts: [], reason: "exact match")
        // Held by a cross-post and an article quoting it, and one more not listed.
        finding.origin = QuoteOrigin(
            post: F.aurora, others: 3, holders: [QuoteHolder(post: crossPost, exact: true), QuoteHolder(post: article, exact: false)])
        return finding
    }()

    /// em-bee's words cross-posted to Mastodon an hour and a half later.
    static let crossPost = PostSummary(
        id: "mastodon:116430000000000001", source: "mastodon", venue: "fosstodon.org", author: "em-bee@fosstodon.org",
        publishedAt: 1_776_250_000,  // 2026-04-15T10:46:40Z
        title: nil, url: "https://fosstodon.org/@em-bee/116430000000000001")

    /// An article quoting them, with an edit, the next day.
    static let article = PostSummary(
        id: "news:2026/04/16/aurora-weights", source: "news", venue: "theregister.com", author: "Lindsay Clark",
        publishedAt: 1_776_330_000,  // 2026-04-16T09:00:00Z
        title: "Aurora's weights are out", url: "https://www.theregister.com/2026/04/16/aurora-weights/")

    static let close: CheckFinding = {
        var finding = CheckFinding(
            quote: quote("it runs at 12 tokens a second on my laptop", 4, 20, end: 64, StoryAttribution(evidence: "A commenter wrote")),
            verdict: .close, similarity: 0.8333333,
            match: QuoteMatch(post: F.rocket, passage: "it runs at 14 tokens a second on my old laptop"),
            differences: [WordDifference(old: "14", new: "12"), WordDifference(old: "old", new: "")], conflicts: [],
            reason: "2 words differ")
        finding.meaningChange = "a number changed: 14 became 12"
        // The words were first posted, edited, the day before, by an account whose name is hostile text.
        finding.origin = QuoteOrigin(post: F.hostile, others: 1, edited: true, holders: [QuoteHolder(post: F.rocket, exact: false)])
        return finding
    }()

    static let notFound: CheckFinding = {
        var finding = CheckFinding(
            quote: quote("quote, nobody ever said", 10, 9, end: 34, StoryAttribution(source: "bluesky", evidence: "appeared on Bluesky")),
            verdict: .notFound, similarity: 0, match: nil, differences: [], conflicts: [],
            reason: "no post in the corpus holds these words or words close to them")
        finding.evidence = "bluesky: 212 posts in the 7 days before 2026-03-03, collected on 7 of 7 days, against a usual 30 a day"
        return finding
    }()

    static let empty = CheckReport(story: "empty.md", findings: [])
}

@Suite struct CheckRenderTests {
    private func text(_ report: CheckReport, _ format: OutputFormat, _ settings: RenderSettings = RenderSettings()) -> String {
        Render.string { Render.check(report, story: CheckFixtures.story, as: format, settings: settings, to: $0) }
    }

    private var directory: String { Golden.directory(besides: #filePath) }

    @Test func everyFormatMatchesItsGoldenFile() {
        for format in OutputFormat.everyCommandFormats {
            let name = format == .table ? "table.txt" : format.rawValue
            Golden.check(text(CheckFixtures.report, format), "check.\(name)", directory: directory)
            Golden.check(text(CheckFixtures.empty, format), "check-empty.\(name)", directory: directory)
        }
        for width in [40, 140] {
            Golden.check(text(CheckFixtures.report, .table, RenderSettings(width: width)), "check.table-\(width).txt", directory: directory)
        }
    }

    /// The JSON document has exactly the documented keys, in order, and its values.
    @Test func jsonHasTheDocumentedShape() throws {
        let document = text(CheckFixtures.report, .json)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(document.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["quotes", "summary"])
        let summary = try #require(object["summary"] as? [String: Int])
        #expect(summary == ["verified": 1, "close": 1, "misattributed": 1, "not_found": 1, "outside_coverage": 1])
        let quotes = try #require(object["quotes"] as? [[String: Any]])
        #expect(quotes.count == 5)
        for quote in quotes {
            #expect(
                Set(quote.keys) == [
                    "quote", "line", "column", "attribution", "verdict", "similarity", "match", "differences", "reason", "evidence",
                    "origin", "meaning_changed", "meaning_change",
                ])
        }
        #expect(document.contains("\"similarity\": 0.833,"))
        #expect(document.contains("\"differences\": [{\"old\": \"14\", \"new\": \"12\"}, {\"old\": \"old\", \"new\": \"\"}]"))
        #expect(document.contains("\"attribution\": {\"author\": null, \"source\": null, \"venue\": null, \"date\": \"2019-03\"}"))
        let match = try #require(quotes[0]["match"] as? [String: Any])
        #expect(Set(match.keys) == ["id", "author", "source", "venue", "published_at", "url", "text"])
        #expect(quotes[3]["match"] is NSNull)
        let origin = try #require(quotes[0]["origin"] as? [String: Any])
        #expect(Set(origin.keys) == ["id", "author", "published_at", "others", "source", "venue", "url", "edited", "holders"])
        let holders = try #require(origin["holders"] as? [[String: Any]])
        #expect(holders.map { $0["id"] as? String } == ["mastodon:116430000000000001", "news:2026/04/16/aurora-weights"])
        #expect(holders.map { $0["exact"] as? Bool } == [true, false])
        #expect(Set(holders[0].keys) == ["id", "source", "venue", "author", "published_at", "url", "exact"])
        // jsonl: the same objects, one per line.
        let lines = text(CheckFixtures.report, .jsonl).split(separator: "\n")
        #expect(lines.count == 5)
        #expect(document.contains(String(lines[1])))
    }

    @Test func verdictsAreColouredOnlyWithColour() {
        let colored = text(CheckFixtures.report, .table, RenderSettings(width: 120, color: true))
        #expect(colored.contains("\u{1B}[32m✓ verified\u{1B}[39m"))
        #expect(colored.contains("\u{1B}[33m≈ close 0.83\u{1B}[39m"))
        #expect(colored.contains("\u{1B}[31m✗ not found\u{1B}[39m"))
        #expect(colored.contains("\u{1B}[36m? outside coverage\u{1B}[39m"))
        #expect(!text(CheckFixtures.report, .table, RenderSettings(width: 120)).contains("\u{1B}"))
    }

    /// The default report: one block per quotation headed `story:line:column  sign verdict`, the whole
    /// quotation, then the record or the coverage evidence; the counts last.
    @Test func tableIsOneBlockPerQuotation() {
        let table = text(CheckFixtures.report, .table, RenderSettings(width: 120))
        let blocks = table.components(separatedBy: "\n\n")
        #expect(blocks.count == 6)
        #expect(blocks[0].hasPrefix("drafts/open-weights.md:3:1  ✓ verified\n    \"The weights are out and they work,\""))
        #expect(blocks[1].hasPrefix("drafts/open-weights.md:4:20  ≈ close 0.83  ‼ meaning changed\n"))
        #expect(blocks[1].contains("    meaning: a number changed: 14 became 12"))
        #expect(blocks[3].contains("    coverage: bluesky: 212 posts in the 7 days before 2026-03-03"))
        #expect(blocks[5] == "1 verified, 1 close, 1 misattributed, 1 not found, 1 outside coverage\n")
        // A long quotation is wrapped whole, never cut.
        var long = CheckFixtures.notFound
        long.quote.text = String(repeating: "every word of a long quotation stays ", count: 8)
        let wrapped = text(CheckReport(story: "s.md", findings: [long]), .table, RenderSettings(width: 60))
        #expect(!wrapped.contains("…"))
        #expect(wrapped.components(separatedBy: "stays").count == 9)
        let lines = wrapped.split(separator: "\n").map(String.init)
        #expect(lines.dropLast().allSatisfy { $0.count <= 60 }, "\(wrapped)")
    }

    /// The annotated story is the story itself with markers added, nothing else changed.
    @Test func markdownKeepsTheStoryAndAddsMarkers() throws {
        let annotated = text(CheckFixtures.report, .md)
        let story = try #require(annotated.components(separatedBy: "\n## Findings\n").first)
        var stripped = story
        for marker in [
            " [✓ verified]", " [≈ close 0.83 ‼ meaning changed]", " [! misattributed]", " [✗ not found]", " [? outside coverage]",
        ] {
            #expect(stripped.contains(marker))
            stripped = stripped.replacingOccurrences(of: marker, with: "")
        }
        #expect(stripped == CheckFixtures.story + "\n")
        #expect(annotated.contains("said,\" [✓ verified] appeared") == false)
        #expect(annotated.contains("they work,\" [✓ verified] said em-bee"))
    }
}
