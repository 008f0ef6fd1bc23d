import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a corpus file looked like when its pages last passed SQLite's check, or when a
/// Beat process that had checked them last finished writing: kept beside the file
/// (`corpus.db-checked`), so that the next writer need not read every page again. A
/// corpus of ten million posts is 20 GB, and `PRAGMA quick_check` read it for minutes
/// before every import.
///
/// The state is the file's device, inode, size and change times, and the size of its
/// write-ahead log. Anything that changes the file (another program writing it, a copy, a
/// truncation, a restore) changes one of them, and the next write checks every page again.
/// What no file state shows (a disk that alters bytes in place without a write) is what
/// `beat doctor` is for.
enum CheckedState {
    /// The sidecar file of the corpus at `path`.
    static func recordPath(of path: String) -> String { path + "-checked" }

    /// The state of the corpus at `path` now, nil when it cannot be read.
    static func current(of path: String) -> String? {
        guard let file = describe(path) else { return nil }
        // A missing log and an empty one are the same state: the last connection to close removes it.
        let logSize = size(of: path + "-wal") ?? 0
        return "\(Self.version) \(file) wal \(logSize)"
    }

    /// Whether the recorded state is the state of the corpus now.
    static func isCurrent(_ path: String) -> Bool { recordedCurrent(path) != nil }

    /// The state of the corpus now when it is the recorded one, else nil.
    static func recordedCurrent(_ path: String) -> String? {
        guard let now = current(of: path),
            let recorded = try? String(contentsOfFile: recordPath(of: path), encoding: .utf8),
            recorded.trimmingCharacters(in: .whitespacesAndNewlines) == now
        else { return nil }
        return now
    }

    /// Records the state of the corpus now; a folder Beat cannot write only means the next
    /// writer checks again.
    @discardableResult
    static func record(_ path: String) -> String? {
        guard let now = current(of: path) else { return nil }
        try? (now + "\n").write(toFile: recordPath(of: path), atomically: true, encoding: .utf8)
        return now
    }

    /// Forgets the recorded state (the check failed).
    static func forget(_ path: String) {
        try? FileManager.default.removeItem(atPath: recordPath(of: path))
    }

    /// SQLite found the pages of the corpus at `path` malformed while this process used it:
    /// the record goes, and this process records no other.
    static func damageMet(at path: String) {
        forget(path)
        damaged.insert(path)
    }

    /// Whether this process met damage in the corpus at `path`.
    static func hasMetDamage(at path: String) -> Bool { damaged.contains(path) }

    private static let damaged = DamagedPaths()

    /// The first word of the record: a record in another layout never matches.
    private static let version = "beat-checked-1"

    private static func describe(_ path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        #if canImport(Darwin)
        let modified = info.st_mtimespec, changed = info.st_ctimespec
        #else
        let modified = info.st_mtim, changed = info.st_ctim
        #endif
        return "dev \(info.st_dev) inode \(info.st_ino) size \(info.st_size) "
            + "modified \(modified.tv_sec).\(modified.tv_nsec) changed \(changed.tv_sec).\(changed.tv_nsec)"
    }

    private static func size(of path: String) -> Int64? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Int64(info.st_size)
    }
}

/// The corpus paths where this process met damage.
///
/// `@unchecked Sendable`: every access to `paths` holds the lock.
private final class DamagedPaths: @unchecked Sendable {
    private let lock = NSLock()
    private var paths: Set<String> = []

    func insert(_ path: String) { lock.withLock { _ = paths.insert(path) } }
    func contains(_ path: String) -> Bool { lock.withLock { paths.contains(path) } }
}
