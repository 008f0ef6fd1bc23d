import Dispatch

/// A value computed on another thread while the caller goes on: for CPU-bound
/// text work (scoring, sentence selection) that shares nothing with the
/// caller's SQLite connection, so a summary uses both cores.
///
/// `@unchecked Sendable`: `result` is written once, before `done` is signalled,
/// and read only after waiting on `done`, which orders the two.
final class BackgroundResult<Value: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var result: Value?

    init(_ work: @escaping @Sendable () -> Value) {
        DispatchQueue.global(qos: .userInitiated).async {
            self.result = work()
            self.done.signal()
        }
    }

    /// Waits for the value (at once when it is ready).
    func value() -> Value {
        done.wait()
        // Leave the semaphore signalled so a second call returns too.
        done.signal()
        return result!
    }
}
