import BeatTestSupport
import Foundation
import Testing

/// A summary's pull quotes carry the sentences around them, so a sentence the next one
/// reverses is not read alone: `context` in json, shown in the table with `--context`.
@Suite struct SummaryQuoteContextTests {
    private func summary(_ extra: [String], home: TemporaryCorpus, db: String) throws -> BeatProcess.Result {
        try BeatProcess.run(
            ["--db", db, "--no-rc", "--now", "2026-11-20T00:00:00Z"] + extra + ["summary", "aurora", "--since", "2026-01"],
            home: home.directory)
    }

    @Test func quotesCarryTheirNeighbouringSentences() throws {
        let (home, db) = try BeatProcess.demoCorpus()
        let json = try summary(["--format", "json"], home: home, db: db)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let quotes = try #require(document["quotes"] as? [[String: Any]])
        #expect(quotes.allSatisfy { $0["context"] is [String: Any] }, "\(quotes)")
        let reversed = try #require(quotes.first { ($0["text"] as? String)?.hasPrefix("The company said the replacement") == true })
        let context = try #require(reversed["context"] as? [String: Any])
        #expect(
            context["after"] as? String
                == "It did not reverse the decision to release Aurora-2 under its new, more restrictive Community Licence.")
        #expect(context["before"] is NSNull || context["before"] is String)

        let plain = try summary([], home: home, db: db)
        #expect(!plain.stdout.contains("[after]"), "\(plain.stdout)")
        let withContext = try BeatProcess.run(
            ["--db", db, "--no-rc", "--now", "2026-11-20T00:00:00Z", "summary", "aurora", "--since", "2026-01", "--context"],
            home: home.directory)
        #expect(withContext.status == 0, "\(withContext.stderr)")
        #expect(withContext.stdout.contains("   [after] It did not reverse the decision to release Aurora-2"), "\(withContext.stdout)")
        #expect(withContext.stdout.contains("   [before] Words matter in regulation."), "\(withContext.stdout)")
    }
}
