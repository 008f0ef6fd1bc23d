import BeatSQLite

/// Cancels the statement a corpus is running, from another thread (Ctrl-C).
public struct CorpusInterrupter: Sendable {
    let handle: InterruptHandle

    /// Stops the running statement, which then fails with an error `Corpus.isInterruption` recognises.
    public func interrupt() { handle.interrupt() }
}

extension Corpus {
    /// A value that can cancel this corpus's running statement from another thread.
    public var interrupter: CorpusInterrupter { CorpusInterrupter(handle: connection.interruptHandle) }

    /// True when `error` is a statement stopped by `CorpusInterrupter.interrupt()`.
    public static func isInterruption(_ error: any Error) -> Bool {
        (error as? SQLiteError)?.isInterrupted ?? false
    }

    /// The version of the SQLite library in use, for `--version`.
    public static var sqliteVersion: String { Connection.libraryVersion }
}
