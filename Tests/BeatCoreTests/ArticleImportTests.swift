import BeatCore
import BeatSQLite
import BeatTestSupport
import Foundation
import Testing

/// Articles (`--as article`): the Markdown and text fixtures in `Fixtures/news`,
/// and HTML pages and front matter variants written inline. Expected ids were
/// computed with Python's hashlib from the fixture text.
@Suite struct ArticleImportTests {
    /// A copy of a fixture with a known modification time, under another name.
    private func copy(_ fixture: String, to name: String, in corpus: TemporaryCorpus, modified: TimeInterval) throws -> String {
        let contents = try String(contentsOfFile: Fixtures.path(fixture), encoding: .utf8)
        let path = try corpus.write(name, contents)
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: modified)], ofItemAtPath: path)
        return path
    }

    @Test func markdownWithFrontMatter() throws {
        let corpus = try TemporaryCorpus()
        let outcome = try corpus.importFiles([Fixtures.path("news/article.md")])
        #expect(outcome.formats == [.article])
        #expect(outcome.summary.added == 1)
        #expect(outcome.problems.isEmpty)

        let post = try #require(try corpus.post("news", "https://news.example.com/2024/11/14/open-weight-models-close-the-gap"))
        #expect(post["title"] == .text("Open-weight models close the gap, but \u{201C}open source\u{201D} still means different things"))
        #expect(post["author"] == .text("Dana Whitfield"))
        #expect(post["venue"] == .text("Example Tech Daily"))
        #expect(post["published_at"] == .integer(1_731_576_600))  // 2024-11-14T09:30:00Z
        #expect(post["url"] == .text("https://news.example.com/2024/11/14/open-weight-models-close-the-gap"))
        #expect(post["origin_line"] == .integer(1))
        // The heading repeating the title is not kept twice; Markdown stays as written.
        let text = try #require(post["text"]?.stringValue)
        #expect(text.hasPrefix("A year ago, the best openly downloadable language models trailed the commercial leaders by a wide\nmargin"))
        #expect(text.contains("several **open-weight**\nreleases"))
        #expect(
            text.contains(
                "within days of each release. Researchers say the shift is\ndriven less by raw scale than by better training data and distillation from larger models.\n\nThe label is contested, though."
            ))
        #expect(text.hasSuffix("which\nobligations apply when the weights are freely available."))
        let raw = try #require(post["raw"]?.stringValue)
        #expect(raw.hasPrefix("{\"title\":\"Open-weight models close the gap"))
        #expect(raw.contains("\"venue\":\"Example Tech Daily\""))
        #expect(try corpus.integer("SELECT count(*) FROM posts_fts WHERE posts_fts MATCH 'distillation'") == 1)
        try corpus.checkIndexIntegrity()
    }

    @Test func plainTextTakesItsTitleFromTheFirstLineAndItsDateFromTheFile() throws {
        let corpus = try TemporaryCorpus()
        let path = try copy("news/article.txt", to: "labs.txt", in: corpus, modified: 1_700_000_000)
        let outcome = try corpus.importFiles([path])
        #expect(outcome.formats == [.article])
        #expect(outcome.summary.added == 1)
        #expect(outcome.problems.isEmpty)

        let id = "sha1-2c56893a3592ba53e7f71225b0455e9e2cdbfc84"
        let post = try #require(try corpus.post("news", id))
        #expect(post["title"] == .text("Small labs bet on open models to cut inference costs"))
        #expect(post["published_at"] == .integer(1_700_000_000))
        #expect(
            post["text"]?.stringValue?.hasPrefix(
                "Three start-ups that spoke to us this month have replaced a hosted language-model API with an\nopen-weight model") == true)
        #expect(post["text"]?.stringValue?.hasSuffix("Legal review, they said, now takes longer than the technical migration.") == true)
        #expect(post["author"] == .null)
        #expect(post["url"] == .null)
        #expect(post["venue"] == .null)
        #expect(post["raw"] == .null)

        // The same content from another path is the same record: the id does not depend on the path.
        let elsewhere = try copy("news/article.txt", to: "copy-of-labs.txt", in: corpus, modified: 1_700_000_000)
        let again = try corpus.importFiles([elsewhere])
        #expect(again.summary.added == 0)
        #expect(again.summary.unchanged == 1)
        #expect(try corpus.integer("SELECT count(*) FROM posts") == 1)
    }

    @Test func sourceAndVenueOptionsFillWhatTheArticleDoesNotSay() throws {
        let corpus = try TemporaryCorpus()
        let path = try copy("news/article.txt", to: "labs.txt", in: corpus, modified: 1_700_000_000)
        let outcome = try corpus.importFiles([path], options: ImportOptions(source: "web", venue: "Lab Notes"))
        #expect(outcome.summary.added == 1)
        let post = try #require(try corpus.post("web", "sha1-2c56893a3592ba53e7f71225b0455e9e2cdbfc84"))
        #expect(post["venue"] == .text("Lab Notes"))
        // Front matter wins over the options.
        let md = try corpus.importFiles([Fixtures.path("news/article.md")], options: ImportOptions(source: "web", venue: "Lab Notes"))
        #expect(md.summary.added == 1)
        #expect(
            try corpus.post("news", "https://news.example.com/2024/11/14/open-weight-models-close-the-gap")?["venue"]
                == .text("Example Tech Daily"))
    }

    @Test func frontMatterVariants() throws {
        let corpus = try TemporaryCorpus()
        // With a byte order mark and Windows line endings.
        let file = try corpus.write(
            "variant.md",
            "\u{FEFF}"
                + """
                ---
                title: 'It''s: a title'
                byline: "Sam \\"Q\\" Lee"
                published: 2024-11-14
                url: https://www.example.com/posts/7
                lang: de
                tags:
                  - ai
                  - policy
                ---
                Body text.
                """.replacingOccurrences(of: "\n", with: "\r\n"))
        let outcome = try corpus.importFiles([file])
        #expect(outcome.summary.added == 1)
        let post = try #require(try corpus.post("news", "https://www.example.com/posts/7"))
        #expect(post["title"] == .text("It's: a title"))
        #expect(post["author"] == .text("Sam \"Q\" Lee"))
        #expect(post["published_at"] == .integer(1_731_542_400))
        #expect(post["venue"] == .text("example.com"))  // the url's host
        #expect(post["lang"] == .text("de"))
        #expect(post["text"] == .text("Body text."))
        #expect(post["tags"] == .null)
        #expect(post["raw"]?.stringValue?.contains("\"tags\":[\"ai\",\"policy\"]") == true)
    }

    @Test func badOrMissingContentIsRejected() throws {
        let corpus = try TemporaryCorpus()
        // Windows-1252 text is not guessed at: the file is refused with the position of the first bad byte.
        let latin = try corpus.write("latin.txt", bytes: Array("Title\n\nA caf".utf8) + [0xE9, 0x2E])
        let refused = try corpus.importFiles([latin])
        #expect(
            refused.failures == [
                .malformedDocument(
                    path: latin, location: "3:6",
                    reason:
                        "byte 0xE9 is not valid UTF-8; if the text is in another encoding, convert it to UTF-8 (for example: iconv -f WINDOWS-1252 -t UTF-8)"
                )
            ])
        let badDate = try corpus.write("bad.md", "---\ntitle: T\ndate: next Tuesday\n---\nText.\n")
        let empty = try corpus.write("empty.md", "---\ndate: 2024-11-14\n---\n\n")
        let outcome = try corpus.importFiles([badDate, empty])
        #expect(outcome.summary.added == 0)
        #expect(
            outcome.problems.map(\.reason) == [
                "front matter date 'next Tuesday' is not a date Beat reads; write it as ISO 8601 (2024-11-14 or 2024-11-14T09:30:00Z) or use --date-format",
                "the article is empty: it has neither a title nor any text",
            ])
    }

    @Test func markdownTitleFromALaterHeadingOrASetextHeading() throws {
        let corpus = try TemporaryCorpus()
        let later = try corpus.write("later.md", "![banner](b.png)\n\n# The Real Title\n\nText.\n")
        let setext = try corpus.write("setext.md", "Setext Title\n============\n\nText two.\n")
        let long = try corpus.write("long.txt", String(repeating: "word ", count: 30) + "\n\nMore.\n")
        _ = try corpus.importFiles([later, setext, long])
        let titles = try corpus.rows("SELECT title, text FROM posts ORDER BY text").map { $0.map(\.stringValue) }
        #expect(titles.count == 3)
        #expect(titles.contains([nil, String(repeating: "word ", count: 29) + "word\n\nMore."]))
        #expect(titles.contains(["The Real Title", "![banner](b.png)\n\n# The Real Title\n\nText."]))
        #expect(titles.contains(["Setext Title", "Text two."]))
    }

    @Test func htmlPageMetadataAndArticleText() throws {
        let corpus = try TemporaryCorpus()
        let page = try corpus.write(
            "page.html",
            """
            <!DOCTYPE html>
            <html lang="en-GB"><head><meta charset="utf-8">
            <title>Fallback title - Daily Example</title>
            <meta property="og:title" content="Rivers rise &amp; fall | Daily Example">
            <meta property="og:site_name" content="Daily Example">
            <meta name="author" content="Jo Reporter">
            <meta property="article:published_time" content="2024-03-01T09:15:00-05:00">
            <link rel="canonical" href="https://www.daily.example.com/2024/rivers">
            <script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2020-01-01T00:00:00Z"}</script>
            <style>p { color: red }</style>
            </head><body><nav>Home | World</nav>
            <article><h1>Rivers rise</h1><script>var x = "<p>not text</p>";</script>
            <p>First paragraph with <a href="/x">a link</a>.</p><div><p>Second &mdash; nested.</p></div></article>
            <footer>© Daily Example</footer></body></html>
            """)
        let outcome = try corpus.importFiles([page])
        #expect(outcome.formats == [.article])
        #expect(outcome.summary.added == 1)
        let post = try #require(try corpus.post("news", "https://www.daily.example.com/2024/rivers"))
        #expect(post["title"] == .text("Rivers rise & fall"))  // the site name after " | " removed
        #expect(post["author"] == .text("Jo Reporter"))
        #expect(post["published_at"] == .integer(1_709_302_500))  // article:published_time wins over JSON-LD
        #expect(post["venue"] == .text("daily.example.com"))
        #expect(post["lang"] == .text("en-gb"))
        #expect(post["text"] == .text("Rivers rise\n\nFirst paragraph with a link.\n\nSecond \u{2014} nested."))
        #expect(post["raw"]?.stringValue?.contains("\"og:site_name\":\"Daily Example\"") == true)
    }

    @Test func htmlPageWithJSONLDAndNoArticleElement() throws {
        let corpus = try TemporaryCorpus()
        let page = try corpus.write(
            "ld.html",
            """
            <html><head><title>Only a title</title>
            <script type="application/ld+json">[{"@graph":[{"@type":"NewsArticle","headline":"Headline","datePublished":"2024-03-01T12:00:00.894Z","author":[{"@type":"Person","name":"Ana"},{"name":"Ben"}]}]}]</script>
            </head><body><p>Body text.</p>
            """)
        let outcome = try corpus.importFiles([page])
        #expect(outcome.summary.added == 1)
        let post = try #require(try corpus.rows("SELECT title, author, published_at, text, url, source_id FROM posts").first)
        #expect(post[0] == .text("Headline"))
        #expect(post[1] == .text("Ana, Ben"))
        #expect(post[2] == .integer(1_709_294_400))
        #expect(post[3] == .text("Body text."))  // an unclosed body runs to the end
        #expect(post[4] == .null)
        #expect(post[5].stringValue?.hasPrefix("sha1-") == true)
    }
}
