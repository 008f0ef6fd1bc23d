import BeatSQLite
import BeatTestSupport
import Foundation
import Testing

@testable import BeatCore

/// The guarantees of batched writing: after every committed batch the
/// full-text index equals the table, re-imports count added, updated and
/// unchanged posts, `(source, source_id)` stays unique, and a cancelled import
/// keeps exactly the batches it committed, indexed.
@Suite struct ImportBatchTests {
    /// One Beat JSONL line; `day` picks the date so that batches are out of time order.
    static func line(_ id: String, day: Int, text: String, title: String? = nil) -> String {
        let date = "2026-03-\(String(format: "%02d", day))T1\(day % 10):00:00Z"
        let titleField = title.map { ", \"title\": \"\($0)\"" } ?? ""
        return
            "{\"id\": \"\(id)\", \"source\": \"reddit\", \"venue\": \"v\", \"author\": \"a\(id)\", \"published_at\": \"\(date)\"\(titleField), \"text\": \"\(text)\"}"
    }

    static func posts(_ range: ClosedRange<Int>, text: (Int) -> String = { "common word number\($0)" }) -> String {
        range.map { line("p\($0)", day: 1 + ($0 * 7) % 28, text: text($0)) }.joined(separator: "\n")
    }

    @Test func smallBatchesLeaveTheIndexEqualToTheTable() throws {
        let corpus = try TemporaryCorpus()
        let file = try corpus.write("posts.jsonl", Self.posts(1...50))
        let outcome = try corpus.importFiles([file], options: ImportOptions(batchSize: 7))
        #expect(outcome.summary.added == 50)
        try corpus.checkIndexIntegrity()
        #expect(try corpus.integer("SELECT count(*) FROM posts_fts WHERE posts_fts MATCH 'common'") == 50)
        #expect(try corpus.integer("SELECT count(*) FROM posts_fts WHERE posts_fts MATCH 'number37'") == 1)
        // Ids still follow publication time.
        let ordered = try corpus.rows("SELECT published_at FROM posts ORDER BY id").map { $0[0].int64Value ?? 0 }
        #expect(ordered == ordered.sorted())
    }

    @Test func reimportCountsAddedUpdatedAndUnchangedAcrossBatches() throws {
        let corpus = try TemporaryCorpus()
        let first = try corpus.write("first.jsonl", Self.posts(1...10))
        _ = try corpus.importFiles([first], options: ImportOptions(batchSize: 3))
        let firstDate = try #require(try corpus.post("reddit", "p8")?["published_at"])
        // 1...5 as they were, 6 and 7 edited, 8 moved to another day, 11...14 new.
        var lines = (1...5).map { Self.line("p\($0)", day: 1 + ($0 * 7) % 28, text: "common word number\($0)") }
        lines.append(Self.line("p6", day: 1 + (6 * 7) % 28, text: "edited six"))
        lines.append(Self.line("p7", day: 1 + (7 * 7) % 28, text: "common word number7", title: "now titled"))
        lines.append(Self.line("p8", day: 27, text: "moved eight"))
        lines += (11...14).map { Self.line("p\($0)", day: $0, text: "common word number\($0)") }
        let second = try corpus.write("second.jsonl", lines.joined(separator: "\n"))
        let outcome = try corpus.importFiles([second], options: ImportOptions(batchSize: 4))
        #expect(outcome.summary.added == 4)
        #expect(outcome.summary.updated == 3)
        #expect(outcome.summary.unchanged == 5)
        #expect(try corpus.integer("SELECT count(*) FROM posts") == 14)
        #expect(try corpus.integer("SELECT count(DISTINCT source || ':' || source_id) FROM posts") == 14)
        try corpus.checkIndexIntegrity()
        #expect(try corpus.integer("SELECT count(*) FROM posts_fts WHERE posts_fts MATCH 'number6'") == 0)
        #expect(try corpus.integer("SELECT count(*) FROM posts_fts WHERE posts_fts MATCH 'edited'") == 1)
        #expect(try corpus.integer("SELECT count(*) FROM posts_fts WHERE posts_fts MATCH 'titled'") == 1)
        #expect(try corpus.integer("SELECT count(*) FROM posts_fts WHERE posts_fts MATCH 'moved AND eight'") == 1)
        let moved = try #require(try corpus.post("reddit", "p8"))
        #expect(moved["published_at"] != firstDate)
        #expect(moved["updated_at"] != .null)
    }

