import BeatCore
import BeatTestSupport
import Foundation
import Testing

/// How entries are read and what they leave behind, in query files, piped input and
/// `-c`: continued lines, `set` values with their quotes, a file's own settings, the
/// silent start-up file, `-:LINE` in errors, and what `filter` and `timer` say.
@Suite struct ShellEntryTests {
    @Test func aLineEndingInABackslashContinuesTheCommand() throws {
        let (home, db) = try BeatProcess.demoCorpus()
        let file = try home.write("continued.beat", "search aurora \\\n    --limit 1\n")
        for result in [
            try BeatProcess.run(["--db", db, "run", file], home: home.directory),
            try BeatProcess.run(["--db", db], input: "search aurora \\\n    --limit 1\n", home: home.directory),
        ] {
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.hasPrefix("1 of 53 posts matching aurora"), "\(result.stdout)")
        }
    }

    @Test func aSetValueKeepsItsQuotesAndWorksInsideAPhrase() throws {
        let (home, db) = try BeatProcess.demoCorpus()
        let file = try home.write(
            "phrase.beat",
            """
            set T "open weights"
            count $T
            count "${T} model"
            """)
        let result = try BeatProcess.run(["--db", db, "run", file], home: home.directory)
        #expect(result.status == 0, "\(result.stderr)")
        let direct = try BeatProcess.run(["--db", db, "-c", #"count "open weights"; count "open weights model""#], home: home.directory)
        #expect(direct.stdout.contains("33 posts"), "\(direct.stdout)")
        #expect(result.stdout == direct.stdout, "\(result.stdout)")
    }

    @Test func aQueryFilesFiltersAndSettingsEndWithIt() throws {
        let (home, db) = try BeatProcess.demoCorpus()
        let file = try home.write("scoped.beat", "filter since:7d\nformat json\nset now 2026-04-21\ncount aurora\n")
        let result = try BeatProcess.run(
            ["--db", db, "-c", "filter source:reddit; run \(file); filter; format; set now"], home: home.directory)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("filter source:reddit") == true, "\(result.stdout)")
        #expect(lines.contains("filter source:reddit"), "\(result.stdout)")
        #expect(lines.contains("format table"), "\(result.stdout)")
        #expect(lines.last == "now: the clock (not set)", "\(result.stdout)")
        // Inside the file its own filter replaced the session's, and it wrote json.
        #expect(lines.contains { $0.hasPrefix("{\"count\": ") && $0.contains("\"filters\": \"since:7d\"") }, "\(result.stdout)")
    }

    @Test func theStartupFileIsSilentAndJSONNamesTheFilters() throws {
        let (home, db) = try BeatProcess.demoCorpus()
        try FileManager.default.createDirectory(atPath: home.directory + "/config/beat", withIntermediateDirectories: true)
        try home.write("config/beat/beatrc", "filter source:reddit\n")
        for arguments in [
            ["count", "aurora"], ["count", "aurora", "--by", "source"], ["search", "aurora"], ["quotes", "aurora"],
            ["sources"], ["authors"], ["show", "reddit:o3csrpz"], ["beats"], ["summary", "aurora"],
        ] {
            let result = try BeatProcess.run(["--db", db, "--format", "json"] + arguments, home: home.directory)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            let parsed = try? JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
            #expect(parsed?["filters"] as? String == "source:reddit", "\(arguments): \(result.stdout)")
        }
        let plain = try BeatProcess.run(["--db", db, "--no-rc", "--format", "json", "count", "aurora"], home: home.directory)
        #expect(plain.stdout == "{\"count\": 53, \"filters\": null}\n", "\(plain.stdout)")
    }

    @Test func pipedInputErrorsNameTheirLine() throws {
        let (home, db) = try BeatProcess.demoCorpus()
        let result = try BeatProcess.run(["--db", db], input: "count aurora\n# a comment\n\ncount auther:x\n", home: home.directory)
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("-:4: error: unknown filter 'auther:'"), "\(result.stderr)")
    }

    @Test func filterSaysWhatItReplacedAndFlagsFiltersThatCannotHoldTogether() throws {
        let (home, db) = try BeatProcess.demoCorpus()
        let result = try BeatProcess.run(
            ["--db", db, "-c", "filter source:reddit; filter since:7d; filter source:bluesky source:reddit"], home: home.directory)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            result.stdout.contains("filter since:7d   (replaces source:reddit; to keep both: filter source:reddit since:7d)"),
            "\(result.stdout)")
        #expect(result.stderr.contains("warning: source:bluesky and source:reddit cannot both hold"), "\(result.stderr)")
        #expect(result.stderr.contains("source:bluesky,reddit"), "\(result.stderr)")
    }

    @Test func timerPrintsMilliseconds() throws {
        let (home, db) = try BeatProcess.demoCorpus()
        let timed = try BeatProcess.run(["--db", db, "-c", "timer on; count sepsis"], home: home.directory)
        #expect(timed.stderr.range(of: #"time: [0-9,]+(\.\d)? ms\n"#, options: .regularExpression) != nil, "\(timed.stderr)")
    }
}
