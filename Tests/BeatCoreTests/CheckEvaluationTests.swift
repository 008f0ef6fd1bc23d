import BeatCore
import BeatTestSupport
import Foundation
import Testing

/// The labelled evaluation set in `Fixtures/check`: six stories written for
/// it (Markdown, plain text, HTML) quoting the demo corpus, and
/// `stories.labels.json` giving each quotation's line and expected verdict.
/// Every story goes through `StoryExtractor` and every quotation through
/// `QuoteChecker`, as `check` runs them.
@Suite struct CheckEvaluationTests {
    struct Label: Decodable {
        var story: String
        var line: Int
        var verdict: String
        /// What the quotation tests, for the failure message.
        var `case`: String
    }

    static func labels() throws -> [Label] {
        let data = try Data(contentsOf: URL(fileURLWithPath: Fixtures.path("check/stories.labels.json")))
        return try JSONDecoder().decode([Label].self, from: data)
    }

    @Test func verdictsOnTheLabelledStories() throws {
        let demo = try SearchDemo.corpus()
        let checker = try QuoteChecker(corpus: demo.corpus)
        let labels = try Self.labels()
        #expect(labels.count >= 80)
        #expect(Set(labels.map(\.story)).count >= 6)
        var table = ConfusionTable()
        for (story, storyLabels) in Dictionary(grouping: labels, by: \.story).sorted(by: { $0.key < $1.key }) {
            let path = Fixtures.path("check/" + story)
            let text = try String(contentsOfFile: path, encoding: .utf8)
            let quotes = StoryExtractor.quotes(in: text, format: StoryExtractor.format(of: text, path: path), includeShort: false)
            for label in storyLabels {
                let expected = try #require(
                    CheckVerdict(rawValue: label.verdict), "\(story):\(label.line): unknown verdict \(label.verdict)")
                guard let quote = quotes.first(where: { $0.line == label.line }) else {
                    Issue.record("\(story):\(label.line): no quotation extracted at this line (\(label.case))")
                    table.add(expected: expected, actual: nil)
                    continue
                }
                let finding = try checker.check(quote)
                table.add(expected: expected, actual: finding.verdict)
                if finding.verdict != expected {
                    print(
                        "\(story):\(label.line): expected \(expected.rawValue), got \(finding.verdict.rawValue) "
                            + "(\(label.case)); similarity \(finding.similarity); \(finding.reason)")
                }
                if finding.verdict == .verified {
                    // A verified passage holds every word the story attributes to the speaker.
                    #expect(finding.similarity == 1)
                    #expect(finding.match != nil)
                }
            }
        }
        print(table.rendered)
        #expect(table.precision(.verified) == 1, "an altered or invented quote was called verified")
        #expect(table.precision(.notFound) >= 0.95)
        #expect(table.accuracy >= 0.93)
        #expect(table.unextracted == 0)
    }
}

/// Expected against actual verdicts, with the figures the README reports.
struct ConfusionTable {
    private(set) var counts: [CheckVerdict: [CheckVerdict: Int]] = [:]
    /// Labelled quotations the extractor did not find.
    private(set) var unextracted = 0
    private(set) var total = 0

    mutating func add(expected: CheckVerdict, actual: CheckVerdict?) {
        total += 1
        guard let actual else {
            unextracted += 1
            return
        }
        counts[expected, default: [:]][actual, default: 0] += 1
    }

    func count(expected: CheckVerdict, actual: CheckVerdict) -> Int { counts[expected]?[actual] ?? 0 }

    /// Of the quotations given `verdict`, the share that should have been; 1 when none were.
    func precision(_ verdict: CheckVerdict) -> Double {
        let given = CheckVerdict.allCases.map { count(expected: $0, actual: verdict) }.reduce(0, +)
        return given == 0 ? 1 : Double(count(expected: verdict, actual: verdict)) / Double(given)
    }

    /// Of the quotations labelled `verdict`, the share given it (unextracted ones count as missed).
    func recall(_ verdict: CheckVerdict) -> Double {
        let labelled = CheckVerdict.allCases.map { count(expected: verdict, actual: $0) }.reduce(0, +)
        return labelled == 0 ? 1 : Double(count(expected: verdict, actual: verdict)) / Double(labelled)
    }

    var accuracy: Double {
        let right = CheckVerdict.allCases.map { count(expected: $0, actual: $0) }.reduce(0, +)
        return total == 0 ? 0 : Double(right) / Double(total)
    }

    /// Rows labelled, columns given, then precision and recall per verdict and the accuracy.
    var rendered: String {
        let names = CheckVerdict.allCases.map(\.rawValue)
        let width = names.map(\.count).max() ?? 0
        func pad(_ text: String) -> String { String(repeating: " ", count: max(0, width - text.count)) + text }
        var lines = [pad("label \\ verdict") + " " + names.map(pad).joined(separator: " ")]
        for expected in CheckVerdict.allCases {
            lines.append(
                pad(expected.rawValue) + " "
                    + CheckVerdict.allCases.map { pad(String(count(expected: expected, actual: $0))) }.joined(separator: " "))
        }
        for verdict in CheckVerdict.allCases {
            lines.append(pad(verdict.rawValue) + String(format: " precision %.3f recall %.3f", precision(verdict), recall(verdict)))
        }
        lines.append(String(format: "accuracy %.3f (%d quotations, %d not extracted)", accuracy, total, unextracted))
        return lines.joined(separator: "\n")
    }
}
