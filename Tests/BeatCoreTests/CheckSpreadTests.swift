import BeatCore
import BeatTestSupport
import Foundation
import Testing

/// `check` names the origin of a quotation through the spread index: a sentence posted first on
/// Mastodon, edited on Bluesky, and quoted (in its Bluesky form) by a news article.
@Suite struct CheckSpreadTests {
    /// ines's Mastodon post, the first version.
    static let original =
        "The county's flood sensors went dark for nine hours during the storm because the vendor pushed a firmware update "
        + "at midnight, and nobody on call had the password to roll it back."
    /// The Bluesky copy, with one word changed.
    static let edited =
        "The county's flood sensors went dark for nine hours during the storm because the vendor pushed a firmware update "
        + "overnight, and nobody on call had the password to roll it back."
    /// The reporter's own words in the article.
    static let reporterWords = "Residents first learned of the outage from posts on social media"

    let corpus: TemporaryCorpus
    let checker: QuoteChecker

    init() throws {
        corpus = try TemporaryCorpus()
        let article =
            "\(Self.reporterWords). \\\"\(Self.edited)\\\" one resident wrote on Bluesky. The county did not respond to a request for comment."
        let lines = [
            #"{"id": "112034567890123456", "source": "mastodon", "venue": "fosstodon.org", "author": "ines@fosstodon.org", "published_at": "2026-03-01T09:00:00Z", "text": "\#(Self.original)", "url": "https://fosstodon.org/@ines/112034567890123456"}"#,
            #"{"id": "3mfloodsens2a", "source": "bluesky", "venue": "bsky.social", "author": "harbourwatch.bsky.social", "published_at": "2026-03-01T13:00:00Z", "text": "\#(Self.edited)", "url": "https://bsky.app/profile/harbourwatch.bsky.social/post/3mfloodsens2a"}"#,
            #"{"id": "2026/03/02/flood-sensors-outage", "source": "news", "venue": "riversidecourier.com", "author": "Dana Whitfield", "published_at": "2026-03-02T08:00:00Z", "title": "Flood sensors failed during the storm after an overnight update", "text": "\#(article)", "url": "https://www.riversidecourier.com/2026/03/02/flood-sensors-outage/"}"#,
            #"{"id": "1j2k3l4", "source": "reddit", "venue": "Flooding", "author": "tidegauge", "published_at": "2026-03-02T10:00:00Z", "text": "Our sensors stayed up through the storm; the river gauge is on a separate network.", "url": "https://www.reddit.com/r/Flooding/comments/1j2k3l4/"}"#,
        ]
        let path = try corpus.write("posts.jsonl", lines.joined(separator: "\n") + "\n")
        #expect(try corpus.importFiles([path]).summary.added == 4)
        checker = try QuoteChecker(corpus: corpus.corpus)
    }

    func check(_ text: String, _ attribution: StoryAttribution?) throws -> CheckFinding {
        try checker.check(CheckQuotes.quote(text, attribution))
    }

    @Test func theThreePostsAreOneSpreadGroup() throws {
        let copies = try #require(try SearchEngine(corpus: corpus.corpus).spread(of: .post("bluesky:3mfloodsens2a")))
        #expect(
            copies.members.map(\.post.id) == [
                "mastodon:112034567890123456", "bluesky:3mfloodsens2a", "news:2026/03/02/flood-sensors-outage",
            ])
    }

    @Test func creditingTheEditedCopyIsMisattributedToTheOrigin() throws {
        // The story quotes the Bluesky wording and credits its poster: the words are ines's, edited.
        let finding = try check(Self.edited, CheckQuotes.said(author: "harbourwatch.bsky.social", source: "bluesky"))
        #expect(finding.verdict == .misattributed)
        #expect(finding.match?.post.id == "bluesky:3mfloodsens2a")
        let origin = try #require(finding.origin)
        #expect(origin.post.id == "mastodon:112034567890123456")
        #expect(origin.edited)
        #expect(origin.others == 2)
        #expect(origin.holders.map(\.post.id) == ["bluesky:3mfloodsens2a", "news:2026/03/02/flood-sensors-outage"])
        #expect(origin.holders.map(\.exact) == [true, true])
        #expect(finding.conflicts.map(\.field) == [.author, .source])
        #expect(finding.conflicts.first?.recorded == "ines@fosstodon.org")
        #expect(
            finding.reason.hasSuffix(
                "the story credits a later copy (bluesky:3mfloodsens2a): the words first appear, edited, in "
                    + "mastodon:112034567890123456, 2 other posts hold them"), "\(finding.reason)")
    }

    @Test func creditingTheOriginIsVerifiedWithTheOthersListed() throws {
        let finding = try check(Self.original, CheckQuotes.said(author: "ines", source: "mastodon"))
        #expect(finding.verdict == .verified)
        #expect(finding.match?.post.id == "mastodon:112034567890123456")
        let origin = try #require(finding.origin)
        #expect(origin.post.id == "mastodon:112034567890123456")
        #expect(!origin.edited)
        #expect(origin.others == 2)
        // Both later posts hold the words edited (`overnight`), found through the spread group.
        #expect(origin.holders.map(\.post.source) == ["bluesky", "news"])
        #expect(origin.holders.map(\.exact) == [false, false])
        #expect(origin.holders.map(\.post.author) == ["harbourwatch.bsky.social", "Dana Whitfield"])
    }

    @Test func theOriginalWordsCreditedToTheCopyistNameTheEditedCopy() throws {
        let finding = try check(Self.original, CheckQuotes.said(author: "harbourwatch.bsky.social"))
        #expect(finding.verdict == .misattributed)
        #expect(finding.origin?.post.id == "mastodon:112034567890123456")
        #expect(
            finding.reason.hasSuffix(
                "the story credits an edited copy (bluesky:3mfloodsens2a): the words first appear in mastodon:112034567890123456, "
                    + "2 other posts hold them"), "\(finding.reason)")
    }

    @Test func theCopysWordingCreditedToTheOriginIsClose() throws {
        // ines wrote `at midnight`; `overnight` is the Bluesky copy's.
        let finding = try check(Self.edited, CheckQuotes.said(author: "ines@fosstodon.org"))
        #expect(finding.verdict == .close)
        #expect(finding.match?.post.id == "mastodon:112034567890123456")
        #expect(finding.differences.contains(WordDifference(old: "at midnight", new: "overnight")), "\(finding.differences)")
        #expect(finding.reason.hasSuffix("the words as quoted are in a later copy (bluesky:3mfloodsens2a)"), "\(finding.reason)")
        #expect(finding.origin?.post.id == "mastodon:112034567890123456")
    }

    @Test func withoutAttributionTheWordsAreVerifiedAndTheOriginNamed() throws {
        let finding = try check(Self.edited, nil)
        #expect(finding.verdict == .verified)
        #expect(finding.origin?.post.id == "mastodon:112034567890123456")
        #expect(finding.origin?.edited == true)
    }

    @Test func theArticlesOwnWordsAreNotThePostersWords() throws {
        // The article is grouped with the posts it quotes, but its reporter's sentence is in none of them.
        let finding = try check(Self.reporterWords, CheckQuotes.said(author: "Dana Whitfield"))
        #expect(finding.verdict == .verified)
        #expect(finding.match?.post.id == "news:2026/03/02/flood-sensors-outage")
        #expect(finding.origin == nil)
    }
}
