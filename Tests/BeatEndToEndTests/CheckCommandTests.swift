import BeatCore
import BeatTestSupport
import Foundation
import Testing

/// `check` through the built `beat`, on the demo corpus: verdicts, the JSON document, exit statuses
/// a publishing pipeline relies on, and standard input.
@Suite struct CheckCommandTests {
    /// Quotes of demo posts: one exact, one with a changed number, one credited to the wrong
    /// person, one that nobody wrote, one dated before the corpus begins.
    static let mixedStory = """
        # Mixed

        "The AI triage tool that bumps suspected bleeds to the top of my worklist is genuinely great," wrote radgirl.bsky.social on Bluesky.

        "The audit questionnaire for a SaaS AI vendor was 150 questions," wrote rita@hachyderm.io on Mastodon.

        "Tools that reorder the queue: useful," wrote gguf_goblin on r/LocalLLaMA.

        "Quantum bakeries will replace every newsroom by the spring," said avaer on Hacker News.

        "We will publish every weight in 2019," wrote kim on Mastodon on March 3, 2019.

        """

    private func demo() throws -> (TemporaryCorpus, String) {
        try BeatProcess.demoCorpus()
    }

    @Test func aStoryWithUnverifiedQuotesExitsOneWithEveryVerdict() throws {
        let (home, db) = try demo()
        let story = try home.write("mixed.md", Self.mixedStory)
        let result = try BeatProcess.run(["--db", db, "--format", "json", "check", story], home: home.directory)
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.isEmpty, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["quotes", "summary"])
        let quotes = try #require(object["quotes"] as? [[String: Any]])
        #expect(quotes.map { $0["verdict"] as? String } == ["verified", "close", "misattributed", "not_found", "outside_coverage"])
        #expect(quotes.map { $0["line"] as? Int } == [3, 5, 7, 9, 11])
        #expect(quotes.allSatisfy { $0["column"] as? Int == 1 })
        let verified = try #require(quotes[0]["match"] as? [String: Any])
        #expect(verified["id"] as? String == "bluesky:3m66e256mndz4")
        #expect(verified["author"] as? String == "radgirl.bsky.social")
        #expect((verified["text"] as? String)?.contains("bumps suspected bleeds") == true)
        let stated = try #require(quotes[2]["attribution"] as? [String: Any])
        #expect(stated["author"] as? String == "gguf_goblin")
        #expect(stated["source"] as? String == "reddit")
        #expect(stated["venue"] as? String == "LocalLLaMA")
        let close = try #require(quotes[1]["differences"] as? [[String: String]])
        #expect(close.contains(["old": "140", "new": "150"]))
        #expect((quotes[1]["similarity"] as? Double).map { $0 > 0 && $0 < 1 } == true)
        #expect(quotes[3]["match"] is NSNull)
        let dated = try #require(quotes[4]["attribution"] as? [String: Any])
        #expect(dated["date"] as? String == "2019-03-03")
        let summary = try #require(object["summary"] as? [String: Int])
        #expect(summary == ["verified": 1, "close": 1, "misattributed": 1, "not_found": 1, "outside_coverage": 1])
    }

    @Test func anAllVerifiedStoryExitsZero() throws {
        let (home, db) = try demo()
        let result = try BeatProcess.run(["--db", db, "check", ExampleStory.path], home: home.directory)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.hasSuffix("3 verified, 0 close, 0 misattributed, 0 not found, 0 outside coverage\n"))
    }

    @Test func standardInputIsReadWithADash() throws {
        let (home, db) = try demo()
        let result = try BeatProcess.run(["--db", db, "--format", "jsonl", "check", "-"], input: Self.mixedStory, home: home.directory)
        #expect(result.status == 1)
        let verdicts = result.stdout.split(separator: "\n").map { line -> String? in
            let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            return object?["verdict"] as? String
        }
        #expect(verdicts == ["verified", "close", "misattributed", "not_found", "outside_coverage"])
    }

    @Test func unreadableStoriesAreUsageErrors() throws {
        let (home, db) = try demo()
        let missing = home.directory + "/missing-story.md"
        let result = try BeatProcess.run(["--db", db, "check", missing], home: home.directory)
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("error: \(missing): cannot read the story: No such file or directory"), "\(result.stderr)")
        let binary = try BeatProcess.run(["--db", db, "check", db], home: home.directory)
        #expect(binary.status == 2)
        #expect(binary.stderr.contains("looks like a binary file"))
        let latin1 = home.directory + "/latin1.txt"
        try Data([0x22, 0x63, 0x61, 0x66, 0xE9, 0x20, 0x61, 0x75, 0x20, 0x6C, 0x61, 0x69, 0x74, 0x22, 0x0A]).write(
            to: URL(fileURLWithPath: latin1))
        let notUTF8 = try BeatProcess.run(["--db", db, "check", latin1], home: home.directory)
        #expect(notUTF8.status == 2)
        #expect(notUTF8.stderr.contains("\(latin1):1: the text is not valid UTF-8"), "\(notUTF8.stderr)")
        let empty = try BeatProcess.run(["--db", db, "check", try home.write("empty.md", "")], home: home.directory)
        #expect(empty.status == 2)
        #expect(empty.stderr.contains("the story is empty"))
        let noArgument = try BeatProcess.run(["--db", db, "check"], home: home.directory)
        #expect(noArgument.status == 2)
        let badOption = try BeatProcess.run(["--db", db, "check", "--al", missing], home: home.directory)
        #expect(badOption.status == 2)
        #expect(badOption.stderr.contains("did you mean --all?"))
    }

    @Test func aStoryWithoutQuotationsExitsZeroWithANote() throws {
        let (home, db) = try demo()
        let story = try home.write("plain.md", "Nothing here is quoted, and the \"open\" scare quote is short.\n")
        let result = try BeatProcess.run(["--db", db, "--format", "json", "check", story], home: home.directory)
        #expect(result.status == 0)
        #expect(result.stderr.contains("no quotations found"))
        #expect(
            result.stdout
                == "{\"quotes\": [], \"summary\": {\"verified\": 0, \"close\": 0, \"misattributed\": 0, \"not_found\": 0, \"outside_coverage\": 0}}\n"
        )
        // --all checks the scare quote too, and the exit status follows its verdict.
        let all = try BeatProcess.run(["--db", db, "--format", "jsonl", "check", "--all", story], home: home.directory)
        let finding = try #require(try JSONSerialization.jsonObject(with: Data(all.stdout.utf8)) as? [String: Any])
        #expect(finding["quote"] as? String == "open")
        #expect(all.status == (finding["verdict"] as? String == "verified" ? 0 : 1))
    }
}

/// The example story of `queries/`, which quotes demo posts.
enum ExampleStory {
    static var path: String {
        URL(fileURLWithPath: DemoCorpusFile.path).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("queries/stories/triage-tools.md").path
    }
}
