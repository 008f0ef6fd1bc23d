import BeatSQLite
import Dispatch

extension Corpus {
    /// `older` on this corpus's connection while `newer` runs on the kept helper connection,
    /// on the other core: the two halves of a ranked page or of a summary's pass. The caller
    /// has no transaction open, or is inside `inOneSnapshot` (`splitsReads`).
    ///
    /// Both halves read one state of the corpus, as one pass would, even while an import
    /// commits. SQLite 3.40 as built here cannot hand a snapshot to another connection, so
    /// the helper takes its snapshot first and this connection takes its own after; when
    /// `PRAGMA data_version` says nothing was committed between this connection's read
    /// before the helper's snapshot and its own, the two are the same. When something
    /// was, `newer` runs here after `older`, in this connection's snapshot.
    ///
    /// A Ctrl-C or a failure in `older` stops `newer` before its connection closes, then is
    /// thrown. When the helper could not read (its connection could not open, say), `newer`
    /// runs here after `older`; a Ctrl-C that stopped it is thrown.
    func inHalves<Value: Sendable>(
        older: () throws -> Value, newer: @escaping @Sendable (Connection) throws -> Value
    ) throws -> (older: Value, newer: Value) {
        if snapshotHelper != nil { return try inHalvesOfOneSnapshot(older: older, newer: newer) }
        let opener = readerOpener()
        let handshake = SnapshotHandshake()
        let versionBefore = try dataVersion(on: connection)
        let helper = BackgroundResult { () -> Result<Value?, any Error> in
            Result {
                defer { handshake.helperHasItsSnapshot() }  // also when it fails before
                return try opener.withConnection { helperConnection in
                    try helperConnection.execute("BEGIN")
                    defer { try? helperConnection.execute("COMMIT") }
                    _ = try dataVersion(on: helperConnection)  // the first read takes the snapshot
                    handshake.helperHasItsSnapshot()
                    guard handshake.sameSnapshot() else { return nil }
                    return try newer(helperConnection)
                }
            }
        }
        handshake.waitForHelper()
        betweenSnapshots?()
        do {
            try connection.execute("BEGIN")
            handshake.decide(sameSnapshot: try dataVersion(on: connection) == versionBefore)
        } catch {
            handshake.decide(sameSnapshot: false)
            _ = helper.value()
            if connection.isInTransaction { try? connection.execute("ROLLBACK") }
            throw error
        }
        defer { try? connection.execute("COMMIT") }
        // No value from the helper: a commit came between the two snapshots, or it failed.
        let (first, second) = try runOlder(older, beside: helper)
        return (first, try second ?? newer(connection))
    }

    /// `inHalves` inside `inOneSnapshot`: both connections read one snapshot already.
    private func inHalvesOfOneSnapshot<Value: Sendable>(
        older: () throws -> Value, newer: @escaping @Sendable (Connection) throws -> Value
    ) throws -> (older: Value, newer: Value) {
        let opener = readerOpener()
        let helper = BackgroundResult { Result<Value?, any Error> { try opener.withConnection { try newer($0) } } }
        let (first, second) = try runOlder(older, beside: helper)
        return (first, try second ?? newer(connection))
    }

    /// `older` on this connection while `helper` works, and the helper's value: nil when it
    /// has none to give (it failed, or declined), so that the caller runs its half here. A
    /// failure here, or a Ctrl-C in either, stops the helper and is thrown once it has stopped.
    private func runOlder<Value: Sendable>(
        _ older: () throws -> Value, beside helper: BackgroundResult<Result<Value?, any Error>>
    ) throws -> (older: Value, newer: Value?) {
        let first: Value
        do {
            first = try older()
        } catch {
            helperInterrupts.interruptAll()
            _ = helper.value()
            throw error
        }
        switch helper.value() {
        case .success(let second): return (first, second)
        case .failure(let error) where Corpus.isInterruption(error): throw error
        case .failure: return (first, nil)
        }
    }
}

/// The order in which the halves of `Corpus.inHalves` take their snapshots: the helper takes
/// its own, then waits to hear whether the corpus connection's, taken after, is the same.
///
/// `@unchecked Sendable`: `same` is written before `decided` is signalled and read after
/// waiting on it, which orders the two.
private final class SnapshotHandshake: @unchecked Sendable {
    private let ready = DispatchSemaphore(value: 0)
    private let decided = DispatchSemaphore(value: 0)
    private var same = false

    /// Said by the helper once it has its snapshot, and again as its work ends, so that a
    /// helper that failed before taking one does not leave the corpus connection waiting;
    /// only the first is waited for.
    func helperHasItsSnapshot() { ready.signal() }

    func waitForHelper() { ready.wait() }

    /// Said once by the corpus connection, on every path.
    func decide(sameSnapshot: Bool) {
        same = sameSnapshot
        decided.signal()
    }

    /// Waits for `decide`.
    func sameSnapshot() -> Bool {
        decided.wait()
        return same
    }
}
