import BeatSQLite
import BeatTestSupport
import Foundation
import Testing

@testable import BeatCore

/// A corpus opened through a symbolic link is the file the link leads to.
@Suite struct CorpusLinkTests {
    @Test func aCorpusOpensThroughALinkAndWritesBesideItsFile() throws {
        let temporary = try TemporaryCorpus()
        let lines = (0..<300).map { index in
            #"{"id":"p\#(index)","source":"news","published_at":"2026-01-01T00:00:00Z","text":"post \#(index) on the river and the mill"}"#
        }
        let file = try temporary.write("posts.jsonl", lines.joined(separator: "\n") + "\n")
        #expect(try temporary.importFiles([file]).summary.added == 300)
        let folder = temporary.directory + "/elsewhere"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let target = folder + "/corpus.db"
        try temporary.corpus.connection.execute("VACUUM INTO '\(target)'")
        // A relative link, and a link to that link.
        let link = temporary.directory + "/link.db"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "elsewhere/corpus.db")
        let second = temporary.directory + "/second.db"
        try FileManager.default.createSymbolicLink(atPath: second, withDestinationPath: link)

        #expect(Corpus.followingLinks(second) == target)
        #expect(Corpus.followingLinks(target) == target)
        #expect(Corpus.followingLinks(temporary.directory + "/none.db") == temporary.directory + "/none.db")
        do {
            // The header's page count is checked against the file, not the link's few bytes.
            let corpus = try Corpus(path: second)
            #expect(corpus.path == target)
            #expect(try corpus.connection.scalar("SELECT count(*) FROM posts")?.int64Value == 300)
            try corpus.prepareToWrite(command: "test")
            try corpus.connection.execute("DELETE FROM posts WHERE source_id = 'p1'")
            #expect(FileManager.default.fileExists(atPath: target + "-wal"))
            #expect(!FileManager.default.fileExists(atPath: link + "-wal"))
        }
        let reopened = try Corpus(path: target, readOnly: true)
        #expect(try reopened.connection.scalar("SELECT count(*) FROM posts")?.int64Value == 299)
    }
}
