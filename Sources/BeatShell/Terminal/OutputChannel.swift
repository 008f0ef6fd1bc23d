#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Text written to a file descriptor (standard output or error), or collected
/// in memory for tests. A closed pipe (`beat … | head`) is remembered, not fatal.
public final class OutputChannel {
    private let descriptor: Int32?
    private var buffer: [UInt8] = []
    /// True once a write failed because the reader went away.
    public private(set) var isBroken = false
    /// What was written, when collecting in memory.
    public private(set) var collected = ""

    /// Standard output.
    public static func standardOutput() -> OutputChannel { OutputChannel(descriptor: 1) }
    /// Standard error.
    public static func standardError() -> OutputChannel { OutputChannel(descriptor: 2) }
    /// Collects text in memory (`collected`).
    public static func memory() -> OutputChannel { OutputChannel(descriptor: nil) }

    init(descriptor: Int32?) { self.descriptor = descriptor }

    /// True when the descriptor is a terminal.
    public var isTerminal: Bool { descriptor.map { isatty($0) == 1 } ?? false }

    public func write(_ text: String) {
        guard let descriptor else {
            collected += text
            return
        }
        guard !isBroken else { return }
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 64 * 1024 || descriptor == 2 { flush() }
    }

    /// Writes `text` and a newline.
    public func line(_ text: String = "") { write(text + "\n") }

    public func flush() {
        guard let descriptor, !buffer.isEmpty, !isBroken else { return }
        var offset = 0
        while offset < buffer.count {
            let written = buffer.withUnsafeBytes { raw in
                Glibc_write(descriptor, raw.baseAddress! + offset, raw.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                isBroken = true  // EPIPE and friends: stop writing quietly
                break
            }
            offset += written
        }
        buffer.removeAll(keepingCapacity: true)
    }
}

@inline(__always)
private func Glibc_write(_ fd: Int32, _ pointer: UnsafeRawPointer, _ count: Int) -> Int {
    write(fd, pointer, count)
}
