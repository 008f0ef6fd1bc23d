import BeatSQLite
import Foundation

extension Corpus {
    /// How many times `inOneSnapshot` tries to open both read transactions at one state
    /// before it reads on this connection alone: each failed try means a commit came between.
    static let pairingAttempts = 3

    /// Runs `body` with this corpus's connection and the kept helper connection both reading
    /// one committed state of the corpus until it returns: every statement of a summary, on
    /// either connection, sees the same posts while a collector imports, so its sections
    /// agree with each other. Helpers (`readerOpener()`, `inHalves`) use that connection meanwhile.
    ///
    /// The two snapshots are made one: the helper opens its read transaction,
    /// then this connection opens its own and compares `PRAGMA data_version` with what it read
    /// before the helper began. When a commit came between, both end and it tries again; after
    /// `pairingAttempts`, or when no helper can be had, `body` reads on this connection alone, in
    /// one transaction. Inside a transaction already open (nested, or a writer's own), `body`
    /// runs in it.
    func inOneSnapshot<T>(_ body: () throws -> T) throws -> T {
        guard snapshotHelper == nil, !connection.isInTransaction else { return try body() }
        // A Ctrl-C from now on stops the helper's statements, also one that comes between
        // them or while the snapshots are paired (`HelperOpener`).
        let (interrupts, interruptionsBefore) = (helperInterrupts, helperInterrupts.interruptionCount)
        guard let helper = try? helperInterrupts.takeIdle() ?? readerOpener().open() else {
            return try connection.reading(body)
        }
        guard try pairSnapshots(with: helper) else {
            helperInterrupts.keep(helper)
            return try connection.reading(body)
        }
        let shared = SnapshotHelper(helper)
        snapshotHelper = shared
        helper.stopWhen { interrupts.interruptionCount != interruptionsBefore }
        defer {
            snapshotHelper = nil
            shared.waitUntilFree()
            helper.stopWhen(nil)
            Self.endReading(on: helper)
            Self.endReading(on: connection)
            helperInterrupts.keep(helper)
        }
        return try body()
    }

    /// Ends `connection`'s read transaction: a COMMIT, or a ROLLBACK when that failed (a
    /// Ctrl-C that came as it ran), so that the connection is never left reading an old state.
    private static func endReading(on connection: Connection) {
        try? connection.execute("COMMIT")
        if connection.isInTransaction { try? connection.execute("ROLLBACK") }
    }

    /// Opens a read transaction on `helper`, then one on this connection at the same state;
    /// false, with neither open, when a commit came between at every try or the helper failed.
    private func pairSnapshots(with helper: Connection) throws -> Bool {
        for _ in 0..<Self.pairingAttempts {
            let versionBefore = try dataVersion(on: connection)
            do {
                try helper.execute("BEGIN")
                _ = try dataVersion(on: helper)  // the first read takes the snapshot
            } catch {
                if helper.isInTransaction { try? helper.execute("ROLLBACK") }
                return false
            }
            betweenSnapshots?()
            do {
                try connection.execute("BEGIN")
                if try dataVersion(on: connection) == versionBefore { return true }
            } catch {
                if connection.isInTransaction { try? connection.execute("ROLLBACK") }
                try? helper.execute("ROLLBACK")
                throw error
            }
            try? connection.execute("COMMIT")
            try? helper.execute("COMMIT")
        }
        return false
    }

    /// Whether a read can be shared with a helper connection: with no transaction open here
    /// (a writer's own uncommitted posts, which another connection would not see), or inside
    /// `inOneSnapshot`, whose helper reads this connection's snapshot.
    var splitsReads: Bool { snapshotHelper != nil || !connection.isInTransaction }
}

/// `PRAGMA data_version`: it changes when another connection commits, as seen by `connection`'s
/// next read transaction (and stays put within one).
func dataVersion(on connection: Connection) throws -> Int64 {
    try connection.scalar("PRAGMA data_version")?.int64Value ?? 0
}

/// The helper connection reading in the corpus connection's snapshot while
/// `Corpus.inOneSnapshot` runs, lent to one helper at a time.
///
/// `@unchecked Sendable`: the connection is used only while holding the lock.
final class SnapshotHelper: @unchecked Sendable {
    /// A second helper asked for the connection while one had it; it then does its share on
    /// the corpus's own connection, as when a helper cannot open.
    struct Busy: Error {}

    private let connection: Connection
    private let lock = NSLock()

    init(_ connection: Connection) { self.connection = connection }

    func using<T>(_ body: (Connection) throws -> T) throws -> T {
        guard lock.try() else { throw Busy() }
        defer { lock.unlock() }
        return try body(connection)
    }

    /// Returns once no helper uses the connection: its transaction can then end.
    func waitUntilFree() {
        lock.lock()
        lock.unlock()
    }
}
