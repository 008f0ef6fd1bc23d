import BeatCore
import BeatSQLite
import BeatTestSupport
import Foundation
import Testing

/// Builds the quotations the checker is given, as a story's extractor would.
enum CheckQuotes {
    /// A quotation of `text`, split at `...`/`…` (omissions) and `[…]` (editorial insertions).
    static func quote(_ text: String, _ attribution: StoryAttribution? = nil, line: Int = 1) -> StoryQuote {
        var segments: [QuoteSegment] = []
        var current = ""
        var rest = Substring(text)
        func flush() {
            if !current.trimmingCharacters(in: .whitespaces).isEmpty { segments.append(.text(current)) }
            current = ""
        }
        while let first = rest.first {
            if rest.hasPrefix("...") || first == "…" {
                flush()
                segments.append(.omission)
                rest = rest.hasPrefix("...") ? rest.dropFirst(3) : rest.dropFirst()
            } else if first == "[", let close = rest.firstIndex(of: "]") {
                flush()
                segments.append(.editorial(String(rest[rest.index(after: rest.startIndex)..<close])))
                rest = rest[rest.index(after: close)...]
            } else {
                current.append(first)
                rest = rest.dropFirst()
            }
        }
        flush()
        return StoryQuote(text: text, segments: segments, line: line, column: 1, kind: .doubleQuoted, attribution: attribution)
    }

    static func said(
        author: String? = nil, source: String? = nil, venue: String? = nil, date: StoryDate? = nil,
        reference: StoryReference? = nil
    ) -> StoryAttribution {
        StoryAttribution(author: author, source: source, venue: venue, date: date, reference: reference, evidence: "test")
    }

    /// The span of one UTC day.
    static func day(_ year: Int, _ month: Int, _ day: Int) -> StoryDate {
        let start = CivilTime.seconds(year: year, month: month, day: day) ?? 0
        return StoryDate(text: String(format: "%04d-%02d-%02d", year, month, day), start: start, end: start + 86_400)
    }

    /// The span of one UTC month.
    static func month(_ year: Int, _ month: Int) -> StoryDate {
        let start = CivilTime.seconds(year: year, month: month, day: 1) ?? 0
        let end =
            month == 12 ? CivilTime.seconds(year: year + 1, month: 1, day: 1) : CivilTime.seconds(year: year, month: month + 1, day: 1)
        return StoryDate(text: String(format: "%04d-%02d", year, month), start: start, end: end ?? start)
    }
}

/// `QuoteChecker` on the demo corpus, one rule at a time. Each passage is
/// checked to be verbatim with SQLite's `instr` on the stored text or title.
@Suite struct QuoteCheckerTests {
    let demo: TemporaryCorpus
    let checker: QuoteChecker

    init() throws {
        demo = try SearchDemo.corpus()
        checker = try QuoteChecker(corpus: demo.corpus)
    }

    /// True when `passage` is a substring of the stored text or title of the post `id` (`source:source_id`).
    func isVerbatim(_ passage: String, in id: String) throws -> Bool {
        let parts = id.split(separator: ":", maxSplits: 1).map(String.init)
        let found = try demo.integer(
            "SELECT instr(text, ?1) > 0 OR instr(coalesce(title, ''), ?1) > 0 FROM posts WHERE source = ?2 AND source_id = ?3",
            [.text(passage), .text(parts[0]), .text(parts[1])])
        return found == 1
    }

    func check(_ text: String, _ attribution: StoryAttribution? = nil) throws -> CheckFinding {
        try checker.check(CheckQuotes.quote(text, attribution))
    }

    @Test func verbatimQuoteIsVerified() throws {
        let finding = try check("Perplexity on short wiki chunks catches neither.")
        #expect(finding.verdict == .verified)
        #expect(finding.similarity == 1)
        #expect(finding.match?.post.id == "reddit:nql016r")
        #expect(finding.match?.passage == "Perplexity on short wiki chunks catches neither")
        #expect(try isVerbatim(finding.match?.passage ?? "", in: "reddit:nql016r"))
    }

    @Test func caseQuoteMarksDashesAndApostrophesAreFolded() throws {
        // Stored: `"my Q4_K_M of model X has lower perplexity than the popular uploader's"` and `Don't forget packaging.`
        let finding = try check("MY q4_k_m of model x has lower perplexity than the popular uploader’s")
        #expect(finding.verdict == .verified)
        #expect(finding.match?.post.id == "reddit:1p49idc")
        let apostrophe = try check("Don’t forget packaging — CoWoS capacity was the real bottleneck")
        #expect(apostrophe.verdict == .verified)
        #expect(apostrophe.match?.passage == "Don't forget packaging. CoWoS capacity was the real bottleneck")
        #expect(try isVerbatim(apostrophe.match?.passage ?? "", in: "reddit:nr26tq0"))
    }

