import Testing

@testable import BeatCore

/// The lenient XML scanner and tree builder on hostile input: nothing may
/// fail, and what a browser would recover must be recovered.
@Suite struct XMLScannerTests {
    private func tokens(_ text: String) -> [XMLToken] {
        var scanner = XMLScanner(Array(text.utf8))
        var out: [XMLToken] = []
        while let (token, _, _) = scanner.next() { out.append(token) }
        return out
    }

    private func root(_ text: String) throws -> MarkupElement {
        let nodes = XMLTree.parse(Array(text.utf8), unnested: ["item"])
        let element = nodes.lazy.compactMap { node -> MarkupElement? in
            if case .element(let e) = node { return e }
            return nil
        }.first
        return try #require(element)
    }

    @Test func prologueCommentsDoctypeAndInstructions() {
        let found = tokens(
            "\n<!-- before -->\n<?xml version=\"1.0\"?><?xml-stylesheet href=\"a.xsl\"?><!DOCTYPE rss [<!ENTITY x \"y\">]><rss/>")
        #expect(
            found == [
                .text("\n"), .ignorable, .text("\n"),
                .processingInstruction(target: "xml", body: " version=\"1.0\""),
                .processingInstruction(target: "xml-stylesheet", body: " href=\"a.xsl\""),
                .ignorable,
                .startTag(name: "rss", attributes: [], selfClosing: true),
            ])
    }

    @Test func namesKeepPrefixesAndAttributesAreDecoded() {
        let found = tokens("<dc:creator xml:lang='en' title=\"a &amp; b\" bare=x checked>Jo</dc:creator>")
        #expect(
            found == [
                .startTag(
                    name: "dc:creator",
                    attributes: [
                        XMLAttribute(name: "xml:lang", value: "en"), XMLAttribute(name: "title", value: "a & b"),
                        XMLAttribute(name: "bare", value: "x"), XMLAttribute(name: "checked", value: ""),
                    ], selfClosing: false),
                .text("Jo"), .endTag(name: "dc:creator"),
            ])
    }

    @Test func entitiesXMLAndHTMLAndNumeric() {
        #expect(
            tokens("&lt;p&gt; &amp;amp; &#8217; &#x2014; &nbsp;&eacute; &unknown; AT&T") == [
                .text("<p> &amp; \u{2019} \u{2014}  é &unknown; AT&T")
            ])
    }

    @Test func strayLessThanIsText() {
        #expect(tokens("a < b <3 <") == [.text("a < b <3 <")])
        // A start tag whose `>` never comes is text too.
        #expect(tokens("x <b class=\"never") == [.text("x "), .text("<b class=\"never")])
    }

    @Test func cdataKeepsItsContentAsWritten() {
        #expect(tokens("<![CDATA[<p>a]]b ]] &amp;</p>]]>") == [.cdata("<p>a]]b ]] &amp;</p>")])
        // Unterminated: runs to the end.
        #expect(tokens("<![CDATA[tail") == [.cdata("tail")])
    }

    @Test func unclosedCommentRunsToTheEnd() {
        #expect(tokens("a<!-- never closed <b>x</b>") == [.text("a"), .ignorable])
    }

    @Test func endTagClosesEverythingOpenedAfterItsMatch() throws {
        let rss = try root("<rss><channel><item><title>A<b>bold</item><item><title>B</title></item></channel></rss>")
        let items = try #require(rss.child("channel")).children("item")
        #expect(items.count == 2)
        #expect(items[0].childText("title") == "Abold")
        #expect(items[1].childText("title") == "B")
    }

    @Test func aMissingEndTagDoesNotSwallowTheNextItem() throws {
        let channel = try root("<channel><item><title>A</title><item><title>B</title></item></channel>")
        #expect(channel.children("item").map { $0.childText("title") } == ["A", "B"])
        // A self-closed `<item/>` inside an item is only a child of it.
        let nested = try root("<channel><item><title>A</title><item/><link>x</link></item></channel>")
        #expect(nested.children("item").count == 1)
        #expect(nested.children("item").first?.childText("link") == "x")
    }

    @Test func strayEndTagsAreIgnored() throws {
        let element = try root("<a>one</b></c>two</a>")
        #expect(element.text == "onetwo")
    }

    @Test func unclosedElementsAreClosedAtTheEnd() throws {
        let element = try root("<feed><entry><title>t")
        #expect(element.child("entry")?.childText("title") == "t")
    }

    @Test func tenThousandLevelsOfNestingDoNotCrash() throws {
        let depth = 10_000
        let text =
            "<rss>" + String(repeating: "<div>", count: depth) + "deep" + String(repeating: "</div>", count: depth)
            + "<after>ok</after></rss>"
        let rss = try root(text)
        #expect(rss.text.hasPrefix("deep"))
        // Structure past the limit is flattened, and what follows is in place.
        #expect(rss.childText("after") == "ok")
        var levels = 0
        var current: MarkupElement? = rss
        while let element = current {
            levels += 1
            current = element.elements.first
        }
        #expect(levels <= XMLTree.maxDepth + 1)
        #expect(!rss.innerMarkup.isEmpty)
        // Unclosed, too.
        let unclosed = try root("<rss>" + String(repeating: "<p>", count: depth) + "x")
        #expect(unclosed.text == "x")
    }

    @Test func innerMarkupEscapesTextAgain() throws {
        let element = try root("<content type=\"xhtml\"><div><p>a &lt; b &amp; c</p><br/></div></content>")
        #expect(element.innerMarkup == "<div><p>a &lt; b &amp; c</p><br/></div>")
    }

    @Test func rawTextElementsInHTML() {
        var scanner = XMLScanner(Array("<script>if (a<b) { x = '</p>' }</script><p>t</p>".utf8), rawTextElements: ["script"])
        var found: [XMLToken] = []
        while let (token, _, _) = scanner.next() { found.append(token) }
        #expect(
            found == [
                .startTag(name: "script", attributes: [], selfClosing: false), .text("if (a<b) { x = '</p>' }"),
                .endTag(name: "script"), .startTag(name: "p", attributes: [], selfClosing: false), .text("t"), .endTag(name: "p"),
            ])
    }

    @Test func encodingDeclarations() throws {
        #expect(
            FeedEncoding.declared(in: Array("\n<!-- c -->\n<?xml version=\"1.0\" encoding=\"Windows-1251\"?><rss/>".utf8)) == "windows-1251"
        )
        #expect(FeedEncoding.declared(in: Array("<?xml version='1.0' encoding='ISO-8859-1' ?>".utf8)) == "iso-8859-1")
        #expect(FeedEncoding.declared(in: Array("<?xml version=\"1.0\"?><rss/>".utf8)) == nil)
        #expect(FeedEncoding.declared(in: Array("<?xml-stylesheet href=\"x\"?><rss/>".utf8)) == nil)
        // 0xC0 0xE0 = "Аа" in Windows-1251; 0x93 0x94 = curly quotes in Windows-1252.
        #expect(
            try FeedEncoding.utf8([0xC0, 0xE0, 0xA8, 0xB8], encoding: "windows-1251", path: "x", what: "the feed") == Array("АаЁё".utf8))
        #expect(
            try FeedEncoding.utf8([0x93, 0x61, 0x94, 0xE9], encoding: "iso-8859-1", path: "x", what: "the feed")
                == Array("\u{201C}a\u{201D}é".utf8))
        #expect(FeedEncoding.firstInvalidUTF8(Array("ok é".utf8)[...]) == nil)
        #expect(FeedEncoding.firstInvalidUTF8([0x61, 0xED, 0xA0, 0x80][...]) == 1)  // a surrogate
        #expect(FeedEncoding.firstInvalidUTF8([0x61, 0xE2, 0x82][...]) == 1)  // cut short
        #expect(throws: ImportError.unsupportedEncoding(path: "x", encoding: "klingon")) {
            try FeedEncoding.utf8([0x61], encoding: "klingon", path: "x", what: "the feed")
        }
    }

    @Test func rssAuthorNames() {
        #expect(FeedLinks.personName("writer@example.com (Jo Writer)") == "Jo Writer")
        #expect(FeedLinks.personName("Jo Writer <writer@example.com>") == "Jo Writer")
        #expect(FeedLinks.personName("writer@example.com") == "writer@example.com")
        #expect(FeedLinks.personName("Jo (the) Writer") == "Jo (the) Writer")
        #expect(FeedLinks.host(of: "https://WWW.Example.COM/path") == "example.com")
        #expect(FeedLinks.resolve("/blog/x", against: "http://example.com/feed.atom") == "http://example.com/blog/x")
    }
}
