import BeatCore
import BeatSQLite
import BeatTestSupport
import Testing

/// The reddit-top-2.5-million CSV (one subreddit per file, no author or
/// subreddit column) through the generic CSV reader, with `--source reddit
/// --venue LifeProTips` (the fixture is r/LifeProTips). Expected values were
/// read from the fixture with Python's csv module.
@Suite struct RedditCSVImportTests {
    let file = Fixtures.path("reddit/subreddit_top.csv")
    let options = ImportOptions(source: "reddit", venue: "LifeProTips")

    @Test func importsEveryRow() throws {
        let corpus = try TemporaryCorpus()
        let outcome = try corpus.importFiles([file], options: options)
        #expect(outcome.formats == [.csv])
        // Python's csv module reads 40 records from these 203 lines (selftext spans lines).
        #expect(outcome.summary.added == 40)
        #expect(outcome.problems.isEmpty)
        #expect(try corpus.integer("SELECT count(*) FROM posts WHERE source = 'reddit' AND author IS NULL AND title IS NOT NULL") == 40)
        let ids = try corpus.rows("SELECT source_id FROM posts ORDER BY source_id").compactMap { $0[0].stringValue }
        #expect(
            ids == [
                "10c0ev", "11c6pu", "11yb1g", "136zs4", "13mdr5", "13r2af", "13zrbc", "15gh9j", "15ix9u", "16u1m3",
                "179eoy", "17yswp", "187ieh", "1a0v1a", "1bxaa5", "1c5cex", "1e55eg", "1ekv6e", "1epb1m", "1gipq6",
                "1gpmb9", "1h2tqx", "1hivuk", "1ifus5", "oikye", "pi38j", "q9b2p", "qm80w", "rjdbs", "rt6qq",
                "savv7", "t0bv5", "uu6er", "v9up7", "vdrlq", "vfo0q", "x88bz", "z0lm6", "zeotu", "zoy76",
            ])

        // created_utc is a string with a fraction ("1353826665.0").
        let jar = try #require(try corpus.post("reddit", "13r2af"))
        #expect(jar["published_at"] == .integer(1_353_826_665))
        #expect(
            jar["title"]
                == .text(
                    "Start 2013 off with an empty jar and fill it with notes of good things that happen. On new years eve, empty it and see what awesome stuff happened that year."
                ))
        #expect(jar["text"] == .text(""))
        #expect(jar["score"] == .integer(6490))
        #expect(
            jar["url"] == .text("http://www.reddit.com/r/LifeProTips/comments/13r2af/start_2013_off_with_an_empty_jar_and_fill_it_with/"))
        #expect(jar["origin_line"] == .integer(2))
        // Edited later ("1346266474.0"): published_at is created_utc.
        #expect(try corpus.post("reddit", "z0lm6")?["published_at"] == .integer(1_346_243_185))
        // A record whose selftext spans lines is numbered by its first line.
        #expect(try corpus.post("reddit", "1gipq6")?["origin_line"] == .integer(186))
        #expect(try corpus.integer("SELECT count(*) FROM posts_fts WHERE posts_fts MATCH 'incognito'") == 2)
        try corpus.checkIndexIntegrity()
    }

    @Test func multiLineSelftextKeepsItsLineBreaks() throws {
        let corpus = try TemporaryCorpus()
        _ = try corpus.importFiles([file], options: options)
        #expect(
            try corpus.post("reddit", "136zs4")?["text"]
                == .text(
                    "In college I had a professor that changed the way I wrote papers forever. After his class I became an English major and loved writing papers.\n\nHe gave a formula to our class: If you had an eight page paper to write, that means you need to write roughly 16 paragraphs. If you write an introductory paragraph and conclusion, that leaves 14 body paragraphs. Write down 14 ideas that support your thesis, rearrange them to make sure there is a natural thought progression, and before you know it you had an 8-page well-structured essay.\n\nHope this helps!"
                ))
        // Line breaks in each multi-line selftext after normalisation (blank-line runs collapsed).
        let breaks = [
            "136zs4": 4, "1bxaa5": 4, "179eoy": 8, "187ieh": 2, "11yb1g": 3, "z0lm6": 4, "1c5cex": 12, "1e55eg": 2,
            "1epb1m": 2, "15gh9j": 48, "1ifus5": 4, "15ix9u": 4,
        ]
        for (id, count) in breaks {
            #expect(try lineBreaks(corpus, id) == count, "\(id)")
        }
        // Selftexts holding `&gt;` are entity-decoded but not read as HTML: their lines stay.
        #expect(
            try corpus.post("reddit", "1hivuk")?["text"]
                == .text(
                    "Put your camera on a tripod\n\nTake about 15 pictures about every 10 seconds\n\nOpen them all in Photoshop from File->Scripts->Statistics\n\nChoose \"median\"\n\nExample:\nhttp://i.imgur.com/Gkn1ngK.jpg"
                ))
        #expect(try lineBreaks(corpus, "1ekv6e") == 45)
        #expect(try lineBreaks(corpus, "1gipq6") == 10)
    }

    @Test func permalinksAreAbsolute() throws {
        let corpus = try TemporaryCorpus()
        _ = try corpus.importFiles([file], options: options)
        let ownAddress = "url LIKE 'http://www.reddit.com/r/LifeProTips/comments/' || source_id || '/%'"
        // The 22 self posts (is_self = True): their `url` column is their permalink.
        let selfPosts = [
            "11c6pu", "11yb1g", "136zs4", "13mdr5", "13r2af", "15gh9j", "15ix9u", "16u1m3", "179eoy", "187ieh", "1a0v1a",
            "1bxaa5", "1c5cex", "1e55eg", "1ekv6e", "1epb1m", "1gipq6", "1gpmb9", "1h2tqx", "1hivuk", "1ifus5", "z0lm6",
        ]
        let list = selfPosts.map { "'\($0)'" }.joined(separator: ",")
        #expect(try corpus.integer("SELECT count(*) FROM posts WHERE \(ownAddress) AND source_id IN (\(list))") == 22)
        // The 18 link posts too: the `permalink` column wins over the shared link in `url`.
        #expect(try corpus.integer("SELECT count(*) FROM posts WHERE \(ownAddress)") == 40)
        #expect(
            try corpus.post("reddit", "savv7")?["url"]
                == .text("http://www.reddit.com/r/LifeProTips/comments/savv7/lpt_when_camping_strap_a_head_lamp_to_a_gallon/"))
    }

    @Test func venueIsTheGivenSubreddit() throws {
        let corpus = try TemporaryCorpus()
        _ = try corpus.importFiles([file], options: options)
        // --venue wins over the `domain` column ("self.LifeProTips", "i.imgur.com").
        #expect(try corpus.integer("SELECT count(*) FROM posts WHERE venue = 'LifeProTips'") == 40)
    }

    @Test func reimportIsIdempotent() throws {
        let corpus = try TemporaryCorpus()
        #expect(try corpus.importFiles([file], options: options).summary.added == 40)
        let again = try corpus.importFiles([file], options: options)
        #expect(again.summary.added == 0)
        #expect(again.summary.updated == 0)
        #expect(again.summary.unchanged == 40)
        #expect(again.problems.isEmpty)
        #expect(try corpus.integer("SELECT count(*) FROM posts") == 40)
        try corpus.checkIndexIntegrity()
    }

    private func lineBreaks(_ corpus: TemporaryCorpus, _ id: String) throws -> Int? {
        try corpus.post("reddit", id)?["text"]?.stringValue?.filter { $0 == "\n" }.count
    }
}
