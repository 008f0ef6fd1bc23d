import BeatCore
import BeatTestSupport
import Foundation
import Testing

/// The second labelled set, `Fixtures/check-wild`: eight stories in the newsroom's styles (a digest
/// quoting fragments inline, analyses with block quotes and dash lines, footnoted pieces; Markdown,
/// plain text and HTML) quoting real posts from the shared corpus, checked against a test corpus of
/// those posts and a few hundred distractors from the same weeks (`corpus.jsonl`, built by
/// `scripts/extract-check-corpus.py`; provenance in `PROVENANCE.md`).
@Suite struct CheckWildEvaluationTests {
    struct Label: Decodable {
        var story: String
        var line: Int
        /// The start of the quotation, to tell apart several on one line.
        var quote: String
        var verdict: String
        var `case`: String
        /// True when the edit changes the meaning (a negation, a number, a date, an antonym).
        var meaningChanged: Bool?

        enum CodingKeys: String, CodingKey {
            case story, line, quote, verdict, `case`
            case meaningChanged = "meaning_changed"
        }
    }

    static func folded(_ text: String) -> String {
        text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).joined(separator: " ")
    }

    @Test func verdictsOnTheStoriesFromTheWild() throws {
        let temporary = try TemporaryCorpus()
        let outcome = try temporary.importFiles([Fixtures.path("check-wild/corpus.jsonl")])
        #expect(outcome.summary.added >= 600)
        let checker = try QuoteChecker(corpus: temporary.corpus)
        let data = try Data(contentsOf: URL(fileURLWithPath: Fixtures.path("check-wild/stories.labels.json")))
        let labels = try JSONDecoder().decode([Label].self, from: data)
        #expect(labels.filter { $0.verdict != "term" }.count >= 120)
        #expect(Set(labels.map(\.story)).count >= 8)
        var table = ConfusionTable()
        var meaningMisses: [String] = []
        for (story, storyLabels) in Dictionary(grouping: labels, by: \.story).sorted(by: { $0.key < $1.key }) {
            let path = Fixtures.path("check-wild/" + story)
            let text = try String(contentsOfFile: path, encoding: .utf8)
            let format = StoryExtractor.format(of: text, path: path)
            let quotes = StoryExtractor.quotes(in: text, format: format, includeShort: false)
            let dateline = StoryExtractor.dateline(in: text, format: format)
            for label in storyLabels {
                let start = Self.folded(label.quote)
                let quote = quotes.first(where: { abs($0.line - label.line) <= 1 && Self.folded($0.text).hasPrefix(start) })
                if label.verdict == "term" {
                    // A term is skipped, not checked: found by the extractor, then recognised as a term.
                    let term = try #require(quote, "\(story):\(label.line): no quotation \(label.quote) extracted")
                    #expect(try checker.isTerm(term), "\(story):\(label.line): \(label.quote) not taken for a term")
                    continue
                }
                let expected = try #require(CheckVerdict(rawValue: label.verdict), "\(story):\(label.line): unknown verdict")
                guard let quote else {
                    Issue.record("\(story):\(label.line): no quotation \(label.quote) extracted (\(label.case))")
                    table.add(expected: expected, actual: nil)
                    continue
                }
                #expect(try !checker.isTerm(quote), "\(story):\(label.line): a quotation taken for a term (\(label.case))")
                let finding = try checker.check(quote, dateline: dateline)
                table.add(expected: expected, actual: finding.verdict)
                if finding.verdict != expected {
                    print(
                        "\(story):\(label.line): expected \(expected.rawValue), got \(finding.verdict.rawValue) "
                            + "(\(label.case)); similarity \(finding.similarity); \(finding.reason)")
                }
                if (label.meaningChanged ?? false) != (finding.meaningChange != nil), finding.verdict == expected {
                    meaningMisses.append("\(story):\(label.line)")
                }
                if finding.verdict == .notFound || finding.verdict == .outsideCoverage {
                    #expect(finding.evidence != nil, "\(story):\(label.line): no coverage evidence")
                }
            }
        }
        print(table.rendered)
        print("meaning changes missed or wrongly flagged: \(meaningMisses)")
        #expect(table.precision(.verified) == 1, "an altered or invented quote was called verified")
        #expect(table.precision(.notFound) >= 0.95)
        #expect(table.accuracy >= 0.93)
        #expect(table.unextracted == 0)
        #expect(meaningMisses.count <= 2)
        for verdict in CheckVerdict.allCases {
            #expect(labels.filter { $0.verdict == verdict.rawValue }.count >= 15)
        }
    }
}
