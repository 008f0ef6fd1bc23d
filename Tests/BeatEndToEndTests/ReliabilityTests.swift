import BeatCore
import BeatSQLite
import BeatTestSupport
import Foundation
import Testing

/// The defects found when Beat was run against full disks, bad mappings,
/// deep queries and damaged files, each as a user meets it through `beat`.
@Suite struct ReliabilityTests {
    // MARK: 1. Every write is checked

    @Test func aFailedWriteIsAnErrorNamingTheFile() throws {
        let (home, db) = try BeatProcess.demoCorpus()
        for command in ["export source:reddit", "count source:reddit", "search aurora"] {
            let result = try BeatProcess.shell("\"$BEAT\" --db '\(db)' \(command) > /dev/full", home: home.directory)
            #expect(result.status == 1, "\(command): \(result.stderr)")
            #expect(result.stderr.contains("cannot write to standard output: No space left on device"), "\(command): \(result.stderr)")
        }
        let summary = try BeatProcess.run(["--db", db, "summary", "source:reddit", "--out", "/dev/full"], home: home.directory)
        #expect(summary.status == 1)
        #expect(summary.stderr.contains("cannot write to /dev/full: No space left on device"))
        #expect(!summary.stdout.contains("wrote"))
        let redirected = try BeatProcess.run(["--db", db, "-c", "count source:reddit > /dev/full"], home: home.directory)
        #expect(redirected.status == 1)
        #expect(redirected.stderr.contains("cannot write to /dev/full"))
        // A reader that goes away is not a failure.
        let piped = try BeatProcess.shell("\"$BEAT\" --db '\(db)' export source:reddit | head -c 10 > /dev/null", home: home.directory)
        #expect(piped.status == 0)
        #expect(piped.stderr.isEmpty)
    }

    // MARK: 2. A mapping that finds nothing writes nothing

    @Test func aMappingThatFindsNothingIsRefusedBeforeAnythingIsWritten() throws {
        let home = try TemporaryCorpus()
        let db = home.directory + "/c.db"
        let file = Fixtures.path("beat/posts.jsonl")
        #expect(try BeatProcess.run(["--db", db, "import", file], home: home.directory).status == 0)
        func stored() throws -> [String] {
            var rows: [String] = []
            try Corpus(path: db).connection.forEachRow("SELECT coalesce(author, '-') || '|' || text FROM posts ORDER BY id") {
                rows.append($0.string(0) ?? "")
            }
            return rows
        }
        let before = try stored()
        for mapping in ["text=nonexistent", "author=x"] {
            let result = try BeatProcess.run(["--db", db, "import", "--map", mapping, file], home: home.directory)
            #expect(result.status == 1)
            #expect(result.stderr.contains("--map: \(mapping): no record in \(file) has"), "\(result.stderr)")
            #expect(result.stderr.contains("nothing was imported"))
            #expect(try stored() == before)
        }
        let csv = try home.write("posts.csv", "id,body,date\n1,hello,2026-01-01\n")
        let result = try BeatProcess.run(["--db", db, "import", "--map", "text=content", csv], home: home.directory)
        #expect(result.status == 1)
        #expect(result.stderr.contains("the header has no column 'content' (columns: id, body, date)"))
        #expect(try stored() == before)
    }

    // MARK: 3. Depth limits

    @Test func deeplyNestedQueriesAndBeatChainsEndWithAnError() throws {
        let (home, db) = try BeatProcess.demoCorpus()
        for query in [
            String(repeating: "(", count: 5000) + "x" + String(repeating: ")", count: 5000),
            String(repeating: "NOT ", count: 5000) + "x",
        ] {
            let result = try BeatProcess.run(["--db", db, "count", query], home: home.directory)
            #expect(result.status == 2, "\(result.stderr.prefix(200))")
            #expect(result.stderr.contains("nests groups or NOTs more than 100 deep"))
        }
        // A chain stored by hand (as an older Beat allowed): refused when used, not a crash.
        let corpus = try Corpus(path: db)
        try corpus.connection.transaction {
            try corpus.connection.run("INSERT INTO beats VALUES ('b0', 'aurora', 0, 0)")
            for index in 1...2700 {
                try corpus.connection.run("INSERT INTO beats VALUES (?1, ?2, 0, 0)", [.text("b\(index)"), .text("beat:b\(index - 1)")])
            }
        }
        let deep = try BeatProcess.run(["--db", db, "count", "beat:b2656"], home: home.directory)
        #expect(deep.status == 2)
        #expect(deep.stderr.contains("beats nest more than 32 deep"), "\(deep.stderr.prefix(300))")
        let shallow = try BeatProcess.run(["--db", db, "count", "beat:b20"], home: home.directory)
        #expect(shallow.status == 0, "\(shallow.stderr)")
        let add = try BeatProcess.run(["--db", db, "beat", "add", "b2701", "beat:b2700"], home: home.directory)
        #expect(add.status == 2)
        #expect(add.stderr.contains("beats nest more than 32 deep"))
    }

