import BeatSQLite
import Foundation

/// Counts for one import, or a sum of several.
public struct ImportSummary: Sendable, Equatable {
    /// Records stored for the first time.
    public var added = 0
    /// Records that replaced a stored post with different content.
    public var updated = 0
    /// Records identical to the stored post.
    public var unchanged = 0
    /// Records that were reported as problems and not stored.
    public var skipped = 0
    /// Inputs that could not be read at all.
    public var failedFiles = 0
    /// Wall-clock time taken.
    public var seconds = 0.0

    /// An `ImportSummary` made of the values given.
    public init() {}

    /// Records stored or found unchanged.
    public var recordsRead: Int { added + updated + unchanged }

    /// Adds the counts and times of `rhs`.
    public static func += (lhs: inout ImportSummary, rhs: ImportSummary) {
        lhs.added += rhs.added
        lhs.updated += rhs.updated
        lhs.unchanged += rhs.unchanged
        lhs.skipped += rhs.skipped
        lhs.failedFiles += rhs.failedFiles
        lhs.seconds += rhs.seconds
    }
}

/// How far an import has come, for a progress line.
public struct ImportProgress: Sendable {
    /// The input being read.
    public var path: String
    /// Records read from it so far.
    public var records: Int
    /// Bytes read from it so far.
    public var bytesRead: Int
    /// The input's size, when known.
    public var totalBytes: Int?
    /// Time since its import started.
    public var seconds: Double
    /// True while the input is read and sorted into time order: `records` were read, none written yet.
    public var sorting = false
}

/// What the importer reports while it runs. Calls arrive on the importing thread.
public struct ImportEvents {
    /// A record that was skipped, or a file that could not be read.
    public var problem: (ImportProblem) -> Void = { _ in }
    /// A file could not be read at all; the import goes on with the next one.
    public var fileFailed: (ImportError) -> Void = { _ in }
    /// About twice a second while records are written.
    public var progress: (ImportProgress) -> Void = { _ in }
    /// One file is done.
    public var fileDone: (String, ImportFormat, ImportSummary) -> Void = { _, _, _ in }
    /// The import was cancelled in this file; the summary counts what it wrote and kept.
    public var fileCancelled: (String, ImportSummary) -> Void = { _, _ in }

    /// An `ImportEvents` made of the values given.
    public init() {}
}

/// Imports files into a corpus: detects each file's format, reads it on a
/// second thread while this one writes, and commits in batches so a crash or
/// a cancel keeps every batch already written.
public final class Importer {
    private let corpus: Corpus
    private let options: ImportOptions
    private let clock: () -> Double
    /// Set from another thread (the shell's Ctrl-C) to stop after the current record.
    public let cancellation: CancellationFlag

    /// An importer into `corpus`; `clock` gives the seconds its progress reports and import log use.
    public init(
        corpus: Corpus, options: ImportOptions, cancellation: CancellationFlag = CancellationFlag(),
        clock: @escaping () -> Double = { Date().timeIntervalSince1970 }
    ) {
        self.corpus = corpus
        self.options = options
        self.cancellation = cancellation
        self.clock = clock
    }

