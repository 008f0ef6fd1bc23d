import Foundation

/// A temporary file an import writes and reads back (`TimeSorter`'s sorted runs).
/// Its name is removed as soon as it is created, so nothing is left behind
/// however the import ends: the space goes back when the file is closed, or
/// when the process exits or is killed.
final class SpillFile {
    private let descriptor: Int32
    /// Bytes written so far: where the next write goes.
    private(set) var size = 0
    /// The folder it was made in, for errors.
    let folder: String

    /// A new empty file in `folder`.
    /// - Throws: `ImportError.spillFailed` when it cannot be made there.
    init(in folder: String) throws {
        self.folder = folder
        let name = (folder as NSString).appendingPathComponent(
            ".beat-import-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0 ... .max))")
        descriptor = open(name, O_RDWR | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else { throw ImportError.spillFailed(folder: folder, reason: String(cString: strerror(errno))) }
        unlink(name)
    }

    deinit { close(descriptor) }

    /// Appends `bytes`.
    func append(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { buffer in
            var done = 0
            while done < buffer.count {
                let written = pwrite(descriptor, buffer.baseAddress! + done, buffer.count - done, off_t(size + done))
                if written < 0 && errno == EINTR { continue }
                guard written > 0 else {
                    throw ImportError.spillFailed(folder: folder, reason: String(cString: strerror(written < 0 ? errno : EIO)))
                }
                done += written
            }
        }
        size += bytes.count
    }

    /// Reads `count` bytes at `offset` into `buffer` (at least `count` long).
    func read(at offset: Int, count: Int, into buffer: UnsafeMutableRawBufferPointer) throws {
        var done = 0
        while done < count {
            let read = pread(descriptor, buffer.baseAddress! + done, count - done, off_t(offset + done))
            if read < 0 && errno == EINTR { continue }
            guard read > 0 else {
                throw ImportError.spillFailed(folder: folder, reason: read < 0 ? String(cString: strerror(errno)) : "the file ended early")
            }
            done += read
        }
    }
}
