import BeatCore
import BeatSQLite
import BeatTestSupport
import Testing

/// Pushshift / Arctic-Shift dump lines (`--as pushshift`) from the real
/// fixtures in `Fixtures/reddit`. Expected values were read from the fixtures
/// with Python's json module.
@Suite struct PushshiftImportTests {
    let comments = Fixtures.path("reddit/pushshift_comments.ndjson")
    let submissions = Fixtures.path("reddit/pushshift_submissions.ndjson")

    @Test func commentsOfEveryEra() throws {
        let corpus = try TemporaryCorpus()
        let outcome = try corpus.importFiles([comments])
        #expect(outcome.formats == [.pushshift])
        #expect(outcome.summary.added == 27)
        #expect(outcome.problems.isEmpty)
        #expect(try corpus.integer("SELECT count(*) FROM posts WHERE title IS NULL AND thread IS NOT NULL AND parent IS NOT NULL") == 27)

        // 2024 re-dump: float created_utc, relative permalink, `_meta` kept in raw.
        let recent = try #require(try corpus.post("reddit", "kod0bkd"))
        #expect(recent["published_at"] == .integer(1_706_745_600))
        #expect(recent["author"] == .text("DubsAli"))
        #expect(recent["venue"] == .text("woodworking"))
        #expect(recent["text"] == .text("Absolutely stunning. Really love this, perfect finish IMO as well."))
        #expect(recent["parent"] == .text("1afjd7n"))
        #expect(recent["thread"] == .text("1afjd7n"))
        #expect(
            recent["url"] == .text("https://www.reddit.com/r/woodworking/comments/1afjd7n/a_full_maple_farmhouse_table_i_made/kod0bkd/"))
        #expect(recent["score"] == .integer(2))
        #expect(recent["lang"] == .null)
        #expect(recent["origin_line"] == .integer(1))
        let raw = try #require(recent["raw"]?.stringValue)
        #expect(raw.hasPrefix("{\"_meta\":{\"retrieved_2nd_on\":1706875209},"))
        #expect(raw.contains("\"created_utc\":1706745600.0"))

        // 2009 dump: created_utc as a string, no permalink (one is built), entities escaped.
        let quoted = try #require(try corpus.post("reddit", "c0cmuol"))
        #expect(quoted["published_at"] == .integer(1_251_763_200))
        #expect(quoted["parent"] == .text("c0cmjyg"))
        #expect(quoted["thread"] == .text("9fure"))
        #expect(quoted["url"] == .text("https://www.reddit.com/r/technology/comments/9fure/_/c0cmuol/"))
        let escaped = try #require(try corpus.post("reddit", "c0cmuoo")?["text"]?.stringValue)
        #expect(escaped.hasPrefix(">Nebraska\n>Diocese of Grand Island (no priests listed in the database)\n\nThis is hilarious"))
        #expect(!escaped.contains("&gt;"))

        // 2005 dump: integer created_utc, tiny key set.
        let early = try #require(try corpus.post("reddit", "c13"))
        #expect(early["published_at"] == .integer(1_134_365_188))
        #expect(early["author"] == .text("frjo"))
        #expect(early["venue"] == .text("reddit.com"))
        #expect(early["url"] == .text("https://www.reddit.com/r/reddit.com/comments/17863/_/c13/"))
        #expect(early["origin_line"] == .integer(16))

