import CSQLite

/// Cancels whatever the connection is running, from any thread.
///
/// SQLite documents `sqlite3_interrupt` as safe to call from another thread
/// while the connection is open; the owner of the handle keeps the connection
/// open for as long as the handle may be used.
public struct InterruptHandle: @unchecked Sendable {
    let database: OpaquePointer

    /// Makes the running statement stop with `SQLITE_INTERRUPT`.
    public func interrupt() { sqlite3_interrupt(database) }
}
