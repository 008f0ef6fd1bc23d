import BeatShell
import BeatTestSupport
import Foundation
import Testing

/// Options go anywhere on the line: a global option placed after the command works for every
/// command of the table, in `-c` (as in the shell and query files) and on beat's command line.
@Suite struct OptionsAfterCommandTests {
    /// For each command, a line with a global option after the command, and what its output
    /// starts with when the option took effect (nil: the line only has to run without error).
    static let lines: [String: (line: String, expect: String?)] = [
        "search": ("search aurora --limit 2 --format json", "{\"query\": \"aurora\""),
        "more": ("search aurora --limit 1; more --format jsonl", nil),
        "count": ("count aurora --format json", "{\"count\": 53"),
        "quotes": ("quotes aurora --limit 1 --format json", "{\"quotes\": ["),
        "show": ("show reddit:1stk7z6 --format json", "{\"id\": \"reddit:1stk7z6\""),
        "sources": ("sources --format json", "{\"sources\": ["),
        "authors": ("authors aurora --format=json", "{\"authors\": ["),
        "check": ("check STORY --format json", "{\"quotes\": ["),
        "export": ("export aurora --format jsonl", "{\"id\": "),
        "beat": ("beat show t --format json", "{\"name\": \"t\""),
        "beats": ("beats --format json --now 2026-11-01", "{\"now\": \"2026-11-01T00:00:00Z\""),
        "summary": ("summary aurora --since 2026-01-01 --format json --now 2026-11-01", "{\"label\": \"aurora\""),
        "filter": ("filter source:reddit --format json", nil),
        "format": ("format md --now 2026-11-01", nil),
        "import": ("import STORY --as article --source news --format json", nil),
        "run": ("run QUERYFILE --format json", "{\"count\": 53"),
        "set": ("set --format json x 1", nil),
        "timer": ("timer off --format json", nil),
        "pager": ("pager off --no-pager", nil),
        "history": ("history --format json", nil),
        "help": ("help search --format json", "search QUERY"),
        "clear": ("clear --no-color", nil),
        "doctor": ("doctor --format json", nil),
        "quit": ("quit --format json", nil),
    ]

    @Test func everyCommandHasALine() {
        #expect(Set(Self.lines.keys) == Set(CommandTable.all.map(\.name)))
    }

    @Test(arguments: CommandTable.all.map(\.name)) func globalOptionAfterTheCommand(_ name: String) throws {
        let home = try TemporaryCorpus()
        let db = home.directory + "/c.db"
        #expect(try BeatProcess.run(["--db", db, "import", DemoCorpusFile.path], home: home.directory).status == 0)
        _ = try BeatProcess.run(["--db", db, "beat", "add", "t", "aurora"], home: home.directory)
        let story = try home.write("story.md", "The council said \"open-weights models under an OSI-approved licence\" on Tuesday.\n")
        let queryFile = try home.write("q.beat", "count aurora\n")
        guard let (line, expected) = Self.lines[name] else {
            Issue.record("no line for \(name)")
            return
        }
        let typed = line.replacingOccurrences(of: "STORY", with: story).replacingOccurrences(of: "QUERYFILE", with: queryFile)
        let result = try BeatProcess.run(["--db", db, "-c", typed], home: home.directory)
        #expect(!result.stderr.contains("unknown option"), "\(typed): \(result.stderr)")
        #expect(!result.stderr.contains("usage:"), "\(typed): \(result.stderr)")
        // history has nothing to list outside the interactive shell (status 1); check's story is not all verified.
        if name != "history" && name != "check" { #expect(result.status == 0, "\(typed): \(result.stderr)") }
        if let expected { #expect(result.stdout.contains(expected), "\(typed): \(result.stdout)") }
    }

    @Test func onBeatsCommandLineAfterTheCommand() throws {
        let home = try TemporaryCorpus()
        let db = home.directory + "/c.db"
        _ = try BeatProcess.run(["--db", db, "import", DemoCorpusFile.path], home: home.directory)
        let story = try home.write("story.md", "The council said \"open-weights models under an OSI-approved licence\" on Tuesday.\n")
        let check = try BeatProcess.run(["--db", db, "check", story, "--format", "json"], home: home.directory)
        #expect(check.stdout.hasPrefix("{\"quotes\": ["), "\(check.stderr)")
        // --db after the command names the corpus: no demo is loaded into the default one.
        let count = try BeatProcess.run(["count", "aurora", "--format", "json", "--db", db], home: home.directory)
        #expect(count.stdout.hasPrefix("{\"count\": 53,"), "\(count.stderr)")
        #expect(!count.stderr.contains("demo"))
        // A query's own quoted "--word" stays in the query; `--` ends the options.
        let quoted = try BeatProcess.run(["--db", db, "-c", "count '\"--limit\"' --format json"], home: home.directory)
        let word = try BeatProcess.run(["--db", db, "-c", "count limit --format json"], home: home.directory)
        #expect(quoted.status == 0, "\(quoted.stderr)")
        #expect(quoted.stdout == word.stdout, "\(quoted.stderr)")
    }

    @Test func badOptionsAreTypedErrors() throws {
        let home = try TemporaryCorpus()
        let db = home.directory + "/c.db"
        _ = try BeatProcess.run(["--db", db, "import", DemoCorpusFile.path], home: home.directory)
        let cases: [(String, String)] = [
            ("count aurora --limt 3", "error: unknown option --limt (did you mean --limit?)\nusage: count QUERY"),
            ("search aurora --sort newest", "error: --sort takes rank, new or old, not 'newest'\nusage: search QUERY"),
            ("search aurora --limit 0", "error: --limit takes a positive number, not '0'"),
            ("search aurora --limit", "error: --limit needs a value (--limit N)"),
            ("check --all=yes story.md", "error: --all takes no value"),
            ("count aurora --format xml", "error: --format takes table, json, jsonl, csv, md or html, not 'xml'"),
            ("count aurora --now someday", "error: --now takes a date and time such as 2026-11-20T12:00:00Z, not 'someday'"),
            ("serch aurora", "error: unknown command 'serch'. Did you mean 'search'?"),
            ("s aurora", "error: 's' could be search, show, sources, summary, set; type more of it"),
        ]
        for (line, expected) in cases {
            let result = try BeatProcess.run(["--db", db, "-c", line], home: home.directory)
            #expect(result.status == 2, "\(line)")
            #expect(result.stderr.hasPrefix(expected), "\(line): \(result.stderr)")
        }
    }
}
