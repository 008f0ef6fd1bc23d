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
    /// True once a write failed: the reader went away (a closed pipe, quietly)
    /// or the write itself failed (`failure`).
    public private(set) var isBroken = false
    /// Why a write failed, when it was not a closed pipe: a full disk, `/dev/full`, an I/O error.
    public private(set) var failure: String?
    /// What the channel writes to, for messages: `standard output`, or the file's path.
    public let name: String
    /// What was written, when collecting in memory.
    public private(set) var collected = ""

    /// Standard output.
    public static func standardOutput() -> OutputChannel { OutputChannel(descriptor: 1, name: "standard output") }
    /// Standard error.
    public static func standardError() -> OutputChannel { OutputChannel(descriptor: 2, name: "standard error") }
    /// Collects text in memory (`collected`).
    public static func memory() -> OutputChannel { OutputChannel(descriptor: nil, name: "memory") }

    private var ownsDescriptor = false

    init(descriptor: Int32?, name: String) {
        self.descriptor = descriptor
        self.name = name
    }

    /// A file, created or truncated (or appended to).
    /// - Throws: `CommandFailure` naming the file and the reason.
    public static func file(path: String, append: Bool) throws -> OutputChannel {
        let fd = open(path, O_WRONLY | O_CREAT | (append ? O_APPEND : O_TRUNC), 0o644)
        guard fd >= 0 else { throw CommandFailure("cannot write to \(path): \(String(cString: strerror(errno)))") }
        let channel = OutputChannel(descriptor: fd, name: path)
        channel.ownsDescriptor = true
        return channel
    }

    /// Closes a file channel's descriptor.
    public func close() {
        if ownsDescriptor, let descriptor {
            flush()
            // Some file systems report a failed write only here (NFS, quotas).
            if Glibc_close(descriptor) != 0, failure == nil { failure = String(cString: strerror(errno)) }
            ownsDescriptor = false
        }
    }

    /// Flushes, and throws when any write since the channel opened failed for a
    /// reason other than a closed pipe: output that did not reach its file must
    /// not pass for success.
    /// - Throws: `CommandFailure` naming the file and the reason (`No space left on device`).
    public func checkWritten() throws {
        flush()
        if let failure { throw CommandFailure("cannot write to \(name): \(failure); what was written is incomplete") }
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
                // A closed pipe (`beat … | head`) ends output quietly; anything else is a failure to report.
                if errno != EPIPE { failure = String(cString: strerror(errno)) }
                isBroken = true
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
private func Glibc_close(_ fd: Int32) -> Int32 { close(fd) }

// swift-format-ignore: AlwaysUseLowerCamelCase
@inline(__always)
private func Glibc_write(_ fd: Int32, _ pointer: UnsafeRawPointer, _ count: Int) -> Int {
    write(fd, pointer, count)
}