    @Test func diacriticsFoldAsTheIndexFoldsThem() throws {
        let finding = try check("Thé shield was always ovèrrated as a deterrent")
        #expect(finding.verdict == .verified)
        #expect(finding.match?.post.id == "reddit:nr1oj5p")
    }

    @Test func accentsAndGuillemetsAreFoldedAndThePassageKeepsThem() throws {
        // Stored: `Eso sí, que no nos vendan «código abierto»: sin …`
        let finding = try check("eso si, que no nos vendan \"codigo abierto\"")
        #expect(finding.verdict == .verified)
        #expect(finding.match?.passage == "Eso sí, que no nos vendan «código abierto")
        #expect(try isVerbatim(finding.match?.passage ?? "", in: finding.match?.post.id ?? ""))
    }

    @Test func omissionMatchesWordsLeftOutInOrder() throws {
        let finding = try check(
            "The shield was always overrated ... nobody in Beijing is making the Taiwan decision based on TSMC's quarterly report.")
        #expect(finding.verdict == .verified)
        #expect(finding.match?.post.id == "reddit:nr1oj5p")
        #expect(try isVerbatim(finding.match?.passage ?? "", in: "reddit:nr1oj5p"))
        #expect(finding.match?.passage.contains("Deterrence comes from the US") == true)
        // The same runs out of order are not the post.
        let reversed = try check("nobody in Beijing is making the Taiwan decision ... The shield was always overrated")
        #expect(reversed.verdict != .verified)
    }

    @Test func editorialInsertionStandsForAnyWords() throws {
        let finding = try check("[Rust] isn't a free upgrade for every developer, and teams should plan for that")
        #expect(finding.verdict == .verified)
        #expect(finding.match?.post.id == "reddit:nrk7iq8")
        let inside = try check("Splitting into more crates helped a lot ... [incremental] builds are fine now")
        #expect(inside.verdict == .verified)
    }

