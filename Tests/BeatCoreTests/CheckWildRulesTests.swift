import BeatTestSupport
import Foundation
import Testing

@testable import BeatCore

/// The rules `check` needs for stories from the wild, one at a time, on a corpus made for each:
/// platforms it does not collect, coverage from daily volume under a dateline, short quotes and
/// terms, the context above a quote, reposts and posts quoting someone else, meaning changes.
@Suite struct CheckWildRulesTests {
    /// Hacker News collected busily on 2026-06-01 to 06-10 (20 posts a day), then barely (1 a day) to 06-20;
    /// a quote-of-quote, a repost and short phrases.
    static func corpus() throws -> (TemporaryCorpus, QuoteChecker) {
        let corpus = try TemporaryCorpus()
        var lines: [String] = []
        func post(_ id: String, _ source: String, _ venue: String, _ author: String, _ time: String, _ text: String) {
            let object: [String: String] = [
                "id": id, "source": source, "venue": venue, "author": author, "published_at": time, "text": text,
            ]
            let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
            lines.append(String(decoding: data, as: UTF8.self))
        }
        for day in 1...20 {
            for index in 0..<(day <= 10 ? 20 : 1) {
                post(
                    "hn\(day)-\(index)", "hackernews", "HN", "user\(index)", String(format: "2026-06-%02dT%02d:00:00Z", day, index),
                    "Filler comment \(index) about compilers, caches and queues on day \(day).")
            }
        }
        post(
            "q1", "hackernews", "HN", "parentposter", "2026-06-02T21:00:00Z",
            "Nobody has ever shipped a cache invalidation scheme that survived contact with users.")
        post(
            "q2", "hackernews", "HN", "replier", "2026-06-02T22:00:00Z",
            "> Nobody has ever shipped a cache invalidation scheme that survived contact with users.\n\nI have, twice.")
        post(
            "w1", "mastodon", "mstdn.party", "ShieldHero85@mstdn.party", "2026-06-03T10:00:00Z",
            "A girl at work: “God, I wish you weren’t so difficult, we could be such great friends“")
        post(
            "w2", "hackernews", "HN", "jackvalentine", "2026-06-03T11:00:00Z",
            "Some of the old recipes have steps that ‘don’t make sense’ but are crucial to food safety.")
        post(
            "r1", "reddit", "ukpolitics", "first", "2026-06-04T11:43:55Z", "Germany to charge the UK and the USA with spying on embassies.")
        post(
            "r2", "reddit", "worldnews", "second", "2026-06-04T11:44:49Z", "Germany to charge the UK and the USA with spying on embassies.")
        post("t1", "hackernews", "HN", "termuser1", "2026-06-05T10:00:00Z", "Is open source AI just marketing now?")
        post("t2", "hackernews", "HN", "termuser2", "2026-06-05T11:00:00Z", "What counts as open source AI depends on the weights licence.")
        post("b1", "mastodon", "chicago.social", "_Jordan@mastodon.social", "2026-06-05T12:00:00Z", "take me to your Bean")
        post(
            "n1", "hackernews", "HN", "aurora_fan", "2026-06-06T12:00:00Z",
            "Aurora-70B is open weights, and the licence allows commercial use after 90 days.")
        let path = try corpus.write("posts.jsonl", lines.joined(separator: "\n") + "\n")
        _ = try corpus.importFiles([path])
        return (corpus, try QuoteChecker(corpus: corpus.corpus))
    }

    static func day(_ text: String) -> StoryDate { StoryDateReader.date(in: text.split(separator: " ").map(String.init))! }

    static func quotes(_ story: String, path: String = "story.md") -> [StoryQuote] {
        StoryExtractor.quotes(in: story, format: StoryExtractor.format(of: story, path: path), includeShort: false)
    }

    // MARK: 1. Platforms the corpus does not collect

