import BeatTestSupport
import Foundation
import Testing

/// `quotes` on a query that matches only headlines quotes the headlines, marked (issue 11).
@Suite struct QuotesHeadlineTests {
    static let posts = """
        {"id": "pw", "source": "news", "venue": "wellness", "author": "Post staff", "published_at": "2012-08-16T10:00:00Z", "title": "Prince William County wellness calendar, Aug. 23-30", "text": "Surviving After Suicide support group. For family and friends. Free.", "url": "https://example.com/pw"}
        {"id": "ld", "source": "news", "venue": "wellness", "author": "Post staff", "published_at": "2012-08-20T10:00:00Z", "title": "Loudoun County wellness calendar, Aug. 23-30", "text": "Reiki sessions for cancer patients to recharge and balance.", "url": "https://example.com/ld"}
        """

    @Test func headlinesAreQuotedAndMarked() throws {
        let home = try TemporaryCorpus()
        let db = home.directory + "/c.db"
        let file = try home.write("posts.jsonl", Self.posts)
        #expect(try BeatProcess.run(["--db", db, "import", file], home: home.directory).status == 0)
        let table = try BeatProcess.run(["--db", db, "quotes", "\"county wellness calendar\""], home: home.directory)
        #expect(table.status == 0, "\(table.stderr)")
        let markdown = try BeatProcess.run(["--db", db, "quotes", "\"county wellness calendar\"", "--format", "md"], home: home.directory)
        let json = try BeatProcess.run(["--db", db, "quotes", "\"county wellness calendar\"", "--format", "json"], home: home.directory)
        #expect(json.stdout.components(separatedBy: "\"headline\": true").count == 3)
        let golden = Golden.directory(besides: #filePath)
        Golden.check(table.stdout, "quotes-headline.txt", directory: golden)
        Golden.check(markdown.stdout, "quotes-headline.md", directory: golden)
        Golden.check(json.stdout, "quotes-headline.json", directory: golden)
    }
}
