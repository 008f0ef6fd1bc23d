import CSQLite

/// An error reported by SQLite, with its extended result code, its message and
/// the SQL that was running. Bound values are never included, so stored text
/// cannot leak into logs.
public struct SQLiteError: Error, CustomStringConvertible, Sendable {
    /// The extended result code (`sqlite3_extended_errcode`).
    public let extendedCode: Int32
    /// What SQLite said (`sqlite3_errmsg`).
    public let message: String
    /// The statement that failed, when there was one.
    public let sql: String?

    public init(extendedCode: Int32, message: String, sql: String? = nil) {
        self.extendedCode = extendedCode
        self.message = message
        self.sql = sql
    }

    /// The primary result code (the low byte of the extended code).
    public var code: Int32 { extendedCode & 0xff }

    /// True when the statement stopped because `sqlite3_interrupt` was called.
    public var isInterrupted: Bool { code == SQLITE_INTERRUPT }

    /// True when another connection held a lock for longer than the busy timeout.
    public var isBusy: Bool { code == SQLITE_BUSY || code == SQLITE_LOCKED }

    /// What a person reads. The SQL stays out of it (see `debugDescription`): it
    /// means nothing to the reader and tells nothing they can act on. A busy
    /// corpus's message is whole already (see `Connection.beginImmediate`).
    public var description: String {
        if isInterrupted { return "cancelled" }
        if isBusy && message.contains(" is busy: ") { return message }
        return "SQLite error \(extendedCode): \(message)"
    }

    /// The message with the statement that failed, for debugging.
    public var debugDescription: String {
        description + (sql.map { " - while executing `\($0)`" } ?? "")
    }
}
