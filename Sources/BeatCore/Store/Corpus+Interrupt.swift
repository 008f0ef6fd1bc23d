import BeatSQLite
import Foundation

/// Cancels the statement a corpus is running, from another thread (Ctrl-C), and those its
/// helper connections are running for it (a ranked page's other half, a summary's terms).
public struct CorpusInterrupter: Sendable {
    let handle: InterruptHandle
    let helpers: HelperInterrupts

    /// Stops the running statements, which then fail with an error `Corpus.isInterruption` recognises.
    public func interrupt() {
        handle.interrupt()
        helpers.interruptAll()
    }
}

/// The helper connections working for one corpus, so that a Ctrl-C stops them too. A helper
/// is listed only while its connection is open: interrupting a closed one would touch freed memory.
/// One helper connection is kept open between uses (`takeIdle`, `keep`): a new one read every
/// page a ranked half needs from the file again, 2-3 ms of a 10-50 ms search.
///
/// `@unchecked Sendable`: every access to its state holds the lock.
final class HelperInterrupts: @unchecked Sendable {
    private let lock = NSLock()
    private var handles: [Int: InterruptHandle] = [:]
    private var next = 0
    /// Calls of `interruptAll()` so far: work started before one of them stops (`HelperOpener`).
    private var interruptions = 0
    /// A helper connection not in use, kept for the next helper.
    private var idle: Connection?

    /// Runs `body` with `connection` listed.
    func listing<T>(_ connection: Connection, _ body: () throws -> T) rethrows -> T {
        let token = lock.withLock {
            next += 1
            handles[next] = connection.interruptHandle
            return next
        }
        defer { _ = lock.withLock { handles.removeValue(forKey: token) } }
        return try body()
    }

    func interruptAll() {
        lock.withLock {
            interruptions += 1
            for handle in handles.values { handle.interrupt() }
        }
    }

    /// The `interruptAll()` calls so far.
    var interruptionCount: Int { lock.withLock { interruptions } }

    /// The kept connection, if there is one; the caller owns it until `keep`.
    func takeIdle() -> Connection? {
        lock.withLock {
            defer { idle = nil }
            return idle
        }
    }

    /// Keeps `connection` for the next helper, unless one is kept already (it then closes).
    func keep(_ connection: Connection) {
        lock.withLock { if idle == nil { idle = connection } }
    }

    /// Closes the kept connection, if there is one.
    func closeIdle() { _ = takeIdle() }
}

extension Corpus {
    /// A value that can cancel this corpus's running statement from another thread.
    public var interrupter: CorpusInterrupter { CorpusInterrupter(handle: connection.interruptHandle, helpers: helperInterrupts) }

    /// True when `error` is a statement stopped by `CorpusInterrupter.interrupt()`.
    public static func isInterruption(_ error: any Error) -> Bool {
        (error as? SQLiteError)?.isInterrupted ?? false
    }

    /// The version of the SQLite library in use, for `--version`.
    public static var sqliteVersion: String { Connection.libraryVersion }
}

/// Opens a second connection to a corpus for work on another thread, listed with the corpus's
/// interrupter while it is used, so that Ctrl-C stops it with the corpus's own. A Ctrl-C
/// after the opener was made stops the helper's statements whenever they run, also those
/// that had not started when it came (`Connection.stopWhen`: within a thousand steps of
/// SQLite's machine, so a statement shorter than that still finishes).
struct HelperOpener: Sendable {
    let interrupts: HelperInterrupts
    let open: @Sendable () throws -> Connection
    /// The connection every helper uses while `Corpus.inOneSnapshot` runs, nil otherwise.
    private let inSnapshot: SnapshotHelper?
    /// `interrupts.interruptionCount` when the opener was made.
    private let interruptionsBefore: Int

    init(interrupts: HelperInterrupts = HelperInterrupts(), open: @escaping @Sendable () throws -> Connection) {
        self.interrupts = interrupts
        self.open = open
        inSnapshot = nil
        interruptionsBefore = interrupts.interruptionCount
    }

    /// An opener that hands out `helper`, already reading in the corpus connection's snapshot.
    init(interrupts: HelperInterrupts, inSnapshot helper: SnapshotHelper) {
        self.interrupts = interrupts
        open = { throw SnapshotHelper.Busy() }
        inSnapshot = helper
        interruptionsBefore = interrupts.interruptionCount
    }

    /// Runs `body` on the kept helper connection or a new one, kept for the next helper when
    /// `body` returns (closed when it throws); while `Corpus.inOneSnapshot` runs, on its
    /// helper, one `body` at a time.
    func withConnection<T>(_ body: (Connection) throws -> T) throws -> T {
        if let inSnapshot {
            return try inSnapshot.using { connection in try self.interrupts.listing(connection) { try body(connection) } }
        }
        let connection = try interrupts.takeIdle() ?? open()
        let (interrupts, before) = (interrupts, interruptionsBefore)
        connection.stopWhen { interrupts.interruptionCount != before }
        let result = try interrupts.listing(connection) { try body(connection) }
        connection.stopWhen(nil)
        interrupts.keep(connection)
        return result
    }
}
