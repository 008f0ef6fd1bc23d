import BeatCore
import BeatSQLite
import BeatTestSupport
import Testing

/// Reddit API JSON (`--as reddit`) from the real fixtures in `Fixtures/reddit`.
/// Expected values were read from the fixtures with Python's json module.
@Suite struct RedditImportTests {
    let listing = Fixtures.path("reddit/listing_t3.json")
    let tree = Fixtures.path("reddit/comments_tree.json")
    let moreChildren = Fixtures.path("reddit/morechildren.json")

    @Test func listingOfSubmissions() throws {
        let corpus = try TemporaryCorpus()
        let outcome = try corpus.importFiles([listing])
        #expect(outcome.formats == [.reddit])
        #expect(outcome.summary.added == 19)
        #expect(outcome.problems.isEmpty)
        #expect(outcome.failures.isEmpty)

        // A self post with an empty selftext, edited later: the date stays created_utc.
        let askReddit = try #require(try corpus.post("reddit", "2np694"))
        #expect(askReddit["venue"] == .text("AskReddit"))
        #expect(askReddit["author"] == .text("DO_U_EVN_SPAGHETTI"))
        #expect(askReddit["published_at"] == .integer(1_417_208_878))
        #expect(askReddit["title"] == .text("What tasty food would be distusting if eaten over rice?"))
        #expect(askReddit["text"] == .text(""))
        #expect(
            askReddit["url"]
                == .text("https://www.reddit.com/r/AskReddit/comments/2np694/what_tasty_food_would_be_distusting_if_eaten_over/"))
        #expect(askReddit["parent"] == .null)
        #expect(askReddit["thread"] == .text("2np694"))
        #expect(askReddit["score"] == .integer(38_445))
        #expect(askReddit["lang"] == .null)

        // A link post: the stored url is the permalink, the link stays in raw.
        let link = try #require(try corpus.post("reddit", "202wd3"))
        #expect(link["text"] == .text(""))
        #expect(link["url"] == .text("https://www.reddit.com/r/funny/comments/202wd3/i_participated_in_one_of_the_biggest_magic_the/"))
        #expect(link["raw"]?.stringValue?.contains("\"url\":\"http://imgur.com/a/SjcgE\"") == true)
        #expect(link["raw"]?.stringValue?.hasPrefix("{\"kind\":\"t3\",\"data\":{") == true)

