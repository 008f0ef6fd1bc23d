import BeatCore
import BeatSQLite
import BeatTestSupport
import Foundation
import Testing

/// News feeds (`--as feed`) from the real fixtures in `Fixtures/news`.
/// Counts, dates and texts were read from the fixtures with Python
/// (ElementTree after stripping the leading newline, `email.utils` for RFC 822
/// dates, `datetime.fromisoformat` for ISO 8601, the cp1251 codec).
@Suite struct FeedImportTests {
    @Test func rss2WithCDATAContent() throws {
        let corpus = try TemporaryCorpus()
        let outcome = try corpus.importFiles([Fixtures.path("news/rss2.xml")])
        #expect(outcome.formats == [.feed])
        #expect(outcome.summary.added == 10)
        #expect(outcome.problems.isEmpty)
        #expect(outcome.failures.isEmpty)

        let post = try #require(try corpus.post("news", "http://tenderlovemaking.com/?p=198"))
        #expect(post["venue"] == .text("tenderlovemaking.com"))
        #expect(post["author"] == .text("Aaron Patterson"))
        #expect(post["published_at"] == .integer(1_228_411_069))  // Thu, 04 Dec 2008 17:17:49 +0000
        #expect(post["title"] == .text("Nokogiri\u{2019}s Slop Feature"))  // &#8217;
        #expect(post["url"] == .text("http://tenderlovemaking.com/2008/12/04/nokogiris-slop-feature/"))
        #expect(post["lang"] == .text("en"))
        #expect(post["tags"] == .null)
        // content:encoded (CDATA HTML) wins over the truncated description; tags go, entities are decoded.
        let text = try #require(post["text"]?.stringValue)
        #expect(text.hasPrefix("Oops! When I released nokogiri version 1.0.7, I totally forgot"))
        #expect(text.contains("via method calls.\n\nGiven this document:\n\ndoc = Nokogiri::Slop(<<-eohtml)"))
        #expect(text.hasSuffix("I love ruby!"))
        #expect(!text.contains("onclick") && !text.contains("codesnip") && !text.contains("&lt;"))
        // Markup shown as code in the post (escaped inside the CDATA) is text, as a browser shows it.
        #expect(text.contains("doc = Nokogiri::Slop(<<-eohtml)\n<html>\n  <body>\n    <p>hello</p>"))
        // Categories are kept in raw, which is JSON.
        let raw = try #require(post["raw"]?.stringValue)
        #expect(raw.contains("\"category\":[\"computadora\",\"nokogiri\",\"rails\"]"))
        #expect(raw.contains("\"dc:creator\":\"Aaron Patterson\""))
        #expect(raw.contains("\"guid\":{\"@isPermaLink\":\"false\",\"#text\":\"http://tenderlovemaking.com/?p=198\"}"))
        try corpus.checkIndexIntegrity()
    }

    @Test func atomWithXHTMLAndRelativeLinks() throws {
        let corpus = try TemporaryCorpus()
        let outcome = try corpus.importFiles([Fixtures.path("news/atom.xml")])
        #expect(outcome.formats == [.feed])
        #expect(outcome.summary.added == 20)
        #expect(outcome.problems.isEmpty)

        let plex = try #require(try corpus.post("news", "tag:intertwingly.net,2004:3308"))
        // `<link href="/blog/"/>` resolved against the self link http://intertwingly.net/blog/index.atom.
        #expect(plex["venue"] == .text("intertwingly.net"))
        #expect(plex["url"] == .text("http://intertwingly.net/blog/2013/01/30/Plex"))
        // No entry has an author: the feed's author is theirs.
        #expect(plex["author"] == .text("Sam Ruby"))
        // No `published`: `updated` 2013-01-30T10:12:03-08:00.
        #expect(plex["published_at"] == .integer(1_359_569_523))
        #expect(plex["title"] == .text("Plex"))
        let text = try #require(plex["text"]?.stringValue)
        #expect(
            text.hasPrefix(
                "Scott Hanselman: Plex is the media center software ecosystem I\u{2019}ve been waiting for\n\nUnhappy with Time Warner Cable"
            ))
        #expect(!text.contains("radialGradient") && !text.contains("<"))
        #expect(try corpus.integer("SELECT count(*) FROM posts WHERE author = 'Sam Ruby' AND venue = 'intertwingly.net'") == 20)

