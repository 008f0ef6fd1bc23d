import BeatCore
import BeatSQLite
import BeatTestSupport
import Testing

/// Mastodon statuses. Expected values were read from the fixtures with Python
/// (json, html.unescape, datetime for the ISO dates).
@Suite struct MastodonImportTests {
    @Test func accountTimelineWithABoost() throws {
        let corpus = try TemporaryCorpus()
        let outcome = try corpus.importFiles([Fixtures.path("mastodon/statuses.json")])
        #expect(outcome.summary.added == 10)
        #expect(outcome.problems.isEmpty)
        #expect(outcome.formats == [.mastodon])

        // A local account: acct has no domain, the instance comes from the profile url.
        let cw = try #require(try corpus.post("mastodon", "109335864066683251"))
        #expect(cw["author"] == "chainsawriot@social.tchncs.de")
        #expect(cw["venue"] == "social.tchncs.de")
        #expect(cw["published_at"] == 1_668_332_886)
        // The content warning is not a title: it opens the text, as Mastodon shows it.
        #expect(cw["title"] == .null)
        #expect(
            cw["text"]
                == "CW: guilty pleasure\n\nFor all the lists of whatever (e.g. scholars on Mastodon), I am always interested in seeing what/who gets left out rather than what/who on the list."
        )
        #expect(cw["url"] == "https://social.tchncs.de/@chainsawriot/109335864066683251")
        #expect(cw["parent"] == .null)
        #expect(cw["thread"] == "109335864066683251")
        #expect(cw["lang"] == "en")
        #expect(cw["score"] == 0)

        let reply = try #require(try corpus.post("mastodon", "109333002065949660"))
        #expect(reply["parent"] == "109332950244519108")
        #expect(reply["thread"] == .null)
        #expect(reply["published_at"] == 1_668_289_216)
        #expect(reply["title"] == .null)
        #expect((reply["text"]?.stringValue ?? "").hasPrefix("CW: Die deutsche Sprache\n\n"))

