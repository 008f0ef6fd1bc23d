import BeatCore
import BeatSQLite
import BeatTestSupport
import Foundation
import Testing

/// The query commands through the built `beat`, on the demo corpus, with a fixed `--now`.
@Suite struct QueryCommandTests {
    static let now = "2026-04-21T00:00:00Z"

    /// A corpus holding the demo posts, imported by the binary itself.
    private func demoCorpus() throws -> (TemporaryCorpus, String) {
        try BeatProcess.demoCorpus()
    }

    private func beat(_ arguments: [String], db: String, home: TemporaryCorpus, input: String? = nil) throws -> BeatProcess.Result {
        try BeatProcess.run(["--db", db, "--now", Self.now] + arguments, input: input, home: home.directory)
    }

    @Test func queryFilesMatchTheirGoldenOutput() throws {
        let (home, db) = try demoCorpus()
        // The second run goes to a corpus of its own: a file that defines beats says "added" only the first time.
        let (otherHome, otherDB) = try demoCorpus()
        let folder = URL(fileURLWithPath: DemoCorpusFile.path).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("queries").path
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".beat") }.sorted()
        #expect(files.count >= 3)
        for file in files {
            let text = try String(contentsOfFile: folder + "/" + file, encoding: .utf8)
            #expect(text.split(separator: "\n").prefix(2).allSatisfy { $0.hasPrefix("#") }, "\(file) starts with a header comment")
            let result = try beat([], db: db, home: home, input: text)
            #expect(result.status == 0, "\(file): \(result.stderr)")
            #expect(result.stderr.isEmpty, "\(file): \(result.stderr)")
            Golden.check(result.stdout, "queries/\(file).txt", directory: Golden.directory(besides: #filePath))
            // Byte-for-byte reproducible.
            #expect(try beat([], db: otherDB, home: otherHome, input: text).stdout == result.stdout)
        }
    }

    @Test func searchJSONHasTheDocumentedShapeAndTotalsMatchSQL() throws {
        let (home, db) = try demoCorpus()
        let result = try beat(["--format", "json", "search", "\"open weights\" source:reddit", "--limit", "3"], db: db, home: home)
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["query", "total", "hits", "filters"])
        let direct = try Corpus(path: db).connection.scalar(
            """
            SELECT count(*) FROM posts WHERE source = 'reddit' AND id IN (SELECT rowid FROM posts_fts WHERE posts_fts MATCH '"open weights"')
            """)?.int64Value
        #expect((object["total"] as? Int).map(Int64.init) == direct)
        let hits = try #require(object["hits"] as? [[String: Any]])
        #expect(hits.count == 3)
        for hit in hits {
            #expect(Set(hit.keys) == ["id", "source", "venue", "author", "published_at", "title", "url", "snippet", "rank"])
            #expect(hit["source"] as? String == "reddit")
            #expect((hit["snippet"] as? String)?.isEmpty == false)
        }
        let count = try beat(["--format", "json", "count", "\"open weights\" source:reddit"], db: db, home: home)
        #expect(count.stdout == "{\"count\": \(direct ?? -1), \"filters\": null}\n")
    }

    @Test func quotesAreVerbatimSubstringsOfTheirPosts() throws {
        let (home, db) = try demoCorpus()
        let result = try beat(
            ["--format", "json", "quotes", "licence OR \"export controls\" OR sepsis", "--limit", "40"], db: db, home: home)
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let quotes = try #require(object["quotes"] as? [[String: Any]])
        #expect(quotes.count == 40)
        let corpus = try Corpus(path: db)
        for quote in quotes {
            let text = try #require(quote["text"] as? String)
            let id = try #require(quote["id"] as? String)
            let parts = id.split(separator: ":", maxSplits: 1).map(String.init)
            let found = try corpus.connection.scalar(
                "SELECT instr(text, ?3) > 0 FROM posts WHERE source = ?1 AND source_id = ?2",
                [.text(parts[0]), .text(parts[1]), .text(text)])
            #expect(found == .integer(1), "\(id): \(text)")
        }
    }

    @Test func mistakesShowTheQueryWithACaretAndExitTwo() throws {
        let (home, db) = try demoCorpus()
        let result = try beat(["search", "aurora auther:kim"], db: db, home: home)
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(
            result.stderr == """
                error: unknown filter 'auther:'
                aurora auther:kim
                       ^~~~~~~
                hint: did you mean 'author:'?

                """)
        let unbalanced = try beat(["count", "\"open weights"], db: db, home: home)
        #expect(unbalanced.status == 2)
        #expect(unbalanced.stderr.contains("^"))
    }

    @Test func sessionFiltersShowByNumberAndMoreWorkInOneSession() throws {
        let (home, db) = try demoCorpus()
        let script = """
            filter source:hackernews
            count aurora
            search aurora --limit 2
            more
            show 1
            filter clear
            count aurora
            """
        let result = try beat([], db: db, home: home, input: script)
        #expect(result.status == 0, "\(result.stderr)")
        let corpus = try Corpus(path: db)
        let hn =
            try corpus.connection.scalar(
                "SELECT count(*) FROM posts WHERE source = 'hackernews' AND id IN (SELECT rowid FROM posts_fts WHERE posts_fts MATCH 'aurora')"
            )?.int64Value ?? -1
        let all = try corpus.connection.scalar("SELECT count(*) FROM posts_fts WHERE posts_fts MATCH 'aurora'")?.int64Value ?? -1
        #expect(result.stdout.contains("\(hn) posts matching aurora source:hackernews"))
        #expect(result.stdout.contains("1-2 of \(hn)") || result.stdout.contains("2 of \(hn)"))
        #expect(result.stdout.contains("3-4 of \(hn)"))
        #expect(result.stdout.contains("\(all) posts matching aurora\n"))
        #expect(!result.stdout.contains("\u{1B}["), "no colour when not a terminal")
        let forced = try beat(["--color", "search", "aurora", "--limit", "1"], db: db, home: home)
        #expect(forced.stdout.contains("\u{1B}[1m"), "--color forces bold matches into a pipe")
    }

    @Test func exportThenImportGivesIdenticalRecords() throws {
        let (home, db) = try demoCorpus()
        let file = home.directory + "/reddit.jsonl"
        let exported = try beat(["-c", "export source:reddit > \(file)"], db: db, home: home)
        #expect(exported.status == 0, "\(exported.stderr)")
        let copy = home.directory + "/copy.db"
        let imported = try BeatProcess.run(["--db", copy, "import", file], home: home.directory)
        #expect(imported.status == 0, "\(imported.stderr)")
        let columns = "id, source, source_id, venue, author, published_at, title, text, url, parent, thread, score, lang, tags, raw"
        func rows(_ path: String, _ filter: String) throws -> [[SQLiteValue]] {
            var result: [[SQLiteValue]] = []
            try Corpus(path: path).connection.forEachRow("SELECT \(columns) FROM posts \(filter) ORDER BY id") { row in
                result.append((0..<row.columnCount).map { row.value($0) })
            }
            return result
        }
        let original = try rows(db, "WHERE source = 'reddit'")
        #expect(original.count == 122)
        #expect(try rows(copy, "") == original)
    }

    @Test func aClosedPipeEndsOutputQuietly() throws {
        let (home, db) = try demoCorpus()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        let command = "'\(BeatProcess.executable.path)' --db '\(db)' search 'the' --limit 300 | head -1; echo \"status ${PIPESTATUS[0]}\""
        process.arguments = ["-c", command]
        process.environment = ["HOME": home.directory, "PATH": "/usr/bin:/bin"].merging(BeatProcess.sanitizerEnvironment) { $1 }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(stdout.hasSuffix("status 0\n"), "\(stdout)")
        #expect(stderr.isEmpty, "\(stderr)")
    }
}