        let last = try #require(try corpus.post("news", "tag:intertwingly.net,2004:3289"))
        #expect(last["published_at"] == .integer(1_332_967_453))  // 2012-03-28T13:44:13-07:00
        #expect(last["url"] == .text("http://intertwingly.net/blog/2012/03/28/Keeping-it-on-the-Rails"))
        try corpus.checkIndexIntegrity()
    }

    @Test func rss1RDFItemsBesideTheChannel() throws {
        let corpus = try TemporaryCorpus()
        let outcome = try corpus.importFiles([Fixtures.path("news/rss1_rdf.xml")])
        #expect(outcome.formats == [.feed])
        // Ten `<item>`s; the channel's `<items>` table of contents is not one.
        #expect(outcome.summary.added == 10)
        #expect(outcome.problems.isEmpty)

        let chrome = try #require(try corpus.post("news", "http://www.avibryant.com/2008/09/chrome-v8-and-s.html"))
        #expect(chrome["venue"] == .text("avibryant.com"))
        #expect(chrome["author"] == .text("Avi"))
        #expect(chrome["published_at"] == .integer(1_220_385_007))  // dc:date 2008-09-02T12:50:07-07:00
        #expect(chrome["lang"] == .text("en-us"))  // dc:language en-US
        #expect(chrome["title"] == .text("Chrome, V8 and Strongtalk"))
        // content:encoded is entity-escaped HTML: decoded, then its tags removed.
        let text = try #require(chrome["text"]?.stringValue)
        #expect(text.contains("David Griswold has posted some more information on the Strongtalk list:\n\nThe V8 development team"))
        #expect(text.hasSuffix("The bad news: V8 is over 100,000 lines of C++."))
        #expect(!text.contains("&") && !text.contains("<a"))
        #expect(try corpus.post("news", "http://www.avibryant.com/2007/07/moving.html")?["published_at"] == .integer(1_183_616_125))
    }

    @Test func windows1251FeedIsDecodedPerItsDeclaration() throws {
        let corpus = try TemporaryCorpus()
        let outcome = try corpus.importFiles([Fixtures.path("news/iconv_cp1251.xml")])
        #expect(outcome.formats == [.feed])
        #expect(outcome.summary.added == 10)
        #expect(outcome.problems.isEmpty)

        // No guid: the link is the id.
        let first = try #require(try corpus.post("news", "http://www.oren.ru/news/2743422/"))
        #expect(first["title"] == .text("В Бузулуке главные стройплощадки – детсад и Ледовый дворец"))
        #expect(first["venue"] == .text("oren.ru"))
        #expect(first["published_at"] == .integer(1_390_401_091))  // Wed, 22 Jan 2014 20:31:31 +0600
        #expect(first["url"] == .text("http://www.oren.ru/news/2743422/"))
        // yandex:full-text (the whole article) is preferred to the one-sentence description.
        let text = try #require(first["text"]?.stringValue)
        #expect(text.hasPrefix("В Бузулуке обсудили вопросы, касающиеся главных строительных объектов города"))
        #expect(text.hasSuffix("кататься на коньках в свое удовольствие."))
        #expect(!text.contains("\u{FFFD}"))
        let last = try #require(try corpus.post("news", "http://www.oren.ru/news/2743388/"))
        #expect(last["title"] == .text("Имя героя увековечат в названии одной из улиц нашего города"))
        #expect(last["published_at"] == .integer(1_390_392_690))
        #expect(try corpus.integer("SELECT count(*) FROM posts_fts WHERE posts_fts MATCH 'детсад'") == 1)
    }

    @Test func illegallyNestedItemsAndNamedZones() throws {
        let corpus = try TemporaryCorpus()
        let outcome = try corpus.importFiles([Fixtures.path("news/illegally_nested.xml")])
        #expect(outcome.formats == [.feed])
        // Each item holds a stray `<item />`; those are not items of the channel.
        #expect(outcome.summary.added == 10)
        #expect(outcome.problems.isEmpty)

        // No guid; feedburner:origLink is the real address, preferred to the feedproxy link.
        let id = "http://www.pcmag.com/article2/0,2817,2525649,00.asp?kc=PCRSS03079TX1K0000584"
        let ces = try #require(try corpus.post("news", id))
        #expect(ces["url"] == .text(id))
        #expect(ces["title"] == .text("My Professional Armchair Analysis of CES"))
        #expect(ces["published_at"] == .integer(1_516_222_200))  // Wed, 17 Jan 2018 15:50:00 EST
        #expect(ces["venue"] == .text("pcmag.com"))
        #expect(
            ces["text"] == .text("No one needs to go to this annual gadget tradeshow when it's already over-covered by every media out"))
        #expect(
            ces["raw"]?.stringValue?.contains(
                "\"link\":\"http://feedproxy.google.com/~r/ziffdavis/pcmag/dvorak/~3/0O-eUfOYo94/0,2817,2525649,00.asp\"") == true)
        let vista = try #require(try corpus.post("news", "http://www.pcmag.com/article2/0,2817,2523452,00.asp?kc=PCRSS03079TX1K0000584"))
        #expect(vista["published_at"] == .integer(1_509_541_200))  // Wed, 01 Nov 2017 08:00:00 EST
    }

    @Test func feedWithoutXMLDeclaration() throws {
        let corpus = try TemporaryCorpus()
        let outcome = try corpus.importFiles([Fixtures.path("news/no_declaration.xml")])
        #expect(outcome.formats == [.feed])
        #expect(outcome.summary.added == 4)
        #expect(outcome.problems.isEmpty)

        let starCity = try #require(try corpus.post("news", "http://liftoff.msfc.nasa.gov/2003/06/03.html#item573"))
        #expect(starCity["author"] == .text("Writer"))  // <author>writer@example.com (Writer)</author>
        #expect(starCity["published_at"] == .integer(1_054_633_161))
        #expect(starCity["venue"] == .text("liftoff.msfc.nasa.gov"))
        #expect(starCity["lang"] == .text("en-us"))
        #expect(
            starCity["text"]
                == .text(
                    "How do Americans get ready to work with Russians aboard the International Space Station? They take a crash course in culture, language and protocol at Russia's Star City."
                ))
        // An item with neither title nor link: its guid identifies it, and it has no title.
        let eclipse = try #require(try corpus.post("news", "http://liftoff.msfc.nasa.gov/2003/05/30.html#item572"))
        #expect(eclipse["title"] == .null)
        #expect(eclipse["url"] == .text("http://liftoff.msfc.nasa.gov/2003/05/30.html#item572"))  // a permalink guid
        #expect(
            eclipse["text"]
                == .text(
                    "Sky watchers in Europe, Asia, and parts of Alaska and Canada will experience a partial eclipse of the Sun on Saturday, May 31st."
                ))
        #expect(eclipse["published_at"] == .integer(1_054_292_802))
    }

    @Test func jsonFeedItemsKeepTheirNativeJSON() throws {
        let corpus = try TemporaryCorpus()
        let outcome = try corpus.importFiles([Fixtures.path("news/json_feed.json")])
        #expect(outcome.formats == [.feed])
        #expect(outcome.summary.added == 20)
        #expect(outcome.problems.isEmpty)

        let id = "http://inessential.com/2017/06/02/james_dempsey_and_the_breakpoints_benefi"
        let post = try #require(try corpus.post("news", id))
        #expect(post["venue"] == .text("inessential.com"))
        #expect(post["author"] == .text("Brent Simmons"))  // the feed's author
        #expect(post["published_at"] == .integer(1_496_466_347))  // 2017-06-02T22:05:47-07:00
        #expect(post["title"] == .text("James Dempsey and the Breakpoints Benefit App Camp for Girls"))
        #expect(post["lang"] == .text("en-us"))
        #expect(post["url"] == .text(id))
        // content_html: tags gone, the no-break space after the dash is a plain space.
        #expect(post["text"]?.stringValue?.hasPrefix("On Wednesday night I know where I\u{2019}ll be \u{2014} playing keyboard") == true)
        #expect(post["raw"]?.stringValue?.hasPrefix("{\"id\":\"\(id)\",\"url\":\"\(id)\",\"title\":") == true)
        #expect(post["origin_line"] == .null)
        #expect(
            try corpus.post("news", "http://inessential.com/2017/03/25/my_cocoaconf_yosemite_2017_talk")?["published_at"]
                == .integer(1_490_468_121))
    }

    @Test func reimportIsIdempotent() throws {
        let corpus = try TemporaryCorpus()
        let files = [
            "rss2.xml", "atom.xml", "rss1_rdf.xml", "iconv_cp1251.xml", "illegally_nested.xml", "no_declaration.xml", "json_feed.json",
        ]
        .map { Fixtures.path("news/" + $0) }
        let first = try corpus.importFiles(files)
        #expect(first.summary.added == 84)
        #expect(first.formats == Array(repeating: .feed, count: 7))
        let again = try corpus.importFiles(files)
        #expect(again.summary.added == 0)
        #expect(again.summary.updated == 0)
        #expect(again.summary.unchanged == 84)
        #expect(try corpus.integer("SELECT count(*) FROM posts") == 84)
        #expect(try corpus.integer("SELECT count(*) FROM posts WHERE source <> 'news'") == 0)
        try corpus.checkIndexIntegrity()
    }

    @Test func asFeedOverridesDetectionAndRefusesNonFeeds() throws {
        let corpus = try TemporaryCorpus()
        let rss = try corpus.write("feed.txt", try String(contentsOfFile: Fixtures.path("news/no_declaration.xml"), encoding: .utf8))
        let outcome = try corpus.importFiles([rss], options: ImportOptions(format: .feed))
        #expect(outcome.formats == [.feed])
        #expect(outcome.summary.added == 4)

        let notAFeed = try corpus.importFiles([Fixtures.path("news/article.md")], options: ImportOptions(format: .feed))
        #expect(outcome.problems.isEmpty)
        #expect(notAFeed.failures.count == 1)
        guard case .malformedDocument(_, _, let reason)? = notAFeed.failures.first else {
            Issue.record("expected a malformed-document failure, got \(notAFeed.failures)")
            return
        }
        #expect(reason.contains("no XML element"))
    }
}

