import BeatTestSupport
import Foundation
import Testing

/// What `search` shows of each hit on the demo corpus.
@Suite struct SearchOutputTests {
    @Test func matchesInTitlesAreHighlighted() throws {
        let (home, db) = try BeatProcess.demoCorpus()
        let result = try BeatProcess.run(["--db", db, "--color", "search", "aurora", "--limit", "1"], home: home.directory)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            result.stdout.contains("\n   \u{1B}[1mAurora\u{1B}[22m Labs says licence swap on \u{1B}[1mAurora\u{1B}[22m-70B repo"),
            "\(result.stdout)")
        let plain = try BeatProcess.run(["--db", db, "--no-color", "search", "aurora", "--limit", "1"], home: home.directory)
        #expect(plain.stdout.contains("\n   Aurora Labs says licence swap on Aurora-70B repo"), "\(plain.stdout)")
    }

    @Test func aQuoteThatOpensWithAQuotationMarkShowsItOnce() throws {
        let (home, db) = try BeatProcess.demoCorpus()
        for format in ["table", "md"] {
            let result = try BeatProcess.run(["--db", db, "--format", format, "quotes", "said", "--limit", "40"], home: home.directory)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.contains("\"We planned for this,\" one said."), "\(format): \(result.stdout)")
            #expect(!result.stdout.contains("\"\"We planned"), "\(format): \(result.stdout)")
        }
    }
}
