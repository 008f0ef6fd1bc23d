import BeatCore
import BeatSQLite
import BeatTestSupport
import Testing

/// Hacker News through the Algolia API. Expected values were read from
/// algolia_search.json with Python (json, html.unescape).
@Suite struct AlgoliaImportTests {
    @Test func searchResponseHits() throws {
        let corpus = try TemporaryCorpus()
        let outcome = try corpus.importFiles([Fixtures.path("hackernews/algolia_search.json")])
        #expect(outcome.summary.added == 16)
        #expect(outcome.problems.isEmpty)
        #expect(outcome.formats == [.algolia])
        #expect(try corpus.integer("SELECT count(*) FROM posts WHERE source = 'hackernews' AND venue = 'HN'") == 16)

        let story = try #require(try corpus.post("hackernews", "15625325"))
        #expect(story["author"] == "sidcool")
        #expect(story["published_at"] == 1_509_807_932)
        #expect(story["title"] == "How to Build Your Own Blockchain Part 3 \u{2013} Writing Nodes That Mine and Talk")
        #expect(story["text"] == "")
        #expect(story["score"] == 63)
        #expect(story["parent"] == .null)
        #expect(story["thread"] == "15625325")
        #expect(story["url"] == "https://news.ycombinator.com/item?id=15625325")
        let raw = try #require(story["raw"]?.stringValue)
        #expect(raw.contains("\"url\":\"https://bigishdata.com/2017/11/02/build-your-own-blockchain-part-3-writing-nodes-that-mine/\""))
        #expect(raw.contains("\"_tags\":[\"story\",\"author_sidcool\",\"story_15625325\",\"front_page\"]"))
        // The query's highlighting is neither stored nor indexed.
        #expect(try corpus.integer("SELECT count(*) FROM posts WHERE raw LIKE '%_highlightResult%' OR raw LIKE '%<em>%'") == 0)
        #expect(
            try corpus.integer("SELECT count(*) FROM posts_fts WHERE posts_fts MATCH 'matchLevel OR matchedWords OR fullyHighlighted'") == 0
        )

        let comment = try #require(try corpus.post("hackernews", "15624971"))
        #expect(comment["author"] == "moltar")
        #expect(comment["published_at"] == 1_509_803_079)
        #expect(comment["parent"] == "15624825")
        #expect(comment["thread"] == "15624677")
        #expect(comment["title"] == .null)
        #expect(comment["score"] == .null)
        #expect(comment["text"] == "In which dreamland you get paid USD$155 per hour for Node.js work?")

