import BeatCore
import BeatSQLite
import BeatTestSupport
import Foundation
import Testing

/// `--read-only` and `--safe`, and the corpus on a full or read-only file system.
@Suite struct ReadOnlyAndSafeTests {
    @Test func readOnlyReadsEverythingAndRefusesEveryWrite() throws {
        let (home, db) = try BeatProcess.demoCorpus()
        let before = try Data(contentsOf: URL(fileURLWithPath: db))
        for reading in [["count", "aurora"], ["search", "aurora"], ["sources"], ["beats"], ["summary", "aurora"], ["doctor"]] {
            let result = try BeatProcess.run(["--db", db, "--read-only"] + reading, home: home.directory)
            #expect(result.status == 0, "\(reading): \(result.stderr)")
        }
        let writes = [
            ["import", Fixtures.path("beat/posts.jsonl")], ["beat", "add", "x", "aurora"], ["beat", "rm", "x"], ["doctor", "--repair"],
        ]
        for writing in writes {
            let result = try BeatProcess.run(["--db", db, "--read-only"] + writing, home: home.directory)
            #expect(result.status == 1, "\(writing): \(result.stderr)")
            #expect(result.stderr.contains("which is open read-only (--read-only): \(db) was not changed"), "\(writing): \(result.stderr)")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: db)) == before)
        let missing = try BeatProcess.run(["--db", home.directory + "/none.db", "--read-only", "count", "x"], home: home.directory)
        #expect(missing.status == 1)
        #expect(!FileManager.default.fileExists(atPath: home.directory + "/none.db"))
    }

    @Test func safeWritesNoFileImportsNothingAndReadsNoOtherFileNamingEachLine() throws {
        let (home, db) = try BeatProcess.demoCorpus()
        let other = try home.write("other.beat", "count aurora\n")
        let script = try home.write(
            "from-elsewhere.beat",
            """
            count aurora
            count aurora > \(home.directory)/written.txt
            summary aurora --out \(home.directory)/summary.md
            import \(Fixtures.path("beat/posts.jsonl"))
            run \(other)
            check \(Fixtures.path("check/scribes.md"))
            count aurora

            """)
        let result = try BeatProcess.run(["--db", db, "--safe", "run", script, "--keep-going"], home: home.directory)
        #expect(result.status == 1)
        let refusals = result.stderr.split(separator: "\n").filter { $0.contains("not allowed with --safe") }
        #expect(refusals.count == 5, "\(result.stderr)")
        for (line, what) in [
            (2, "> \(home.directory)/written.txt"), (3, "> \(home.directory)/summary.md"), (4, "import"),
            (5, "run \(other)"), (6, "check \(Fixtures.path("check/scribes.md"))"),
        ] {
            #expect(
                refusals.contains { $0.hasPrefix("\(script):\(line): error: \(what) is not allowed with --safe") },
                "line \(line): \(result.stderr)")
        }
        #expect(result.stdout.components(separatedBy: "matching aurora").count == 3, "the reading lines ran")
        #expect(!FileManager.default.fileExists(atPath: home.directory + "/written.txt"))
        #expect(!FileManager.default.fileExists(atPath: home.directory + "/summary.md"))
        #expect(try Corpus(path: db).postCount() == 341)
        // Piped in, the same refusals name the line of standard input.
        let piped = try BeatProcess.run(["--db", db, "--safe"], input: "count aurora\nimport x.jsonl\n", home: home.directory)
        #expect(piped.stderr.contains("-:2: error: import is not allowed with --safe"))
    }

    /// A small file system made for the test: a tmpfs mounted in a private mount namespace
    /// (`unshare -rm`), which needs neither root nor changes outside the test. Returns nil
    /// (and the test is skipped with a message) where namespaces are not allowed.
    private func inSmallFileSystem(_ script: String, size: String, home: TemporaryCorpus) throws -> BeatProcess.Result? {
        let probe = try BeatProcess.shell("unshare -rm sh -c 'mount -t tmpfs -o size=64k tmpfs \"$HOME\" && echo ok'", home: home.directory)
        guard probe.stdout.contains("ok") else {
            print("skipped: cannot mount a small file system here (unshare -rm: \(probe.stderr.prefix(120)))")
            return nil
        }
        let mount = home.directory + "/small"
        try FileManager.default.createDirectory(atPath: mount, withIntermediateDirectories: true)
        return try BeatProcess.shell(
            "unshare -rm sh -c 'mount -t tmpfs -o size=\(size) tmpfs \"$SMALL\" && cd \"$SMALL\" && \(script)'",
            home: home.directory, environment: ["SMALL": mount])
    }

    @Test func aFullDiskIsNamedAndTheCorpusStaysWhole() throws {
        let home = try TemporaryCorpus()
        var lines: [String] = []
        for index in 0..<6000 {
            let words = (0..<40).map { "w\(($0 * 7919 + index * 104_729) % 100_003)" }.joined(separator: " ")
            lines.append(
                #"{"id":"p\#(index)","source":"news","published_at":"2026-01-01T\#(String(format: "%02d:%02d:%02d", index / 3600, index / 60 % 60, index % 60))Z","text":"\#(words)"}"#
            )
        }
        let big = try home.write("big.jsonl", lines.joined(separator: "\n") + "\n")
        let small = try home.write("small.jsonl", lines.prefix(50).joined(separator: "\n") + "\n")
        let script = """
            "$BEAT" --db c.db import \(small) >/dev/null && \
            "$BEAT" --db c.db import --batch-size 500 \(big); echo "status=$?"; \
            "$BEAT" --db c.db count w1 2>&1; "$BEAT" --db c.db doctor; echo "doctor=$?"; \
            sqlite3 c.db "SELECT count(*) FROM posts" 2>/dev/null
            """
        guard let result = try inSmallFileSystem(script, size: "1500k", home: home) else { return }
        #expect(result.stdout.contains("status=1"), "\(result.stdout)\(result.stderr)")
        #expect(result.stderr.contains("the disk is full"), "\(result.stderr)")
        #expect(!result.stderr.contains("not a Beat corpus"))
        #expect(!result.stderr.contains("INSERT") && !result.stderr.contains("while executing"))
        #expect(result.stdout.contains("file (PRAGMA integrity_check): ok"), "\(result.stdout)")
        #expect(result.stdout.contains("full-text index (FTS5 integrity-check): ok"))
        #expect(result.stdout.contains("doctor=0"))
    }

    @Test func aCorpusOnAReadOnlyFileSystemIsReadImmutableAndWritesAreRefusedInWords() throws {
        let home = try TemporaryCorpus()
        let script = """
            "$BEAT" --db c.db import \(Fixtures.path("beat/posts.jsonl")) >/dev/null && mount -o remount,ro "$SMALL" && \
            "$BEAT" --db c.db --read-only count source:news; echo "read=$?"; \
            "$BEAT" --db c.db count source:news; echo "plain=$?"; \
            "$BEAT" --db c.db import \(Fixtures.path("beat/posts.jsonl")); echo "import=$?"; ls
            """
        guard let result = try inSmallFileSystem(script, size: "4m", home: home) else { return }
        #expect(result.stdout.contains("read=0"), "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("plain=0"), "a corpus on a read-only file system is read without --read-only too")
        #expect(result.stdout.contains("import=1"))
        #expect(result.stderr.contains("cannot write here (the file system is mounted read-only)"), "\(result.stderr)")
        #expect(!result.stderr.contains("not a Beat corpus"), "\(result.stderr)")
    }
}