    // MARK: 4. Limits instead of runaway time and memory

    @Test func anOpenQuoteOverThousandsOfLinesAndADoublingSetStopWithAnError() throws {
        let (home, db) = try BeatProcess.demoCorpus()
        let open = try home.write("open.beat", "count aurora\ncount \"aurora\n" + String(repeating: "more words here\n", count: 8000))
        let quote = try BeatProcess.run(["--db", db, "run", open], home: home.directory)
        #expect(quote.status == 1)
        #expect(quote.stderr.contains("\(open):2: error: this entry has continued over 1,000 lines (a \" left open?)"), "\(quote.stderr)")
        let doubling = try home.write("set.beat", "set a x\n" + String(repeating: "set a $a$a\n", count: 40))
        let set = try BeatProcess.run(["--db", db, "run", doubling], home: home.directory)
        #expect(set.status == 1)
        #expect(set.stderr.contains("\(doubling):21: error: with $a put in, the command is over 1 MiB"), "\(set.stderr)")
    }

    @Test func aHugeQueryOrTokenAndAStoryOverTheLimitAreRefusedInWords() throws {
        let (home, db) = try BeatProcess.demoCorpus()
        let terms = (0..<30_000).map { "w\($0)" }.joined(separator: " ")
        for entry in ["count \(terms)", "search " + String(repeating: "x", count: 1_000_000)] {
            let result = try BeatProcess.run(["--db", db], input: entry + "\n", home: home.directory)
            #expect(result.status == 2)
            #expect(result.stderr.contains("Beat takes queries up to 64 KB"), "\(result.stderr.prefix(300))")
        }
        let paragraph = "The minister said \"we will open the weights soon\" and left.\n\n"
        let story = try home.write("huge.md", String(repeating: paragraph, count: 9 * 1_048_576 / paragraph.utf8.count + 1))
        let check = try BeatProcess.run(["--db", db, "check", story], home: home.directory)
        #expect(check.status == 2)
        #expect(check.stderr.contains("is more than one story; check takes up to 8 MiB"), "\(check.stderr)")
    }

