import BeatCore
import BeatTestSupport
import Foundation
import Testing

/// Inputs built to hang or exhaust a parser. Each must end, with an answer or
/// an error, and never a crash. (A 1 GB single line is in `scripts/hostile-inputs`,
/// too big for the suite.)
@Suite struct HostileInputTests {
    @Test func jsonNested100kLevelsIsRefusedNotACrash() throws {
        let home = try TemporaryCorpus()
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: JSONParseError.self) { try JSONParser.parse(deep) }
        let object = String(repeating: "{\"a\":", count: 100_000) + "1" + String(repeating: "}", count: 100_000)
        let file = try home.write("deep.json", object)
        let outcome = try home.importFiles([file])
        #expect(outcome.summary.added == 0)
        #expect(!outcome.failures.isEmpty || !outcome.problems.isEmpty)
        #expect(try home.corpus.postCount() == 0)
    }

    @Test func aQueryOf10kTermsCompilesOrIsRefused() throws {
        let context = QueryContext(now: 1_790_000_000)
        let ors = (0..<10_000).map { "w\($0)" }.joined(separator: " OR ")
        let ands = (0..<10_000).map { "w\($0)" }.joined(separator: " ")
        for text in [ors, ands] {
            do {
                _ = try QueryCompiler.compile(text, context: context)
            } catch {
                #expect(!error.message.isEmpty)
            }
        }
    }

    @Test func aStoryOf100kQuotationMarksEnds() {
        for story in [
            String(repeating: "\"", count: 100_000), String(repeating: "“", count: 100_000), String(repeating: "\" a ", count: 100_000),
        ] {
            for format in StoryFormat.allCases {
                let quotes = StoryExtractor.quotes(in: story, format: format, includeShort: true)
                #expect(quotes.count <= 100_000)
            }
        }
    }

    @Test func anHTMLPageOfUnclosedTagsImports() throws {
        let home = try TemporaryCorpus()
        let page = "<html><head><title>Unclosed</title></head><body>" + String(repeating: "<div><p><span>text ", count: 50_000)
        let file = try home.write("unclosed.html", page)
        let outcome = try home.importFiles([file])
        #expect(outcome.summary.added + outcome.summary.skipped + outcome.failures.count >= 1)
    }
}
