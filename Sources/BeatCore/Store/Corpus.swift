import BeatSQLite
import Foundation

/// What opening a corpus made by an earlier version does before it is ready.
public enum CorpusUpgrade: Sendable {
    /// Its schema is brought from one version to the current one; on a corpus of a million
    /// posts a migration can take half a minute (migration 7 rewrites the band lookups).
    case migrating(from: Int, to: Int)
    /// Posts stored before spread existed are being fingerprinted: `done` of `total`.
    case fingerprinting(done: Int, total: Int)
}

/// The corpus: one SQLite file holding posts, their full-text index, the
/// import log and the beats (`BeatStore`). Opening it applies any pending
/// schema migrations.
public final class Corpus {
    /// The connection; confined to the thread that opened the corpus.
    public let connection: Connection
    /// The corpus file.
    public let path: String
    /// True when opened with `--read-only`, or found on a read-only file system:
    /// every write is refused before it starts.
    public let isReadOnly: Bool
    /// Why the corpus is read-only when `--read-only` did not ask for it (a read-only file system).
    private let readOnlyReason: String?
    /// Set once the pages were checked before a first write (see `prepareToWrite`).
    private var checkedForWrites = false
    /// This connection's changes when the file's state was last recorded (see `finishWriting()`).
    private var writtenWhenRecorded = 0
    /// The file's state when this process last checked or recorded it.
    private var recordedState: String?
    /// How a second connection for reading opens the file: as this one, or read-only.
    private let readerMode: Connection.Mode
    /// The helper connections reading for this corpus now, stopped with it by its interrupter.
    let helperInterrupts = HelperInterrupts()
    /// For tests: runs in `inOneSnapshot` (and so in `inHalves`) after the helper took its
    /// snapshot and before this connection takes its own, to commit something in between.
    var betweenSnapshots: (() -> Void)?
    /// The helper connection reading in this connection's snapshot while `inOneSnapshot` runs.
    var snapshotHelper: SnapshotHelper?

    deinit {
        // The kept helper closes first: the last connection to close takes the `-wal` and `-shm`
        // files away, which a read-only one cannot.
        helperInterrupts.closeIdle()
    }

    /// The schema version this build writes.
    public static var schemaVersion: Int { Schema.migrations.count }

    /// Opens or creates the corpus at `path`, creating its folder if needed.
    ///
    /// Read-only, the file is opened with SQLite's read-only flag; when it
    /// cannot change under Beat (a read-only file system, or a folder Beat
    /// cannot write with no `-wal` beside the file) it is opened `immutable`,
    /// which needs no lock files.
    /// - Parameter busyTimeout: seconds a write waits for another process's write.
    /// - Throws: `CorpusError` when the file is not a corpus or is newer than
    ///   this build; `CorpusFault` when it cannot be opened, written or is damaged.
    /// - Parameter upgrading: told what the first open for writing after an upgrade does,
    ///   which can take a while on a large corpus (see `CorpusUpgrade`).
    public init(
        path: String, readOnly: Bool = false, busyTimeout: Double = 10,
        upgrading: ((CorpusUpgrade) -> Void)? = nil
    ) throws {
        // A link to the corpus opens the file it points to: SQLite puts its `-wal` beside that
        // file, and the side files (`-checked`, `-turn`) must be the same for every process.
        let path = Self.followingLinks(path)
        self.path = path
        // On a read-only file system nothing can be written anyway: open it for reading
        // (immutable, needing no lock files) and refuse writes in words when they come.
        let onReadOnlySystem =
            !readOnly && FileManager.default.fileExists(atPath: path)
            && CorpusFault.readOnlyReason(path) == "the file system is mounted read-only"
        let readOnly = readOnly || onReadOnlySystem
        self.isReadOnly = readOnly
        self.readOnlyReason = onReadOnlySystem ? "the file system is mounted read-only" : nil
        if !readOnly {
            let folder = (path as NSString).deletingLastPathComponent
            if !folder.isEmpty && !FileManager.default.fileExists(atPath: folder) {
                do {
                    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                } catch {
                    throw CorpusFault.cannotOpen(
                        path: path, reason: "cannot create the folder \(folder): \(CorpusFault.openReason(folder))")
                }
            }
        } else if !FileManager.default.fileExists(atPath: path) {
            throw CorpusError.missing(path: path)
        }
        try Self.checkFileHeader(path)
        let mode: Connection.Mode = readOnly ? (Self.cannotChange(path) ? .immutable : .readOnly) : .readWrite
        readerMode = mode == .immutable ? .immutable : .readOnly
        let timeout = Int32(max(0, min(busyTimeout, 86_400)) * 1000)
        do {
            connection = try Connection(path: path, mode: mode, busyTimeoutMilliseconds: timeout)
        } catch {
            throw Self.openFailure(error, path: path)
        }
        do {
            if !readOnly {
                // WAL lets a reading shell work while an import writes; NORMAL
                // synchronisation in WAL mode stays consistent after a crash.
                try connection.execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON")
                try migrate(upgrading)
                // Posts stored before the spread tables existed are fingerprinted once, now.
                let spread = SpreadIndex(connection: connection)
                if try spread.backfillPending() {
                    let total = try spread.backfillRemaining()
                    try spread.backfill { done in upgrading?(.fingerprinting(done: done, total: total)) }
                }
            } else {
                let version = try currentVersion()
                if version > Self.schemaVersion {
                    throw CorpusError.newerSchema(path: path, found: version, supported: Self.schemaVersion)
                }
                if version == 0, try tableCount() > 0 {
                    throw CorpusError.notACorpus(path: path, reason: "it holds tables but no Beat schema version")
                }
                guard version == Self.schemaVersion else {
                    throw CorpusError.schemaMismatch(path: path, found: version, expected: Self.schemaVersion)
                }
            }
        } catch let error as SQLiteError {
            throw Self.openFailure(error, path: path)
        }
    }

