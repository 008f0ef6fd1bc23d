import BeatCore
import BeatSQLite
import BeatTestSupport
import Foundation
import Testing

/// Bad input gets a clear error, and loses nothing already stored.
@Suite struct BadInputTests {
    /// A corpus holding the 10 posts of `beat/posts.jsonl`, and a snapshot of its rows.
    private func seededCorpus() throws -> (TemporaryCorpus, [[SQLiteValue]]) {
        let corpus = try TemporaryCorpus()
        #expect(try corpus.importFiles([Fixtures.path("beat/posts.jsonl")]).summary.added == 10)
        return (corpus, try corpus.rows("SELECT * FROM posts ORDER BY id"))
    }

    @Test func binaryFileIsRefusedWithoutTouchingTheCorpus() throws {
        let (corpus, before) = try seededCorpus()
        let outcome = try corpus.importFiles([Fixtures.path("bad/binary.bin")])
        #expect(outcome.failures == [.binaryInput(path: Fixtures.path("bad/binary.bin"))])
        #expect(outcome.failures.first?.description.contains("binary file") == true)
        #expect(try corpus.rows("SELECT * FROM posts ORDER BY id") == before)
    }

    @Test func emptyFileIsRefused() throws {
        let (corpus, before) = try seededCorpus()
        let outcome = try corpus.importFiles([Fixtures.path("bad/empty.json")])
        #expect(outcome.failures == [.emptyInput(path: Fixtures.path("bad/empty.json"))])
        #expect(try corpus.rows("SELECT * FROM posts ORDER BY id") == before)
    }

    @Test func truncatedDocumentSaysWhereItEndsAndImportsNothingFromIt() throws {
        let (corpus, before) = try seededCorpus()
        let path = Fixtures.path("bad/truncated.json")
        let outcome = try corpus.importFiles([path])
        let failure = try #require(outcome.failures.first)
        guard case .malformedDocument(_, let location, let reason) = failure else {
            Issue.record("expected a malformed-document error, got \(failure)")
            return
        }
        // The fixture is the first 4,096 bytes of a listing: it ends on its last line.
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(location.hasPrefix("\(lines.count):"))
        #expect(reason.contains("ends inside"))
        #expect(failure.description.contains("nothing from this file was imported"))
        #expect(try corpus.rows("SELECT * FROM posts ORDER BY id") == before)
    }

    @Test func invalidUTF8IsReportedOnItsLineAndTheRestImports() throws {
        let corpus = try TemporaryCorpus()
        let outcome = try corpus.importFiles([Fixtures.path("bad/invalid_utf8.jsonl")])
        #expect(outcome.summary.added == 2)
        #expect(outcome.summary.skipped == 1)
        #expect(outcome.problems.count == 1)
        #expect(outcome.problems.first?.location.hasPrefix("2:") == true)
        #expect(outcome.problems.first?.reason.contains("invalid UTF-8") == true)
        #expect(try corpus.post("reddit", "fx_utf8_2") == nil)
    }

    @Test func mixedFileImportsTheGoodRecordsAndNamesEachBadLine() throws {
        let corpus = try TemporaryCorpus()
        let outcome = try corpus.importFiles([Fixtures.path("bad/mixed_good_bad.jsonl")])
        #expect(outcome.summary.added == 7)
        #expect(outcome.summary.skipped == 3)
        #expect(outcome.problems.map(\.location) == ["6:2", "7", "8"])
        #expect(outcome.problems[1].reason == "missing 'text'")
        #expect(outcome.problems[2].reason.contains("is not a date"))
        #expect(outcome.problems.allSatisfy { $0.description.hasPrefix(Fixtures.path("bad/mixed_good_bad.jsonl") + ":") })
    }

    @Test func aHundredMegabyteLineIsSkippedWithoutReadingItIntoMemory() throws {
        let corpus = try TemporaryCorpus()
        let path = corpus.directory + "/huge.jsonl"
        FileManager.default.createFile(atPath: path, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        let good = #"{"id": "a", "source": "web", "published_at": "2026-01-01T00:00:00Z", "text": "before"}"# + "\n"
        handle.write(Data(good.utf8))
        handle.write(Data(#"{"id": "huge", "source": "web", "published_at": "2026-01-01T00:00:00Z", "text": ""#.utf8))
        let chunk = Data(repeating: UInt8(ascii: "x"), count: 1_048_576)
        for _ in 0..<100 { handle.write(chunk) }
        handle.write(Data("\"}\n".utf8))
        handle.write(Data(good.replacingOccurrences(of: "\"a\"", with: "\"b\"").replacingOccurrences(of: "before", with: "after").utf8))
        try handle.close()

        let outcome = try corpus.importFiles([path])
        #expect(outcome.summary.added == 2)
        #expect(outcome.problems.map(\.location) == ["2"])
        #expect(outcome.problems.first?.reason.contains("longer than 64 MiB") == true)
        #expect(try corpus.post("web", "b")?["origin_line"] == .integer(3))
    }

    @Test func unknownJSONShapeAsksForAFormat() throws {
        let (corpus, before) = try seededCorpus()
        let path = try corpus.write("odd.json", #"{"weather": "sunny", "temperature": 21}"#)
        let outcome = try corpus.importFiles([path])
        let failure = try #require(outcome.failures.first)
        #expect(failure.description.contains("cannot tell the format"))
        #expect(failure.description.contains("--as KIND"))
        #expect(try corpus.rows("SELECT * FROM posts ORDER BY id") == before)
    }

    @Test func missingFileIsNamed() throws {
        let corpus = try TemporaryCorpus()
        let outcome = try corpus.importFiles([corpus.directory + "/nope.json", Fixtures.path("beat/posts.jsonl")])
        #expect(outcome.failures.first?.description.contains("No such file") == true)
        #expect(outcome.summary.added == 10)
        #expect(outcome.summary.failedFiles == 1)
    }

    @Test func notACorpusIsRefusedAtOpen() throws {
        let folder = try TemporaryCorpus()
        let path = try folder.write("picture.db", bytes: Array(repeating: 0x42, count: 8192))
        #expect(throws: CorpusError.self) { try Corpus(path: path) }
        let other = folder.directory + "/other.db"
        let connection = try Connection(path: other)
        try connection.execute("CREATE TABLE t(x)")
        #expect { try Corpus(path: other) } throws: { error in
            (error as? CorpusError)?.description.contains("not a Beat corpus") == true
        }
    }

    @Test func aNewerSchemaIsNotTouched() throws {
        let corpus = try TemporaryCorpus()
        try corpus.corpus.connection.execute("PRAGMA user_version = 99")
        #expect { try Corpus(path: corpus.path) } throws: { error in
            (error as? CorpusError) == .newerSchema(path: corpus.path, found: 99, supported: Corpus.schemaVersion)
        }
    }

    @Test func strictAbortUndoesEarlierFilesOfTheSameImport() throws {
        let (corpus, before) = try seededCorpus()
        let good = try corpus.write("good.jsonl", #"{"id": "g", "source": "web", "published_at": "2026-01-01T00:00:00Z", "text": "new"}"#)
        #expect(throws: ImportError.self) {
            try corpus.importFiles([good, Fixtures.path("bad/mixed_good_bad.jsonl")], options: ImportOptions(strict: true))
        }
        #expect(try corpus.rows("SELECT * FROM posts ORDER BY id") == before)
        #expect(try corpus.integer("SELECT count(*) FROM imports") == 1)
        try corpus.checkIndexIntegrity()
    }
}
