import BeatSQLite
import BeatTestSupport
import Foundation
import Testing

@testable import BeatCore

/// The second connection a search or a summary shares its work with: kept open between uses,
/// and stopped by a Ctrl-C that came before its statements started.
@Suite struct HelperConnectionTests {
    /// Ten million steps of SQLite's machine: a second or more when nothing stops it.
    static let longStatement = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10000000) SELECT count(*) FROM n"

    @Test func oneHelperConnectionIsKeptForTheNextHelper() throws {
        let corpus = try TemporaryCorpus()
        let opener = corpus.corpus.readerOpener()
        let first = try opener.withConnection { ObjectIdentifier($0) }
        let second = try opener.withConnection { ObjectIdentifier($0) }
        #expect(first == second)
        // Another opener of the same corpus (the next command) finds it too.
        let another = try corpus.corpus.readerOpener().withConnection { ObjectIdentifier($0) }
        #expect(another == first)
        // A helper whose work failed closes its connection: the next opens a new one.
        struct Failure: Error {}
        #expect(throws: Failure.self) { try opener.withConnection { _ in throw Failure() } }
        let kept = try opener.withConnection { connection in
            let posts = try connection.scalar("SELECT count(*) FROM posts")?.int64Value
            #expect(posts == 0)
            return ObjectIdentifier(connection)
        }
        let again = try opener.withConnection { ObjectIdentifier($0) }
        #expect(again == kept)
    }

    /// The kept helper closes before the corpus's own connection, which then takes the
    /// write-ahead log's files away as the last connection to close.
    @Test func aClosedCorpusLeavesNoLogBehindItsHelper() throws {
        let scratch = try TemporaryCorpus()
        let path = scratch.directory + "/other.db"
        do {
            let corpus = try Corpus(path: path)
            _ = try corpus.readerOpener().withConnection { try $0.scalar("SELECT count(*) FROM posts") }
            #expect(FileManager.default.fileExists(atPath: path + "-wal"))
        }
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
        #expect(!FileManager.default.fileExists(atPath: path + "-shm"))
    }

    /// A Ctrl-C that comes after a command's helper was set up but before its statement runs
    /// (SQLite forgets an interrupt that finds nothing running) still stops that statement;
    /// the next command's helper is not stopped by it.
    @Test func aCtrlCBeforeTheHelpersStatementStartsStopsIt() throws {
        let corpus = try TemporaryCorpus()
        let opener = corpus.corpus.readerOpener()
        corpus.corpus.interrupter.interrupt()
        #expect {
            try opener.withConnection { try $0.scalar(Self.longStatement) }
        } throws: { Corpus.isInterruption($0) }
        let next = corpus.corpus.readerOpener()
        let answer = try next.withConnection { try $0.scalar("SELECT 41 + 1") }
        #expect(answer == .integer(42))
    }
}