    /// A post given twice in one file lands twice in one batch: the second copy
    /// updates a row whose index entries the batch has not written yet.
    @Test func theSamePostTwiceInOneBatchIsIndexedOnceAsLastGiven() throws {
        let corpus = try TemporaryCorpus()
        let file = try corpus.write(
            "twice.jsonl",
            [
                Self.line("a", day: 3, text: "first version"),
                Self.line("b", day: 4, text: "other post"),
                Self.line("a", day: 3, text: "second version"),
                Self.line("c", day: 5, text: "third post"),
                Self.line("c", day: 9, text: "third post moved"),
            ].joined(separator: "\n"))
        let outcome = try corpus.importFiles([file])
        #expect(outcome.summary.added == 3)
        #expect(outcome.summary.updated == 2)
        try corpus.checkIndexIntegrity()
        #expect(try corpus.integer("SELECT count(*) FROM posts_fts WHERE posts_fts MATCH 'first'") == 0)
        #expect(try corpus.integer("SELECT count(*) FROM posts_fts WHERE posts_fts MATCH 'second'") == 1)
        #expect(try corpus.integer("SELECT count(*) FROM posts_fts WHERE posts_fts MATCH 'moved'") == 1)
        #expect(try corpus.integer("SELECT count(*) FROM posts_fts WHERE posts_fts MATCH 'post'") == 2)
    }

    /// Cancelled between batches (1,000) and inside one (3,000: the writer
    /// reports progress from within the batch, and the count drops back to
    /// what is written).
    @Test(arguments: [1000, 3000])
    func aCancelledImportKeepsItsCommittedBatchesIndexed(batchSize: Int) throws {
        let corpus = try TemporaryCorpus()
        let file = try corpus.write("many.jsonl", Self.posts(1...6000))
        let cancellation = CancellationFlag()
        var time = 0.0
        let importer = Importer(
            corpus: corpus.corpus, options: ImportOptions(batchSize: batchSize), cancellation: cancellation,
            clock: {
                time += 1; return time
            })
        var events = ImportEvents()
        var last = 0
        events.progress = {
            if $0.records >= 4500 || $0.records < last { cancellation.set() }
            last = $0.records
        }
        #expect(throws: ImportError.self) { try importer.run([file], events: events) }
        let stored = try #require(try corpus.integer("SELECT count(*) FROM posts"))
        #expect(stored > 0 && stored < 6000, "\(stored)")
        #expect(try corpus.integer("SELECT added FROM imports") == stored)
        try corpus.checkIndexIntegrity()
        #expect(try corpus.integer("SELECT count(*) FROM posts_fts WHERE posts_fts MATCH 'common'") == stored)
        // Importing the file again completes it.
        let rest = try corpus.importFiles([file])
        #expect(rest.summary.added == 6000 - Int(stored))
        #expect(rest.summary.unchanged == Int(stored))
        try corpus.checkIndexIntegrity()
    }

    /// The per-batch hook sees the added and updated posts with their final ids,
    /// inside the transaction that wrote them.
    @Test func batchStepsSeeEachBatchsWrittenPosts() throws {
        let corpus = try TemporaryCorpus()
        let connection = corpus.corpus.connection
        try connection.run("INSERT INTO imports(path, format, started_at) VALUES ('x', 'jsonl', 0)")
        let writer = PostWriter(connection: connection, importID: connection.lastInsertRowID, now: 0)
        var seen: [[String]] = []
        writer.batchSteps.append { batch, connection in
            #expect(connection.isInTransaction)
            var sourceIDs: [String] = []
            for post in batch.posts {
                let stored = try connection.scalar("SELECT source_id FROM posts WHERE id = ?1", [.integer(post.id)])
                sourceIDs.append(stored?.stringValue ?? "?")
            }
            // The range and the id list name exactly the rows a step may work on.
            let ids = batch.posts.map(\.id)
            #expect(batch.idRange == ids.min()!...ids.max()!)
            let listed = try connection.scalar(
                "SELECT count(*) FROM posts WHERE id IN (SELECT value FROM json_each(?1)) AND id BETWEEN ?2 AND ?3",
                [.text(batch.idsJSON), .integer(batch.idRange!.lowerBound), .integer(batch.idRange!.upperBound)])
            #expect(listed?.int64Value == Int64(batch.posts.count))
            seen.append(zip(sourceIDs, batch.posts).map { "\($0) \($1.outcome)" })
        }
        let a = PostRecord(source: "reddit", sourceID: "a", publishedAt: 200, text: "alpha")
        let b = PostRecord(source: "reddit", sourceID: "b", publishedAt: 100, text: "beta")
        var movedA = a
        movedA.publishedAt = 50
        try connection.transaction {
            try writer.write(batch: [a, b]) { _ in }
            try writer.write(batch: [movedA]) { _ in }
        }
        #expect(seen == [["b added", "a added"], ["a updated"]])
        try corpus.checkIndexIntegrity()
    }