        // `<i>` dropped, `&#x27;` decoded, paragraphs kept, shortened link written out.
        let quoted = try #require(try corpus.post("hackernews", "15625616")?["text"]?.stringValue)
        #expect(
            quoted.hasPrefix(
                "My first idea was flooding with almost non worthy transactions therefore wasting the miners. This was quickly debunked as I found out the miners would ignore 'empty' transactions.\n\nAlso, you have to pay a fee"
            ))
        #expect(
            quoted.contains(
                " https://bravenewcoin.com/news/bitcoin-spam-attack-stressed-network-for-at-least-18-months-claims-software-developer/\n\nAnother idea is,"
            ))
        #expect(quoted.hasSuffix("use the correct chain. https://www.usenix.org/node/190891"))
        #expect(quoted.components(separatedBy: "\n\n").count == 6)

        let ask = try #require(try corpus.post("hackernews", "15624942"))
        #expect(ask["title"] == "Ask HN: Are these possible ways to slow down a blockchain?")
        #expect(ask["score"] == 3)
        #expect(
            ask["text"]?.stringValue?.hasPrefix(
                "I am very skeptical for the blockchain technology and although I use it as a gambling addiction (or it uses me) I still use zero crypto based technologies.\n\nWithin my skepticism,"
            ) == true)
        #expect(ask["text"]?.stringValue?.hasSuffix("'break' the chain?\n\nExcuse my ignorance.") == true)
        try corpus.checkIndexIntegrity()

        let again = try corpus.importFiles([Fixtures.path("hackernews/algolia_search.json")], options: ImportOptions(format: .algolia))
        #expect(again.formats == [.algolia])
        #expect(again.summary.added == 0)
        #expect(again.summary.unchanged == 16)
    }

    @Test func sameItemFromFirebaseIsTheSamePost() throws {
        let corpus = try TemporaryCorpus()
        _ = try corpus.importFiles([Fixtures.path("hackernews/algolia_search.json")])
        let firebase = try corpus.write(
            "item.json",
            """
            {"by": "moltar", "id": 15624971, "parent": 15624825, "text": "In which dreamland you get paid USD$155 per hour for Node.js work?", "time": 1509803079, "type": "comment"}
            """)
        let outcome = try corpus.importFiles([firebase])
        #expect(outcome.formats == [.hackernews])
        #expect(outcome.summary.added == 0)
        #expect(outcome.summary.updated == 1)
        #expect(try corpus.integer("SELECT count(*) FROM posts") == 16)
        // Firebase does not name the root story: the thread Algolia gave is kept.
        #expect(try corpus.post("hackernews", "15624971")?["thread"] == "15624677")
    }

    @Test func itemsTreeIsWalkedPastDeletedComments() throws {
        let corpus = try TemporaryCorpus()
        // The /items/<id> shape of the API documentation: children nest, and a
        // deleted comment keeps its place (no author, no text) with its replies.
        let file = try corpus.write(
            "item.json",
            """
            {"id": 1, "created_at": "2006-10-09T18:21:51.000Z", "created_at_i": 1160418111, "type": "story",
             "author": "pg", "title": "Y Combinator", "url": "http://ycombinator.com", "text": null, "points": 57,
             "parent_id": null, "story_id": 1, "options": [], "children": [
               {"id": 15, "created_at": "2006-10-09T19:51:01.000Z", "created_at_i": 1160423461, "type": "comment",
                "author": "sama", "title": null, "url": null,
                "text": "&quot;the rising star of venture capital&quot; -unknown VC eating lunch on SHR",
                "points": null, "parent_id": 1, "story_id": 1, "options": [], "children": [
                  {"id": 17, "created_at": "2006-10-09T19:52:45.000Z", "created_at_i": 1160423565, "type": "comment",
                   "author": null, "title": null, "url": null, "text": null, "points": null, "parent_id": 15,
                   "story_id": 1, "options": [], "children": [
                     {"id": 18, "created_at": "2006-10-09T19:53:00.000Z", "type": "comment", "author": "pg",
                      "text": "Is there anywhere to eat on Sandhill Road?<p>Maybe.", "points": null, "parent_id": 17,
                      "story_id": 1, "options": [], "children": []}
                   ]}
                ]}
             ]}
            """)
        let outcome = try corpus.importFiles([file])
        #expect(outcome.formats == [.algolia])
        #expect(outcome.problems.isEmpty)
        #expect(outcome.summary.added == 3)
        #expect(try corpus.post("hackernews", "17") == nil)

        let story = try #require(try corpus.post("hackernews", "1"))
        #expect(story["title"] == "Y Combinator")
        #expect(story["score"] == 57)
        #expect(story["thread"] == "1")
        // The children are posts of their own, not part of the story's raw record.
        #expect(story["raw"]?.stringValue?.contains("sama") == false)
        let comment = try #require(try corpus.post("hackernews", "15"))
        #expect(comment["text"] == "\"the rising star of venture capital\" -unknown VC eating lunch on SHR")
        #expect(comment["published_at"] == 1_160_423_461)
        #expect(comment["thread"] == "1")
        let reply = try #require(try corpus.post("hackernews", "18"))
        #expect(reply["parent"] == "17")
        #expect(reply["thread"] == "1")
        #expect(reply["published_at"] == 1_160_423_580)  // from created_at: no created_at_i here
        #expect(reply["text"] == "Is there anywhere to eat on Sandhill Road?\n\nMaybe.")
        try corpus.checkIndexIntegrity()
    }

    @Test func badHitsAreReportedWithTheirPath() throws {
        let corpus = try TemporaryCorpus()
        let file = try corpus.write(
            "hits.json",
            """
            {"hits": [
              {"objectID": "101", "author": "a", "created_at_i": 1509800000, "comment_text": "fine", "parent_id": 100, "story_id": 100, "_tags": ["comment"]},
              {"objectID": "102", "author": "b", "comment_text": "no date", "_tags": ["comment"]},
              {"objectID": "103", "author": "c", "created_at_i": 1509800001, "comment_text": null, "title": null, "_tags": ["comment"]},
              "104"
            ], "nbHits": 4, "page": 0}
            """)
        let outcome = try corpus.importFiles([file])
        #expect(outcome.formats == [.algolia])
        #expect(outcome.summary.added == 1)
        #expect(outcome.problems.map(\.location) == ["$.hits[1]", "$.hits[2]", "$.hits[3]"])
        #expect(outcome.problems[0].reason.contains("no 'created_at_i' or 'created_at'"))
        #expect(outcome.problems[1].reason.contains("neither text nor title"))
    }
}