/// Colour is for terminals only, and never when NO_COLOR is set.
@Suite struct TerminalColourTests {
    /// Runs `beat` on a pseudo-terminal through util-linux `script`, returning what the terminal showed.
    private func onTerminal(_ arguments: String, environment: [String: String], home: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qec", "'\(BeatProcess.executable.path)' \(arguments)", "/dev/null"]
        process.environment = ["HOME": home, "PATH": "/usr/bin:/bin", "TERM": "xterm", "COLUMNS": "100"].merging(environment) { $1 }
            .merging(BeatProcess.sanitizerEnvironment) { $1 }
        let out = Pipe()
        process.standardOutput = out
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return text
    }

    @Test func boldMatchesOnATerminalUnlessNOCOLOR() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else { return }
        let home = try TemporaryCorpus()
        let db = home.directory + "/demo.db"
        _ = try BeatProcess.run(["--db", db, "import", DemoCorpusFile.path], home: home.directory)
        let coloured = try onTerminal("--db '\(db)' search sepsis --limit 2", environment: [:], home: home.directory)
        #expect(coloured.contains("\u{1B}[1m"), "\(coloured)")
        let plain = try onTerminal("--db '\(db)' search sepsis --limit 2", environment: ["NO_COLOR": "1"], home: home.directory)
        #expect(plain.contains("sepsis"))
        #expect(!plain.contains("\u{1B}["), "\(plain)")
    }
}
