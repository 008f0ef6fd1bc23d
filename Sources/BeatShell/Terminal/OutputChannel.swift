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

    private var ownsDescriptor = false

    init(descriptor: Int32?) { self.descriptor = descriptor }

    /// A file, created or truncated (or appended to).
    /// - Throws: `CommandFailure` naming the file and the reason.
    public static func file(path: String, append: Bool) throws -> OutputChannel {
        let fd = open(path, O_WRONLY | O_CREAT | (append ? O_APPEND : O_TRUNC), 0o644)
        guard fd >= 0 else { throw CommandFailure("cannot write to \(path): \(String(cString: strerror(errno)))") }
        let channel = OutputChannel(descriptor: fd)
        channel.ownsDescriptor = true
        return channel
    }

    /// Closes a file channel's descriptor.
    public func close() {
        if ownsDescriptor, let descriptor {
            flush()
            Glibc_close(descriptor)
            ownsDescriptor = false
        }
    }

    /// For a memory channel standing in for the terminal (the pager's input):
    /// lay results out as for the terminal.
    var reportsTerminal = false

    /// True when the descriptor is a terminal.
    public var isTerminal: Bool { descriptor.map { isatty($0) == 1 } ?? reportsTerminal }

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

// swift-format-ignore: AlwaysUseLowerCamelCase
// Named after the C library function it calls, which the method of the same name shadows.
@inline(__always)
private func Glibc_close(_ fd: Int32) { _ = close(fd) }

// swift-format-ignore: AlwaysUseLowerCamelCase
@inline(__always)
private func Glibc_write(_ fd: Int32, _ pointer: UnsafeRawPointer, _ count: Int) -> Int {
    write(fd, pointer, count)
}