    /// Imports `paths` in order (`-` is standard input).
    ///
    /// A file that cannot be read is reported through `events.fileFailed` and
    /// the others still import. With `--strict`, everything happens in one
    /// transaction, and the first problem undoes it all.
    /// - Throws: `ImportError.strictAbort` or `.cancelled`, and `SQLiteError` when the database fails.
    public func run(_ paths: [String], events: ImportEvents = ImportEvents()) throws -> ImportSummary {
        LargeBlocks.returnWhenFreed()
        var total = ImportSummary()
        let connection = corpus.connection
        try corpus.prepareToWrite(command: "import")
        // A larger page cache keeps the index's hot pages in memory while a
        // batch is written; it shrinks as the band filters grow (ImportMemory)
        // and is given back when the import ends.
        let previousCache = try connection.scalar("PRAGMA cache_size")?.int64Value ?? -2000
        try connection.execute("PRAGMA cache_size = -\(ImportMemory.largestCacheKiB)")
        // Checkpoint about once per `checkpointBytes` of log instead of every
        // 4 MB: most pages a batch rewrites (index b-trees, FTS5 segments)
        // are rewritten by the next ones, so a page is copied from the log
        // into the database once per checkpoint, not once per batch. Never
        // checkpointing at all lets the log of a 10M-post import outgrow the disk.
        let pageSize = try connection.scalar("PRAGMA page_size")?.int64Value ?? 4096
        try connection.execute("PRAGMA wal_autocheckpoint = \(max(1, Int64(options.checkpointBytes) / max(pageSize, 512)))")
        defer {
            try? connection.execute("PRAGMA cache_size = \(previousCache)")
            try? connection.execute("PRAGMA wal_autocheckpoint = 1000")
            // Without waiting for readers: with them, the checkpoint copies what
            // it can and the rest waits for a later one.
            let timeout = connection.busyTimeoutMilliseconds
            connection.busyTimeoutMilliseconds = 0
            try? connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            connection.busyTimeoutMilliseconds = timeout
        }
        if options.strict { try connection.beginImmediate() }
        do {
            for path in paths {
                do {
                    total += try importFile(path, events: events)
                } catch let error as ImportError {
                    switch error {
                    case .strictAbort, .cancelled: throw error
                    default:
                        if options.strict { throw error }
                        events.fileFailed(error)
                        total.failedFiles += 1
                    }
                }
            }
            if options.strict { try connection.execute("COMMIT") }
        } catch let error as SQLiteError where error.isInterrupted {
            // Ctrl-C arrived inside a statement: SQLite rolled back the open
            // batch; every batch committed before it is kept.
            if connection.isInTransaction { try? connection.execute("ROLLBACK") }
            throw ImportError.cancelled
        } catch {
            if connection.isInTransaction { try? connection.execute("ROLLBACK") }
            throw error
        }
        if !options.fingerprints, total.added + total.updated > 0 {
            try connection.execute("INSERT INTO spread_backfill SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM spread_backfill)")
        }
        if total.added + total.updated > 10_000 {
            // Merge the index segments a large import leaves behind, so that the
            // first searches do not pay for it.
            try connection.execute("INSERT INTO posts_fts(posts_fts, rank) VALUES ('merge', 500)")
        }
        return total
    }

