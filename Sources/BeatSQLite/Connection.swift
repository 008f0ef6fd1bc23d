import CSQLite

/// An open SQLite database file.
///
/// Not `Sendable`: SQLite objects derived from one connection must be used from
/// one thread at a time; the only part that crosses threads is `interruptHandle`.
public final class Connection {
    let handle: OpaquePointer
    /// The path the connection was opened with.
    public let path: String
    private var cache: [String: Statement] = [:]
    /// The statements `recentStatement` compiled last, least recently used first.
    private var recent: [(sql: String, statement: Statement)] = []
    /// How many statements `recentStatement` keeps compiled.
    public static let recentStatementCount = 16
    /// Takes turns with other processes writing to the same file (see `WriterTurn`).
    private lazy var turn = WriterTurn(databasePath: path)
    /// What `beat_tally` counts; freed after the connection closes.
    private let tallyCount = UnsafeMutablePointer<Int64>.allocate(capacity: 1)
    /// The rows of the FTS5 table `beat_bm25_per_idf` last ranked against; freed after the connection closes.
    private let rankedTableRowsSeen = UnsafeMutablePointer<Int64>.allocate(capacity: 1)
    /// The condition `stopWhen(_:)` set, held while SQLite's progress handler may call it.
    private var stopCheck: StopCheck?

    /// How the file is opened.
    public enum Mode: Sendable {
        case readWrite
        /// SQLite's read-only flag: every write is refused.
        case readOnly
        /// Read-only, and the file is promised not to change while open (`immutable=1`):
        /// no locks and no `-wal`/`-shm` files, for a read-only file system or a copy.
        case immutable
    }

    /// How long a write waits for another process's write to end, in milliseconds.
    public var busyTimeoutMilliseconds: Int32 {
        didSet { sqlite3_busy_timeout(handle, busyTimeoutMilliseconds) }
    }

