import BeatCore
import BeatTestSupport
import Foundation
import Testing

/// `summary` through the built `beat` on the demo corpus: every figure it prints
/// is what `count` gives for the same query and span, every quote is verbatim.
@Suite struct SummaryCommandTests {
    static let now = "2026-05-10T00:00:00Z"
    static let chips = "chip OR chips OR \"export controls\" OR tsmc"

    private func demoCorpus() throws -> (TemporaryCorpus, String) {
        let (home, db) = try BeatProcess.demoCorpus()
        let defined = try beat(["beat", "add", "chips", Self.chips], db: db, home: home)
        #expect(defined.status == 0, "\(defined.stderr)")
        return (home, db)
    }

    private func beat(_ arguments: [String], db: String, home: TemporaryCorpus) throws -> BeatProcess.Result {
        try BeatProcess.run(["--db", db, "--now", Self.now, "--no-rc"] + arguments, home: home.directory)
    }

    private func json(_ result: BeatProcess.Result) throws -> [String: Any] {
        #expect(result.status == 0, "\(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], "\(result.stdout)")
    }

    /// `count` for each query, in one run.
    private func counts(_ queries: [String], db: String, home: TemporaryCorpus) throws -> [Int] {
        let script = queries.map { "count \($0)" }.joined(separator: "\n")
        let result = try BeatProcess.run(
            ["--db", db, "--now", Self.now, "--no-rc", "--format", "json"], input: script, home: home.directory)
        #expect(result.status == 0, "\(result.stderr)")
        return try result.stdout.split(separator: "\n").map { line in
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            return try #require(object?["count"] as? Int, "\(line)")
        }
    }