    @Test func platformsAsStoriesNameThemAreOutsideCoverage() throws {
        let (_, checker) = try Self.corpus()
        let sentences: [(String, String)] = [
            (#""Compilers are a social technology now," as a widely shared tweet put it."#, "X/Twitter"),
            (#"On X (formerly Twitter), one engineer wrote that "compilers are a social technology now.""#, "X/Twitter"),
            (#"@zuck wrote on Threads: "Compilers are a social technology now.""#, "Threads"),
            (#"In a LinkedIn post, a recruiter said "compilers are a social technology now.""#, "LinkedIn"),
            (#"A YouTube video put it plainly: "Compilers are a social technology now.""#, "YouTube"),
            (#"A Telegram channel was blunter: "Compilers are a social technology now.""#, "Telegram"),
            (#"In his Substack newsletter, one developer wrote that "compilers are a social technology now.""#, "newsletters"),
            (#"A preprint on arXiv claimed that "compilers are a social technology now.""#, "arXiv"),
            (#"Truth Social users shared a post saying "compilers are a social technology now.""#, "Truth Social"),
        ]
        for (sentence, platform) in sentences {
            let quote = try #require(Self.quotes(sentence).first, "\(sentence)")
            let finding = try checker.check(quote)
            #expect(finding.verdict == .outsideCoverage, "\(sentence)")
            #expect(finding.reason.hasPrefix("the corpus holds no posts from \(platform)"), "\(sentence)")
            #expect(finding.evidence == "\(platform): no posts in the corpus")
        }
        // A collected platform named the same way is judged, not waved through.
        let hn = try #require(Self.quotes(#"One Hacker News commenter wrote "compilers are a social technology now.""#).first)
        #expect(try checker.check(hn).verdict == .notFound)
    }

    // MARK: 2. Coverage from daily volume, under the story's dateline

    @Test func undatedQuotesAreJudgedOverTheWeekBeforeTheDateline() throws {
        let (_, checker) = try Self.corpus()
        let invented = try #require(Self.quotes(#"One Hacker News commenter wrote "every queue becomes a database eventually.""#).first)
        let covered = try checker.check(invented, dateline: Self.day("June 9, 2026"))
        #expect(covered.verdict == .notFound)
        #expect(
            covered.evidence == "hackernews: 146 posts in the 7 days before 2026-06-09, collected on 7 of 7 days, against a usual 20 a day")
        let thin = try checker.check(invented, dateline: Self.day("June 19, 2026"))
        #expect(thin.verdict == .outsideCoverage)
        #expect(thin.reason == "the corpus did not collect hackernews posts in the 7 days before 2026-06-19")
        #expect(thin.evidence == "hackernews: 7 posts in the 7 days before 2026-06-19, collected on 0 of 7 days, against a usual 20 a day")
        // A date of its own wins over the dateline.
        let dated = try #require(
            Self.quotes(#"One Hacker News commenter wrote "every queue becomes a database eventually" on June 4, 2026."#).first)
        #expect(try checker.check(dated, dateline: Self.day("June 19, 2026")).verdict == .notFound)
    }

    @Test func theDatelineIsTheFirstDateBeforeTheFirstQuotation() {
        #expect(
            StoryExtractor.dateline(in: "# Title\n\n*October 5, 2022*\n\nText \"a quote here\" on March 1, 2020.\n", format: .markdown)?
                .text
                == "October 5, 2022")
        #expect(
            StoryExtractor.dateline(in: "<h1>T</h1><p><time datetime=\"2023-05-18\">May 18, 2023</time></p>", format: .html)?.text
                == "May 18, 2023")
        #expect(StoryExtractor.dateline(in: "Text \"a quote from March 1, 2020\" and more.\n", format: .text) == nil)
    }

    @Test func aDayWithoutAYearTakesTheDatelines() throws {
        let story = "# Week\n\nNovember 25, 2022\n\n\"Thanksgiving is a pie thread with extra steps,\" wrote shatter on November 24.\n"
        let quote = try #require(Self.quotes(story).first)
        #expect(quote.attribution?.date?.text == "November 24")
        #expect(quote.attribution?.date?.start == CivilTime.seconds(year: 2022, month: 11, day: 24))
        // After the dateline's day in its year: the year before.
        let january = "# Week\n\nJanuary 3, 2023\n\n\"Thanksgiving is a pie thread with extra steps,\" wrote shatter on November 24.\n"
        #expect(try #require(Self.quotes(january).first).attribution?.date?.start == CivilTime.seconds(year: 2022, month: 11, day: 24))
    }

    // MARK: 3. Short quotes and terms

    @Test func shortQuotesAreVerifiedOnlyWhenExact() throws {
        let (_, checker) = try Self.corpus()
        #expect(try checker.check(CheckQuotes.quote("take me to your Bean")).verdict == .verified)
        let near = try checker.check(CheckQuotes.quote("take me to the Bean"))
        #expect(near.verdict == .notFound)
        #expect(near.reason == "no post in the corpus holds these words exactly")
    }

    @Test func closeRestsOnDistinctiveWords() throws {
        let (_, checker) = try Self.corpus()
        // Seven words, four in place, all of them function words: nothing says where it came from.
        let finding = try checker.check(CheckQuotes.quote("take me to the river, then home"))
        #expect(finding.verdict != .close)
    }

    @Test func termsAreShortUncreditedPhrasesSeveralPostsUse() throws {
        let (_, checker) = try Self.corpus()
        let term = try #require(Self.quotes(#"The week's argument was about "open source AI" and who gets to say it."#).first)
        #expect(try checker.isTerm(term))
        let credited = try #require(Self.quotes(#"As termuser1 wrote, "open source AI" is marketing."#).first)
        #expect(try !checker.isTerm(credited))
        let once = try #require(Self.quotes(#"The week's argument was about "weights licence depends" and more."#).first)
        #expect(try !checker.isTerm(once))
    }

    // MARK: 4. Context, origins and quoting posts

    @Test func headingsAndLeadsNameTheVenue() throws {
        let story = """
            HOW THE WEEK WENT

            r/worldnews reacts

            "Germany to charge the UK and the USA with spying on embassies," read one post.

            Off Reddit

            "Germany to charge the UK and the USA with spying on embassies," read one post.

            On Bluesky, the debate was gentler. "Compilers are a social technology now," read one post.
            """
        let quotes = Self.quotes(story, path: "story.txt")
        #expect(quotes.count == 3)
        #expect(quotes[0].attribution?.venue == "worldnews")
        #expect(quotes[0].attribution?.source == "reddit")
        #expect(quotes[1].attribution?.venue == nil && quotes[1].attribution?.source == nil)
        #expect(quotes[2].attribution?.source == "bluesky")
    }

    @Test func theSpeakerIsTheSubjectBeforeAnAsideOrARelativeClause() throws {
        let asides = [
            #"dale, writing on toot.cafe, said "twitter put me off but hopefully this place can build a less toxic community.""#,
            #"dale, who moved over from Twitter, said "twitter put me off but hopefully this place can build a less toxic community.""#,
        ]
        for sentence in asides {
            #expect(try #require(Self.quotes(sentence).first).attribution?.author == "dale", "\(sentence)")
        }
    }

    @Test func aRepostCreditedToTheReposterIsMisattributedWithTheOrigin() throws {
        let (_, checker) = try Self.corpus()
        let text = "Germany to charge the UK and the USA with spying on embassies."
        let origin = try checker.check(CheckQuotes.quote(text, CheckQuotes.said(source: "reddit", venue: "r/ukpolitics")))
        #expect(origin.verdict == .verified)
        #expect(origin.origin?.post.id == "reddit:r1")
        #expect(origin.origin?.others == 1)
        let repost = try checker.check(CheckQuotes.quote(text, CheckQuotes.said(source: "reddit", venue: "r/worldnews")))
        #expect(repost.verdict == .misattributed)
        #expect(repost.match?.post.id == "reddit:r1")
        #expect(repost.reason.contains("the story credits a repost (reddit:r2): the words first appear in reddit:r1"))
    }

    @Test func aPostQuotingSomeoneElseDoesNotMakeItsAuthorTheSpeaker() throws {
        let (_, checker) = try Self.corpus()
        let said = try checker.check(
            CheckQuotes.quote(
                "God, I wish you weren't so difficult, we could be such great friends", CheckQuotes.said(author: "ShieldHero85")))
        #expect(said.verdict == .misattributed)
        #expect(said.reason.hasPrefix("the post quotes these words from someone else (A girl at work)"))
        // Scare quotes in the poster's own sentence are the poster's words.
        let own = try checker.check(CheckQuotes.quote("don't make sense", CheckQuotes.said(author: "jackvalentine")))
        #expect(own.verdict == .verified)
        // The reply quoting its parent: the parent is the origin, the replier is not the speaker.
        let reply = try checker.check(
            CheckQuotes.quote(
                "Nobody has ever shipped a cache invalidation scheme that survived contact with users", CheckQuotes.said(author: "replier"))
        )
        #expect(reply.verdict == .misattributed)
        #expect(reply.origin?.post.id == "hackernews:q1")
    }

    @Test func anAuthorTheCorpusHasNeverSeenIsSaid() throws {
        let (_, checker) = try Self.corpus()
        let finding = try checker.check(
            CheckQuotes.quote("every queue becomes a database eventually", CheckQuotes.said(author: "nosuchperson")))
        #expect(finding.reason.hasSuffix("; nosuchperson has no posts in the corpus at all"))
        let known = try checker.check(CheckQuotes.quote("every queue becomes a database eventually", CheckQuotes.said(author: "user3")))
        #expect(!known.reason.contains("no posts in the corpus at all"))
    }

    // MARK: 6. Meaning changes

    @Test func meaningChangesAreFlaggedWhateverTheSimilarity() throws {
        let (_, checker) = try Self.corpus()
        let negation = try checker.check(
            CheckQuotes.quote("Aurora-70B is not open weights, and the licence allows commercial use after 90 days"))
        #expect(negation.verdict == .close)
        #expect(negation.meaningChange == "a negation added")
        let number = try checker.check(CheckQuotes.quote("Aurora-70B is open weights, and the licence allows commercial use after 30 days"))
        #expect(number.meaningChange == "a number changed: 90 became 30")
        let antonym = try checker.check(
            CheckQuotes.quote("Aurora-70B is open weights, and the licence allows commercial use before 90 days"))
        #expect(antonym.meaningChange == "a word replaced by its opposite: after became before")
        let synonym = try checker.check(
            CheckQuotes.quote("Aurora-70B is open weights, and the license permits commercial use after 90 days"))
        #expect(synonym.verdict == .close)
        #expect(synonym.meaningChange == nil)
    }

    @Test func meaningChangeReasons() {
        func reason(_ story: String, _ post: String, _ old: [String], _ new: [String]) -> String? {
            MeaningChange.reason(
                story: story.split(separator: " ").map(String.init), post: post.split(separator: " ").map(String.init),
                differences: [(old, new)])
        }
        #expect(reason("it is open", "it is not open", ["not"], []) == "a negation dropped")
        #expect(reason("it doesn t work", "it works", [], ["doesn", "t"]) == "a negation added")
        #expect(
            reason("release next week", "release tomorrow", ["tomorrow"], ["next", "week"]) == "a date changed: tomorrow became next week")
        #expect(
            reason("the panel rejected the law", "the panel upheld the law", ["upheld"], ["rejected"])
                == "a word replaced by its opposite: upheld became rejected")
        #expect(reason("a big change", "a large change", ["large"], ["big"]) == nil)
    }
}
