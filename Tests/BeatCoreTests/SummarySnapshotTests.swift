import BeatSQLite
import BeatTestSupport
import Foundation
import Testing

@testable import BeatCore

/// A summary reads every section from one state of the corpus (`Corpus.inOneSnapshot`), on
/// both connections, while a collector imports.
@Suite struct SummarySnapshotTests {
    static let halved = {
        var limits = SummaryLimits()
        limits.halvingPosts = 0
        return limits
    }()

    /// Posts of `the` in the window before `SummaryDemo.spring`, which a summary compared with
    /// the previous window reads after its own pass, and one in the spring itself.
    static func lateFile(in demo: TemporaryCorpus) throws -> String {
        let before = SummaryDemo.day(2026, 2, 15), during = SummaryDemo.day(2026, 4, 20)
        return try demo.write(
            "late.jsonl",
            """
            {"id": "late-1", "source": "mastodon", "author": "late_voice", "published_at": \(before), "text": "the weights were late"}
            {"id": "late-2", "source": "reddit", "author": "late_voice", "published_at": \(before + 60), "text": "the late weights again"}
            {"id": "late-3", "source": "reddit", "author": "late_voice", "published_at": \(during), "text": "the spring weights"}
            """)
    }

    static func request() throws -> SummaryRequest {
        SummaryRequest(label: "the", query: try SummaryDemo.compile("the"), window: SummaryDemo.spring, comparison: .previous)
    }

    /// An import that commits while the summary runs (here from its sentiment scorer, on the
    /// second thread, after the pass and before the comparison reads the previous window)
    /// is in none of its sections: the summary is the one made before the import.
    @Test func anImportDuringASummaryIsInNoneOfItsSections() throws {
        let demo = try SearchDemo.corpus()
        let request = try Self.request()
        let before = try SummaryBuilder(corpus: demo.corpus, scorer: WordCountScorer(), limits: Self.halved).summary(for: request)
        let (file, path) = (try Self.lateFile(in: demo), demo.path)
        let imports = ImportOnce(file: file, path: path, posts: 3)
        let builder = SummaryBuilder(
            corpus: demo.corpus,
            loadingScorer: {
                imports.run()
                return WordCountScorer()
            }, limits: Self.halved)
        nonisolated(unsafe) var pairings = 0
        demo.corpus.betweenSnapshots = { pairings += 1 }
        let during = try builder.summary(for: request)
        #expect(imports.done)
        #expect(pairings == 1, "the two connections were paired at the first try")
        #expect(try demo.corpus.helperInterrupts.takeIdle()?.isInTransaction == false, "the helper's transaction ended")
        #expect(during == before)
        #expect(demo.corpus.snapshotHelper == nil && !demo.corpus.connection.isInTransaction, "both transactions ended")

        let after = try SummaryBuilder(corpus: demo.corpus, scorer: WordCountScorer(), limits: Self.halved).summary(for: request)
        #expect(after.comparison?.posts == (before.comparison?.posts ?? 0) + 2, "the import is in the next summary")
        #expect(after.volume.posts == before.volume.posts + 1)
    }

    /// An import that commits between the helper's snapshot and the corpus connection's makes
    /// both end and begin again: the summary is then wholly of the corpus with the import.
    @Test func aCommitBetweenTheTwoSnapshotsMakesThemTryAgain() throws {
        let demo = try SearchDemo.corpus()
        let request = try Self.request()
        let imports = ImportOnce(file: try Self.lateFile(in: demo), path: demo.path, posts: 3)
        nonisolated(unsafe) var pairings = 0
        demo.corpus.betweenSnapshots = {
            pairings += 1
            imports.run()
        }
        let builder = SummaryBuilder(corpus: demo.corpus, scorer: WordCountScorer(), limits: Self.halved)
        let during = try builder.summary(for: request)
        #expect(imports.done)
        #expect(pairings == 2, "paired at the second try")
        demo.corpus.betweenSnapshots = nil
        let after = try builder.summary(for: request)
        #expect(during == after)
        #expect(demo.corpus.helperInterrupts.takeIdle() != nil, "the helper is kept for the next summary")
    }

    /// Inside a writer's transaction a summary reads on its connection alone and sees the
    /// writer's own posts.
    @Test func aSummaryInsideAWriteSeesItsPosts() throws {
        let demo = try SearchDemo.corpus()
        let request = try Self.request()
        let builder = SummaryBuilder(corpus: demo.corpus, scorer: WordCountScorer(), limits: Self.halved)
        let before = try builder.summary(for: request)
        let connection = demo.corpus.connection
        try connection.execute("BEGIN")
        defer { try? connection.execute("ROLLBACK") }
        let id = (SummaryDemo.day(2026, 4, 21) << Schema.sequenceBits) + 5
        try connection.execute(
            """
            INSERT INTO posts(id, source, source_id, published_at, text, import_id, imported_at)
            VALUES (\(id), 'web', 'w1', \(id >> Schema.sequenceBits), 'the uncommitted post', 1, 0);
            INSERT INTO posts_fts(rowid, title, text) VALUES (\(id), NULL, 'the uncommitted post');
            """)
        let inside = try builder.summary(for: request)
        #expect(inside.volume.posts == before.volume.posts + 1)
        #expect(connection.isInTransaction, "the writer's transaction is still open")
    }
}

/// Imports `file` once, from whichever thread asks first.
///
/// `@unchecked Sendable`: its state is read and written under the lock.
private final class ImportOnce: @unchecked Sendable {
    private let lock = NSLock()
    private let file: String
    private let path: String
    private let posts: Int
    private var imported = false

    init(file: String, path: String, posts: Int) {
        (self.file, self.path, self.posts) = (file, path, posts)
    }

    var done: Bool { lock.withLock { imported } }

    func run() {
        lock.withLock {
            guard !imported, let writer = try? Corpus(path: path) else { return }
            imported = (try? Importer(corpus: writer, options: ImportOptions()).run([file], events: ImportEvents()).added) == posts
        }
    }
}
