import BeatTestSupport
import Foundation
import Testing

/// What `summary` is about: a beat by its name (its query shown in the header), and a
/// mistyped beat name caught instead of summarised as a word.
@Suite struct SummarySubjectTests {
    /// The default corpus of a fresh home: the demo with its three beats.
    private func run(_ arguments: [String], home: TemporaryCorpus) throws -> BeatProcess.Result {
        try BeatProcess.run(["--now", "2026-11-20T00:00:00Z", "--no-rc"] + arguments, home: home.directory)
    }

    @Test func aNameCloseToABeatsIsQuestionedAndNothingRuns() throws {
        let home = try TemporaryCorpus()
        for (typed, meant) in [("open-source", "open-source-ai"), ("ai-health", "ai-healthcare"), ("ai-geopolitcs", "ai-geopolitics")] {
            let result = try run(["summary", typed], home: home)
            #expect(result.status == 2, "\(typed): \(result.stdout)")
            #expect(result.stdout.isEmpty, "\(typed): \(result.stdout)")
            #expect(result.stderr.contains("did you mean beat '\(meant)'?"), "\(typed): \(result.stderr)")
        }
        // Quoted, the word is searched for.
        let word = try run(["summary", "\"open-source\""], home: home)
        #expect(word.status == 0, "\(word.stderr)")
        #expect(word.stdout.hasPrefix("Summary: \"open-source\""), "\(word.stdout)")
        // A word far from every beat is a query as before.
        let other = try run(["summary", "aurora"], home: home)
        #expect(other.status == 0 && other.stdout.hasPrefix("Summary: aurora"), "\(other.stderr)")
    }

    @Test func aBeatSummaryShowsTheBeatsQuery() throws {
        let home = try TemporaryCorpus()
        let stored = try run(["--format", "json", "beat", "show", "open-source-ai"], home: home)
        let beat = try #require(try JSONSerialization.jsonObject(with: Data(stored.stdout.utf8)) as? [String: Any])
        let query = try #require(beat["query"] as? String)
        let table = try run(["summary", "open-source-ai", "--since", "2026-01"], home: home)
        // The header wraps the query at the table's width.
        let header = table.stdout.components(separatedBy: "\n\n")[0].replacingOccurrences(of: "\n", with: " ")
        #expect(header.hasPrefix("Summary: beat open-source-ai query: \(query) "), "\(table.stdout)")
        let json = try run(["--format", "json", "summary", "open-source-ai"], home: home)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(document["query"] as? String == query)
    }
}