    /// The writer takes each record out of its batch once stored, so that its memory goes back
    /// while the reader fills the next batch; a throw leaves exactly those not written.
    @Test func theWriterTakesEachRecordOutOfTheBatchOnceWritten() throws {
        let corpus = try TemporaryCorpus()
        let connection = corpus.corpus.connection
        try connection.run("INSERT INTO imports(path, format, started_at) VALUES ('x', 'jsonl', 0)")
        let writer = PostWriter(connection: connection, importID: connection.lastInsertRowID, now: 0)
        var batch = [300, 100, 500, 200, 400].map {
            IncomingPost(record: PostRecord(source: "reddit", sourceID: "p\($0)", publishedAt: Int64($0), text: "t"), print: nil)
        }
        struct Stop: Error {}
        var written = 0
        try connection.transaction {
            #expect(throws: Stop.self) {
                try writer.write(batch: &batch) { _ in
                    written += 1
                    if written == 3 { throw Stop() }
                }
            }
        }
        #expect(batch.map(\.record.sourceID).sorted() == ["p400", "p500"])
        #expect(try corpus.rows("SELECT source_id FROM posts ORDER BY id").map { $0[0].stringValue } == ["p100", "p200", "p300"])
        try connection.transaction { try writer.write(batch: &batch) { _ in } }
        #expect(batch.isEmpty)
        #expect(try corpus.integer("SELECT count(*) FROM posts") == 5)
        try corpus.checkIndexIntegrity()
    }

    /// Rejected lines are released from the reader's channel as they arrive: more of them than
    /// the channel holds, with few good records between, must not stall the import.
    @Test func moreRejectedLinesThanTheChannelHoldsDoNotStallTheImport() throws {
        let corpus = try TemporaryCorpus()
        let rejected = EventChannel.readAhead + 100 + 500
        // Rejected for their unknown platform; the first line is good, so the format is known.
        var lines = (1...rejected).map { Self.line("b\($0)", day: 2, text: "x").replacingOccurrences(of: "reddit", with: "nowhere") }
        lines.insert(Self.line("good1", day: 3, text: "first good"), at: 0)
        lines.append(Self.line("good2", day: 4, text: "last good"))
        let file = try corpus.write("bad.jsonl", lines.joined(separator: "\n"))
        // On a thread of its own, so that a stalled import fails the test instead of hanging the run.
        final class Result: @unchecked Sendable {
            let corpus: TemporaryCorpus
            var outcome: TemporaryCorpus.Outcome?
            init(_ corpus: TemporaryCorpus) { self.corpus = corpus }
        }
        let result = Result(corpus)
        let finished = DispatchSemaphore(value: 0)
        Thread {
            result.outcome = try? result.corpus.importFiles([file], options: ImportOptions(batchSize: 100))
            finished.signal()
        }.start()
        try #require(finished.wait(timeout: .now() + 60) == .success, "the import stalled")
        let outcome = try #require(result.outcome)
        #expect(outcome.failures.isEmpty)
        #expect(outcome.summary.added == 2)
        #expect(outcome.summary.skipped == rejected)
    }

    /// An import's large arrays go back to the system when freed: with glibc, only once its
    /// allocator is told so (see `LargeBlocks`).
    @Test func largeBlocksAreReturnedWhenFreed() {
        #if canImport(Glibc)
        #expect(LargeBlocks.returnWhenFreed())
        #endif
    }

    /// The largest the write-ahead log gets while `file` is imported into a fresh corpus.
    static func largestLog(importing contents: String, checkpointBytes: Int) throws -> Int {
        let corpus = try TemporaryCorpus()
        let file = try corpus.write("posts.jsonl", contents)
        var time = 0.0
        let importer = Importer(
            corpus: corpus.corpus, options: ImportOptions(batchSize: 200, checkpointBytes: checkpointBytes),
            clock: {
                time += 1; return time
            })
        var largest = 0
        var events = ImportEvents()
        events.progress = { _ in
            let size = (try? FileManager.default.attributesOfItem(atPath: corpus.path + "-wal")[.size] as? Int) ?? nil
            largest = max(largest, size ?? 0)
        }
        let summary = try importer.run([file], events: events)
        #expect(summary.added == 3000)
        try corpus.checkIndexIntegrity()
        return largest
    }

    /// A huge import's log stays near the checkpoint size instead of growing
    /// with the input (a 10M-post import once left a 66 GB log).
    @Test func theLogIsCheckpointedWhileAnImportRuns() throws {
        let contents = Self.posts(1...3000, text: { "common word number\($0) " + String(repeating: "filler words here ", count: 30) })
        let unbounded = try Self.largestLog(importing: contents, checkpointBytes: 1 << 40)
        let bounded = try Self.largestLog(importing: contents, checkpointBytes: 256 * 1024)
        #expect(unbounded > 3_000_000, "\(unbounded)")
        // The checkpoint size, plus the one batch that crosses it.
        #expect(bounded < 1_500_000, "\(bounded) against \(unbounded)")
    }
}