    /// Opens (and, in `.readWrite` mode, creates) the database at `path`.
    ///
    /// The file is read once at open time, so that a file that is not a
    /// database fails here rather than at the first query, and FTS5 is checked
    /// for, since every part of Beat needs it.
    /// - Throws: `SQLiteError` when the file cannot be opened or is not a database.
    public init(path: String, mode: Mode = .readWrite, busyTimeoutMilliseconds: Int32 = 10_000) throws(SQLiteError) {
        _ = Connection.configureOnce
        var db: OpaquePointer?
        let flags: Int32 =
            switch mode {
            case .readWrite: SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
            case .readOnly: SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX
            case .immutable: SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI
            }
        let name = mode == .immutable ? Self.immutableURI(path) : path
        let rc = sqlite3_open_v2(name, &db, flags, nil)
        guard rc == SQLITE_OK, let db else {
            // > Whether or not an error occurs when it is opened, resources associated
            // > with the database connection handle should be released by passing it
            // > to sqlite3_close() when it is no longer required.
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(rc))
            sqlite3_close(db)
            throw SQLiteError(extendedCode: rc, message: "\(message) (\(path))")
        }
        self.handle = db
        self.path = path
        self.busyTimeoutMilliseconds = busyTimeoutMilliseconds
        // Every property is set from here on, so a throw below runs `deinit`, which closes the
        // handle: closing it here as well would close it twice.
        tallyCount.initialize(to: 0)
        rankedTableRowsSeen.initialize(to: -1)
        sqlite3_extended_result_codes(db, 1)
        sqlite3_busy_timeout(db, busyTimeoutMilliseconds)
        _ = beat_sqlite_enable_defensive(db)
        do {
            // Reading the schema makes "file is not a database" fail at open time.
            try execute("SELECT count(*) FROM sqlite_master")
        } catch {
            throw SQLiteError(extendedCode: error.extendedCode, message: "\(error.message) (\(path))")
        }
        guard sqlite3_compileoption_used("ENABLE_FTS5") == 1 else {
            throw SQLiteError(
                extendedCode: SQLITE_ERROR,
                message: "this SQLite library was built without FTS5; install a build with it (Debian: libsqlite3-0 >= 3.9)")
        }
        let registered = beat_sqlite_register_tally(db, tallyCount)
        guard registered == SQLITE_OK else {
            throw SQLiteError(extendedCode: registered, message: "could not register beat_tally (\(path))")
        }
        let ranker = beat_sqlite_register_bm25_per_idf(db, rankedTableRowsSeen)
        guard ranker == SQLITE_OK else {
            throw SQLiteError(extendedCode: ranker, message: "could not register beat_bm25_per_idf (\(path))")
        }
    }

    /// `file:PATH?immutable=1`, with the characters a URI path may not hold escaped.
    static func immutableURI(_ path: String) -> String {
        var escaped = ""
        for byte in path.utf8 {
            let isPlain =
                (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || "/-._~".utf8.contains(byte)
            if isPlain {
                escaped.append(Character(UnicodeScalar(byte)))
            } else {
                let hex = String(byte, radix: 16, uppercase: true)
                escaped += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return "file:" + escaped + "?immutable=1"
    }

    // Runs once per process, before any connection exists.
    private static let configureOnce: Void = { _ = beat_sqlite_configure() }()

    deinit {
        cache.removeAll()
        recent.removeAll()
        sqlite3_progress_handler(handle, 0, nil, nil)
        sqlite3_close_v2(handle)
        tallyCount.deallocate()
        rankedTableRowsSeen.deallocate()
    }

    /// The calls of `beat_tally(x)` since `resetTally()`. The SQL function returns its
    /// argument and counts the call: around a sort key it counts the rows being sorted.
    public var tally: Int { Int(tallyCount.pointee) }

    /// Starts `tally` again from 0.
    public func resetTally() { tallyCount.pointee = 0 }

    /// The rows of the FTS5 table as the last statement calling `beat_bm25_per_idf` saw them
    /// (what its IDF is counted against), nil when none has scored a row since
    /// `resetRankedTableRows()`.
    ///
    /// `beat_bm25_per_idf(fts, weights…)` is FTS5's `bm25(fts, weights…)` for a query of one
    /// phrase divided by that phrase's IDF, `log((rows - matches + 0.5) / (matches + 0.5))`
    /// (1e-6 when not positive): the same order, and the same value once multiplied, without
    /// the count of the phrase's rows in the whole index that bm25 makes in every statement.
    public var rankedTableRows: Int64? { rankedTableRowsSeen.pointee >= 0 ? rankedTableRowsSeen.pointee : nil }

    /// Forgets `rankedTableRows`.
    public func resetRankedTableRows() { rankedTableRowsSeen.pointee = -1 }

    /// The version of the SQLite library in use.
    public static var libraryVersion: String { String(cString: sqlite3_libversion()) }

    /// A value that can cancel this connection's running statement from another thread.
    public var interruptHandle: InterruptHandle { InterruptHandle(database: handle) }

    /// Polls `shouldStop` while a statement runs, every `StopCheck.steps` steps, and stops it
    /// with `SQLITE_INTERRUPT` (`SQLiteError.isInterrupted`) when it returns true; nil polls nothing.
    public func stopWhen(_ shouldStop: (@Sendable () -> Bool)?) {
        guard let shouldStop else {
            sqlite3_progress_handler(handle, 0, nil, nil)
            stopCheck = nil
            return
        }
        let check = StopCheck(shouldStop)
        // The handler is given the new check before the old one is let go; `stopCheck` keeps
        // it alive for as long as the handler may call it.
        sqlite3_progress_handler(
            handle, StopCheck.steps,
            { context in
                guard let context else { return 0 }
                return Unmanaged<StopCheck>.fromOpaque(context).takeUnretainedValue().shouldStop() ? 1 : 0
            }, Unmanaged.passUnretained(check).toOpaque())
        stopCheck = check
    }

    /// Rows changed by the most recent INSERT, UPDATE or DELETE.
    public var changes: Int { Int(sqlite3_changes(handle)) }

    /// Rows inserted, updated or deleted through this connection since it opened.
    public var totalChanges: Int { Int(sqlite3_total_changes(handle)) }

    /// The rowid of the most recent successful INSERT.
    public var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    /// True while a transaction is open.
    public var isInTransaction: Bool { sqlite3_get_autocommit(handle) == 0 }

    /// Runs one or more statements with no parameters and no results.
    public func execute(_ sql: String) throws(SQLiteError) {
        var message: UnsafeMutablePointer<CChar>?
        let rc = sqlite3_exec(handle, sql, nil, nil, &message)
        if rc != SQLITE_OK {
            let text = message.map { String(cString: $0) } ?? String(cString: sqlite3_errmsg(handle))
            sqlite3_free(message)
            throw SQLiteError(extendedCode: sqlite3_extended_errcode(handle), message: text, sql: sql)
        }
    }

    /// Compiles `sql` into a new statement.
    public func makeStatement(_ sql: String) throws(SQLiteError) -> Statement {
        try Statement(database: handle, sql: sql)
    }

    /// A compiled statement for `sql`, reused across calls: for statements run
    /// many times, such as the importer's per-record ones.
    public func cachedStatement(_ sql: String) throws(SQLiteError) -> Statement {
        if let statement = cache[sql] {
            statement.reset()
            return statement
        }
        let statement = try makeStatement(sql)
        cache[sql] = statement
        return statement
    }

    /// A compiled statement for `sql` when it is one of the last `recentStatementCount` asked
    /// for, else a new one that is kept in place of the least recently used: for statements
    /// whose text follows the shape of a user's query (its filters, its sort), so that a shape
    /// run again (the next page, the same search) skips compiling it, and a long session of
    /// different shapes keeps only a few. The caller resets it when done, and never asks for
    /// the same text again while it still steps.
    public func recentStatement(_ sql: String) throws(SQLiteError) -> Statement {
        if let index = recent.firstIndex(where: { $0.sql == sql }) {
            let entry = recent.remove(at: index)
            recent.append(entry)
            entry.statement.reset()
            return entry.statement
        }
        let statement = try makeStatement(sql)
        recent.append((sql, statement))
        if recent.count > Self.recentStatementCount { recent.removeFirst() }
        return statement
    }

    /// Runs `sql` with `arguments` bound and calls `row` for every result row.
    public func forEachRow(
        _ sql: String, _ arguments: [SQLiteValue] = [], _ row: (Statement) throws -> Void
    ) throws {
        let statement = try cachedStatement(sql)
        try statement.bind(arguments)
        defer { statement.reset() }
        while try statement.step() { try row(statement) }
    }

    /// The first column of the first row, or nil when there is no row.
    public func scalar(_ sql: String, _ arguments: [SQLiteValue] = []) throws(SQLiteError) -> SQLiteValue? {
        let statement = try cachedStatement(sql)
        try statement.bind(arguments)
        defer { statement.reset() }
        return try statement.step() ? statement.value(0) : nil
    }

    /// Runs `sql` with `arguments` bound, ignoring any rows.
    public func run(_ sql: String, _ arguments: [SQLiteValue] = []) throws(SQLiteError) {
        try cachedStatement(sql).execute(arguments)
    }

    /// Begins a write transaction, taking the write lock at once.
    ///
    /// IMMEDIATE makes a writer wait here, for the busy timeout, instead of
    /// failing with `SQLITE_BUSY` half-way through when a read turns into a
    /// write. While it waits it holds its turn (see `WriterTurn`), so a long
    /// import lets it in at its next batch.
    /// - Throws: `SQLiteError` with code `SQLITE_BUSY` naming the process that
    ///   kept the lock, when the wait is longer than the busy timeout.
    public func beginImmediate() throws(SQLiteError) {
        do {
            try turn.whileWaiting { () throws(SQLiteError) in try execute("BEGIN IMMEDIATE") }
        } catch  where error.isBusy {
            let seconds = Double(busyTimeoutMilliseconds) / 1000
            let shown = seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
            let writer = LockHolder.describeWriter(of: path)
            throw SQLiteError(
                extendedCode: error.extendedCode,
                message: "\(path) is busy: \(writer) kept writing to it for over \(shown) s, and nothing was written; "
                    + "run this again when it ends, or wait longer with --busy-timeout SECONDS")
        }
    }

    /// Commits the open transaction and, when other writers wait, lets them in
    /// before returning: a long import calls this between batches.
    public func commitAndYield() throws(SQLiteError) {
        try execute("COMMIT")
        turn.yieldToWaitingWriters(limit: Double(busyTimeoutMilliseconds) / 1000)
    }

    /// Runs `body` in one read transaction, so that its statements see one committed state
    /// of the file whatever other connections commit meanwhile; inside a transaction
    /// already open, in that one.
    public func reading<T>(_ body: () throws -> T) throws -> T {
        guard !isInTransaction else { return try body() }
        try execute("BEGIN")
        defer { try? execute("COMMIT") }
        return try body()
    }

    /// Runs `body` inside `BEGIN IMMEDIATE … COMMIT`, rolling back if it throws.
    ///
    /// IMMEDIATE takes the write lock at once, so a concurrent writer waits for
    /// the busy timeout instead of failing half-way through the body.
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        try beginImmediate()
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            if isInTransaction { try? execute("ROLLBACK") }
            throw error
        }
    }
}
