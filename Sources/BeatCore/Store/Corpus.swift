import BeatSQLite
import Foundation

/// The corpus: one SQLite file holding posts, their full-text index, the
/// import log and the beats (`BeatStore`). Opening it applies any pending
/// schema migrations.
public final class Corpus {
    /// The connection; confined to the thread that opened the corpus.
    public let connection: Connection
    /// The corpus file.
    public let path: String

    /// The schema version this build writes.
    public static var schemaVersion: Int { Schema.migrations.count }

    /// Opens or creates the corpus at `path`, creating its folder if needed.
    /// - Throws: `CorpusError` when the file is not a corpus or is newer than this build.
    public init(path: String, readOnly: Bool = false) throws {
        self.path = path
        if !readOnly {
            let folder = (path as NSString).deletingLastPathComponent
            if !folder.isEmpty && !FileManager.default.fileExists(atPath: folder) {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            }
        } else if !FileManager.default.fileExists(atPath: path) {
            throw CorpusError.missing(path: path)
        }
        do {
            connection = try Connection(path: path, mode: readOnly ? .readOnly : .readWrite)
        } catch {
            throw CorpusError.notACorpus(path: path, reason: error.message)
        }
        if !readOnly {
            // WAL lets a reading shell work while an import writes; NORMAL
            // synchronisation in WAL mode stays consistent after a crash.
            try connection.execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON")
            try migrate()
            // Posts stored before the spread tables existed are fingerprinted once, now.
            let spread = SpreadIndex(connection: connection)
            if try spread.backfillPending() { try spread.backfill() }
        } else {
            let version = try currentVersion()
            guard version == Self.schemaVersion else {
                throw CorpusError.schemaMismatch(path: path, found: version, expected: Self.schemaVersion)
            }
        }
    }

    private func currentVersion() throws -> Int {
        Int(try connection.scalar("PRAGMA user_version")?.int64Value ?? 0)
    }

    private func migrate() throws {
        let version = try currentVersion()
        if version > Self.schemaVersion {
            throw CorpusError.newerSchema(path: path, found: version, supported: Self.schemaVersion)
        }
        if version == 0 {
            // A non-empty file without a version is some other program's database.
            let tables = try connection.scalar("SELECT count(*) FROM sqlite_master")?.int64Value ?? 0
            if tables > 0 { throw CorpusError.notACorpus(path: path, reason: "it holds tables but no Beat schema version") }
        }
        for next in version..<Self.schemaVersion {
            try connection.transaction {
                try connection.execute(Schema.migrations[next])
                try connection.execute("PRAGMA user_version = \(next + 1)")
            }
        }
    }

    /// The number of posts stored.
    public func postCount() throws -> Int {
        Int(try connection.scalar("SELECT count(*) FROM posts")?.int64Value ?? 0)
    }

    /// Whether the corpus holds no posts yet.
    public func isEmpty() throws -> Bool {
        try connection.scalar("SELECT 1 FROM posts LIMIT 1") == nil
    }
}

/// Why a corpus could not be opened.
public enum CorpusError: Error, CustomStringConvertible, Equatable {
    case missing(path: String)
    case notACorpus(path: String, reason: String)
    case newerSchema(path: String, found: Int, supported: Int)
    case schemaMismatch(path: String, found: Int, expected: Int)

    /// The reason with the path and what to do about it.
    public var description: String {
        switch self {
        case .missing(let path):
            return "\(path): no corpus here; import something first (beat import FILE) or give another with --db"
        case .notACorpus(let path, let reason):
            return "\(path): not a Beat corpus (\(reason)); give a corpus file with --db, or a new path to create one"
        case .newerSchema(let path, let found, let supported):
            return "\(path): made by a newer Beat (schema \(found); this one knows up to \(supported)); upgrade beat to open it"
        case .schemaMismatch(let path, let found, let expected):
            return "\(path): schema \(found), expected \(expected); open it once without read-only access to migrate it"
        }
    }
}

/// Where the corpus lives when no path is given.
public enum CorpusLocation {
    /// `--db PATH`, else `$BEAT_DB`, else `$XDG_DATA_HOME/beat/corpus.db`,
    /// else `~/.local/share/beat/corpus.db`.
    public static func resolve(explicit: String?, environment: [String: String]) -> String {
        if let explicit, !explicit.isEmpty { return explicit }
        if let fromEnvironment = environment["BEAT_DB"], !fromEnvironment.isEmpty { return fromEnvironment }
        if let data = environment["XDG_DATA_HOME"], data.hasPrefix("/") { return data + "/beat/corpus.db" }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return home + "/.local/share/beat/corpus.db"
    }
}
