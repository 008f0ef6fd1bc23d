import BeatCore
import BeatSQLite
import BeatTestSupport
import Foundation
import Testing

/// Several `beat` processes on one corpus at once, as in a newsroom: a
/// collector importing while editors search, summarise and check.
@Suite struct ConcurrencyTests {
    /// A JSONL file of `count` posts whose ids start with `prefix`.
    private func posts(_ prefix: String, count: Int, in home: TemporaryCorpus) throws -> String {
        var lines: [String] = []
        for index in 0..<count {
            let second = index % 86_400
            let time = String(format: "2026-03-%02dT%02d:%02d:%02dZ", 1 + index / 86_400, second / 3600, second / 60 % 60, second % 60)
            lines.append(
                #"{"id":"\#(prefix)-\#(index)","source":"news","venue":"\#(prefix)","published_at":"\#(time)","text":"aurora report \#(prefix) number \#(index) with open weights"}"#
            )
        }
        return try home.write("\(prefix).jsonl", lines.joined(separator: "\n") + "\n")
    }

    /// Starts `beat` with `arguments` without waiting; its output goes to files read by `finish`.
    private final class Running: @unchecked Sendable {
        let process = Process()
        let out: String
        let err: String
        let label: String

        init(_ arguments: [String], home: String, label: String) throws {
            self.label = label
            out = home + "/\(label).out"
            err = home + "/\(label).err"
            FileManager.default.createFile(atPath: out, contents: nil)
            FileManager.default.createFile(atPath: err, contents: nil)
            process.executableURL = BeatProcess.executable
            process.arguments = arguments
            process.environment = ["HOME": home, "XDG_CONFIG_HOME": home + "/config", "LANG": "C.UTF-8", "PATH": "/usr/bin:/bin"]
                .merging(BeatProcess.sanitizerEnvironment) { $1 }
            process.standardOutput = FileHandle(forWritingAtPath: out)
            process.standardError = FileHandle(forWritingAtPath: err)
            process.standardInput = FileHandle.nullDevice
            try process.run()
        }

        func finish() -> (status: Int32, stdout: String, stderr: String) {
            process.waitUntilExit()
            return (
                process.terminationStatus,
                (try? String(contentsOfFile: out, encoding: .utf8)) ?? "",
                (try? String(contentsOfFile: err, encoding: .utf8)) ?? ""
            )
        }
    }

    @Test func importsReadersAndBeatAddRunTogetherWithoutLockErrors() throws {
        let (home, db) = try BeatProcess.demoCorpus()
        let story = Fixtures.path("check/scribes.md")
        let importers = try (0..<3).map { index in
            try Running(
                ["--db", db, "import", "--batch-size", "250", try posts("feed\(index)", count: 3000, in: home)],
                home: home.directory, label: "import\(index)")
        }
        var others: [Running] = []
        let readers: [[String]] = [["search", "aurora", "--limit", "5"], ["count", "aurora"], ["summary", "aurora"], ["check", story]]
        let deadline = Date().addingTimeInterval(90)
        var round = 0
        // Readers and beat add keep starting while any import runs (bounded by the deadline).
        while importers.contains(where: { $0.process.isRunning }) && Date() < deadline {
            for (offset, reader) in readers.enumerated() {
                others.append(try Running(["--db", db] + reader, home: home.directory, label: "read\(round)-\(offset)"))
            }
            others.append(
                try Running(
                    ["--db", db, "beat", "add", "watch\(round)", "aurora feed\(round % 3)"],
                    home: home.directory, label: "add\(round)"))
            round += 1
            Thread.sleep(forTimeInterval: 0.3)
        }
        var failures: [String] = []
        for running in importers + others {
            let (status, _, stderr) = running.finish()
            if stderr.contains("database is locked") || stderr.contains("is busy") {
                failures.append("\(running.label): \(stderr)")
            }
            // check exits 1 when a quotation is not verified; only its messages matter here.
            if status != 0 && !running.label.hasSuffix("-3") { failures.append("\(running.label) exited \(status): \(stderr)") }
        }
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
        #expect(round > 0)

        let corpus = try Corpus(path: db)
        for index in 0..<3 {
            let stored = try corpus.connection.scalar(
                "SELECT count(*) FROM posts WHERE venue = ?1", [.text("feed\(index)")])?.int64Value
            #expect(stored == 3000, "every post of import \(index) is stored once")
        }
        #expect(try corpus.connection.scalar("SELECT count(*) FROM beats WHERE name LIKE 'watch%'")?.int64Value == Int64(round))
        let health = try CorpusHealth.check(corpus)
        #expect(health.isHealthy, "\(health)")
    }

    @Test func aWriterThatWaitsTooLongIsToldWhoIsWriting() throws {
        let (home, db) = try BeatProcess.demoCorpus()
        let holder = try Connection(path: db)
        try holder.beginImmediate()
        defer { try? holder.execute("ROLLBACK") }
        let started = Date()
        let result = try BeatProcess.run(["--db", db, "--busy-timeout", "1", "beat", "add", "late", "aurora"], home: home.directory)
        let waited = Date().timeIntervalSince(started)
        #expect(result.status == 1)
        #expect(result.stderr.contains("is busy: process \(getpid())"), "\(result.stderr)")
        #expect(result.stderr.contains("kept writing to it for over 1 s, and nothing was written"))
        #expect(!result.stderr.contains("database is locked"))
        #expect(waited >= 1)
        // Readers are never blocked by the writer.
        let reader = try BeatProcess.run(["--db", db, "count", "aurora"], home: home.directory)
        #expect(reader.status == 0, "\(reader.stderr)")
        try holder.execute("ROLLBACK")
        #expect(try BeatProcess.run(["--db", db, "beat", "add", "late", "aurora"], home: home.directory).status == 0)
    }
}
