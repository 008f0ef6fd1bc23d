import BeatCore
import BeatTestSupport
import Foundation
import Testing

/// Query files run unattended: `run FILE`, `set` and `$NAME`, `--param`, file:line errors, exit statuses.
@Suite struct QueryFileTests {
    private func demo() throws -> (TemporaryCorpus, String) {
        let home = try TemporaryCorpus()
        let db = home.directory + "/demo.db"
        #expect(try BeatProcess.run(["--db", db, "import", DemoCorpusFile.path], home: home.directory).status == 0)
        return (home, db)
    }

    @Test func setDefaultsAndParamOverrides() throws {
        let (home, db) = try demo()
        let file = try home.write(
            "review.beat",
            """
            # A review of one source.
            set source reddit
            set word aurora
            count $word source:${source}
            """)
        let defaults = try BeatProcess.run(["--db", db, "run", file], home: home.directory)
        #expect(defaults.status == 0, "\(defaults.stderr)")
        let corpus = try Corpus(path: db)
        func count(_ source: String) throws -> Int64 {
            try corpus.connection.scalar(
                "SELECT count(*) FROM posts WHERE source = ?1 AND id IN (SELECT rowid FROM posts_fts WHERE posts_fts MATCH 'aurora')",
                [.text(source)])?.int64Value ?? -1
        }
        #expect(defaults.stdout == "\(try count("reddit")) posts matching aurora source:reddit\n")
        let overridden = try BeatProcess.run(["--db", db, "run", file, "--param", "source=bluesky"], home: home.directory)
        #expect(overridden.stdout == "\(try count("bluesky")) posts matching aurora source:bluesky\n")
    }

    @Test func aFailingLineIsNamedAndStopsTheFileUnlessKeepGoing() throws {
        let (home, db) = try demo()
        let file = try home.write(
            "broken.beat",
            """
            count aurora
            # a comment

            count auther:kim
            count sepsis
            """)
        let stopped = try BeatProcess.run(["--db", db, "run", file], home: home.directory)
        #expect(stopped.status == 1)
        #expect(stopped.stderr.hasPrefix("\(file):4: error: unknown filter 'auther:'"), "\(stopped.stderr)")
        #expect(stopped.stdout.contains("matching aurora"))
        #expect(!stopped.stdout.contains("sepsis"))
        let kept = try BeatProcess.run(["--db", db, "run", file, "--keep-going"], home: home.directory)
        #expect(kept.status == 1)
        #expect(kept.stdout.contains("matching sepsis"))
        let unknown = try BeatProcess.run(["--db", db, "run", try home.write("p.beat", "count $missing\n")], home: home.directory)
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("p.beat:1: error: unknown parameter $missing"))
        let noFile = try BeatProcess.run(["--db", db, "run", home.directory + "/nope.beat"], home: home.directory)
        #expect(noFile.status == 2)
    }

    @Test func runNestsWithADepthLimit() throws {
        let (home, db) = try demo()
        let inner = try home.write("inner.beat", "count $word\n")
        let outer = try home.write("outer.beat", "set word sepsis\nrun \(inner)\n")
        let nested = try BeatProcess.run(["--db", db, "run", outer], home: home.directory)
        #expect(nested.status == 0, "\(nested.stderr)")
        #expect(nested.stdout.hasSuffix("posts matching sepsis\n"))
        let loop = try home.write("loop.beat", "run \(home.directory)/loop.beat\n")
        let looping = try BeatProcess.run(["--db", db, "run", loop], home: home.directory)
        #expect(looping.status == 1)
        #expect(looping.stderr.contains("nest more than 16 deep"))
    }

    @Test func startupFileRunsUnlessNoRC() throws {
        let (home, db) = try demo()
        try FileManager.default.createDirectory(atPath: home.directory + "/config/beat", withIntermediateDirectories: true)
        try home.write("config/beat/beatrc", "format json\n")
        let withRC = try BeatProcess.run(["--db", db, "count", "sepsis"], home: home.directory)
        #expect(withRC.stdout.hasPrefix("{\"count\": "), "\(withRC.stdout)")
        let withoutRC = try BeatProcess.run(["--db", db, "--no-rc", "count", "sepsis"], home: home.directory)
        #expect(withoutRC.stdout.hasSuffix("posts matching sepsis\n"))
        let timed = try BeatProcess.run(["--db", db, "--no-rc", "-c", "timer on; count sepsis"], home: home.directory)
        #expect(timed.stderr.range(of: #"time: \d+\.\d ms"#, options: .regularExpression) != nil, "\(timed.stderr)")
    }
}
