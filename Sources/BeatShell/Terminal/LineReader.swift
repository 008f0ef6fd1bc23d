import Foundation

/// What reading one line of input gave.
public enum LineInput: Equatable {
    case line(String)
    /// A line longer than the reader's limit, passed over without being kept.
    case tooLong
    /// Ctrl-C at the prompt: discard the line, stay in the shell.
    case interrupted
    /// Ctrl-D or the end of piped input.
    case end
}

/// A source of command lines: libedit at a terminal, plain reads otherwise.
public protocol LineReader: AnyObject {
    func readLine(prompt: String) -> LineInput
    /// Records a complete (possibly multi-line) entry in the history.
    func remember(_ entry: String)
    /// The lines read since the last entry were no entry (a `#` comment): the next line starts one.
    func skipEntry()
}

extension LineReader {
    public func skipEntry() {}
}

/// Reads lines from standard input without editing, for pipes and scripts.
///
/// Lines are read through a buffer of its own and never kept past `lineLimit`
/// bytes: a longer line is passed over to its end and given as `.tooLong`, so a
/// stray multi-gigabyte line costs time to skip, not memory.
public final class PlainLineReader: LineReader {
    private let descriptor: Int32
    private let lineLimit: Int
    private var buffer: [UInt8] = []
    /// The first byte of `buffer` not yet given out.
    private var start = 0
    private var atEnd = false
    private var linesRead = 0
    private var entryStart: Int?
    /// The 1-based line where the entry being read (or last read) began, for `-:LINE` in errors.
    public private(set) var entryLine = 0
    /// Where each read lands before it joins `buffer`.
    private var scratch = [UInt8](repeating: 0, count: 65_536)

    /// A reader of `descriptor` (standard input by default) that passes over lines longer than `lineLimit` bytes.
    public init(descriptor: Int32 = 0, lineLimit: Int = Shell.maximumLineBytes) {
        self.descriptor = descriptor
        self.lineLimit = lineLimit
    }

    public func readLine(prompt: String) -> LineInput {
        var skipping = false
        // Bytes of the current line already searched for its end, so a line that
        // arrives over many reads is searched once.
        var scanned = 0
        while true {
            if let end = newline(after: start + scanned) {
                var length = end - start
                if length > 0 && buffer[end - 1] == 0x0D { length -= 1 }
                let line = skipping || length > lineLimit ? nil : String(decoding: buffer[start..<(start + length)], as: UTF8.self)
                start = end + 1
                return counted(line)
            }
            scanned = buffer.count - start
            if skipping || scanned > lineLimit {
                skipping = true
                buffer.removeAll(keepingCapacity: true)
                start = 0
                scanned = 0
            }
            if atEnd {
                guard skipping || start < buffer.count else { return .end }
                var length = buffer.count - start
                if length > 0 && buffer[buffer.count - 1] == 0x0D { length -= 1 }
                let line = skipping || length > lineLimit ? nil : String(decoding: buffer[start..<(start + length)], as: UTF8.self)
                start = buffer.count
                return counted(line)
            }
            if !fill() {
                // Ctrl-C while waiting at a prompt (TERM=dumb): the partial line is dropped.
                buffer.removeAll(keepingCapacity: true)
                start = 0
                return .interrupted
            }
        }
    }

    /// Counts a line read (nil when it was too long) and notes where its entry began.
    private func counted(_ line: String?) -> LineInput {
        linesRead += 1
        if entryStart == nil { entryStart = linesRead }
        entryLine = entryStart ?? linesRead
        return line.map { .line($0) } ?? .tooLong
    }

    /// The index of the first `\n` at or after `offset`, if buffered.
    private func newline(after offset: Int) -> Int? {
        guard offset < buffer.count else { return nil }
        return buffer.withUnsafeBufferPointer { bytes in
            guard let base = bytes.baseAddress, let found = memchr(base + offset, 0x0A, bytes.count - offset) else { return nil }
            return UnsafeRawPointer(found).assumingMemoryBound(to: UInt8.self) - base
        }
    }

    /// Reads the next chunk after what is buffered (moving the unread part to the
    /// front first). Returns false when a signal interrupted the read.
    private func fill() -> Bool {
        if start > 0 {
            buffer.removeFirst(start)
            start = 0
        }
        let got = scratch.withUnsafeMutableBytes { bytes in
            bytes.baseAddress.map { read(descriptor, $0, bytes.count) } ?? 0
        }
        let code = errno
        if got > 0 { buffer.append(contentsOf: scratch[0..<got]) }
        if got == 0 || (got < 0 && code != EINTR) { atEnd = true }
        return got >= 0 || code != EINTR
    }

    public func remember(_ entry: String) { entryStart = nil }
    public func skipEntry() { entryStart = nil }
}

/// Reads lines from a string, for `-c` and tests.
public final class StringLineReader: LineReader {
    private var lines: [Substring]

    public init(_ text: String) {
        lines = text.split(separator: "\n", omittingEmptySubsequences: false).reversed()
    }

    public func readLine(prompt: String) -> LineInput {
        guard let line = lines.popLast() else { return .end }
        return .line(String(line))
    }

    public func remember(_ entry: String) {}
}
