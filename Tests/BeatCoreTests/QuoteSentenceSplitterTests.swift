import BeatCore
import BeatTestSupport
import Foundation
import Testing

/// The sentence splitter that quotes are cut with: a table of texts and the
/// sentences a reader would see in them.
@Suite struct QuoteSentenceSplitterTests {
    static let table: [(text: String, sentences: [String])] = [
        // Abbreviations and initialisms.
        (
            "The U.S. will require licences. The rule applies at once.",
            ["The U.S. will require licences.", "The rule applies at once."]
        ),
        (
            "He moved to the U.S. The weather was better there.",
            ["He moved to the U.S.", "The weather was better there."]
        ),
        ("Use a mix, e.g. code and chat. Then measure it.", ["Use a mix, e.g. code and chat.", "Then measure it."]),
        ("Compare i.e. the same set. Done.", ["Compare i.e. the same set.", "Done."]),
        ("Dr. Smith arrived late. Mrs. Jones did not.", ["Dr. Smith arrived late.", "Mrs. Jones did not."]),
        (
            "John F. Kennedy spoke. No. 5 is next. No. That is wrong.",
            ["John F. Kennedy spoke.", "No. 5 is next.", "No.", "That is wrong."]
        ),
        ("Apple Inc. said so. It was Apple Inc. The end.", ["Apple Inc. said so.", "It was Apple Inc.", "The end."]),
        ("We met at 9 a.m. tomorrow is fine. Bring tea.", ["We met at 9 a.m. tomorrow is fine.", "Bring tea."]),
        ("Models, data, evals etc. all matter. But evals most.", ["Models, data, evals etc. all matter.", "But evals most."]),
        ("Python vs. Rust again. Sigh.", ["Python vs. Rust again.", "Sigh."]),
        // Decimals and numbers.
        ("Growth was 2.3 percent. Prices rose 0.5% in May.", ["Growth was 2.3 percent.", "Prices rose 0.5% in May."]),
        ("Apache 2.0 it is. Version 1.2.3 shipped.", ["Apache 2.0 it is.", "Version 1.2.3 shipped."]),
        // Ellipses.
        (
            "They measured perplexity on... wikitext. Of course it looks better.",
            ["They measured perplexity on... wikitext.", "Of course it looks better."]
        ),
        ("Wait\u{2026} What happened here?", ["Wait\u{2026}", "What happened here?"]),
        ("So\u{2026} that was that. Fine.", ["So\u{2026} that was that.", "Fine."]),
        // URLs and addresses.
        (
            "See https://example.com/a.b?c=d&e=f. Then reload the page.",
            ["See https://example.com/a.b?c=d&e=f.", "Then reload the page."]
        ),
        (
            "Mail me at first.last@example.org if it breaks. Thanks!",
            ["Mail me at first.last@example.org if it breaks.", "Thanks!"]
        ),
        ("r/LocalLLaMA is on www.reddit.com now. Go.", ["r/LocalLLaMA is on www.reddit.com now.", "Go."]),
        // Quotes and brackets around the end.
        ("He said \"Stop.\" Then he left.", ["He said \"Stop.\"", "Then he left."]),
        ("She wrote \u{201C}Never again.\u{201D} And meant it.", ["She wrote \u{201C}Never again.\u{201D}", "And meant it."]),
        ("(This is an aside.) The main point follows.", ["(This is an aside.)", "The main point follows."]),
        ("It failed (again). We retried.", ["It failed (again).", "We retried."]),
        ("Really?! Yes!! OK then.", ["Really?!", "Yes!!", "OK then."]),
        // Line and paragraph breaks.
        (
            "First line without a stop\nsecond line\n\nThird paragraph here.",
            ["First line without a stop", "second line", "Third paragraph here."]
        ),
        ("1) use the same set;\n\n2) measure elsewhere.", ["1) use the same set;", "2) measure elsewhere."]),
        ("  Leading and trailing space.   Next one.  ", ["Leading and trailing space.", "Next one."]),
        // CJK full stops need no space after them.
        ("美国商务部收紧了出口管制。短期看会拖慢进度！长期呢？", ["美国商务部收紧了出口管制。", "短期看会拖慢进度！", "长期呢？"]),
        ("Apache 2.0 なので商用でも使える。嬉しい🤖", ["Apache 2.0 なので商用でも使える。", "嬉しい🤖"]),
        ("彼は来た。「本当に？」と聞いた。", ["彼は来た。", "「本当に？」と聞いた。"]),
        // Accents and emoji do not disturb anything.
        ("Le café à Zürich est naïf. 🎉 Great!", ["Le café à Zürich est naïf.", "🎉 Great!"]),
        ("", []),
        ("   \n\n  ", []),
    ]

    @Test(arguments: table.indices)
    func splitsAsAReaderWould(_ index: Int) {
        let (text, expected) = Self.table[index]
        #expect(SentenceSplitter.sentences(in: text) == expected, "\(text)")
    }

    /// Every sentence is an exact, trimmed substring, in order, and only
    /// whitespace lies between them: nothing is lost or changed. Checked on
    /// every post of the demo corpus.
    @Test func sentencesCoverTheDemoCorpusExactly() throws {
        let lines = try String(contentsOfFile: SearchDemo.path, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 341)
        var sentences = 0
        for line in lines {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let text = try #require(object["text"] as? String)
            let scalars = Array(text.unicodeScalars)
            let ranges = SentenceSplitter.ranges(in: scalars)
            var position = 0
            for range in ranges {
                #expect(range.lowerBound >= position)
                #expect(scalars[position..<range.lowerBound].allSatisfy { $0.properties.isWhitespace })
                #expect(!scalars[range.lowerBound].properties.isWhitespace && !scalars[range.upperBound - 1].properties.isWhitespace)
                position = range.upperBound
            }
            #expect(scalars[position...].allSatisfy { $0.properties.isWhitespace })
            #expect(ranges.count >= text.components(separatedBy: "\n\n").count, "a paragraph break always ends a sentence")
            sentences += ranges.count
        }
        #expect(sentences > 341)
    }
}