    /// An SQLite error at open time, as what it means for this file.
    private static func openFailure(_ error: SQLiteError, path: String) -> Error {
        if error.code == sqliteNotADatabaseCode {
            return CorpusError.notACorpus(path: path, reason: "it is not an SQLite database")
        }
        return CorpusFault.from(error, path: path) ?? CorpusError.notACorpus(path: path, reason: error.message)
    }

    private static let sqliteNotADatabaseCode: Int32 = 26

    /// Refuses a file shorter than its own header says (cut off by a failed
    /// copy or a full disk) before SQLite reads past its end. A `-wal` file
    /// with content may hold the missing pages, so then SQLite decides.
    private static func checkFileHeader(_ path: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else { return }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: 100)) ?? Data()
        guard header.count > 0 else { return }
        let magic = Array("SQLite format 3\0".utf8)
        guard header.count >= 100, Array(header.prefix(16)) == magic else {
            throw CorpusError.notACorpus(path: path, reason: "it is not an SQLite database")
        }
        let bytes = Array(header)
        var pageSize = Int(bytes[16]) << 8 | Int(bytes[17])
        if pageSize == 1 { pageSize = 65_536 }
        let pages = bytes[28..<32].reduce(0) { $0 << 8 | Int($1) }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil
        let walSize = (try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int) ?? nil
        guard let size, pages > 0, (walSize ?? 0) == 0 else { return }
        if size < pages * pageSize {
            throw CorpusFault.damaged(
                path: path,
                detail:
                    "the file is cut short: \(size.formattedWithCommas) bytes of the \((pages * pageSize).formattedWithCommas) its header records"
            )
        }
    }

    /// `path`, or the file it leads to when it is a symbolic link (a chain of them followed,
    /// relative targets taken from the link's folder); as given when it is not a link
    /// (`URL.resolvingSymlinksInPath` would also make a plain relative path absolute, and
    /// messages show the path as the user gave it).
    static func followingLinks(_ path: String) -> String {
        var current = path
        for _ in 0..<40 {
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: current),
                attributes[.type] as? FileAttributeType == .typeSymbolicLink,
                let target = try? FileManager.default.destinationOfSymbolicLink(atPath: current)
            else { return current }
            current =
                target.hasPrefix("/")
                ? target : ((current as NSString).deletingLastPathComponent as NSString).appendingPathComponent(target)
        }
        return current
    }

    /// True when nothing can write the file while Beat reads it: its file system is read-only,
    /// or its folder cannot be written and no `-wal` holds recent changes.
    private static func cannotChange(_ path: String) -> Bool {
        if CorpusFault.readOnlyReason(path) == "the file system is mounted read-only" { return true }
        let folder = (path as NSString).deletingLastPathComponent
        let wal = (try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int) ?? nil
        return !FileManager.default.isWritableFile(atPath: folder.isEmpty ? "." : folder) && (wal ?? 0) == 0
    }

    private func currentVersion() throws -> Int {
        Int(try connection.scalar("PRAGMA user_version")?.int64Value ?? 0)
    }

    private func tableCount() throws -> Int64 {
        try connection.scalar("SELECT count(*) FROM sqlite_master")?.int64Value ?? 0
    }

    private func migrate(_ upgrading: ((CorpusUpgrade) -> Void)?) throws {
        let version = try currentVersion()
        if version > Self.schemaVersion {
            throw CorpusError.newerSchema(path: path, found: version, supported: Self.schemaVersion)
        }
        if version == 0 {
            // A non-empty file without a version is some other program's database.
            if try tableCount() > 0 { throw CorpusError.notACorpus(path: path, reason: "it holds tables but no Beat schema version") }
        }
        if version < Self.schemaVersion && version > 0 {
            upgrading?(.migrating(from: version, to: Self.schemaVersion))
            try prepareToWrite(command: "migrating the schema")
        }
        for next in version..<Self.schemaVersion {
            try connection.transaction {
                try connection.execute(Schema.migrations[next])
                try connection.execute("PRAGMA user_version = \(next + 1)")
            }
        }
    }

    /// Refuses a write before it starts: when the corpus is open read-only, or
    /// when its pages are damaged, since writing into a damaged file can spread the
    /// damage. The pages are checked with `PRAGMA quick_check` (about 0.4 s per 100,000
    /// posts when the file is in the system's cache, minutes at ten million when it is
    /// not) once per process, and not at all when the file is as a Beat process that
    /// checked it left it (`CheckedState`, recorded by `finishWriting()`).
    /// - Parameter command: the command, for the read-only message.
    public func prepareToWrite(command: String, checkingPages: Bool = true) throws {
        if isReadOnly {
            if let readOnlyReason { throw CorpusFault.cannotWrite(path: path, reason: readOnlyReason) }
            throw CorpusFault.readOnly(path: path, command: command)
        }
        // Checked earlier in this process: still so unless something else changed the file
        // since this process last recorded it (another program, or another Beat process,
        // whose own record is then what is trusted).
        if checkedForWrites, connection.totalChanges == writtenWhenRecorded, let recordedState,
            CheckedState.current(of: path) != recordedState
        {
            checkedForWrites = false
        }
        guard checkingPages, !checkedForWrites else { return }
        if let state = CheckedState.recordedCurrent(path) {
            checkedForWrites = true
            recordedState = state
            writtenWhenRecorded = connection.totalChanges
            return
        }
        var problems: [String] = []
        do {
            try connection.forEachRow("PRAGMA quick_check(5)") { row in
                if let message = row.string(0), message != "ok" { problems.append(message) }
            }
        } catch let error as SQLiteError {
            throw CorpusFault.from(error, path: path) ?? error
        }
        guard problems.isEmpty else {
            CheckedState.forget(path)
            throw CorpusFault.damaged(path: path, detail: problems.first.map { "SQLite's check found: \($0)" } ?? "")
        }
        checkedForWrites = true
        recordedState = CheckedState.record(path)
        writtenWhenRecorded = connection.totalChanges
    }

    /// Records the file's state after this process's writes (see `CheckedState`), so that the
    /// next writer need not check its pages again: the log is copied into the file first,
    /// since closing the last connection would change the file after the record. Does
    /// nothing unless the pages were checked (or found as recorded) before this process
    /// wrote. The shell calls it after each command that succeeded: a failed one may have met
    /// damage, and then the next writer checks.
    public func finishWriting() {
        guard checkedForWrites, !isReadOnly, connection.totalChanges > writtenWhenRecorded,
            !connection.isInTransaction, !CheckedState.hasMetDamage(at: path)
        else { return }
        let timeout = connection.busyTimeoutMilliseconds
        connection.busyTimeoutMilliseconds = 0
        try? connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        connection.busyTimeoutMilliseconds = timeout
        recordedState = CheckedState.record(path)
        writtenWhenRecorded = connection.totalChanges
    }

    /// Seconds a write waits for another process's write (`--busy-timeout`).
    public var busyTimeout: Double {
        get { Double(connection.busyTimeoutMilliseconds) / 1000 }
        set { connection.busyTimeoutMilliseconds = Int32(max(0, min(newValue, 86_400)) * 1000) }
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

extension Corpus {
    /// Opens another connection to the corpus file, for reading only: for a share of a
    /// command's reads done on a second thread (see `TermCounter.counts(of:in:sharingWith:)`).
    /// Like each statement of the corpus's own connection outside a transaction, each of its
    /// statements reads the corpus as last committed.
    func readerOpener() -> HelperOpener {
        let (path, mode) = (path, readerMode)
        if let snapshotHelper { return HelperOpener(interrupts: helperInterrupts, inSnapshot: snapshotHelper) }
        return HelperOpener(interrupts: helperInterrupts) {
            try Connection(path: path, mode: mode, busyTimeoutMilliseconds: 10_000)
        }
    }
}
