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

/// `check` names a quotation's origin through the demo's spread groups: a nurse's Mastodon post,
/// copied with an edit to Bluesky and Reddit and quoted by a trade publication (`queries/stories/scribe-recordings.md`).
@Suite struct CheckSpreadCommandTests {
    static let origin = "mastodon:117406296468780042"

    @Test func aStoryCreditingACopyNamesTheOriginAndTheOthersInEveryFormat() throws {
        let (home, db) = try BeatProcess.demoCorpus()
        let story = ExampleStory.spreadPath
        let json = try BeatProcess.run(["--db", db, "--format", "json", "check", story], home: home.directory)
        #expect(json.status == 1, "\(json.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let quotes = try #require(object["quotes"] as? [[String: Any]])
        #expect(quotes.map { $0["verdict"] as? String } == ["misattributed", "verified", "verified"])
        // The Bluesky copy's words, credited to its poster: the origin is the Mastodon post, edited.
        let copied = try #require(quotes[0]["origin"] as? [String: Any])
        #expect(copied["id"] as? String == Self.origin)
        #expect(copied["edited"] as? Bool == true)
        #expect(copied["others"] as? Int == 3)
        let holders = try #require(copied["holders"] as? [[String: Any]])
        #expect(holders.map { $0["source"] as? String } == ["bluesky", "reddit", "news"])
        #expect(holders.map { $0["exact"] as? Bool } == [true, false, false])
        #expect((quotes[0]["reason"] as? String)?.contains("the story credits a later copy (bluesky:3mxf3734zh2km)") == true)
        // The origin's words, credited to the nurse: verified, with the copies listed.
        let original = try #require(quotes[1]["origin"] as? [String: Any])
        #expect(original["id"] as? String == Self.origin)
        #expect(original["edited"] as? Bool == false)
        #expect((original["holders"] as? [[String: Any]])?.map { $0["exact"] as? Bool } == [false, false, true])

        let table = try BeatProcess.run(["--db", db, "check", story], home: home.directory)
        #expect(table.stdout.contains("origin: \(Self.origin)"), "\(table.stdout)")
        #expect(table.stdout.contains("edited); 3 other posts"), "\(table.stdout)")
        #expect(table.stdout.contains("also: bluesky:3mxf3734zh2km"), "\(table.stdout)")
        #expect(table.stdout.contains("reddit:oshq2ku nightshift_nate reddit (medicine)"), "\(table.stdout)")
        let markdown = try BeatProcess.run(["--db", db, "--format", "md", "check", story], home: home.directory)
        Golden.check(markdown.stdout, "check-scribe-recordings.md", directory: Golden.directory(besides: #filePath))
        let csv = try BeatProcess.run(["--db", db, "--format", "csv", "check", story], home: home.directory)
        let rows = csv.stdout.split(whereSeparator: \.isNewline)
        #expect(rows.first?.hasSuffix(",origin,meaning_changed,origin_holders") == true)
        #expect(rows.count == 4)
        #expect(rows.dropFirst().allSatisfy { $0.contains("\(Self.origin) (+3)") })
        let jsonl = try BeatProcess.run(["--db", db, "--format", "jsonl", "check", story], home: home.directory)
        #expect(jsonl.stdout.split(separator: "\n").count == 3)
        #expect(jsonl.stdout.contains("\"holders\": [{\"id\": \"bluesky:3mxf3734zh2km\""))
    }
}

/// The example story of `queries/`, which quotes demo posts.
enum ExampleStory {
    /// A story quoting the demo's spread of a nurse's post, crediting a copy and then the origin.
    static var spreadPath: String {
        URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent("scribe-recordings.md").path
    }

    static var path: String {
        URL(fileURLWithPath: DemoCorpusFile.path).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("queries/stories/triage-tools.md").path
    }
}
