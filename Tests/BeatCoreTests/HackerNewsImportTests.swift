import BeatCore
import BeatSQLite
import BeatTestSupport
import Testing

/// Hacker News Firebase API items, and the Kaggle CSV through the generic reader.
/// Expected values were read from the fixtures with Python (json, html.unescape).
@Suite struct HackerNewsImportTests {
    @Test func firebaseArrayOfStories() throws {
        let corpus = try TemporaryCorpus()
        let outcome = try corpus.importFiles([Fixtures.path("hackernews/firebase_items.json")])
        #expect(outcome.summary.added == 10)
        #expect(outcome.problems.isEmpty)
        #expect(outcome.formats == [.hackernews])

        let story = try #require(try corpus.post("hackernews", "9632604"))
        #expect(story["venue"] == "HN")
        #expect(story["author"] == "slg")
        #expect(story["published_at"] == 1_433_035_332)
        #expect(story["title"] == "Lego Universe's Dong Detection Problem")
        #expect(story["text"] == "")
        #expect(story["url"] == "https://news.ycombinator.com/item?id=9632604")
        #expect(story["parent"] == .null)
        #expect(story["thread"] == "9632604")
        #expect(story["score"] == 239)
        #expect(story["lang"] == .null)
        // The external link is kept with the native item only.
        let raw = try #require(story["raw"]?.stringValue)
        #expect(raw.contains("\"url\":\"http://www.exquisitetweets.com/tweets?eids=SOlZp2L8I8."))
        #expect(raw.contains("\"kids\":[9633026,"))

        // This story has no "text" member at all.
        let noText = try #require(try corpus.post("hackernews", "9632928"))
        #expect(noText["text"] == "")
        #expect(noText["title"] == "The improbable rise and fall of Couchsurfing")
        let curly = try #require(try corpus.post("hackernews", "9632852"))
        #expect(curly["title"] == "China\u{2019}s New Silk Road: Implications for the US")
        #expect(curly["score"] == 22)
        try corpus.checkIndexIntegrity()
        #expect(try corpus.integer("SELECT count(*) FROM posts_fts WHERE posts_fts MATCH 'couchsurfing'") == 1)
    }

    @Test func singleItemAndNDJSONAreTheSameItemsAsTheArray() throws {
        let corpus = try TemporaryCorpus()
        let single = try corpus.importFiles([Fixtures.path("hackernews/firebase_item.json")])
        #expect(single.summary.added == 1)
        #expect(single.formats == [.hackernews])
        let post = try #require(try corpus.post("hackernews", "9632852"))
        #expect(post["published_at"] == 1_433_040_818)
        #expect(post["author"] == "istvan__")

        let lines = try corpus.importFiles([Fixtures.path("hackernews/firebase_items.ndjson")])
        #expect(lines.formats == [.hackernews])
        #expect(lines.summary.added == 9)
        #expect(lines.summary.unchanged == 1)
        #expect(lines.problems.isEmpty)
        #expect(try corpus.post("hackernews", "9633294")?["origin_line"] == 10)

        let array = try corpus.importFiles([Fixtures.path("hackernews/firebase_items.json")])
        #expect(array.summary.added == 0)
        #expect(array.summary.unchanged == 10)
        #expect(try corpus.integer("SELECT count(*) FROM posts") == 10)
    }

    @Test func typesenseLinesWithEveryValueQuoted() throws {
        let corpus = try TemporaryCorpus()
        let outcome = try corpus.importFiles([Fixtures.path("hackernews/typesense_comments.jsonl")])
        #expect(outcome.summary.added == 60)
        #expect(outcome.problems.isEmpty)
        #expect(outcome.formats == [.hackernews])

        let comment = try #require(try corpus.post("hackernews", "33103584"))
        #expect(comment["author"] == "remram")
        #expect(comment["published_at"] == 1_665_022_973)
        #expect(comment["parent"] == "33101793")
        // The root story of a comment is not in the item.
        #expect(comment["thread"] == .null)
        #expect(comment["title"] == .null)
        #expect(comment["score"] == .null)
        #expect(comment["url"] == "https://news.ycombinator.com/item?id=33103584")
        #expect(
            comment["text"] == """
                With Red Hat becoming more and more IBM [1], this is really a good time to launch this.

                [1]: https://access.redhat.com/announcements/6978646
                """)
        #expect(comment["origin_line"] == 6)

