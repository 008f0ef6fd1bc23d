import Foundation

/// A flag one thread sets and another polls.
public final class CancellationFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false

    /// A `CancellationFlag` made of the values given.
    public init() {}

    /// True once `set()` was called (and until `reset()`).
    public var isSet: Bool {
        lock.lock()
        defer { lock.unlock() }
        return value
    }

    /// Asks the work polling the flag to stop.
    public func set() {
        lock.lock()
        value = true
        lock.unlock()
    }

    /// Clears the flag for the next piece of work.
    public func reset() {
        lock.lock()
        value = false
        lock.unlock()
    }
}