        // A long self post keeps its paragraphs; trailing spaces before a break go.
        let text = try #require(try corpus.post("reddit", "2xc947")?["text"]?.stringValue)
        #expect(
            text.hasPrefix(
                "I am only 24 years old, yet I have actually already chosen my last tie. It\u{2019}s [the one that I will wear on my funeral](http://i.imgur.com/Ln8Yyqf.jpg?1) a few months from now."
            ))
        #expect(text.contains("perfect for the occasion.\n\nThe cancer diagnosis came too late"))
        #expect(try corpus.integer("SELECT count(*) FROM posts_fts WHERE posts_fts MATCH 'funeral'") == 1)
        try corpus.checkIndexIntegrity()
    }

    @Test func commentPageRebuildsTheTree() throws {
        let corpus = try TemporaryCorpus()
        let outcome = try corpus.importFiles([tree])
        #expect(outcome.formats == [.reddit])
        // 1 submission + 36 comments; the 3 `more` stubs are not posts and not problems.
        #expect(outcome.summary.added == 37)
        #expect(outcome.problems.isEmpty)
        #expect(try corpus.integer("SELECT count(*) FROM posts WHERE title IS NOT NULL") == 1)
        #expect(try corpus.integer("SELECT count(*) FROM posts WHERE thread = '3hahrw'") == 37)
        #expect(try corpus.integer("SELECT count(*) FROM posts WHERE parent = '3hahrw'") == 7)

        let submission = try #require(try corpus.post("reddit", "3hahrw"))
        #expect(submission["title"] == .text("Ba Dum Tsss"))
        #expect(submission["author"] == .text("your_local_librarian"))
        #expect(submission["published_at"] == .integer(1_439_797_480))
        #expect(submission["url"] == .text("https://www.reddit.com/r/funny/comments/3hahrw/ba_dum_tsss/"))

        // Account deleted, comment kept: author gone, body as written.
        let kept = try #require(try corpus.post("reddit", "cu5ujk8"))
        #expect(kept["author"] == .null)
        #expect(kept["text"] == .text("A treadmill?"))
        #expect(kept["parent"] == .text("cu5tcm9"))
        #expect(kept["thread"] == .text("3hahrw"))
        #expect(kept["venue"] == .text("funny"))
        #expect(kept["score"] == .integer(16))
        #expect(kept["title"] == .null)
        // These comments carry no permalink; one is built from the subreddit, thread and id.
        #expect(kept["url"] == .text("https://www.reddit.com/r/funny/comments/3hahrw/_/cu5ujk8/"))

        // The deepest comment, nine levels down, deleted.
        let deepest = try #require(try corpus.post("reddit", "cu61tk1"))
        #expect(deepest["text"] == .text("[deleted]"))
        #expect(deepest["author"] == .null)
        #expect(deepest["parent"] == .text("cu61nnl"))

        // Edited comment: published_at is created_utc, not the edit time.
        let edited = try #require(try corpus.post("reddit", "cu5ujg2"))
        #expect(edited["published_at"] == .integer(1_439_818_794))
        #expect(edited["author"] == .text("Judo_Guy07"))
        #expect(edited["score"] == .integer(8))
        let editedText = try #require(edited["text"]?.stringValue)
        #expect(
            editedText.hasPrefix(
                "Hate to break it to you all but the kid falling has shopped onto the video of the kid with the drum kit.\n\nTake a look at his hand on the microphone"
            ))
        #expect(try corpus.post("reddit", "cu68vnd")?["published_at"] == .integer(1_439_842_039))

        // raw is the thing as read, minus a nested replies Listing (those are posts of their own).
        let withReplies = try #require(try corpus.post("reddit", "cu5tcm9")?["raw"]?.stringValue)
        #expect(withReplies.hasPrefix("{\"kind\":\"t1\",\"data\":{"))
        #expect(!withReplies.contains("\"replies\""))
        #expect(!withReplies.contains("cu5ujk8"))
        let leaf = try #require(try corpus.post("reddit", "cu5w7za")?["raw"]?.stringValue)
        #expect(leaf.contains("\"replies\":\"\""))
        #expect(leaf.contains("\"created_utc\":1439822089.0"))
        try corpus.checkIndexIntegrity()
    }

    @Test func moreChildrenAnswerIsAFlatListWithParents() throws {
        let corpus = try TemporaryCorpus()
        let outcome = try corpus.importFiles([moreChildren])
        #expect(outcome.formats == [.reddit])
        #expect(outcome.summary.added == 8)
        #expect(outcome.problems.isEmpty)
        #expect(try corpus.integer("SELECT count(*) FROM posts WHERE thread = 'n49rw' AND venue = 'announcements'") == 8)

        let reply = try #require(try corpus.post("reddit", "c3669tv"))
        #expect(reply["author"] == .text("alienth"))
        #expect(reply["parent"] == .text("c36647t"))
        #expect(reply["published_at"] == .integer(1_323_323_720))
        #expect(reply["url"] == .text("https://www.reddit.com/r/announcements/comments/n49rw/_/c3669tv/"))

        let deleted = try #require(try corpus.post("reddit", "c36647t"))
        #expect(deleted["author"] == .null)
        #expect(deleted["parent"] == .text("c365yqk"))
        // Markdown hard breaks ("  \n") lose their trailing spaces; paragraphs stay.
        #expect(deleted["text"] == .text("just 7 people...wow, that is amazing.\n\ncould you guys do a group-style AMA?"))

        // Character references the author typed are Markdown source and stay as written.
        let typed = try #require(try corpus.post("reddit", "c365xb8")?["text"]?.stringValue)
        #expect(
            typed == "Wtf you have a private internet!?!\n\n1% much...&#3232;\\_&#3232;\n\nI demand a full #OccupyReddit! Who's with me!")
        #expect(try corpus.post("reddit", "c365xb8")?["score"] == .integer(-1))
    }

    @Test func reimportIsIdempotent() throws {
        let corpus = try TemporaryCorpus()
        let first = try corpus.importFiles([listing, tree, moreChildren])
        #expect(first.summary.added == 64)
        let again = try corpus.importFiles([listing, tree, moreChildren])
        #expect(again.summary.added == 0)
        #expect(again.summary.updated == 0)
        #expect(again.summary.unchanged == 64)
        #expect(again.problems.isEmpty)
        #expect(try corpus.integer("SELECT count(*) FROM posts") == 64)
        try corpus.checkIndexIntegrity()
    }

    @Test func asOptionChoosesTheReader() throws {
        let corpus = try TemporaryCorpus()
        let forced = try corpus.importFiles([tree], options: ImportOptions(format: .reddit))
        #expect(forced.formats == [.reddit])
        #expect(forced.summary.added == 37)
        // A Pushshift dump read as API JSON: every line is reported, none stored.
        let wrong = try corpus.importFiles([Fixtures.path("reddit/pushshift_comments.ndjson")], options: ImportOptions(format: .reddit))
        #expect(wrong.formats == [.reddit])
        #expect(wrong.summary.added == 0)
        #expect(wrong.problems.count == 27)
        #expect(wrong.problems.first?.location == "1")
        #expect(wrong.problems.first?.reason.hasPrefix("not Reddit API JSON") == true)
    }

    @Test func escapedMarkdownSingleThingsAndBadThings() throws {
        let corpus = try TemporaryCorpus()
        // Without raw_json=1 Reddit escapes & < > in body and title; one thing per line here.
        let file = try corpus.write(
            "things.json",
            """
            {"kind": "t1", "data": {"id": "x1", "author": "a", "body": "5 &lt; 6 &amp;&amp; 7 &gt; 6\\n\\nwrite &amp;lt; for <", "created_utc": "1700000000.5", "subreddit": "test", "parent_id": "t1_x0", "link_id": "t3_p1", "permalink": "/r/test/comments/p1/slug/x1/", "score": 3}}
            {"kind": "t3", "data": {"id": "p1", "author": "", "title": "Q&amp;A", "selftext": "", "created_utc": 1700000000, "subreddit": "test"}}
            {"kind": "t2", "data": {"id": "u1", "name": "someone"}}
            {"kind": "Listing", "data": {"children": [{"kind": "more", "data": {"id": "m", "children": ["a"]}}, {"kind": "t1", "data": {"id": "x2", "body": "no date"}}]}}
            {"kind": "t1", "data": {"id": "x3", "created_utc": 1700000000}}
            {"json": {"errors": [["RATELIMIT", "you are doing that too much", "ratelimit"]]}}
            {"unrelated": true}
            """)
        let outcome = try corpus.importFiles([file])
        #expect(outcome.formats == [.reddit])
        #expect(outcome.summary.added == 2)
        #expect(outcome.problems.map(\.location) == ["4 $.data.children[1]", "5", "6 $.json", "7"])
        #expect(outcome.problems[0].reason == "comment x2 has no 'created_utc'")
        #expect(outcome.problems[1].reason == "comment x3 has no 'body'")
        #expect(outcome.problems[2].reason.contains("RATELIMIT"))

        let comment = try #require(try corpus.post("reddit", "x1"))
        #expect(comment["text"] == .text("5 < 6 && 7 > 6\n\nwrite &lt; for <"))
        #expect(comment["published_at"] == .integer(1_700_000_000))
        #expect(comment["url"] == .text("https://www.reddit.com/r/test/comments/p1/slug/x1/"))
        #expect(comment["parent"] == .text("x0"))
        #expect(comment["thread"] == .text("p1"))
        #expect(comment["origin_line"] == .integer(1))
        let submission = try #require(try corpus.post("reddit", "p1"))
        #expect(submission["title"] == .text("Q&A"))
        #expect(submission["author"] == .null)
        #expect(submission["url"] == .text("https://www.reddit.com/r/test/comments/p1/"))
    }
}
