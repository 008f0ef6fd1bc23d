import BeatSQLite
import BeatTestSupport
import Foundation
import Testing

@testable import BeatCore

/// A writer checks a corpus's pages unless the file is as a Beat process that checked it left it.
@Suite struct CheckedStateTests {
    /// A corpus of a few hundred posts, closed, at a path of its own.
    private func corpusFile() throws -> (TemporaryCorpus, String) {
        let temporary = try TemporaryCorpus()
        let lines = (0..<400).map { index in
            #"{"id":"p\#(index)","source":"news","published_at":"2026-01-01T00:00:00Z","text":"post \#(index) about the harbour, the tides and the boats that came in"}"#
        }
        let file = try temporary.write("posts.jsonl", lines.joined(separator: "\n") + "\n")
        #expect(try temporary.importFiles([file]).summary.added == 400)
        let path = temporary.directory + "/copy.db"
        try temporary.corpus.connection.execute("VACUUM INTO '\(path)'")
        return (temporary, path)
    }

    /// Random bytes over pages in the middle of the file, as a bad disk or a bad copy leaves them.
    private func damage(_ path: String) throws {
        let handle = try #require(FileHandle(forUpdatingAtPath: path))
        let pages = Int(try handle.seekToEnd()) / 4096
        for page in stride(from: pages * 3 / 5, to: pages * 4 / 5, by: 2) {
            try handle.seek(toOffset: UInt64(page * 4096 + 100))
            handle.write(Data((0..<3000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ page) }))
        }
        try handle.close()
    }

    @Test func aWriteRecordsTheStateItLeftAndAnotherProgramsWriteUndoesIt() throws {
        let (temporary, path) = try corpusFile()
        _ = temporary
        #expect(!CheckedState.isCurrent(path))
        do {
            let corpus = try Corpus(path: path)
            try corpus.prepareToWrite(command: "test")
            #expect(CheckedState.isCurrent(path), "a check that passed is recorded")
            _ = try BeatStore(corpus: corpus).add("harbour", query: "harbour", now: 1_767_225_600)
            #expect(!CheckedState.isCurrent(path), "the write changed the file")
            corpus.finishWriting()
            #expect(CheckedState.isCurrent(path), "the state after this process's writes is recorded")
        }
        #expect(CheckedState.isCurrent(path), "closing the last connection leaves the file as recorded")
        // Another program writes the file: the record no longer describes it.
        let other = try Connection(path: path, mode: .readWrite)
        try other.execute("UPDATE posts SET text = text || '!' WHERE id = (SELECT min(id) FROM posts)")
        #expect(!CheckedState.isCurrent(path))
        // A process that checked the file earlier checks it again before its next write,
        // rather than trusting (and later recording) the other program's pages.
        let corpus = try Corpus(path: path)
        try corpus.prepareToWrite(command: "test")
        #expect(CheckedState.isCurrent(path), "checked again and recorded")
        try other.execute("UPDATE posts SET text = text || '?' WHERE id = (SELECT min(id) FROM posts)")
        #expect(!CheckedState.isCurrent(path))
        try corpus.prepareToWrite(command: "test")
        #expect(CheckedState.isCurrent(path), "the same process checked the changed file again")
    }

    @Test func damageIsFoundUnlessTheRecordSaysTheFileIsAsChecked() throws {
        let (temporary, path) = try corpusFile()
        _ = temporary
        try damage(path)
        #expect(throws: CorpusFault.self) { try Corpus(path: path).prepareToWrite(command: "import") }
        #expect(!FileManager.default.fileExists(atPath: CheckedState.recordPath(of: path)))
        // A record of this very state (as if the damage had come after a check without
        // changing the file) is trusted: the pages are not read again. That is what makes
        // the record worth keeping, and why it holds the file's times, size and inode.
        CheckedState.record(path)
        #expect(CheckedState.isCurrent(path))
        try Corpus(path: path).prepareToWrite(command: "import")
        // Any change to the file (here its modification time) brings the check back.
        let later = Date().addingTimeInterval(5)
        try FileManager.default.setAttributes([.modificationDate: later], ofItemAtPath: path)
        #expect(!CheckedState.isCurrent(path))
        #expect(throws: CorpusFault.self) { try Corpus(path: path).prepareToWrite(command: "import") }
    }
}