    @Test func aLineOverOneMiBOnStandardInputIsRefusedByNumberWithoutBeingEchoed() throws {
        let (home, db) = try BeatProcess.demoCorpus()
        // Three MiB in one line: split into words it took time and memory in
        // proportion, and the query error echoed it whole.
        let script = "count aurora\nsearch " + String(repeating: "x", count: 3 * 1_048_576) + "\ncount aurora\n"
        let result = try BeatProcess.run(["--db", db], input: script, home: home.directory)
        #expect(result.status == 2)
        #expect(
            result.stderr.contains("-:2: error: line 2 is longer than 1 MiB, the longest command line Beat reads; it was skipped"),
            "\(result.stderr.prefix(300))")
        #expect(result.stderr.utf8.count < 1000)
        // The first command ran; the script stopped at the long line, as at any error.
        #expect(result.stdout.split(separator: "\n").count == 1, "\(result.stdout)")
        // Continued lines that add up past the limit are refused too, naming the line where they went over.
        let continued = "count \"" + String(repeating: String(repeating: "y", count: 600_000) + "\n", count: 2) + "\"\n"
        let entry = try BeatProcess.run(["--db", db], input: continued, home: home.directory)
        #expect(entry.status == 2)
        #expect(entry.stderr.contains("error: the entry continued on line 2 is longer than 1 MiB"), "\(entry.stderr.prefix(300))")
        // A query file read whole is held to the same limit.
        let file = try home.write("long.beat", "count aurora\ncount aurora\nsearch " + String(repeating: "z", count: 2 * 1_048_576) + "\n")
        let run = try BeatProcess.run(["--db", db, "run", file], home: home.directory)
        #expect(run.status == 1)
        #expect(run.stderr.contains("\(file):3: error: line 3 is longer than 1 MiB"), "\(run.stderr.prefix(300))")
    }

    @Test func checkRefusesAnOversizedStoryBeforeReadingIt() throws {
        let (home, db) = try BeatProcess.demoCorpus()
        // 1 GiB on disk but sparse: text at its start, a hole after. Reading it
        // whole took a second per few hundred MiB and as much memory.
        let story = try home.write("dump.md", String(repeating: "He said \"so\" and left.\n", count: 4000))
        #expect(truncate(story, 1 << 30) == 0)
        let check = try BeatProcess.run(["--db", db, "check", story], home: home.directory)
        #expect(check.status == 2)
        #expect(check.stderr.contains("\(story): 1024 MiB is more than one story; check takes up to 8 MiB"), "\(check.stderr)")
        // From a pipe the size is known only once the limit is passed.
        let piped = try BeatProcess.shell(
            "head -c 20000000 /dev/zero | tr '\\000' a | \"$BEAT\" --db '\(db)' check -", home: home.directory)
        #expect(piped.status == 2)
        #expect(piped.stderr.contains("-: over 8 MiB is more than one story"), "\(piped.stderr)")
    }

    // MARK: 6. Damaged files, full or read-only places, no SQL in messages

    /// The demo corpus with pages in its middle overwritten by random bytes.
    private func damagedCorpus(seed: UInt64) throws -> (TemporaryCorpus, String) {
        let (home, db) = try BeatProcess.demoCorpus()
        var generator = SeededGenerator(seed: seed)
        let handle = try #require(FileHandle(forUpdatingAtPath: db))
        let size = Int(try handle.seekToEnd())
        let pages = size / 4096
        for _ in 0..<max(4, pages / 8) {
            let page = Int.random(in: 2..<pages, using: &generator)
            try handle.seek(toOffset: UInt64(page * 4096 + 100))
            handle.write(Data((0..<3000).map { _ in UInt8.random(in: 0...255, using: &generator) }))
        }
        try handle.close()
        return (home, db)
    }

    @Test func aDamagedCorpusRefusesWritesAndDoctorSaysWhy() throws {
        let (home, db) = try damagedCorpus(seed: 7)
        let story = try home.write("new.jsonl", #"{"id":"n1","source":"news","published_at":"2026-01-01T00:00:00Z","text":"fresh"}"# + "\n")
        for arguments in [["import", story], ["beat", "add", "fresh", "aurora"]] {
            let result = try BeatProcess.run(["--db", db] + arguments, home: home.directory)
            #expect(result.status == 1, "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains("the corpus is damaged"), "\(arguments): \(result.stderr)")
            #expect(!result.stderr.contains("SELECT") && !result.stderr.contains("INSERT") && !result.stderr.contains("while executing"))
        }
        let doctor = try BeatProcess.run(["--db", db, "doctor"], home: home.directory)
        #expect(doctor.status == 1)
        #expect(doctor.stdout.contains("problems") || doctor.stderr.contains("damaged"), "\(doctor.stdout)\(doctor.stderr)")
    }

    @Test func anIndexOutOfStepIsFoundAndRebuiltByDoctorRepair() throws {
        let (home, db) = try BeatProcess.demoCorpus()
        try Corpus(path: db).connection.execute(
            "INSERT INTO posts_fts(rowid, title, text) VALUES (4503599627370495, 'ghost', 'ghostly words nobody wrote')")
        let ghost = try BeatProcess.run(["--db", db, "count", "ghostly"], home: home.directory)
        #expect(ghost.stdout.hasPrefix("1 post"), "the index answers for a post that is not there: \(ghost.stdout)")

        let check = try BeatProcess.run(["--db", db, "doctor"], home: home.directory)
        #expect(check.status == 1)
        #expect(check.stdout.contains("file (PRAGMA integrity_check): ok"))
        #expect(check.stdout.contains("full-text index (FTS5 integrity-check): out of step with the posts"))
        #expect(check.stdout.contains("'doctor --repair' would rebuild the full-text index"))

        let repair = try BeatProcess.run(["--db", db, "doctor", "--repair"], home: home.directory)
        #expect(repair.status == 0, "\(repair.stdout)\(repair.stderr)")
        let said = try #require(repair.stdout.range(of: "repair: will rebuild the full-text index"))
        let done = try #require(repair.stdout.range(of: "repair: done; every check now passes"))
        #expect(said.lowerBound < done.lowerBound)
        #expect(try BeatProcess.run(["--db", db, "count", "ghostly"], home: home.directory).stdout.hasPrefix("0 posts"))
        #expect(try BeatProcess.run(["--db", db, "doctor"], home: home.directory).status == 0)
    }

    @Test func dayCountsOutOfStepAreFoundAndCountedAgainByDoctorRepair() throws {
        let (home, db) = try BeatProcess.demoCorpus()
        let before = try BeatProcess.run(["--db", db, "count", "since:2000-01-01"], home: home.directory).stdout
        try Corpus(path: db).connection.execute("UPDATE post_days SET posts = posts + 7 WHERE day = (SELECT max(day) FROM post_days)")
        #expect(try BeatProcess.run(["--db", db, "count", "since:2000-01-01"], home: home.directory).stdout != before)

        let check = try BeatProcess.run(["--db", db, "doctor"], home: home.directory)
        #expect(check.status == 1)
        #expect(check.stdout.contains("full-text index (FTS5 integrity-check): ok"), "\(check.stdout)")
        #expect(check.stdout.contains("posts per day: 1 day out of step with the posts"), "\(check.stdout)")
        #expect(check.stdout.contains("'doctor --repair' would count the stored posts per day again"))

        let repair = try BeatProcess.run(["--db", db, "doctor", "--repair"], home: home.directory)
        #expect(repair.status == 0, "\(repair.stdout)\(repair.stderr)")
        #expect(repair.stdout.contains("repair: done; every check now passes"))
        #expect(try BeatProcess.run(["--db", db, "count", "since:2000-01-01"], home: home.directory).stdout == before)
    }

    @Test func filesThatAreNotCorporaGetClearErrors() throws {
        let home = try TemporaryCorpus()
        // Some other program's SQLite file.
        let other = home.directory + "/other.db"
        let foreign = try Connection(path: other)
        try foreign.execute("CREATE TABLE notes(x)")
        // A corpus from a newer Beat.
        let newer = home.directory + "/newer.db"
        try Corpus(path: newer).connection.execute("PRAGMA user_version = 99")
        // A corpus cut short, as by a failed copy.
        let (demoHome, demo) = try BeatProcess.demoCorpus()
        _ = demoHome
        let truncated = home.directory + "/truncated.db"
        let bytes = try Data(contentsOf: URL(fileURLWithPath: demo))
        try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: truncated))
        // Not SQLite at all.
        let text = try home.write("notes.db", String(repeating: "just some notes\n", count: 100))

        let expectations = [
            (other, "not a Beat corpus (it holds tables but no Beat schema version)"),
            (newer, "made by a newer Beat (schema 99"),
            (truncated, "the corpus is damaged (the file is cut short"),
            (text, "not a Beat corpus (it is not an SQLite database)"),
        ]
        for (path, message) in expectations {
            for arguments in [["count", "aurora"], ["import", Fixtures.path("beat/posts.jsonl")]] {
                let result = try BeatProcess.run(["--db", path] + arguments, home: home.directory)
                #expect(result.status == 1, "\(path) \(arguments): \(result.stderr)")
                #expect(result.stderr.contains(message), "\(path) \(arguments): \(result.stderr)")
            }
        }
        #expect(try Connection(path: other).scalar("SELECT count(*) FROM sqlite_master")?.int64Value == 1, "the foreign file is untouched")
    }

    // MARK: 7. Format detection

    @Test func beatJSONLWithAFirstRecordOver64KBIsReadAndJSONScalarsAreRefused() throws {
        let home = try TemporaryCorpus()
        let db = home.directory + "/c.db"
        let long = String(repeating: "word ", count: 20_000)
        let file = try home.write(
            "big.jsonl",
            """
            {"id":"big1","source":"news","published_at":"2026-01-01T00:00:00Z","text":"\(long)"}
            {"id":"s2","source":"news","published_at":"2026-01-02T00:00:00Z","text":"small"}

            """)
        let result = try BeatProcess.run(["--db", db, "import", file], home: home.directory)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("added 2,"))
        for (contents, kind) in [("\"string\"", "a single JSON string"), ("42", "a single JSON number"), ("null", "JSON null")] {
            let scalar = try home.write("scalar.json", contents + "\n")
            let refused = try BeatProcess.run(["--db", db, "import", scalar], home: home.directory)
            #expect(refused.status == 1)
            #expect(refused.stderr.contains("\(kind), which holds no posts"), "\(refused.stderr)")
        }
        #expect(try Corpus(path: db).postCount() == 2)
    }
}