        // Deleted authors: author nil, body as the dump holds it.
        #expect(try corpus.post("reddit", "c15")?["author"] == .null)
        #expect(try corpus.post("reddit", "c15")?["text"] == .text("Jython related topics by Frank Wierzbicki"))
        #expect(try corpus.post("reddit", "c16")?["text"] == .text("[deleted]"))
        #expect(try corpus.post("reddit", "kod0bkj")?["text"] == .text("[removed]"))
        #expect(try corpus.integer("SELECT count(*) FROM posts WHERE author IS NULL") == 5)
        #expect(try corpus.post("reddit", "c63fp23")?["origin_line"] == .integer(27))
        try corpus.checkIndexIntegrity()
    }

    @Test func submissionsOfEveryEra() throws {
        let corpus = try TemporaryCorpus()
        let outcome = try corpus.importFiles([submissions])
        #expect(outcome.formats == [.pushshift])
        // 31 records; the file ends with a newline, which is not a record.
        #expect(outcome.summary.added == 31)
        #expect(outcome.problems.isEmpty)
        #expect(try corpus.integer("SELECT count(*) FROM posts WHERE thread = source_id AND parent IS NULL AND title IS NOT NULL") == 31)

        // 2005 link post: integer date, empty text, permalink made absolute.
        let memo = try #require(try corpus.post("reddit", "87"))
        #expect(memo["title"] == .text("The Downing Street Memo"))
        #expect(memo["author"] == .text("kn0thing"))
        #expect(memo["published_at"] == .integer(1_119_552_233))
        #expect(memo["text"] == .text(""))
        #expect(memo["url"] == .text("https://www.reddit.com/r/reddit.com/comments/87/the_downing_street_memo/"))
        #expect(memo["score"] == .integer(183))
        #expect(memo["raw"]?.stringValue?.contains("\"url\":\"http://www.downingstreetmemo.com\"") == true)

        // Escaped title decoded; the escaped link stays as read in raw.
        let numbers = try #require(try corpus.post("reddit", "1v3sg"))
        #expect(numbers["title"] == .text("NUMBERS & WEB SITES"))
        #expect(numbers["raw"]?.stringValue?.contains("118042089721740.xml&amp;coll=1") == true)

        // String created_utc.
        let fitness = try #require(try corpus.post("reddit", "2f4i98"))
        #expect(fitness["published_at"] == .integer(1_409_529_601))
        #expect(fitness["venue"] == .text("Fitness"))
        #expect(fitness["title"] == .text("Does anybody else drink liquid egg whites?"))
        #expect(fitness["text"]?.stringValue?.hasPrefix("There's 50g of protein in a carton") == true)

        // Float created_utc in the 2024 re-dump.
        #expect(try corpus.post("reddit", "1afwvv8")?["published_at"] == .integer(1_706_745_600))

        // Entities decoded once (`&amp;#x200B;` → `&#x200B;`), hard breaks and NBSP normalised.
        let event = try #require(try corpus.post("reddit", "jk3lbh")?["text"]?.stringValue)
        #expect(event.hasPrefix("Pig Out Food Fight Face-off!\nDates: 12-02 to 12-03\nSections: 4\n\n&#x200B;\n\nBanned Time Emojis:"))
        #expect(event.contains("?width=572&format=pjpg&auto=webp&s="))
        #expect(event.contains("One of Piglet (25%), Hamm (25%)"))
        #expect(!event.contains("&amp;"))

        // Edited later: published_at is still created_utc.
        #expect(try corpus.post("reddit", "j08bcm")?["published_at"] == .integer(1_606_780_808))
        #expect(try corpus.integer("SELECT count(*) FROM posts_fts WHERE posts_fts MATCH 'memo'") == 1)
        try corpus.checkIndexIntegrity()
    }

    @Test func reimportIsIdempotent() throws {
        let corpus = try TemporaryCorpus()
        #expect(try corpus.importFiles([comments, submissions]).summary.added == 58)
        let again = try corpus.importFiles([comments, submissions])
        #expect(again.summary.added == 0)
        #expect(again.summary.updated == 0)
        #expect(again.summary.unchanged == 58)
        #expect(try corpus.integer("SELECT count(*) FROM posts") == 58)
        try corpus.checkIndexIntegrity()
    }

    @Test func asOptionChoosesTheReader() throws {
        let corpus = try TemporaryCorpus()
        let forced = try corpus.importFiles([comments], options: ImportOptions(format: .pushshift))
        #expect(forced.formats == [.pushshift])
        #expect(forced.summary.added == 27)
        // An API Listing read as dump lines: not a comment or submission.
        let wrong = try corpus.importFiles([Fixtures.path("reddit/morechildren.json")], options: ImportOptions(format: .pushshift))
        #expect(wrong.formats == [.pushshift])
        #expect(wrong.summary.added == 0)
        #expect(wrong.problems.map(\.reason) == ["neither a comment ('body') nor a submission ('title')"])
    }

    @Test func badLinesAreReportedAndSkipped() throws {
        let corpus = try TemporaryCorpus()
        let file = try corpus.write(
            "dump.ndjson",
            """
            {"id": "k1", "author": "a", "body": "ok", "created_utc": 1700000000, "subreddit": "s", "link_id": "t3_p", "parent_id": "t3_p"}
            {"id": "k2", "author": "b", "body": "bad date", "created_utc": "yesterday", "subreddit": "s"}
            {"id": "k3", "author": "c", "subreddit": "s", "created_utc": 1700000000}
            {"id": "k4", "body": "cut off
            [{"id": "k5", "title": "in an array", "created_utc": 1700000001.9, "subreddit": "s"}]

            {"author": "d", "body": "no id", "created_utc": 1700000000, "subreddit": "s"}
            """)
        let outcome = try corpus.importFiles([file], options: ImportOptions(format: .pushshift))
        #expect(outcome.summary.added == 2)
        #expect(outcome.problems.map(\.location) == ["2", "3", "4:22", "7"])
        #expect(outcome.problems[0].reason == "comment k2: 'created_utc' \"yesterday\" is not epoch seconds")
        #expect(outcome.problems[1].reason == "neither a comment ('body') nor a submission ('title')")
        #expect(outcome.problems[3].reason == "comment without an 'id'")
        let inArray = try #require(try corpus.post("reddit", "k5"))
        #expect(inArray["published_at"] == .integer(1_700_000_001))
        #expect(inArray["url"] == .text("https://www.reddit.com/r/s/comments/k5/"))
        #expect(inArray["origin_line"] == .integer(5))
    }
}
