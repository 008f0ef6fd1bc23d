/// A condition a connection's running statements poll (`Connection.stopWhen`), which
/// stops them with `SQLITE_INTERRUPT` once it holds: unlike `InterruptHandle.interrupt()`,
/// which a statement that has not started yet never sees, it also stops statements
/// started after it came to hold (those that run for more than a thousand steps).
final class StopCheck {
    let shouldStop: @Sendable () -> Bool

    init(_ shouldStop: @escaping @Sendable () -> Bool) { self.shouldStop = shouldStop }

    /// Steps of SQLite's virtual machine between two polls: a poll costs a lock, a step tens of nanoseconds.
    static let steps: Int32 = 1_000
}