/// Feed pitfalls written inline, each smaller than any real file showing it.
@Suite struct FeedEdgeCaseTests {
    @Test func invalidUTF8InAUTF8FeedIsRefusedWithItsPosition() throws {
        let corpus = try TemporaryCorpus()
        // Line 3, after "<title>caf" (10 characters): a Latin-1 é.
        let bytes =
            Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss><channel><item>\n<title>caf".utf8) + [0xE9]
            + Array("</title><pubDate>Mon, 04 Mar 2024 10:00:00 +0000</pubDate></item></channel></rss>".utf8)
        let file = try corpus.write("latin1.xml", bytes: bytes)
        let outcome = try corpus.importFiles([file])
        #expect(outcome.summary.added == 0)
        #expect(
            outcome.failures == [
                .malformedDocument(
                    path: file, location: "3:11",
                    reason:
                        "byte 0xE9 is not valid UTF-8 although the feed declares utf-8; if the text is in another encoding, convert it to UTF-8 (for example: iconv -f WINDOWS-1252 -t UTF-8) or correct the declaration"
                )
            ])
        #expect(try corpus.integer("SELECT count(*) FROM posts") == 0)
    }

    @Test func windows1252DeclarationAfterACommentAndNewline() throws {
        let corpus = try TemporaryCorpus()
        let bytes =
            Array(
                "\n<!-- generated -->\n<?xml version=\"1.0\" encoding=\"windows-1252\"?>\n<rss><channel><link>https://www.Example.org/</link><item><guid>g1</guid><title>"
                    .utf8)
            + [0x93, 0x43, 0x61, 0x66, 0xE9, 0x94, 0x20, 0x96, 0x20, 0x80, 0x35]  // “Café” – €5
            + Array("</title><pubDate>Tue, 05 Mar 2024 08:30:00 PST</pubDate></item></channel></rss>".utf8)
        let file = try corpus.write("cp1252.xml", bytes: bytes)
        let outcome = try corpus.importFiles([file])
        #expect(outcome.formats == [.feed])
        #expect(outcome.summary.added == 1)
        let post = try #require(try corpus.post("news", "g1"))
        #expect(post["title"] == .text("\u{201C}Café\u{201D} \u{2013} €5"))
        #expect(post["published_at"] == .integer(1_709_656_200))
        #expect(post["venue"] == .text("example.org"))
        #expect(post["origin_line"] == .integer(4))
    }

    @Test func datesFallBackToTheChannelOrAreRejected() throws {
        let corpus = try TemporaryCorpus()
        let file = try corpus.write(
            "dates.xml",
            """
            <rss version="2.0"><channel><title>Dated</title><lastBuildDate>Mon, 04 Mar 2024 10:00:00 +0000</lastBuildDate>
            <item><guid>no-date</guid><title>Uses the channel date</title></item>
            <item><guid>bad-date</guid><title>Bad</title><pubDate>sometime last week</pubDate></item>
            <item><guid>minus-zero</guid><title>Minus zero</title><pubDate>Fri, 22 Sep 2023 16:30:15 -0000</pubDate></item>
            <item><guid>empty</guid><pubDate>Fri, 22 Sep 2023 16:30:15 -0000</pubDate></item>
            </channel></rss>
            """)
        let outcome = try corpus.importFiles([file])
        #expect(outcome.summary.added == 2)
        #expect(outcome.problems.map(\.location) == ["3", "5"])
        #expect(
            outcome.problems.first?.reason
                == "pubDate 'sometime last week' is not a date Beat reads (RFC 822 or ISO 8601); use --date-format for other forms")
        #expect(outcome.problems.last?.reason == "the item has neither a title nor any text")
        #expect(try corpus.post("news", "no-date")?["published_at"] == .integer(1_709_546_400))
        #expect(try corpus.post("news", "minus-zero")?["published_at"] == .integer(1_695_400_215))
        // No link: the venue is the feed's title.
        #expect(try corpus.post("news", "no-date")?["venue"] == .text("Dated"))

        let undated = try corpus.write("undated.xml", "<rss><channel><item><guid>u</guid><title>t</title></item></channel></rss>")
        let second = try corpus.importFiles([undated])
        #expect(second.summary.added == 0)
        #expect(
            second.problems.map(\.reason) == ["the item has no date (pubDate or dc:date) and the feed has no lastBuildDate to fall back on"]
        )
    }

    @Test func atomTextConstructsAndFractionalDates() throws {
        let corpus = try TemporaryCorpus()
        let file = try corpus.write(
            "entries.atom",
            """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en-GB" xml:base="https://blog.example.net/">
              <title>Example</title><updated>2024-03-01T00:00:00Z</updated>
              <link rel="alternate" type="text/html" href="/"/>
              <entry>
                <id>urn:1</id><title type="html">A &lt;b&gt;bold&lt;/b&gt; &amp;amp; brave move</title>
                <link rel="alternate" href="posts/1"/><link rel="edit" href="/edit/1"/>
                <published>2024-03-01T12:00:00.894Z</published><updated>2024-03-02T00:00:00Z</updated>
                <author><name>Ana</name></author><author><name>Ben</name></author>
                <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>First &amp; foremost.</p><p>Second.</p></div></content>
              </entry>
              <entry xml:lang="fr">
                <id>urn:2</id><title>Plain &lt;tag&gt; text</title><updated>2024-03-01T09:15:00-05:00</updated>
                <summary type="html">&lt;p&gt;Résumé&lt;/p&gt;</summary>
              </entry>
            </feed>
            """)
        let outcome = try corpus.importFiles([file])
        #expect(outcome.summary.added == 2)
        #expect(outcome.problems.isEmpty)
        let first = try #require(try corpus.post("news", "urn:1"))
        #expect(first["title"] == .text("A bold & brave move"))
        #expect(first["text"] == .text("First & foremost.\n\nSecond."))
        #expect(first["published_at"] == .integer(1_709_294_400))
        #expect(first["author"] == .text("Ana, Ben"))
        #expect(first["url"] == .text("https://blog.example.net/posts/1"))
        #expect(first["venue"] == .text("blog.example.net"))
        #expect(first["lang"] == .text("en-gb"))
        let second = try #require(try corpus.post("news", "urn:2"))
        #expect(second["title"] == .text("Plain <tag> text"))  // type="text": not HTML
        #expect(second["text"] == .text("Résumé"))
        #expect(second["published_at"] == .integer(1_709_302_500))
        #expect(second["lang"] == .text("fr"))
        #expect(second["url"] == .null)
    }

    @Test func itemWithoutIdOrLinkGetsAStableContentID() throws {
        let corpus = try TemporaryCorpus()
        let text = "<rss><channel><item><title>Only a title</title><pubDate>Mon, 04 Mar 2024 10:00:00 GMT</pubDate></item></channel></rss>"
        let a = try corpus.write("a.xml", text)
        let b = try corpus.write("b.xml", text)
        #expect(try corpus.importFiles([a]).summary.added == 1)
        let again = try corpus.importFiles([b])
        #expect(again.summary.unchanged == 1)
        let id = try #require(try corpus.rows("SELECT source_id FROM posts").first?.first?.stringValue)
        #expect(id.hasPrefix("sha1-") && id.count == 45)
    }

    @Test func unknownRootIsNotAFeed() throws {
        let corpus = try TemporaryCorpus()
        let file = try corpus.write("svg.xml", "<?xml version=\"1.0\"?>\n<svg><rss/></svg>")
        let outcome = try corpus.importFiles([file], options: ImportOptions(format: .feed))
        guard case .malformedDocument(_, let location, let reason)? = outcome.failures.first else {
            Issue.record("expected a malformed-document failure, got \(outcome.failures)")
            return
        }
        #expect(location == "2:1")
        #expect(reason.contains("<svg>"))
    }
}

