import BeatCore
import BeatTestSupport
import Foundation
import Testing

/// `beat add|show|rm`, `beats` and `beat:NAME` through the built `beat`, with `--db` and a fixed `--now`.
@Suite struct BeatCommandTests {
    static let now = "2026-04-21T00:00:00Z"
    static let aurora = "aurora OR \"open weights\" -source:news"

    private func demoCorpus() throws -> (TemporaryCorpus, String) {
        try BeatProcess.demoCorpus()
    }

    private func beat(_ arguments: [String], db: String, home: TemporaryCorpus) throws -> BeatProcess.Result {
        try BeatProcess.run(["--db", db, "--now", Self.now, "--no-rc"] + arguments, home: home.directory)
    }

    private func count(_ commands: String, db: String, home: TemporaryCorpus) throws -> Int {
        let result = try beat(["--format", "json", "-c", commands], db: db, home: home)
        #expect(result.status == 0, "\(commands): \(result.stderr)")
        let last = result.stdout.split(separator: "\n").last.map(String.init) ?? ""
        let object = try JSONSerialization.jsonObject(with: Data(last.utf8)) as? [String: Any]
        return try #require(object?["count"] as? Int, "\(commands): \(result.stdout)")
    }

    @Test func addThenBeatsInOneRun() throws {
        let (home, db) = try demoCorpus()
        let result = try beat(["-c", "beat add aurora \(Self.aurora); beat add quiet carbonara; beats"], db: db, home: home)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines[0] == "beat aurora added: \(Self.aurora)")
        #expect(lines[1] == "beat quiet added: carbonara")
        #expect(lines[2].hasPrefix("beat    24h  7d  prev 7d  trend  total  query"), "\(result.stdout)")
        #expect(lines.last == "posts up to 2026-04-21T00:00:00Z; trend: the last 7 days against the 7 before")
        // Running the same definitions again changes nothing and says so.
        let again = try beat(["-c", "beat add aurora \(Self.aurora); beat add quiet 'carbonara'"], db: db, home: home)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout == "beat aurora unchanged\nbeat quiet unchanged\n")
    }

    @Test func anotherQueryForANameNeedsReplace() throws {
        let (home, db) = try demoCorpus()
        #expect(try beat(["beat", "add", "chips", "chip*"], db: db, home: home).status == 0)
        let refused = try beat(["beat", "add", "chips", "tsmc"], db: db, home: home)
        #expect(refused.status == 2)
        #expect(
            refused.stderr.hasPrefix("error: beat 'chips' already exists with the query chip*\nhint: add --replace"), "\(refused.stderr)")
        let replaced = try beat(["beat", "add", "chips", "tsmc OR chip*", "--replace"], db: db, home: home)
        #expect(replaced.stdout == "beat chips replaced: tsmc OR chip* (was: chip*)\n", "\(replaced.stderr)")
        let shown = try beat(["--format", "json", "beat", "show", "chips"], db: db, home: home)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [String: Any])
        #expect(object["query"] as? String == "tsmc OR chip*")
        #expect(object["description"] as? String == "posts matching tsmc OR chip*")
        #expect(object["now"] as? String == Self.now)
    }

    /// Every figure of `beats` (json) equals `count` of its span, with and without session filters.
    @Test func everyFigureEqualsTheCountOfItsSpan() throws {
        let (home, db) = try demoCorpus()
        #expect(try beat(["-c", "beat add aurora \(Self.aurora); beat add health fda OR sepsis"], db: db, home: home).status == 0)
        for filter in ["", "filter source:reddit; "] {
            let result = try beat(["--format", "json", "-c", filter + "beats"], db: db, home: home)
            #expect(result.status == 0, "\(result.stderr)")
            let lines = result.stdout.split(separator: "\n")
            let object = try #require(try JSONSerialization.jsonObject(with: Data((lines.last ?? "").utf8)) as? [String: Any])
            #expect(object["now"] as? String == Self.now)
            let beats = try #require(object["beats"] as? [[String: Any]])
            #expect(beats.map { $0["name"] as? String } == ["aurora", "health"])
            for entry in beats {
                let name = try #require(entry["name"] as? String)
                let figures: [(String, String)] = [
                    ("last_24h", "since:24h"), ("last_7d", "since:7d"), ("previous_7d", "since:14d -since:7d"), ("total", ""),
                ]
                for (key, span) in figures {
                    let expected = try count(filter + "count beat:\(name) \(span)", db: db, home: home)
                    #expect(entry[key] as? Int == expected, "\(filter)\(name) \(key)")
                }
                let week = try #require(entry["last_7d"] as? Int), previous = try #require(entry["previous_7d"] as? Int)
                if previous > 0 {
                    #expect(entry["trend"] as? Int == Int((Double(week - previous) * 100 / Double(previous)).rounded()))
                } else {
                    #expect(entry["trend"] is NSNull)
                }
            }
        }
    }

    /// `beat:NAME` counts what its query counts, alone, with words and filters, and under session filters.
    @Test func beatFilterEqualsItsQueryEverywhere() throws {
        let (home, db) = try demoCorpus()
        #expect(try beat(["beat", "add", "aurora", Self.aurora], db: db, home: home).status == 0)
        for extra in ["", "licence", "source:reddit", "since:2026-04-14 -in:LocalLLaMA"] {
            for session in ["", "filter since:30d; "] {
                let viaBeat = try count(session + "count beat:aurora \(extra)", db: db, home: home)
                #expect(viaBeat == (try count(session + "count \(Self.aurora) \(extra)", db: db, home: home)), "\(session)\(extra)")
            }
        }
        let search = try beat(["--format", "json", "search", "beat:aurora licence", "--limit", "1"], db: db, home: home)
        let object = try JSONSerialization.jsonObject(with: Data(search.stdout.utf8)) as? [String: Any]
        #expect(object?["total"] as? Int == (try count("count \(Self.aurora) licence", db: db, home: home)))
        // The filter command and the other query commands take beats too.
        let filtered = try beat(["-c", "filter beat:aurora; count"], db: db, home: home)
        #expect(filtered.status == 0, "\(filtered.stderr)")
    }

    @Test func mistakesAreUsageErrorsWithCaretsAndHints() throws {
        let (home, db) = try demoCorpus()
        #expect(try beat(["-c", "beat add aurora aurora; beat add aurora-licence beat:aurora licence"], db: db, home: home).status == 0)
        let unknown = try beat(["count", "licence beat:auror"], db: db, home: home)
        #expect(unknown.status == 2)
        #expect(
            unknown.stderr == """
                error: no beat named 'auror'
                licence beat:auror
                             ^~~~~
                hint: did you mean 'beat:aurora'? ('beats' lists them)

                """, "\(unknown.stderr)")
        let badQuery = try beat(["beat", "add", "x", "sepsis", "auther:kim"], db: db, home: home)
        #expect(badQuery.status == 2)
        #expect(
            badQuery.stderr.hasPrefix("error: beat 'x': unknown filter 'auther:'\nsepsis auther:kim\n       ^~~~~~~\n"),
            "\(badQuery.stderr)")
        let badName = try beat(["beat", "add", "Aurora", "x"], db: db, home: home)
        #expect(badName.status == 2)
        #expect(badName.stderr.contains("lowercase letters, digits, '-' and '_', starting with a letter or digit"))
        let loop = try beat(["beat", "add", "aurora", "beat:aurora-licence", "--replace"], db: db, home: home)
        #expect(loop.status == 2)
        #expect(loop.stderr.contains("beat 'aurora' includes itself"), "\(loop.stderr)")
        let used = try beat(["beat", "rm", "aurora"], db: db, home: home)
        #expect(used.status == 2)
        #expect(used.stderr.hasPrefix("error: beat 'aurora' is used by beat 'aurora-licence' through beat:aurora"), "\(used.stderr)")
        let missing = try beat(["beat", "show", "aurra"], db: db, home: home)
        #expect(missing.status == 2)
        #expect(missing.stderr == "error: no beat named 'aurra'\nhint: did you mean 'aurora'?\n", "\(missing.stderr)")
        let removed = try beat(["-c", "beat rm aurora-licence; beat rm aurora; beats"], db: db, home: home)
        #expect(
            removed.stdout == """
                beat aurora-licence removed (its query was: beat:aurora licence)
                beat aurora removed (its query was: aurora)
                no beats yet; 'beat add NAME QUERY' defines one

                """, "\(removed.stderr)")
    }

    /// A new default corpus gets the demo's beats, which then work out of the box.
    @Test func theDemoComesWithItsBeats() throws {
        let home = try TemporaryCorpus()
        let result = try BeatProcess.run(["--now", Self.now, "--format", "csv", "beats"], home: home.directory)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("with the beats open-source-ai, ai-geopolitics, ai-healthcare"), "\(result.stderr)")
        let rows = result.stdout.split(separator: "\r\n").map { $0.split(separator: ",").first.map(String.init) ?? "" }
        #expect(rows == ["name", "ai-geopolitics", "ai-healthcare", "open-source-ai"])
        let count = try BeatProcess.run(["--now", Self.now, "--format", "json", "count", "beat:open-source-ai"], home: home.directory)
        #expect(count.stdout == "{\"count\": 125, \"filters\": null}\n", "\(count.stderr)")
    }
}