        // `&gt;` and `&#x27;` decoded, `<p>` kept as a paragraph break.
        #expect(
            try corpus.post("hackernews", "33103581")?["text"] == """
                > No one is quite sure why.

                On the contrary, quite a lot of people know precisely why, we're just not allowed to say.
                """)
        // HN shortens long link texts with "..."; the full address is stored once.
        #expect(
            try corpus.post("hackernews", "33214987")?["text"] == """
                > I haven't seen people celebrating his death.

                Strange comment. Just because you haven't seen it in your feed doesn't mean it isn't happening.

                https://www.scottishdailyexpress.co.uk/news/scottish-news/trans-activist-trolls-target-robbie-28243779
                """)
        let scissors = try #require(try corpus.post("hackernews", "33368472")?["text"]?.stringValue)
        #expect(scissors.contains("https://arcus-www.amazon.ae/Fiskars-67517197J-Original-Orange-Handled-Scissors/dp/B0019N4V4S"))
        #expect(scissors.contains("https://www.amazon.co.uk/Fiskars-Classic-Dressmaking-Scissors-Length/dp/B0001P08L0"))
        #expect(!scissors.contains("Orang..."))
        #expect(try corpus.integer("SELECT count(*) FROM posts WHERE text LIKE '%&#x%' OR text LIKE '%<p>%'") == 0)
        try corpus.checkIndexIntegrity()

        let again = try corpus.importFiles([Fixtures.path("hackernews/typesense_comments.jsonl")])
        #expect(again.summary.added == 0)
        #expect(again.summary.unchanged == 60)
    }

    @Test func deletedStubsAndUsersAreIgnoredDeadItemsKept() throws {
        let corpus = try TemporaryCorpus()
        // Shapes as the Firebase API documents them; the user is from firebase_vcr.
        let file = try corpus.write(
            "mixed.json",
            """
            [
              {"about": "", "created": 1363735020, "delay": 0, "id": "slg", "karma": 2286, "submitted": [9632604]},
              {"deleted": true, "id": 9633400, "parent": 9632604, "time": 1433054000, "type": "comment"},
              {"by": "troll", "dead": true, "id": 9633401, "parent": 9632604, "text": "[flagged] <i>gone</i>", "time": 1433054100, "type": "comment"},
              {"by": "pg", "id": 126809, "parts": [126810], "score": 46, "text": "", "time": 1204403652, "title": "Poll: What would happen if News.YC had explicit support for polls?", "type": "poll"},
              {"by": "pg", "id": 126810, "poll": 126809, "score": 335, "text": "Yes, ban them; I'm tired of seeing Valleywag stories on News.YC.", "time": 1207886576, "type": "pollopt"},
              {"by": "someone", "id": 9633402, "type": "comment", "parent": 9632604, "text": "no date"},
              {"by": "someone", "id": 9633403, "type": "comment", "parent": 9632604, "text": "bad date", "time": "yesterday"},
              {"by": "someone", "id": 9633404, "type": "comment", "parent": 9632604, "time": 1433054200},
              9632604,
              {"by": "pg", "id": 126809, "parts": [126810], "score": 46, "text": "", "time": 1204403652, "title": "Poll: What would happen if News.YC had explicit support for polls?", "type": "poll"},
              {"deleted": "true", "id": "9633405", "parent": "9632604", "time": "1433054300", "type": "comment"}
            ]
            """)
        // A document that starts with a user cannot be recognised: `--as` names it.
        #expect(try corpus.importFiles([file]).failures.count == 1)
        let outcome = try corpus.importFiles([file], options: ImportOptions(format: .hackernews))
        #expect(outcome.formats == [.hackernews])
        #expect(outcome.summary.added == 3)
        #expect(outcome.problems.map(\.location) == ["$[5]", "$[6]", "$[7]", "$[8]"])
        #expect(outcome.problems[0].reason.contains("no 'time'"))
        #expect(outcome.problems[1].reason.contains("not epoch seconds"))
        #expect(outcome.problems[2].reason.contains("neither text nor title"))
        #expect(try corpus.post("hackernews", "9633400") == nil)
        #expect(try corpus.post("hackernews", "9633405") == nil)
        #expect(try corpus.post("hackernews", "slg") == nil)

        let dead = try #require(try corpus.post("hackernews", "9633401"))
        #expect(dead["text"] == "[flagged] gone")
        #expect(dead["author"] == "troll")
        let option = try #require(try corpus.post("hackernews", "126810"))
        #expect(option["parent"] == "126809")
        #expect(option["thread"] == "126809")
        #expect(option["score"] == 335)
        let poll = try #require(try corpus.post("hackernews", "126809"))
        #expect(poll["thread"] == "126809")
        #expect(poll["parent"] == .null)
    }

    @Test func kaggleCSVImportsThroughTheGenericReader() throws {
        let corpus = try TemporaryCorpus()
        let options = ImportOptions(source: "hackernews", venue: "HN")
        // Link stories have a title and no text column: they import with empty text.
        let outcome = try corpus.importFiles([Fixtures.path("hackernews/dataquest_posts.csv")], options: options)
        #expect(outcome.formats == [.csv])
        #expect(outcome.summary.added == 60)
        #expect(outcome.summary.skipped == 0)
        let post = try #require(try corpus.post("hackernews", "11793140"))
        #expect(post["title"] == "How unauthorized idiots repair Apple laptops [video]")
        #expect(post["text"] == "")
    }

    @Test func kaggleCSVDatesAndPointsWithTitleAsText() throws {
        let corpus = try TemporaryCorpus()
        var options = ImportOptions(source: "hackernews", venue: "HN")
        options.mapping = FieldMapping(paths: ["text": "title"])
        let outcome = try corpus.importFiles([Fixtures.path("hackernews/dataquest_posts.csv")], options: options)
        #expect(outcome.formats == [.csv])
        #expect(outcome.summary.added == 60)
        #expect(outcome.problems.isEmpty)

        let post = try #require(try corpus.post("hackernews", "11793140"))
        #expect(post["venue"] == "HN")
        #expect(post["author"] == "sshykes")
        #expect(post["published_at"] == 1_464_465_060)  // 5/28/2016 19:51 UTC
        #expect(post["score"] == 18)  // num_points
        #expect(post["title"] == "How unauthorized idiots repair Apple laptops [video]")
        // One-digit hour, two-digit month.
        let early = try #require(try corpus.post("hackernews", "10350832"))
        #expect(early["published_at"] == 1_444_276_740)  // 10/8/2015 3:59 UTC
        #expect(early["score"] == 72)
        // Ask HN rows have an empty url.
        #expect(try corpus.post("hackernews", "10241589")?["url"] == .null)
        // The zero-padded form FORMATS.md reports from the full file.
        #expect(DateParser.seconds(from: "08/04/2016 11:52") == 1_470_311_520)
        #expect(DateParser.seconds(from: "9/22/2016 0:09") == 1_474_502_940)
        try corpus.checkIndexIntegrity()
    }
}
