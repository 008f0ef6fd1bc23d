import BeatCore
import Testing

/// Omissions and insertions inside quotations, format detection, the evidence
/// an attribution was read from, and stories that try to break the reader.
@Suite struct StorySegmentsAndInputTests {
    static let segmentCases: [(quote: String, segments: [QuoteSegment])] = [
        ("We shipped it ... and it broke", [.text("We shipped it"), .omission, .text("and it broke")]),
        ("We shipped it… and it broke", [.text("We shipped it"), .omission, .text("and it broke")]),
        ("We shipped it [...] and it broke", [.text("We shipped it"), .omission, .text("and it broke")]),
        ("We shipped it […] and it broke", [.text("We shipped it"), .omission, .text("and it broke")]),
        ("We shipped it . . . and it broke", [.text("We shipped it"), .omission, .text("and it broke")]),
        ("[The company] shipped it", [.editorial("The company"), .text("shipped it")]),
        ("they was [sic] late again", [.text("they was"), .editorial("sic"), .text("late again")]),
        ("... and then it broke", [.omission, .text("and then it broke")]),
        ("it is 2.5 times faster. Really.", [.text("it is 2.5 times faster. Really.")]),
    ]

    @Test(arguments: segmentCases)
    func segments(_ example: (quote: String, segments: [QuoteSegment])) {
        let story = "\"\(example.quote)\" said kim."
        let quotes = StoryExtractor.quotes(in: story, format: .text, includeShort: true)
        #expect(quotes.count == 1)
        #expect(quotes.first?.segments == example.segments)
        #expect(quotes.first?.text == example.quote)
    }

    static let formatCases: [(story: String, path: String?, format: StoryFormat)] = [
        ("plain words", nil, .text),
        ("plain words", "story.md", .markdown),
        ("plain words", "story.HTML", .html),
        ("plain words", "story.htm", .html),
        ("# Title\n\nSome text.", nil, .markdown),
        ("> a block quote\n", nil, .markdown),
        ("See [the post](https://example.test).", nil, .markdown),
        ("<!DOCTYPE html><html><body><p>Hi</p></body></html>", nil, .html),
        ("<p>Hi</p>", nil, .html),
        ("<p>Hi</p>", "notes.txt", .text),
        ("a < b and c > d", nil, .text),
    ]

    @Test(arguments: formatCases)
    func detectsFormat(_ example: (story: String, path: String?, format: StoryFormat)) {
        #expect(StoryExtractor.format(of: example.story, path: example.path) == example.format)
    }

    @Test func evidenceIsTheStorysWords() throws {
        let story = "\"Quantised to four bits it still beats the old one,\" wrote avaer on r/LocalLLaMA on March 3, 2026."
        let attribution = try #require(StoryExtractor.quotes(in: story, format: .text, includeShort: false).first?.attribution)
        #expect(attribution.evidence == "wrote avaer on r/LocalLLaMA on March 3, 2026")
        #expect(attribution.date?.text == "March 3, 2026")
        #expect(attribution.date.map { $0.end - $0.start } == 86_400)
    }

    // MARK: - Input

    @Test func byteOrderMarkIsDropped() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("\"A quote right at the start,\" said kim.".utf8)
        let story = try StoryInput.text(from: bytes, path: "story.txt")
        let quotes = StoryExtractor.quotes(in: story, format: .text, includeShort: false)
        #expect(quotes.map(\.column) == [1])
        #expect(quotes.first?.attribution?.author == "kim")
    }

    @Test func invalidUTF8IsAClearError() {
        let bytes = Array("line one\nline \"two".utf8) + [0xC3, 0x28] + Array(" end".utf8)
        #expect(throws: StoryInputError.invalidUTF8(path: "story.md", line: 2, offset: 18)) {
            try StoryInput.text(from: bytes, path: "story.md")
        }
        let error = StoryInputError.invalidUTF8(path: "story.md", line: 2, offset: 18)
        #expect(error.description.hasPrefix("story.md:2: the text is not valid UTF-8"))
        #expect(error.description.contains("iconv"))
    }

    @Test func binaryAndUTF16AreRefused() {
        #expect(throws: StoryInputError.binary(path: "photo.jpg")) {
            try StoryInput.text(from: [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46], path: "photo.jpg")
        }
        #expect(throws: StoryInputError.utf16(path: "story.txt")) {
            try StoryInput.text(from: [0xFF, 0xFE, 0x22, 0x00], path: "story.txt")
        }
    }

    @Test func emptyInputHasNoQuotes() throws {
        let story = try StoryInput.text(from: [], path: "-")
        for format in StoryFormat.allCases {
            #expect(StoryExtractor.quotes(in: story, format: format, includeShort: true).isEmpty)
        }
    }

    /// A story of one huge line with thousands of unbalanced marks of every kind is read
    /// in one pass: no crash, and the one real quotation at its end is found.
    @Test func hugeLineOfUnbalancedMarks() {
        let noise = String(repeating: "a \"b 'c \u{201C}d ‘e users' f ", count: 4_000)
        let quote = "\"the one real quotation is here,\" said kim."
        for format in StoryFormat.allCases {
            // HTML paragraphs are elements, not blank lines.
            let story = format == .html ? "<p>\(noise)</p>\n\n<p>\(quote)</p>" : noise + "\n\n" + quote
            let quotes = StoryExtractor.quotes(in: story, format: format, includeShort: false)
            #expect(quotes.last?.text == "the one real quotation is here,")
            #expect(quotes.last?.line == 3)
        }
    }

    @Test func quoteRunningToTheEndOfTheFile() {
        for story in [
            "\"It works fine\".[1] said kim.\n\n[1]: https://x.test", "\"a b c\"\u{00B9}.", "\"a b c\"[^x]", "\"a b c\"[[1]]",
            "> quote [1]", "> [1]", "\"", "\u{201C}", "'", "> ", "<blockquote>", "<blockquote><p>never closed", "[1]:", "\"a b c",
            "```\n\"x y z\"",
        ] {
            for format in StoryFormat.allCases {
                let quotes = StoryExtractor.quotes(in: story, format: format, includeShort: true)
                #expect(quotes.allSatisfy { !$0.text.isEmpty })
            }
        }
    }
}

/// Where each quotation ends, for the annotated story.
@Suite struct StoryQuoteEndTests {
    @Test func endsJustAfterTheClosingMark() throws {
        let markdown = "Intro \"the first quote is here\" and more.\n\n> block line one\n> block line two\n\n— kim\n"
        let quotes = StoryExtractor.quotes(in: markdown, format: .markdown, includeShort: false)
        #expect(quotes.map { "\($0.endLine ?? 0):\($0.endColumn ?? 0)" } == ["1:32", "4:17"])
        let html = "<p>A <q>quoted in a q element</q> and &ldquo;an entity quote here&rdquo; end.</p>"
        let htmlQuotes = StoryExtractor.quotes(in: html, format: .html, includeShort: false)
        #expect(htmlQuotes.map { "\($0.line):\($0.column)-\($0.endLine ?? 0):\($0.endColumn ?? 0)" } == ["1:6-1:34", "1:39-1:73"])
    }
}