    private func importFile(_ path: String, events: ImportEvents) throws -> ImportSummary {
        let started = clock()
        let input = try InputFile(path: path)
        let format = try options.format ?? FormatDetector.detect(input: input, hasMapping: options.mapping != nil)
        let reader = try format.makeReader(options: options)
        let connection = corpus.connection
        // Records are written in time order, sorted next to the corpus (see TimeSorter).
        var readingOptions = options
        if readingOptions.sortFolder == nil {
            let folder = (corpus.path as NSString).deletingLastPathComponent
            readingOptions.sortFolder = folder.isEmpty ? "." : folder
        }

        // The write lock is held only while a batch is written, never while the
        // reader parses the next one, so other writers wait at most one batch.
        if !options.strict { try connection.beginImmediate() }
        try connection.run(
            "INSERT INTO imports(path, format, started_at) VALUES (?1, ?2, ?3)",
            [.text(path), .text(format.rawValue), .integer(Int64(started))])
        let importID = connection.lastInsertRowID
        if !options.strict { try connection.commitAndYield() }
        func beginBatch() throws {
            if !options.strict && !connection.isInTransaction { try connection.beginImmediate() }
        }
        let writer = PostWriter(connection: connection, importID: importID, now: Int64(started))
        let spread = options.fingerprints ? SpreadIndex(connection: connection) : nil
        // The stored runs' filters are read when the first batch is ready to be written (not
        // while the reader sorts, which has its own memory), with the page cache at its least;
        // the cache is then given what they leave of the budget, and sized again after every
        // batch as they grow.
        var cacheKiB = ImportMemory.largestCacheKiB
        func fitCache(to spread: SpreadIndex) throws {
            let fitting = ImportMemory.cacheKiB(filterBytes: spread.filterBytes)
            guard fitting != cacheKiB else { return }
            try connection.execute("PRAGMA cache_size = -\(fitting)")
            // The pages a smaller cache let go are freed inside the heap; give them back.
            if fitting < cacheKiB { LargeBlocks.releaseFreePages() }
            cacheKiB = fitting
        }
        var filtersLoaded = spread == nil
        func loadFilters() throws {
            guard !filtersLoaded, let spread else { return }
            filtersLoaded = true
            try connection.execute("PRAGMA cache_size = -\(ImportMemory.smallestCacheKiB)")
            cacheKiB = ImportMemory.smallestCacheKiB
            LargeBlocks.releaseFreePages()
            try spread.loadFilters()
            try fitCache(to: spread)
        }
        if let spread {
            writer.batchSteps.append { batch, _ in
                try spread.record(batch)
                try fitCache(to: spread)
            }
        }

        let channel = reader.startReading(input, path: path, options: readingOptions)
        defer { channel.close() }

        var summary = ImportSummary()
        var pending: [IncomingPost] = []
        // A batch is written once it holds batchSize records, so it may hold one reader batch more.
        pending.reserveCapacity(min(options.batchSize, 65_536) + RecordOutput.batchSize)
        var lastProgress = started
        func reportProgress(pendingRecords: Int, sorting: Bool = false) {
            let now = clock()
            guard now - lastProgress >= 0.5 else { return }
            lastProgress = now
            events.progress(
                ImportProgress(
                    path: path, records: summary.recordsRead + pendingRecords, bytesRead: input.bytesRead,
                    totalBytes: input.size, seconds: now - started, sorting: sorting))
        }

        // Records are written a batch at a time (see PostWriter); each batch
        // is one transaction unless the whole import is (--strict).
        // Each record written is released from the channel, 1,024 at a time, so
        // that the reader parses the next batch while this one is written.
        func writePending() throws {
            try loadFilters()
            var written = 0
            defer { channel.release(written % 1024) }
            try writer.write(batch: &pending) { outcome in
                switch outcome {
                case .added: summary.added += 1
                case .updated: summary.updated += 1
                case .unchanged: summary.unchanged += 1
                }
                written += 1
                if written % 1024 == 0 {
                    channel.release(1024)
                    if cancellation.isSet { throw ImportError.cancelled }
                    reportProgress(pendingRecords: 0)
                }
            }
        }

        do {
            while let batch = try channel.receive() {
                for event in batch {
                    switch event {
                    case .record(let post):
                        pending.append(post)
                    case .problem(let problem):
                        channel.release(1)
                        if options.strict { throw ImportError.strictAbort(problem) }
                        summary.skipped += 1
                        events.problem(problem)
                    case .sorting(let records):
                        channel.release(1)
                        reportProgress(pendingRecords: records, sorting: true)
                    }
                }
                if cancellation.isSet { throw ImportError.cancelled }
                if pending.count >= options.batchSize {
                    try beginBatch()
                    try writePending()
                    if !options.strict {
                        // Between batches, a writer waiting for its turn (another import,
                        // `beat add`) goes first; see WriterTurn.
                        try connection.commitAndYield()
                    }
                }
                reportProgress(pendingRecords: pending.count)
            }
            try beginBatch()
            try writePending()
            try spread?.foldPending()
            summary.seconds = clock() - started
            try connection.run(
                "UPDATE imports SET finished_at = ?2, added = ?3, updated = ?4, unchanged = ?5, skipped = ?6 WHERE id = ?1",
                [
                    .integer(importID), .integer(Int64(clock())), .integer(Int64(summary.added)),
                    .integer(Int64(summary.updated)), .integer(Int64(summary.unchanged)), .integer(Int64(summary.skipped)),
                ])
            if !options.strict { try connection.execute("COMMIT") }
        } catch {
            channel.close()
            if !options.strict {
                if case ImportError.cancelled = error {
                    // Keep what this file wrote so far, as a crash would.
                    try? beginBatch()
                    try? spread?.foldPending()
                    try? connection.run(
                        "UPDATE imports SET added = ?2, updated = ?3, unchanged = ?4, skipped = ?5 WHERE id = ?1",
                        [
                            .integer(importID), .integer(Int64(summary.added)), .integer(Int64(summary.updated)),
                            .integer(Int64(summary.unchanged)), .integer(Int64(summary.skipped)),
                        ])
                    try? connection.execute("COMMIT")
                    events.fileCancelled(path, summary)
                } else if connection.isInTransaction {
                    try? connection.execute("ROLLBACK")
                }
            }
            throw error
        }
        events.fileDone(path, format, summary)
        return summary
    }
}
