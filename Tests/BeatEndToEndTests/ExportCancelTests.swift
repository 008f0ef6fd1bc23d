import BeatTestSupport
import Foundation
import Testing

/// `export` cancelled with Ctrl-C leaves no partial file behind (or says how much a file
/// appended to kept), and refuses formats it does not write.
@Suite struct ExportCancelTests {
    /// The demo corpus copied 1,000 times over in SQL (posts only, which an export of
    /// every post reads), so that exporting it takes seconds.
    private func largeCorpus() throws -> (TemporaryCorpus, String) {
        let (home, db) = try BeatProcess.demoCorpus()
        let script = try home.write(
            "grow.py",
            """
            import sqlite3, sys
            db = sqlite3.connect(sys.argv[1])
            db.execute('''WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000)
                INSERT INTO posts (id, source, source_id, venue, author, published_at, title, text, url,
                                   import_id, imported_at)
                SELECT p.id + n.i, p.source, p.source_id || '-' || n.i, p.venue, p.author, p.published_at,
                       p.title, p.text, p.url, p.import_id, p.imported_at
                FROM posts p, n''')
            db.commit()
            """)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script, db]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return (home, db)
    }

    @Test func ctrlCRemovesTheFileItWasWritingOrSaysWhatAnAppendedFileKept() throws {
        let (home, db) = try largeCorpus()
        let fresh = home.directory + "/all.jsonl"
        let appended = try home.write("kept.jsonl", "")
        let result = try TerminalDriver.run(
            ["--db", db, "--no-pager"], home: home.directory,
            steps: [
                .expect("demo> "),
                .send("export > \(fresh)\r"),
                .send(""), .send(""), .send(""), .send(""), .send(""), .send(""), .send(""),
                .send("\u{03}"),
                .expect("export cancelled: removed the partial \(fresh) ("),
                .expect("demo> "),
                .send("export >> \(appended)\r"),
                .send(""), .send(""), .send(""), .send(""), .send(""), .send(""), .send(""),
                .send("\u{03}"),
                .expect("export cancelled: \(appended) keeps the "),
                .expect("demo> "),
                .send("\u{04}"),
                .exit,
            ])
        let plain = result.plain
        #expect(!result.timedOut && result.exitStatus == 0, "\(plain)")
        #expect(!FileManager.default.fileExists(atPath: fresh), "\(plain)")
        // The file appended to holds as many whole lines as the message says.
        let kept = try String(contentsOfFile: appended, encoding: .utf8)
        let lines = kept.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.last == "", "the last line is cut")
        let said = plain.components(separatedBy: "keeps the ").last?.components(separatedBy: " posts").first?
            .replacingOccurrences(of: ",", with: "")
        #expect(Int(said ?? "") == lines.count - 1, "\(plain)")
        #expect(lines.count > 1 && lines.count - 1 < 335_335, "\(lines.count)")
    }

    @Test func formatsExportDoesNotWriteAreRefused() throws {
        let (home, db) = try BeatProcess.demoCorpus()
        for format in ["csv", "json", "md"] {
            let result = try BeatProcess.run(["--db", db, "--format", format, "export", "aurora"], home: home.directory)
            #expect(result.status == 2, "\(format): \(result.stdout.prefix(200))")
            #expect(result.stdout.isEmpty)
            #expect(result.stderr.contains("export writes Beat JSONL only"), "\(result.stderr)")
        }
        let jsonl = try BeatProcess.run(["--db", db, "--format", "jsonl", "export", "aurora"], home: home.directory)
        #expect(jsonl.status == 0 && jsonl.stdout.split(separator: "\n").count == 53, "\(jsonl.stderr)")
    }
}
