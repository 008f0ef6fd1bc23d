#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One input to import: a file or standard input, read in chunks so that
/// line-based formats stream in constant memory.
///
/// The first chunk is read at open time, so the format can be detected and
/// binary or empty input refused before anything is parsed.
public final class InputFile: @unchecked Sendable {
    /// The name given on the command line (`-` for standard input).
    public let path: String
    /// The file's size in bytes, when known (not for pipes).
    public let size: Int?
    /// The file's modification time (unix seconds), when it is a regular file.
    public let modificationTime: Int64?
    private let descriptor: Int32
    private let ownsDescriptor: Bool
    private var pending: [UInt8] = []
    private var pendingStart = 0
    /// Where each read lands before it joins `pending`.
    private var scratch = [UInt8](repeating: 0, count: InputFile.chunkSize)
    private var atEOF = false
    /// Bytes consumed so far, for progress.
    public private(set) var bytesRead = 0

    /// Bytes read by `contents()` at most: whole-document formats are parsed in memory.
    public static let documentLimit = 512 * 1_048_576
    /// The longest line a line-based format may have.
    public static let lineLimit = 64 * 1_048_576
    static let chunkSize = 1_048_576

    /// Opens `path` (`-` for standard input) and reads its first chunk.
    /// - Throws: `ImportError.cannotOpen`, `.emptyInput`, `.binaryInput` or `.unsupportedEncoding`.
    public init(path: String) throws(ImportError) {
        self.path = path
        if path == "-" {
            descriptor = 0
            ownsDescriptor = false
            size = nil
            modificationTime = nil
        } else {
            let fd = open(path, O_RDONLY)
            guard fd >= 0 else { throw .cannotOpen(path: path, reason: String(cString: strerror(errno))) }
            var info = stat()
            if fstat(fd, &info) == 0 {
                if (info.st_mode & S_IFMT) == S_IFDIR {
                    close(fd)
                    throw .cannotOpen(path: path, reason: "it is a directory; name the files inside it (for example \(path)/*.json)")
                }
                size = (info.st_mode & S_IFMT) == S_IFREG ? Int(info.st_size) : nil
                #if canImport(Darwin)
                modificationTime = Int64(info.st_mtimespec.tv_sec)
                #else
                modificationTime = Int64(info.st_mtim.tv_sec)
                #endif
            } else {
                size = nil
                modificationTime = nil
            }
            descriptor = fd
            ownsDescriptor = true
        }
        do {
            try fill(atLeast: 64 * 1024)
        } catch {
            if ownsDescriptor { close(descriptor) }
            throw error
        }
        let head = self.head
        if head.isEmpty || head.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            if ownsDescriptor { close(descriptor) }
            throw .emptyInput(path: path)
        }
        if head.count >= 2, (head[0] == 0xFF && head[1] == 0xFE) || (head[0] == 0xFE && head[1] == 0xFF) {
            if ownsDescriptor { close(descriptor) }
            throw .unsupportedEncoding(path: path, encoding: "UTF-16")
        }
        if head.prefix(8192).contains(0) {
            if ownsDescriptor { close(descriptor) }
            throw .binaryInput(path: path)
        }
    }

    deinit { if ownsDescriptor { close(descriptor) } }

    /// The first bytes of the input (up to 64 KiB, or through the first line
    /// after `extendHeadThroughFirstLine`), without consuming them.
    public var head: ArraySlice<UInt8> { pending[pendingStart...].prefix(headLength) }
    private var headLength = 64 * 1024

    /// Makes `head` hold the whole first line (up to `lineLimit`), so a format
    /// whose first record is longer than 64 KiB is still told from it.
    public func extendHeadThroughFirstLine() throws(ImportError) {
        var searched = pendingStart
        while true {
            if let newline = pending[searched...].firstIndex(of: 0x0A) {
                headLength = max(headLength, newline - pendingStart + 1 + 64 * 1024)
                try fill(atLeast: headLength)
                return
            }
            guard !atEOF, pending.count - pendingStart < Self.lineLimit else { return }
            searched = pending.count
            let before = pendingStart
            try fill(atLeast: pending.count - pendingStart + Self.chunkSize)
            searched -= before - pendingStart
            headLength = pending.count - pendingStart
        }
    }

    /// Reads until at least `count` bytes are buffered or the input ends.
    private func fill(atLeast count: Int) throws(ImportError) {
        if pendingStart > 0 && pendingStart >= pending.count / 2 {
            pending.removeFirst(pendingStart)
            pendingStart = 0
        }
        while !atEOF && pending.count - pendingStart < count {
            // Each read goes to a chunk of its own, then only what arrived is appended:
            // a pipe gives 64 KiB a read, and growing the buffer by a whole chunk of
            // zeros for each made reading standard input crawl. No reserveCapacity
            // either: an exact reservation per chunk copies the whole buffer each time;
            // append grows it geometrically.
            let got = scratch.withUnsafeMutableBytes { buffer in
                buffer.baseAddress.map { read(descriptor, $0, buffer.count) } ?? 0
            }
            if got < 0 {
                let code = errno
                if code == EINTR { continue }
                throw .cannotOpen(path: path, reason: String(cString: strerror(code)))
            }
            pending.append(contentsOf: scratch[0..<got])
            if got == 0 { atEOF = true }
        }
    }

    /// The whole remaining input, for formats parsed as one document.
    /// - Parameter limit: the most bytes read; a file known to be larger is refused before any is read.
    /// - Throws: `ImportError.tooLarge` past `limit`.
    public func contents(limit: Int = documentLimit) throws(ImportError) -> [UInt8] {
        if let size, size > limit { throw .tooLarge(path: path, bytes: size, limit: limit) }
        while !atEOF {
            try fill(atLeast: pending.count - pendingStart + Self.chunkSize)
            if pending.count - pendingStart > limit {
                throw .tooLarge(path: path, bytes: size ?? (pending.count - pendingStart), limit: limit)
            }
        }
        let result = Array(pending[pendingStart...])
        bytesRead += result.count
        pending = []
        pendingStart = 0
        return result
    }

    /// Calls `body` with each line (without its `\n` or `\r\n`) and its 1-based
    /// number. Lines are split on the byte `\n` only: JSON strings may hold
    /// U+2028 unescaped, and splitting there would cut records in two.
    /// A line longer than `lineLimit` is passed over and reported to `tooLong`.
    public func forEachLine(
        _ body: (UnsafeBufferPointer<UInt8>, Int) throws -> Void,
        tooLong: (Int) throws -> Void
    ) throws {
        var lineNumber = 0
        var skippingLongLine = false
        // Bytes of the current line already searched for its end, so a line read over
        // many chunks is scanned once, not once per chunk.
        var scanned = 0
        while true {
            let available = pending.count - pendingStart
            let newline: Int? = pending.withUnsafeBufferPointer { buffer in
                guard available > scanned else { return nil }
                let base = buffer.baseAddress! + pendingStart
                guard let found = memchr(base + scanned, 0x0A, available - scanned) else { return nil }
                return UnsafeRawPointer(found).assumingMemoryBound(to: UInt8.self) - base
            }
            scanned = available
            if let newline {
                scanned = 0
                lineNumber += 1
                if skippingLongLine {
                    skippingLongLine = false
                } else {
                    try pending.withUnsafeBufferPointer { buffer in
                        var length = newline
                        if length > 0, buffer[pendingStart + length - 1] == 0x0D { length -= 1 }
                        try body(UnsafeBufferPointer(rebasing: buffer[pendingStart..<(pendingStart + length)]), lineNumber)
                    }
                }
                pendingStart += newline + 1
                bytesRead += newline + 1
                continue
            }
            if atEOF {
                if available > 0 {
                    lineNumber += 1
                    if !skippingLongLine {
                        try pending.withUnsafeBufferPointer { buffer in
                            var length = available
                            if buffer[pendingStart + length - 1] == 0x0D { length -= 1 }
                            try body(UnsafeBufferPointer(rebasing: buffer[pendingStart..<(pendingStart + length)]), lineNumber)
                        }
                    }
                    bytesRead += available
                    pendingStart = pending.count
                }
                return
            }
            if available >= Self.lineLimit {
                // Drop what is buffered of this line and keep reading to its end.
                if !skippingLongLine { try tooLong(lineNumber + 1) }
                skippingLongLine = true
                bytesRead += available
                pending = []
                pendingStart = 0
                scanned = 0
            }
            try fill(atLeast: available + Self.chunkSize)
        }
    }
}