/// A platform's own feed is that platform's posts: Hacker News's RSS files its items
/// under hackernews, with the HN item id, so they are the posts its API data holds.
@Suite struct PlatformFeedTests {
    @Test func hackerNewsRSSIsFiledUnderHackerNews() throws {
        let corpus = try TemporaryCorpus()
        let outcome = try corpus.importFiles([Fixtures.path("news/hn_rss.xml")])
        #expect(outcome.summary.added == 2)
        #expect(outcome.formats == [.feed])
        #expect(try corpus.integer("SELECT count(*) FROM posts WHERE source = 'news'") == 0)
        let post = try #require(try corpus.post("hackernews", "30937433"))
        #expect(post["venue"] == "HN")
        #expect(post["title"] == "AWS Lambda Function URLs: Built-In HTTPS Endpoints for Lambda")
        #expect(
            post["url"]
                == "https://aws.amazon.com/blogs/aws/announcing-aws-lambda-function-urls-built-in-https-endpoints-for-single-function-microservices/"
        )
        #expect(post["published_at"] == 1_649_279_267)
    }

    @Test func otherFeedsStayNews() throws {
        let corpus = try TemporaryCorpus()
        _ = try corpus.importFiles([Fixtures.path("news/rss2.xml")])
        #expect(try corpus.integer("SELECT count(*) FROM posts WHERE source <> 'news'") == 0)
    }
}