        // The boost's wrapper is not stored; the original is, as its author wrote it.
        #expect(try corpus.post("mastodon", "109326585201181342") == nil)
        let original = try #require(try corpus.post("mastodon", "109326579741510097"))
        #expect(original["author"] == "schochastics@fosstodon.org")
        #expect(original["venue"] == "fosstodon.org")
        #expect(original["url"] == "https://fosstodon.org/@schochastics/109326579599502650")
        #expect(original["published_at"] == 1_668_191_217)
        #expect(original["score"] == 2)
        #expect(
            original["text"] == """
                #rstats package rtoot to interact with the Mastodon API is on its way to CRAN
                https://github.com/schochastics/rtoot

                thanks to my coauthor @chainsawriot and contributors @JBGruber and @urswilke to make this happen so fast
                """)
        #expect(original["raw"]?.stringValue?.hasPrefix("{\"id\":\"109326579741510097\",") == true)

        // Link shortened with invisible/ellipsis spans: the whole address, once.
        #expect(
            try corpus.post("mastodon", "109331854455511759")?["text"] == """
                Kate Darling: "Sometimes cowards are worse than assholes"

                https://www.youtube.com/watch?v=r-VuWEWjIhY
                """)
        #expect(try corpus.integer("SELECT count(*) FROM posts WHERE text LIKE '%youtube.com%youtube.com%'") == 0)
        try corpus.checkIndexIntegrity()
        #expect(try corpus.integer("SELECT count(*) FROM posts_fts WHERE posts_fts MATCH 'rtoot'") == 3)

        let again = try corpus.importFiles([Fixtures.path("mastodon/statuses.json")])
        #expect(again.summary.added == 0)
        #expect(again.summary.unchanged == 10)
    }

    @Test func singleStatusWithContentWarning() throws {
        let corpus = try TemporaryCorpus()
        let outcome = try corpus.importFiles([Fixtures.path("mastodon/status.json")])
        #expect(outcome.summary.added == 1)
        #expect(outcome.formats == [.mastodon])
        let post = try #require(try corpus.post("mastodon", "110446223051565765"))
        #expect(post["author"] == "halcy@icosahedron.website")
        #expect(post["venue"] == "icosahedron.website")
        #expect(post["published_at"] == 1_685_275_610)
        #expect(post["title"] == .null)
        #expect(
            post["text"]
                == "CW: test post for mastodon.py stuff\n\n@halcy you're a doo-doo head\n\nedit: editing this to have the maximum amount of fields filled :trans_heart: #ThisIsAHashtag"
        )
        #expect(post["url"] == "https://icosahedron.website/@halcy/110446222386355655")
        #expect(post["lang"] == "de")
        #expect(post["score"] == 1)
    }

    @Test func streamingLinesWithUnescapedLineSeparators() throws {
        let corpus = try TemporaryCorpus()
        let outcome = try corpus.importFiles([Fixtures.path("mastodon/statuses.ndjson")])
        #expect(outcome.summary.added == 11)
        #expect(outcome.problems.isEmpty)
        #expect(outcome.formats == [.mastodon])
        // Lines 1 and 11 hold U+2028/U+2029 inside strings: one record each.
        #expect(try corpus.post("mastodon", "109381959557414527")?["origin_line"] == 1)
        #expect(try corpus.post("mastodon", "109381959864591158")?["origin_line"] == 11)
        #expect(try corpus.post("mastodon", "109381959557414527")?["raw"]?.stringValue?.contains("\\u2028") == true)

        let local = try #require(try corpus.post("mastodon", "109381959870434475"))
        #expect(local["author"] == "patentbuddy@mastodon.social")
        #expect(local["venue"] == "mastodon.social")
        #expect(local["published_at"] == 1_669_036_252)
        #expect(
            local["text"]
                == "IP finance: FTC Hits Vonage with $100 million Hammer for \"Dark Patterns\" http://www.ip.finance/2022/11/ftc-hits-vonage-with-100-million-hammer.html"
        )

        // Misskey HTML (<p><span>), no language, url == uri.
        let misskey = try #require(try corpus.post("mastodon", "109381959901769878"))
        #expect(misskey["author"] == "yumi@ypolis.net")
        #expect(misskey["url"] == "https://ypolis.net/notes/97udeid0od")
        #expect(misskey["lang"] == .null)
        #expect(misskey["text"] == "つまり月に15000円以上稼いでも自分の財布に入らないってこと？それはもういっそ6時間働くか一切働かないかの方が良くない？")

        let remoteReply = try #require(try corpus.post("mastodon", "109381959850181233"))
        #expect(remoteReply["parent"] == "109381949457265806")
        #expect(remoteReply["thread"] == .null)
        #expect(remoteReply["text"]?.stringValue?.hasPrefix("10. https://github.com/bevyengine/bevy/pull/6699\n\nWhen rendering,") == true)

        let again = try corpus.importFiles([Fixtures.path("mastodon/statuses.ndjson")], options: ImportOptions(format: .mastodon))
        #expect(again.formats == [.mastodon])
        #expect(again.summary.unchanged == 11)
        #expect(again.summary.added == 0)
    }

    @Test func truncatedLineIsReportedAndTheRestImported() throws {
        let corpus = try TemporaryCorpus()
        let outcome = try corpus.importFiles([Fixtures.path("mastodon/malformed.ndjson")])
        #expect(outcome.formats == [.mastodon])
        #expect(outcome.summary.added == 5)
        #expect(outcome.summary.skipped == 1)
        #expect(outcome.problems.map(\.location) == ["6:1"])
        #expect(outcome.problems.first?.reason.hasPrefix("not valid JSON") == true)

        // Pixelfed: no <p>, hashtags without spans, profile url without @.
        let pixelfed = try #require(try corpus.post("mastodon", "109401122201070287"))
        #expect(pixelfed["author"] == "vincent@pixey.org")
        #expect(pixelfed["venue"] == "pixey.org")
        #expect(pixelfed["text"] == "Thanksgiving bread rolls, from dough to dinner. #bread #thanksgiving")
        #expect(pixelfed["url"] == "https://pixey.org/p/vincent/501520675558516123")
        // An image with no words: stored with empty text.
        #expect(try corpus.post("mastodon", "109401124491164389")?["text"] == "")
        #expect(
            try corpus.post("mastodon", "109401124571212694")?["text"]
                == "I still love the pie thread.\n\nhttps://threadreaderapp.com/thread/1466773840147669006.html")
    }

    @Test func contextGivesEveryReplyItsThread() throws {
        let corpus = try TemporaryCorpus()
        let outcome = try corpus.importFiles([Fixtures.path("mastodon/context.json")])
        #expect(outcome.formats == [.mastodon])
        #expect(outcome.summary.added == 16)
        #expect(outcome.problems.isEmpty)
        // No ancestors: the thread starts at the status the context was asked for.
        #expect(try corpus.integer("SELECT count(*) FROM posts WHERE thread = '109294719267373593'") == 16)

        let deep = try #require(try corpus.post("mastodon", "109296717624349761"))
        #expect(deep["parent"] == "109296670102943070")
        #expect(deep["author"] == "OliKockova@toot.whatever.cz")
        #expect(deep["lang"] == "cs")
        #expect(
            deep["text"]?.stringValue?.hasSuffix(
                "In Sidekiq I can see another error:\nFor ActivityPub::DeliveryWorker\nMastodon::UnexpectedResponseError: https://mstdn.social/users/*username*/Inbox returned code 401"
            ) == true)

        // Pleroma: no <p>, attributes in another order, url == uri, no language.
        let pleroma = try #require(try corpus.post("mastodon", "109299340070790305"))
        #expect(pleroma["author"] == "andyc@pleroma.stream")
        #expect(pleroma["venue"] == "pleroma.stream")
        #expect(pleroma["published_at"] == 1_667_775_569)
        #expect(pleroma["url"] == "https://pleroma.stream/objects/22aae0d4-81f1-42b6-94cb-35b89f96a96a")
        #expect(pleroma["lang"] == .null)
        #expect(
            pleroma["text"]
                == "@austinkocher @Gargron @Mastodon Very timely release. All these new users to test the changes and provide feedback :-)")

        // The acct domain (unextro.net) names the person; the venue is the server hosting them.
        let split = try #require(try corpus.post("mastodon", "109296622643144971"))
        #expect(split["author"] == "ondra@unextro.net")
        #expect(split["venue"] == "social.unextro.net")
        #expect(try corpus.post("mastodon", "109297452549435392")?["score"] == 70)
        try corpus.checkIndexIntegrity()
    }

    @Test func contextWithAncestorsAndACutChain() throws {
        let corpus = try TemporaryCorpus()
        let status = { (id: String, parent: String?) in
            """
            {"id": "\(id)", "created_at": "2022-11-06T03:00:00.000Z", "in_reply_to_id": \(parent.map { "\"\($0)\"" } ?? "null"),
             "url": "https://example.social/@a/\(id)", "uri": "https://example.social/users/a/statuses/\(id)",
             "content": "<p>status \(id)</p>", "spoiler_text": "", "language": "en",
             "account": {"username": "a", "acct": "a", "url": "https://example.social/@a"}}
            """
        }
        let whole = try corpus.write(
            "whole.json",
            """
            {"ancestors": [\(status("10", nil)), \(status("11", "10"))], "descendants": [\(status("13", "12"))]}
            """)
        let cut = try corpus.write(
            "cut.json",
            """
            {"ancestors": [\(status("21", "20"))], "descendants": [\(status("23", "22"))]}
            """)
        let outcome = try corpus.importFiles([whole, cut])
        #expect(outcome.formats == [.mastodon, .mastodon])
        #expect(outcome.summary.added == 5)
        let threads = try corpus.rows("SELECT source_id, thread FROM posts ORDER BY source_id").map { $0.map(\.stringValue) }
        #expect(threads == [["10", "10"], ["11", "10"], ["13", "10"], ["21", nil], ["23", nil]])
        #expect(try corpus.post("mastodon", "11")?["author"] == "a@example.social")
    }

    @Test func statusEditsAndOtherObjectsAreRejectedWithAReason() throws {
        let corpus = try TemporaryCorpus()
        let file = try corpus.write(
            "history.json",
            """
            [{"content": "<p>first version</p>", "spoiler_text": "", "sensitive": false, "created_at": "2023-05-28T12:06:50.000Z",
              "account": {"acct": "halcy", "url": "https://icosahedron.website/@halcy"}},
             {"id": "1", "created_at": "not a date", "content": "", "account": {"acct": "x@y.z"}},
             {"karma": 1}]
            """)
        let outcome = try corpus.importFiles([file], options: ImportOptions(format: .mastodon))
        #expect(outcome.summary.added == 0)
        #expect(outcome.problems.map(\.location) == ["$[0]", "$[1]", "$[2]"])
        #expect(outcome.problems[0].reason.contains("status edit"))
        #expect(outcome.problems[1].reason.contains("is not a date"))
        #expect(outcome.problems[2].reason.contains("expected a Mastodon status"))
    }
}
