import BeatSQLite
import BeatTestSupport
import Foundation
import Testing

@testable import BeatCore

/// An import writes each input's records in time order (`TimeSorter`), whatever order the
/// file holds them in, spilling sorted runs to a temporary file when they do not fit.
@Suite struct TimeOrderTests {
    static func record(_ number: Int, at seconds: Int64) -> PostRecord {
        PostRecord(
            source: "web", sourceID: "p\(number)", venue: number % 3 == 0 ? nil : "venue \(number % 7)",
            author: number % 5 == 0 ? nil : "author\(number % 11)", publishedAt: seconds,
            title: number % 2 == 0 ? nil : "Title \(number) — ünïcode",
            text: "text of post \(number) " + String(repeating: "x", count: number % 300),
            url: number % 4 == 0 ? nil : "https://example.org/\(number)", parent: number % 6 == 0 ? "p\(number - 1)" : nil,
            thread: nil, score: number % 2 == 0 ? Int64(number) - 500 : nil, lang: number % 9 == 0 ? "de" : nil,
            tags: number % 4 == 1 ? [] : number % 4 == 2 ? ["a", "b c", ""] : nil, raw: number % 10 == 0 ? "{\"n\": \(number)}" : nil,
            originLine: number % 8 == 0 ? nil : number + 1)
    }

    @Test func aRecordReadsBackAsItWasWritten() throws {
        for number in 0..<200 {
            let record = Self.record(number, at: Int64(number * 7919) - 100_000)
            var bytes: [UInt8] = []
            RecordCoding.append(record, to: &bytes)
            let decoded = bytes.withUnsafeBytes { RecordCoding.decode($0) }
            #expect(decoded == record, "\(number)")
            // A record cut short is no record.
            let cut = bytes.withUnsafeBytes { RecordCoding.decode(UnsafeRawBufferPointer(rebasing: $0[0..<(bytes.count - 1)])) }
            #expect(cut == nil)
        }
    }

    /// Many small runs (a run of a few records) and one run in memory give the same order:
    /// by time, and in the order added among equal times; also when the runs outnumber the
    /// merge's width and are merged a few at a time first (more than once: 3,000 runs of about
    /// one record, three at a time).
    @Test(arguments: [(1_000, 512), (40 << 10, 512), (1 << 30, 512), (1_000, 3), (40 << 10, 2)])
    func recordsComeBackInTimeOrder(runBytes: Int, mergeWidth: Int) throws {
        let scratch = try TemporaryCorpus()
        var generator = SystemRandomNumberGenerator()
        let records = (0..<3_000).map { Self.record($0, at: Int64.random(in: 0..<500, using: &generator)) }
        let sorter = TimeSorter(runBytes: runBytes, mergeWidth: mergeWidth, folder: scratch.directory)
        for record in records { try sorter.add(record) }
        var drained: [PostRecord] = []
        try sorter.drain { drained.append($0) }
        let expected = records.enumerated().sorted { ($0.element.publishedAt, $0.offset) < ($1.element.publishedAt, $1.offset) }
            .map(\.element)
        #expect(drained == expected)
        // The temporary file lost its name when made: nothing is left in the folder.
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.directory).allSatisfy { !$0.hasPrefix(".beat-import-") })
    }

    @Test func aFolderThatCannotHoldTheRunsIsAnError() throws {
        let sorter = TimeSorter(runBytes: 1_000, folder: "/nonexistent/beat-sort")
        #expect {
            for number in 0..<100 { try sorter.add(Self.record(number, at: Int64(number))) }
        } throws: { error in
            guard case ImportError.spillFailed(let folder, _) = error else { return false }
            return folder == "/nonexistent/beat-sort" && "\(error)".contains("free some space there")
        }
    }

    /// A shuffled file is stored exactly as the same file read in order, with runs spilled.
    @Test func aShuffledImportStoresWhatAnUnsortedOneStores() throws {
        var lines: [String] = []
        for number in 0..<600 {
            let seconds = 1_700_000_000 + (number * 7_919) % 86_400
            lines.append(
                #"{"id": "p\#(number)", "source": "mastodon", "venue": "v\#(number % 4)", "author": "a\#(number % 9)", "published_at": \#(seconds), "text": "post \#(number) says something about the thing that happened today again"}"#
            )
        }
        var stored: [[[SQLiteValue]]] = []
        for timeOrder in [true, false] {
            let corpus = try TemporaryCorpus()
            let file = try corpus.write("posts.jsonl", lines.joined(separator: "\n") + "\n")
            var options = ImportOptions(format: .jsonl, batchSize: 50)
            options.timeOrder = timeOrder
            options.sortRunBytes = 20_000
            let outcome = try corpus.importFiles([file], options: options)
            #expect(outcome.summary.added == 600)
            stored.append(try corpus.rows("SELECT id, source_id, venue, author, text, origin_line FROM posts ORDER BY id"))
            let folder = (corpus.path as NSString).deletingLastPathComponent
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder).allSatisfy { !$0.hasPrefix(".beat-import-") })
        }
        #expect(stored[0] == stored[1])
        #expect(stored[0].count == 600)
    }

    static func lines(_ count: Int) -> String {
        (0..<count).map { number in
            #"{"id": "p\#(number)", "source": "web", "published_at": \#(1_700_000_000 + (number * 7_919) % 86_400), "text": "post \#(number)"}"#
        }.joined(separator: "\n") + "\n"
    }

    /// Ctrl-C while the input is still read and sorted: nothing of the file is written, the
    /// reader stops, and no temporary file is left.
    @Test func aCancelWhileSortingWritesNothing() throws {
        let corpus = try TemporaryCorpus()
        let file = try corpus.write("many.jsonl", Self.lines(RecordOutput.sortingProgressEvery + 5_000))
        let cancellation = CancellationFlag()
        var options = ImportOptions(format: .jsonl)
        options.sortRunBytes = 100_000
        var events = ImportEvents()
        var reported: [Int] = []
        events.progress = { progress in
            reported.append(progress.records)
            cancellation.set()
        }
        var time = 0.0
        let importer = Importer(
            corpus: corpus.corpus, options: options, cancellation: cancellation,
            clock: {
                time += 1
                return time
            })
        #expect(throws: ImportError.cancelled) { try importer.run([file], events: events) }
        #expect(reported.first == RecordOutput.sortingProgressEvery)
        #expect(try corpus.integer("SELECT count(*) FROM posts") == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: corpus.directory).allSatisfy { !$0.hasPrefix(".beat-import-") })
    }

    /// A folder where the runs cannot be written fails that file with the reason, before any of it is written.
    @Test func aSortThatCannotSpillFailsTheFileAndWritesNothing() throws {
        let corpus = try TemporaryCorpus()
        let file = try corpus.write("posts.jsonl", Self.lines(2_000))
        var options = ImportOptions(format: .jsonl, batchSize: 100)
        options.sortRunBytes = 10_000
        options.sortFolder = corpus.directory + "/missing"
        let outcome = try corpus.importFiles([file], options: options)
        #expect(outcome.summary.added == 0)
        #expect(outcome.failures.count == 1)
        #expect(
            outcome.failures.first.map { "\($0)".contains("cannot sort the records in a temporary file in \(corpus.directory)/missing") }
                == true)
        #expect(try corpus.integer("SELECT count(*) FROM posts") == 0)
    }
}
