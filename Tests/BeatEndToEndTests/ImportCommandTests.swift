import BeatCore
import BeatSQLite
import BeatTestSupport
import Foundation
import Testing

/// The `beat` executable run as a user would: arguments, standard input,
/// output, exit status, and the corpus file it leaves behind.
@Suite struct ImportCommandTests {
    @Test func importsFilesAndPrintsASummary() throws {
        let home = try TemporaryCorpus()
        let db = home.directory + "/c.db"
        let result = try BeatProcess.run(
            ["--db", db, "import", Fixtures.path("beat/posts.jsonl"), Fixtures.path("reddit/listing_t3.json")], home: home.directory)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[0].hasPrefix(Fixtures.path("beat/posts.jsonl") + ": added 10, updated 0, unchanged 0, skipped 0 (jsonl, "))
        #expect(lines[1].hasPrefix(Fixtures.path("reddit/listing_t3.json") + ": added 19, updated 0, unchanged 0, skipped 0 (reddit, "))
        #expect(lines[2].hasPrefix("total: added 29, updated 0, unchanged 0, skipped 0 ("))
        #expect(result.stderr.isEmpty, "no progress line when not a terminal")
        #expect(try Corpus(path: db).postCount() == 29)

        let again = try BeatProcess.run(["--db", db, "import", Fixtures.path("beat/posts.jsonl")], home: home.directory)
        #expect(again.stdout.contains("added 0, updated 0, unchanged 10, skipped 0"))
    }

    @Test func skippedRecordsAreListedAndTheStatusIsOne() throws {
        let home = try TemporaryCorpus()
        let db = home.directory + "/c.db"
        let file = Fixtures.path("bad/mixed_good_bad.jsonl")
        let result = try BeatProcess.run(["--db", db, "import", file], home: home.directory)
        #expect(result.status == 1)
        #expect(result.stdout.contains("added 7, updated 0, unchanged 0, skipped 3"))
        let problems = result.stderr.split(separator: "\n")
        #expect(problems.count == 3)
        #expect(problems[0].hasPrefix("\(file):6:2: not valid JSON"))
        #expect(problems[1] == "\(file):7: missing 'text'")
    }

    @Test func usageErrorsExitWithTwoAndSayWhatToDo() throws {
        let home = try TemporaryCorpus()
        let db = home.directory + "/c.db"
        let badFormat = try BeatProcess.run(["--db", db, "import", "--as", "redit", "x.json"], home: home.directory)
        #expect(badFormat.status == 2)
        #expect(badFormat.stderr.contains("--as takes reddit, pushshift, "))
        #expect(badFormat.stderr.contains("not 'redit' (did you mean 'reddit'?)"))
        #expect(badFormat.stderr.contains("usage: import FILE... [--as KIND]"))
        let noFiles = try BeatProcess.run(["--db", db, "import"], home: home.directory)
        #expect(noFiles.status == 2)
        #expect(noFiles.stderr.contains("name at least one file"))
        let unknown = try BeatProcess.run(["--db", db, "imprt", "x"], home: home.directory)
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("Did you mean 'import'?"))
        let badOption = try BeatProcess.run(["--frobnicate"], home: home.directory)
        #expect(badOption.status == 2)
    }

    @Test func standardInputImportsWithDash() throws {
        let home = try TemporaryCorpus()
        let db = home.directory + "/c.db"
        let input = try String(contentsOfFile: Fixtures.path("mastodon/statuses.ndjson"), encoding: .utf8)
        let result = try BeatProcess.run(["--db", db, "import", "-"], input: input, home: home.directory)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("-: added 11, updated 0, unchanged 0, skipped 0 (mastodon, "))
    }

    @Test func mappedCSVWithSourceAndVenue() throws {
        let home = try TemporaryCorpus()
        let db = home.directory + "/c.db"
        let csv = try home.write(
            "export.csv",
            """
            when,who,says,link
            "9/25/2016 14:30",alice,"Open weights, finally.
            Second line.",https://example.org/1
            "9/26/2016 9:05",bob,"C++ is fine, actually",https://example.org/2
            """)
        let result = try BeatProcess.run(
            [
                "--db", db, "import", "--source", "reddit", "--venue", "LocalLLaMA",
                "--map", "published_at=when,author=who,text=says,url=link,id=link", csv,
            ], home: home.directory)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("added 2"))
        let corpus = try Corpus(path: db)
        var rows: [[String]] = []
        try corpus.connection.forEachRow("SELECT source, venue, author, published_at, text FROM posts ORDER BY id") { s in
            rows.append((0..<5).map { s.string($0) ?? "" })
        }
        #expect(
            rows == [
                ["reddit", "LocalLLaMA", "alice", "1474813800", "Open weights, finally.\nSecond line."],
                ["reddit", "LocalLLaMA", "bob", "1474880700", "C++ is fine, actually"],
            ])
        let badMap = try BeatProcess.run(["--db", db, "import", "--map", "txt=says", csv], home: home.directory)
        #expect(badMap.status == 2)
        #expect(badMap.stderr.contains("'txt' is not a post field (did you mean 'text'?)"))
    }

    @Test func importInsideTheShellAndWithDashC() throws {
        let home = try TemporaryCorpus()
        let db = home.directory + "/c.db"
        let piped = try BeatProcess.run(
            ["--db", db], input: "import \(Fixtures.path("hackernews/firebase_items.json"))\n", home: home.directory)
        #expect(piped.status == 0, "\(piped.stderr)")
        #expect(piped.stdout.contains("added 10"))
        let dashC = try BeatProcess.run(
            [
                "--db", db, "-c",
                "import \(Fixtures.path("hackernews/firebase_items.json")); import \(Fixtures.path("bluesky/list_records.json"))",
            ],
            home: home.directory)
        #expect(dashC.status == 0, "\(dashC.stderr)")
        #expect(dashC.stdout.contains("unchanged 10"))
        #expect(dashC.stdout.contains("added 50"))
    }

    @Test func firstStartLoadsTheDemoCorpusIntoTheDefaultLocationOnce() throws {
        let home = try TemporaryCorpus()
        let first = try BeatProcess.run([], input: "", home: home.directory)
        #expect(first.status == 0, "\(first.stderr)")
        let demoLines = try String(contentsOfFile: DemoCorpusFile.path, encoding: .utf8).split(separator: "\n").count
        #expect(first.stderr.contains("loaded the demo corpus (\(demoLines) posts) into \(home.directory)/data/beat/corpus.db"))
        #expect(try Corpus(path: home.directory + "/data/beat/corpus.db").postCount() == demoLines)
        let second = try BeatProcess.run([], input: "", home: home.directory)
        #expect(!second.stderr.contains("demo"))
        // An explicit corpus is never filled with the demo.
        let explicit = try BeatProcess.run(["--db", home.directory + "/mine.db"], input: "", home: home.directory)
        #expect(!explicit.stderr.contains("demo"))
        #expect(try Corpus(path: home.directory + "/mine.db").postCount() == 0)
    }

    @Test func killedMidImportLeavesAConsistentCorpusAndReimportCompletesIt() throws {
        let home = try TemporaryCorpus()
        let db = home.directory + "/c.db"
        let path = home.directory + "/many.jsonl"
        let count = 60_000
        FileManager.default.createFile(atPath: path, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        var generator = SystemRandomNumberGenerator()
        let words = ["open", "weights", "export", "controls", "model", "licence", "chips", "data", "center", "policy"]
        var buffer = ""
        for i in 0..<count {
            let text = (0..<60).map { _ in words.randomElement(using: &generator) ?? "x" }.joined(separator: " ")
            buffer +=
                #"{"id": "p\#(i)", "source": "web", "published_at": \#(1_700_000_000 + (i * 7919) % 3_000_000), "text": "\#(text)"}"# + "\n"
            if buffer.utf8.count > 1_000_000 {
                handle.write(Data(buffer.utf8))
                buffer = ""
            }
        }
        handle.write(Data(buffer.utf8))
        try handle.close()

        let process = Process()
        process.executableURL = BeatProcess.executable
        process.arguments = ["--db", db, "import", "--batch-size", "2000", path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Wait until some batches are committed, then kill without warning.
        var committed: Int64 = 0
        for _ in 0..<600 {
            usleep(50_000)
            if FileManager.default.fileExists(atPath: db),
                let reader = try? Connection(path: db, mode: .readOnly),
                let rows = try? reader.scalar("SELECT count(*) FROM posts")?.int64Value
            {
                committed = rows
                if rows >= 4000 { break }
            }
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(committed >= 4000)

        let corpus = try Corpus(path: db)
        #expect(try corpus.connection.scalar("PRAGMA integrity_check") == .text("ok"))
        try corpus.connection.execute("INSERT INTO posts_fts(posts_fts, rank) VALUES ('integrity-check', 1)")
        let survived = try corpus.postCount()
        #expect(survived < count, "the kill came after the import finished; make the input larger")
        #expect(survived >= 4000, "committed batches survive the kill")

        let rerun = try BeatProcess.run(["--db", db, "import", path], home: home.directory)
        #expect(rerun.status == 0, "\(rerun.stderr)")
        #expect(
            rerun.stdout.contains(
                "added \((count - survived).formattedWithSeparators), updated 0, unchanged \(survived.formattedWithSeparators)"))
        #expect(try corpus.postCount() == count)
        #expect(try corpus.connection.scalar("SELECT count(DISTINCT source_id) FROM posts")?.int64Value == Int64(count))
        try corpus.connection.execute("INSERT INTO posts_fts(posts_fts, rank) VALUES ('integrity-check', 1)")
    }
}

extension Int {
    var formattedWithSeparators: String {
        let digits = String(self)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return out
    }
}

/// `import DIR` and `import PATTERN` where no shell expands them (the Beat shell, `-c`).
@Suite struct ImportPathTests {
    @Test func aDirectoryAndAPatternImportTheirFiles() throws {
        let home = try TemporaryCorpus()
        let folder = home.directory + "/extracted"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for name in ["listing_t3.json", "comments_tree.json"] {
            try FileManager.default.copyItem(atPath: Fixtures.path("reddit/" + name), toPath: folder + "/" + name)
        }
        try home.write("extracted/notes.bin", "not a format")
        let db = home.directory + "/c.db"
        let fromDirectory = try BeatProcess.run(["--db", db, "-c", "import \(folder)"], home: home.directory)
        #expect(fromDirectory.status == 0, "\(fromDirectory.stderr)")
        #expect(fromDirectory.stdout.contains("extracted/comments_tree.json: added"), "\(fromDirectory.stdout)")
        #expect(fromDirectory.stdout.contains("extracted/listing_t3.json: added"), "\(fromDirectory.stdout)")
        #expect(!fromDirectory.stdout.contains("notes.bin"))
        let fromPattern = try BeatProcess.run(["--db", db, "-c", "import \(folder)/*.json"], home: home.directory)
        #expect(fromPattern.status == 0, "\(fromPattern.stderr)")
        #expect(fromPattern.stdout.contains("total: added 0, updated 0, unchanged "), "\(fromPattern.stdout)")
        let nothing = try BeatProcess.run(["--db", db, "-c", "import \(folder)/*.csv"], home: home.directory)
        #expect(nothing.status == 2 && nothing.stderr.contains("no files match \(folder)/*.csv"), "\(nothing.stderr)")
    }
}