    @Test func everyFigureIsACountAndEveryQuoteIsVerbatim() throws {
        let (home, db) = try demoCorpus()
        let summary = try json(
            beat(
                ["summary", "chips", "--since", "2026-04-01", "--until", "2026-04-30", "--format", "json"], db: db, home: home))
        #expect(summary["label"] as? String == "beat chips")
        let window = try #require(summary["window"] as? [String: Any])
        #expect(window["start"] as? String == "2026-04-01T00:00:00Z")
        #expect(window["end"] as? String == "2026-05-01T00:00:00Z")
        let volume = try #require(summary["volume"] as? [String: Any])
        let posts = try #require(volume["posts"] as? Int)
        #expect(posts > 0)

        let span = "since:2026-04-01 until:2026-04-30"
        var queries = ["beat:chips \(span)", "beat:chips on:2026-04-30", span]
        let sources = try #require(summary["sources"] as? [[String: Any]])
        queries += sources.map { "beat:chips \(span) source:\($0["source"] as! String)" }
        let voices = try #require(summary["voices"] as? [[String: Any]])
        queries += voices.map { "beat:chips \(span) author:\($0["author"] as! String)" }
        let timeline = try #require(summary["timeline"] as? [String: Any])
        #expect(timeline["bucket_size"] as? String == "day")
        let buckets = try #require(timeline["buckets"] as? [[String: Any]])
        #expect(buckets.count == 30)
        queries += buckets.map { "beat:chips on:\(($0["start"] as! String).prefix(10))" }
        let terms = try #require(summary["terms"] as? [[String: Any]])
        #expect(!terms.isEmpty)
        queries += terms.map { "beat:chips \(span) \"\($0["term"] as! String)\"" }

        let expected = try counts(queries, db: db, home: home)
        var index = 0
        func next() -> Int { defer { index += 1 }; return expected[index] }
        #expect(posts == next())
        #expect(volume["last_day"] as? Int == next())
        #expect(volume["corpus_posts"] as? Int == next())
        for source in sources { #expect(source["posts"] as? Int == next(), "\(source)") }
        for voice in voices { #expect(voice["posts"] as? Int == next(), "\(voice)") }
        for bucket in buckets { #expect(bucket["posts"] as? Int == next(), "\(bucket)") }
        for term in terms { #expect(term["posts"] as? Int == next(), "\(term)") }
        #expect(sources.compactMap { $0["posts"] as? Int }.reduce(0, +) == posts)

        let quotes = try #require(summary["quotes"] as? [[String: Any]])
        #expect(!quotes.isEmpty)
        let bursts = try #require(timeline["bursts"] as? [[String: Any]])
        let corpus = try Corpus(path: db)
        for quote in quotes + bursts.compactMap({ $0["quote"] as? [String: Any] }) {
            let text = try #require(quote["text"] as? String)
            let parts = try #require(quote["id"] as? String).split(separator: ":", maxSplits: 1).map(String.init)
            let found = try corpus.connection.scalar(
                "SELECT instr(text, ?3) > 0 FROM posts WHERE source = ?1 AND source_id = ?2",
                [.text(parts[0]), .text(parts[1]), .text(text)])
            #expect(found == .integer(1), "\(parts): \(text)")
        }
        let sentiment = try #require(summary["sentiment"] as? [String: Any])
        #expect(sentiment["kind"] as? String == "estimate")
        let classified = ["positive", "neutral", "critical"].compactMap { sentiment[$0] as? Int }.reduce(0, +)
        #expect(classified == sentiment["sample_size"] as? Int)
        #expect(sentiment["population"] as? Int == posts)
    }

    @Test func queriesAndThePreviousWindowAreCountedAsCountDoes() throws {
        let (home, db) = try demoCorpus()
        let summary = try json(
            beat(
                [
                    "--format", "json", "summary", "\"export controls\" OR chips", "source:reddit,hackernews",
                    "--since", "2026-04-01", "--until", "2026-04-30", "--vs", "previous",
                ], db: db, home: home))
        #expect(summary["label"] as? String == "\"export controls\" OR chips source:reddit,hackernews")
        let comparison = try #require(summary["comparison"] as? [String: Any])
        let previous = try #require(comparison["window"] as? [String: Any])
        #expect(previous["start"] as? String == "2026-03-02T00:00:00Z")
        #expect(previous["end"] as? String == "2026-04-01T00:00:00Z")
        let query = "\"export controls\" OR chips source:reddit,hackernews"
        let expected = try counts(
            ["\(query) since:2026-04-01 until:2026-04-30", "\(query) since:2026-03-02 until:2026-03-31"], db: db, home: home)
        #expect((summary["volume"] as? [String: Any])?["posts"] as? Int == expected[0])
        #expect(comparison["posts"] as? Int == expected[1])
    }

    @Test func anotherBeatAndTheDefaultWindow() throws {
        let (home, db) = try demoCorpus()
        #expect(try beat(["beat", "add", "aurora", "aurora OR \"open weights\""], db: db, home: home).status == 0)
        let summary = try json(beat(["--format", "json", "summary", "chips", "--vs", "aurora"], db: db, home: home))
        // Without --since and --until: the 30 days up to now.
        let window = try #require(summary["window"] as? [String: Any])
        #expect(window["start"] as? String == "2026-04-10T00:00:00Z")
        #expect(window["end"] as? String == "2026-05-10T00:00:00Z")
        let comparison = try #require(summary["comparison"] as? [String: Any])
        #expect(comparison["label"] as? String == "beat aurora")
        let expected = try counts(["beat:aurora since:30d"], db: db, home: home)
        #expect(comparison["posts"] as? Int == expected[0])
    }

    @Test func htmlGoesToAFileAsOnePage() throws {
        let (home, db) = try demoCorpus()
        let page = home.directory + "/chips.html"
        let result = try beat(
            ["summary", "chips", "--since", "2026-04-01", "--until", "2026-04-30", "--format", "html", "--out", page],
            db: db, home: home)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "wrote the summary of beat chips to \(page)\n")
        let html = try String(contentsOfFile: page, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<svg"))
        #expect(html.hasSuffix("</html>\n"))
    }

    @Test func mistakesAreUsageErrors() throws {
        let (home, db) = try demoCorpus()
        let unknownBeat = try beat(["summary", "chips", "--vs", "chipz"], db: db, home: home)
        #expect(unknownBeat.status == 2)
        #expect(
            unknownBeat.stderr.hasPrefix("error: --vs takes previous or a beat's name; there is no beat 'chipz'. Did you mean 'chips'?"),
            "\(unknownBeat.stderr)")
        let badDate = try beat(["summary", "chips", "--since", "April"], db: db, home: home)
        #expect(badDate.status == 2)
        #expect(badDate.stderr.hasPrefix("error: --since April: "), "\(badDate.stderr)")
        let reversed = try beat(["summary", "chips", "--since", "2026-05-01", "--until", "2026-04-01"], db: db, home: home)
        #expect(reversed.status == 2)
        #expect(reversed.stderr.hasPrefix("error: the window is empty"), "\(reversed.stderr)")
        let badQuery = try beat(["summary", "aurora auther:kim"], db: db, home: home)
        #expect(badQuery.status == 2)
        #expect(badQuery.stderr.contains("^~~~~~~"), "\(badQuery.stderr)")
    }
}
