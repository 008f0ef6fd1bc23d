#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Lets writers to one database take turns.
///
/// SQLite's busy handler polls: a writer that commits and at once begins its
/// next transaction (an import between batches) wins the lock again and again,
/// while a second writer sleeps between its polls and times out. Here a
/// writer waiting for the lock holds a shared `flock` on `DATABASE-turn` until
/// it has the lock; a writer between transactions (`yieldToWaitingWriters`)
/// sees that lock and waits for the waiters to get in first. Locks held by a
/// process end with it, so a crashed writer never leaves one behind.
///
/// Without the file (a read-only folder) writers still work, without turns.
public final class WriterTurn {
    private let descriptor: Int32

    /// Opens (creating if need be) the turn file beside `databasePath`.
    public init(databasePath: String) {
        // An in-memory or temporary database has no other writers.
        let isFile = !databasePath.isEmpty && databasePath != ":memory:" && !databasePath.hasPrefix("file:")
        descriptor = isFile ? open(databasePath + "-turn", O_RDWR | O_CREAT | O_CLOEXEC, 0o644) : -1
    }

    deinit { if descriptor >= 0 { close(descriptor) } }

    /// Marks this process as waiting for the write lock while `body` runs.
    func whileWaiting<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
        guard descriptor >= 0 else { return try body() }
        _ = flock(descriptor, LOCK_SH)
        defer { _ = flock(descriptor, LOCK_UN) }
        return try body()
    }

    /// Returns at once when no other writer waits; otherwise waits (at most
    /// `limit` seconds) until the waiting writers have taken the lock.
    func yieldToWaitingWriters(limit: Double) {
        guard descriptor >= 0 else { return }
        var waited = 0.0
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR, waited < limit else { return }
            usleep(2_000)
            waited += 0.002
        }
        _ = flock(descriptor, LOCK_UN)
    }
}
