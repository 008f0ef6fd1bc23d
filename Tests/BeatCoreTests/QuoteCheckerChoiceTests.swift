import BeatCore
import BeatTestSupport
import Foundation
import Testing

/// Which record a quotation held by several posts is matched to: the one a
/// footnote names, else the earliest agreeing with the story, else the earliest.
@Suite struct QuoteCheckerChoiceTests {
    static let sentence = "The harbour authority quietly doubled the dredging budget last spring."
    let corpus: TemporaryCorpus
    let checker: QuoteChecker

    init() throws {
        corpus = try TemporaryCorpus()
        let lines = [
            #"{"id": "a1", "source": "reddit", "venue": "ports", "author": "alice", "published_at": "2026-01-01T10:00:00Z", "text": "Cross-posting this. \#(Self.sentence) Nobody noticed.", "url": "https://www.reddit.com/r/ports/comments/a1/"}"#,
            #"{"id": "b2", "source": "bluesky", "venue": "bsky.social", "author": "bob.bsky.social", "published_at": "2026-01-02T10:00:00Z", "text": "\#(Self.sentence)", "url": "https://bsky.app/profile/bob.bsky.social/post/b2"}"#,
            #"{"id": "c3", "source": "hackernews", "venue": "HN", "author": "carol", "published_at": "2026-01-03T10:00:00Z", "text": "Quoting the thread: \#(Self.sentence)", "url": "https://news.ycombinator.com/item?id=c3"}"#,
            #"{"id": "d4", "source": "reddit", "venue": "ports", "author": "dave", "published_at": "2026-01-04T10:00:00Z", "text": "A different post about cranes and tides.", "url": "https://www.reddit.com/r/ports/comments/d4/"}"#,
        ]
        let path = try corpus.write("posts.jsonl", lines.joined(separator: "\n") + "\n")
        #expect(try corpus.importFiles([path]).summary.added == 4)
        checker = try QuoteChecker(corpus: corpus.corpus)
    }

    func check(_ attribution: StoryAttribution?) throws -> CheckFinding {
        try checker.check(CheckQuotes.quote(Self.sentence, attribution))
    }

    func reference(id: String? = nil, url: String? = nil) -> StoryAttribution {
        CheckQuotes.said(reference: StoryReference(marker: "1", url: url, publicID: id, text: id ?? url ?? ""))
    }

    @Test func withoutAttributionTheEarliestPost() throws {
        let finding = try check(nil)
        #expect(finding.verdict == .verified)
        #expect(finding.match?.post.id == "reddit:a1")
        #expect(finding.match?.passage == Self.sentence.replacingOccurrences(of: ".", with: ""))
    }

    @Test func aRepostCreditedToTheReposterNamesTheOrigin() throws {
        // bob's Bluesky post repeats alice's sentence: the words are alice's.
        let finding = try check(CheckQuotes.said(author: "@bob", source: "bluesky"))
        #expect(finding.verdict == .misattributed)
        #expect(finding.match?.post.id == "reddit:a1")
        #expect(finding.origin?.post.id == "reddit:a1")
        #expect((finding.origin?.others ?? 0) >= 1)
        #expect(finding.reason.contains("the story credits a repost (bluesky:b2)"))
    }

    @Test func noPostAgreesSoTheEarliestIsTheRecord() throws {
        let finding = try check(CheckQuotes.said(author: "zed"))
        #expect(finding.verdict == .misattributed)
        #expect(finding.match?.post.id == "reddit:a1")
        #expect(finding.conflicts == [AttributionConflict(field: .author, stated: "zed", recorded: "alice")])
    }

    @Test func aFootnoteNamesTheRecord() throws {
        #expect(try check(reference(id: "hackernews:c3")).match?.post.id == "hackernews:c3")
        #expect(try check(reference(url: "https://news.ycombinator.com/item?id=c3")).match?.post.id == "hackernews:c3")
        #expect(try check(reference(url: "http://bsky.app/profile/bob.bsky.social/post/b2/")).match?.post.id == "bluesky:b2")
    }

    @Test func aFootnoteToAPostWithoutTheWordsSaysWhoTheStoryCredits() throws {
        // d4 is dave's; the words are alice's (and others'), none of them dave.
        let finding = try check(reference(id: "reddit:d4"))
        #expect(finding.verdict == .misattributed)
        #expect(finding.conflicts.map(\.field) == [.author, .reference])
        let invented = try checker.check(
            CheckQuotes.quote("Cranes were sold for scrap at dawn by the tide office", reference(id: "reddit:d4")))
        #expect(invented.verdict == .notFound)
        #expect(invented.reason.contains("reddit:d4"))
    }
}
