import BeatCore
import BeatSQLite
import Foundation

/// Files under `Tests/BeatCoreTests/Fixtures`, which hold excerpts of real
/// platform data (see the PROVENANCE.md there).
public enum Fixtures {
    /// The folder of fixtures, found from this source file's location so tests
    /// run from any working directory.
    public static let directory: String = {
        let here = URL(fileURLWithPath: #filePath)
        return here.deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("BeatCoreTests/Fixtures").path
    }()

    /// The absolute path of a fixture, e.g. `path("reddit/listing_t3.json")`.
    public static func path(_ relative: String) -> String { directory + "/" + relative }
}

/// A real corpus file in a fresh temporary folder, removed when released.
public final class TemporaryCorpus {
    public let directory: String
    public let corpus: Corpus
    public var path: String { corpus.path }

    public init() throws {
        directory = NSTemporaryDirectory() + "beat-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        corpus = try Corpus(path: directory + "/corpus.db")
    }

    deinit { try? FileManager.default.removeItem(atPath: directory) }

    /// Writes `contents` to a file in the temporary folder and returns its path.
    @discardableResult
    public func write(_ name: String, _ contents: String) throws -> String {
        let path = directory + "/" + name
        try contents.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// Writes raw bytes to a file in the temporary folder and returns its path.
    @discardableResult
    public func write(_ name: String, bytes: [UInt8]) throws -> String {
        let path = directory + "/" + name
        FileManager.default.createFile(atPath: path, contents: Data(bytes))
        return path
    }

    /// What one import did: its summary, the problems it reported, and the
    /// files that could not be read.
    public struct Outcome {
        public var summary: ImportSummary
        public var problems: [ImportProblem]
        public var failures: [ImportError]
        public var formats: [ImportFormat]
    }

    /// Imports `paths` with `options` and collects everything it reported.
    public func importFiles(_ paths: [String], options: ImportOptions = ImportOptions()) throws -> Outcome {
        var problems: [ImportProblem] = []
        var failures: [ImportError] = []
        var formats: [ImportFormat] = []
        var events = ImportEvents()
        events.problem = { problems.append($0) }
        events.fileFailed = { failures.append($0) }
        events.fileDone = { _, format, _ in formats.append(format) }
        let summary = try Importer(corpus: corpus, options: options).run(paths, events: events)
        return Outcome(summary: summary, problems: problems, failures: failures, formats: formats)
    }

    /// Every row of `sql`, each as its column values.
    public func rows(_ sql: String, _ arguments: [SQLiteValue] = []) throws -> [[SQLiteValue]] {
        var result: [[SQLiteValue]] = []
        try corpus.connection.forEachRow(sql, arguments) { statement in
            result.append((0..<statement.columnCount).map { statement.value($0) })
        }
        return result
    }

    /// The first column of the first row of `sql`, as an integer.
    public func integer(_ sql: String, _ arguments: [SQLiteValue] = []) throws -> Int64? {
        try corpus.connection.scalar(sql, arguments)?.int64Value
    }

    /// One stored post by source and platform id, as a dictionary of its columns.
    public func post(_ source: String, _ sourceID: String) throws -> [String: SQLiteValue]? {
        var found: [String: SQLiteValue]?
        try corpus.connection.forEachRow(
            "SELECT * FROM posts WHERE source = ?1 AND source_id = ?2", [.text(source), .text(sourceID)]
        ) { statement in
            var row: [String: SQLiteValue] = [:]
            for column in 0..<statement.columnCount { row[statement.columnName(column)] = statement.value(column) }
            found = row
        }
        return found
    }

    /// Stores a post under the id given, with its index entry, as an older release (whose
    /// ids counted the posts of a second in one run) or a full lane (`PostLane`) left it.
    /// An import must have run first: the post is credited to the latest.
    public func store(id: Int64, source: String, sourceID: String, publishedAt: Int64, text: String) throws {
        try corpus.connection.run(
            """
            INSERT INTO posts (id, source, source_id, published_at, text, import_id, imported_at)
            VALUES (?1, ?2, ?3, ?4, ?5, (SELECT max(id) FROM imports), ?4)
            """, [.integer(id), .text(source), .text(sourceID), .integer(publishedAt), .text(text)])
        try corpus.connection.run(
            "INSERT INTO posts_fts(rowid, title, text) SELECT id, title, text FROM posts WHERE id = ?1", [.integer(id)])
    }

    /// Checks the full-text index against the table with FTS5's own integrity check.
    public func checkIndexIntegrity() throws {
        try corpus.connection.execute("INSERT INTO posts_fts(posts_fts, rank) VALUES ('integrity-check', 1)")
    }
}