    @Test func aChangedWordIsCloseWithTheDifference() throws {
        let finding = try check("Splitting into more crates helped a great deal, for what it's worth.")
        #expect(finding.verdict == .close)
        #expect(finding.similarity < 1 && finding.similarity >= QuoteChecker.closeThreshold)
        #expect(finding.match?.post.id == "reddit:nrjyctc")
        #expect(
            finding.differences == [WordDifference(old: "a lot", new: "a great deal")]
                || finding.differences == [WordDifference(old: "lot", new: "great deal")])
        #expect(try isVerbatim(finding.match?.passage ?? "", in: "reddit:nrjyctc"))
    }

    @Test func droppedWordsWithoutAnEllipsisAreClose() throws {
        let finding = try check("Incremental builds are fine now; clean builds are still slow.")
        #expect(finding.verdict == .close)
        #expect(finding.differences == [WordDifference(old: "in CI", new: "")])
    }

    @Test func inventedQuoteIsNotFound() throws {
        let finding = try check(
            "Our quarterly llama budget was spent entirely on artisanal spreadsheets", CheckQuotes.said(source: "reddit"))
        #expect(finding.verdict == .notFound)
        #expect(finding.match == nil)
        #expect(finding.similarity == 0)
    }

    @Test func wrongAuthorIsMisattributedEvenWhenTheTextIsExact() throws {
        let finding = try check("Perplexity on short wiki chunks catches neither.", CheckQuotes.said(author: "tensor_tamer"))
        #expect(finding.verdict == .misattributed)
        #expect(finding.similarity == 1)
        #expect(finding.conflicts == [AttributionConflict(field: .author, stated: "tensor_tamer", recorded: "gguf_goblin")])
    }

    @Test func closeTextWithAWrongAuthorIsMisattributed() throws {
        let finding = try check(
            "Splitting into more crates helped a great deal, for what it's worth.", CheckQuotes.said(author: "rustacean_rita"))
        #expect(finding.verdict == .misattributed)
        #expect(finding.similarity < 1)
        #expect(!finding.differences.isEmpty)
        #expect(finding.conflicts.map(\.field) == [.author])
    }

    @Test func authorFormsAgree() throws {
        let text = "the AI triage tool that bumps suspected bleeds to the top of my worklist is genuinely great"
        for author in ["radgirl", "@radgirl", "@radgirl.bsky.social", "RadGirl.bsky.social"] {
            #expect(try check(text, CheckQuotes.said(author: author, source: "bluesky")).verdict == .verified, "\(author)")
        }
        let reddit = "Perplexity on short wiki chunks catches neither."
        for author in ["u/gguf_goblin", "/u/GGUF_goblin"] {
            #expect(try check(reddit, CheckQuotes.said(author: author)).verdict == .verified, "\(author)")
        }
        let mastodon = "open weights without the training data is a binary blob with a nicer README"
        for author in ["ines", "@ines@fosstodon.org"] {
            #expect(try check(mastodon, CheckQuotes.said(author: author, source: "mastodon")).verdict == .verified, "\(author)")
        }
    }

    @Test func venueAndSourceAreCompared() throws {
        let text = "Perplexity on short wiki chunks catches neither."
        #expect(try check(text, CheckQuotes.said(source: "reddit", venue: "r/localllama")).verdict == .verified)
        let venue = try check(text, CheckQuotes.said(venue: "r/MachineLearning"))
        #expect(venue.verdict == .misattributed)
        #expect(venue.conflicts == [AttributionConflict(field: .venue, stated: "r/MachineLearning", recorded: "LocalLLaMA")])
        let source = try check(text, CheckQuotes.said(source: "hackernews"))
        #expect(source.conflicts == [AttributionConflict(field: .source, stated: "hackernews", recorded: "reddit")])
    }

    @Test func datesAllowADayForTimeZones() throws {
        // Posted 2025-11-24T15:58:07Z.
        let text = "Perplexity on short wiki chunks catches neither."
        #expect(try check(text, CheckQuotes.said(date: CheckQuotes.day(2025, 11, 24))).verdict == .verified)
        #expect(try check(text, CheckQuotes.said(date: CheckQuotes.day(2025, 11, 25))).verdict == .verified)
        #expect(try check(text, CheckQuotes.said(date: CheckQuotes.month(2025, 11))).verdict == .verified)
        let wrong = try check(text, CheckQuotes.said(date: CheckQuotes.day(2025, 11, 27)))
        #expect(wrong.verdict == .misattributed)
        #expect(wrong.conflicts == [AttributionConflict(field: .date, stated: "2025-11-27", recorded: "2025-11-24")])
    }

    @Test func unknownSourceOrVenueIsOutsideCoverage() throws {
        let invented = "The committee will publish its findings on the harbour dredging next spring"
        let source = try check(invented, CheckQuotes.said(source: "threads"))
        #expect(source.verdict == .outsideCoverage)
        #expect(source.reason == "the corpus holds no posts from Threads")
        #expect(source.evidence == "Threads: no posts in the corpus")
        let venue = try check(invented, CheckQuotes.said(venue: "r/AskHistorians"))
        #expect(venue.verdict == .outsideCoverage)
        // An outlet named without its domain ending is covered: not found there.
        #expect(try check(invented, CheckQuotes.said(venue: "Reuters")).verdict == .notFound)
    }

    @Test func dateOutsideTheSourcesSpanIsOutsideCoverage() throws {
        let invented = "The committee will publish its findings on the harbour dredging next spring"
        let early = try check(invented, CheckQuotes.said(source: "bluesky", date: CheckQuotes.month(2024, 3)))
        #expect(early.verdict == .outsideCoverage)
        #expect(early.reason.contains("the corpus did not collect bluesky posts from 2024-03-01 to 2024-03-31"))
        #expect(early.evidence?.hasPrefix("bluesky: 0 posts from 2024-03-01 to 2024-03-31, collected on 0 of 31 days") == true)
        let inside = try check(invented, CheckQuotes.said(source: "bluesky", date: CheckQuotes.month(2026, 3)))
        #expect(inside.verdict != .verified && inside.verdict != .close)
        #expect(inside.evidence?.hasPrefix("bluesky: ") == true)
    }

    @Test func quoteWithoutWordsIsNotFound() throws {
        let finding = try check("— !!! —")
        #expect(finding.verdict == .notFound)
    }

    @Test func hostileTextIsOnlyWords() throws {
        for text in ["\"AND\" OR (", "NEAR(a b) * title:", "x\" OR \"y", "\u{0}drop"] {
            _ = try check(text)
        }
    }
}
