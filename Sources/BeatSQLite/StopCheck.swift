import CSQLite

/// A condition a connection's running statements poll, which stops them with
/// `SQLITE_INTERRUPT` once it holds: unlike `InterruptHandle.interrupt()`, which
/// a statement that has not started yet never sees, it also stops every
/// statement started after it came to hold.
final class StopCheck {
    let shouldStop: @Sendable () -> Bool

    init(_ shouldStop: @escaping @Sendable () -> Bool) { self.shouldStop = shouldStop }
}

extension Connection {
    /// Steps of SQLite's virtual machine between two polls: a poll costs a lock, a step tens of nanoseconds.
    static let stopCheckSteps: Int32 = 1_000

    /// Polls `shouldStop` while a statement runs, every `stopCheckSteps` steps, and stops it
    /// with `SQLITE_INTERRUPT` (`SQLiteError.isInterrupted`) when it returns true; nil polls nothing.
    public func stopWhen(_ shouldStop: (@Sendable () -> Bool)?) {
        stopCheck = shouldStop.map(StopCheck.init)
        guard let stopCheck else {
            sqlite3_progress_handler(handle, 0, nil, nil)
            return
        }
        // The check lives as long as the connection holds it (`stopCheck`), which outlives the handler.
        sqlite3_progress_handler(
            handle, Self.stopCheckSteps,
            { context in
                guard let context else { return 0 }
                return Unmanaged<StopCheck>.fromOpaque(context).takeUnretainedValue().shouldStop() ? 1 : 0
            }, Unmanaged.passUnretained(stopCheck).toOpaque())
    }
}
