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
///
/// `@unchecked Sendable`: every access to `handles` holds the lock.
final class HelperInterrupts: @unchecked Sendable {
    private let lock = NSLock()
    private var handles: [Int: InterruptHandle] = [:]
    private var next = 0

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

    func interruptAll() { lock.withLock { for handle in handles.values { handle.interrupt() } } }
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
/// interrupter while it is used, so that Ctrl-C stops it with the corpus's own.
struct HelperOpener: Sendable {
    let interrupts: HelperInterrupts
    let open: @Sendable () throws -> Connection

    init(interrupts: HelperInterrupts = HelperInterrupts(), open: @escaping @Sendable () throws -> Connection) {
        self.interrupts = interrupts
        self.open = open
    }

    /// Runs `body` on a new connection, closed when it returns.
    func withConnection<T>(_ body: (Connection) throws -> T) throws -> T {
        let connection = try open()
        return try interrupts.listing(connection) { try body(connection) }
    }
}
