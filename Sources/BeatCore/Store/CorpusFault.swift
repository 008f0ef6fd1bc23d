import BeatSQLite
import CSQLite

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Something wrong with the corpus file or where it lives, as opposed to
/// something wrong with what was asked of it: a full disk, a folder that
/// cannot be written, a damaged file, a writer that kept the lock too long.
/// Each says what happened to which file and what to do; none shows SQL.
public enum CorpusFault: Error, CustomStringConvertible, Equatable {
    /// The disk (or the file system's quota) ran out while writing.
    case diskFull(path: String)
    /// The corpus cannot be written where it is (read-only file system, folder or file).
    case cannotWrite(path: String, reason: String)
    /// The file could not be opened at all.
    case cannotOpen(path: String, reason: String)
    /// The file is damaged: SQLite or Beat's own checks found pages, rows or index entries out of order.
    case damaged(path: String, detail: String)
    /// The corpus was opened with `--read-only` and the command writes.
    case readOnly(path: String, command: String)
    /// Another process kept the write lock longer than the busy timeout.
    case busy(message: String)
    /// The operating system failed to read or write the file.
    case ioError(path: String, detail: String)

    /// The fault in words an editor can act on: what happened to which file, and what to do.
    public var description: String {
        switch self {
        case .diskFull(let path):
            return "\(path): the disk is full (\(Self.freeSpace(near: path))); nothing of this write was kept. "
                + "Free some space and run it again"
        case .cannotWrite(let path, let reason):
            return "\(path): cannot write here (\(reason)); open it with --read-only to read it, or copy it somewhere writable"
        case .cannotOpen(let path, let reason):
            return "\(path): cannot open the corpus (\(reason))"
        case .damaged(let path, let detail):
            return "\(path): the corpus is damaged (\(detail)); nothing was written. "
                + "'beat --db \(path) doctor' says what is wrong and what it can repair"
        case .readOnly(let path, let command):
            return "\(command) writes to the corpus, which is open read-only (--read-only): \(path) was not changed"
        case .busy(let message):
            return message
        case .ioError(let path, let detail):
            return "\(path): the disk failed to read or write the corpus (\(detail))"
        }
    }

    /// The fault an SQLite error stands for, when it is one of the file's rather than the query's.
    public static func from(_ error: SQLiteError, path: String) -> CorpusFault? {
        switch error.code {
        case SQLITE_FULL: return .diskFull(path: path)
        case SQLITE_READONLY: return .cannotWrite(path: path, reason: Self.readOnlyReason(path))
        case SQLITE_CORRUPT, SQLITE_NOTADB:
            CheckedState.damageMet(at: path)
            return .damaged(path: path, detail: Self.plain(error.message))
        case SQLITE_CANTOPEN: return .cannotOpen(path: path, reason: Self.openReason(path))
        case SQLITE_BUSY, SQLITE_LOCKED: return .busy(message: error.description)
        case SQLITE_IOERR:
            // A write that failed on a disk with (almost) nothing left: SQLite
            // reports ENOSPC on the WAL or its index as an I/O error, not SQLITE_FULL.
            if let free = freeBytes(near: path), free < 1_048_576 { return .diskFull(path: path) }
            return .ioError(path: path, detail: Self.plain(error.message))
        default: return nil
        }
    }

    /// Any error as a fault of the corpus at `path`, when it is one.
    public static func from(_ error: any Error, path: String) -> CorpusFault? {
        if let fault = error as? CorpusFault { return fault }
        if let error = error as? SQLiteError { return from(error, path: path) }
        return nil
    }

    private static func plain(_ message: String) -> String {
        message.replacingOccurrences(of: "database disk image is malformed", with: "SQLite reports its pages malformed")
    }

    /// Why a file cannot be written: the file system, the folder or the file.
    static func readOnlyReason(_ path: String) -> String {
        let folder = path.contains("/") ? String(path[..<path.lastIndex(of: "/")!]) : "."
        var info = statvfs()
        if statvfs(folder.isEmpty ? "/" : folder, &info) == 0, info.f_flag & UInt(ST_RDONLY) != 0 {
            return "the file system is mounted read-only"
        }
        if access(folder.isEmpty ? "/" : folder, W_OK) != 0 { return "the folder \(folder.isEmpty ? "/" : folder) is not writable" }
        if access(path, W_OK) != 0 { return "the file is not writable" }
        return "SQLite opened it read-only"
    }

    /// Why a file cannot be opened: missing folder, permissions, or the path is a folder.
    static func openReason(_ path: String) -> String {
        let folder = path.contains("/") ? String(path[..<path.lastIndex(of: "/")!]) : "."
        var info = stat()
        if stat(path, &info) == 0 {
            if (info.st_mode & S_IFMT) == S_IFDIR { return "it is a folder; give the corpus file's path" }
            if access(path, R_OK) != 0 { return "permission denied" }
        } else if !folder.isEmpty, stat(folder, &info) != 0 {
            return "the folder \(folder) does not exist"
        }
        if !folder.isEmpty, access(folder, W_OK) != 0 { return readOnlyReason(path) }
        return "SQLite could not open it"
    }

    /// "12 KB free on the disk holding /tmp/x": what the disk holding `path` has left.
    static func freeSpace(near path: String) -> String {
        let folder = path.contains("/") ? String(path[..<path.lastIndex(of: "/")!]) : "."
        guard let free = freeBytes(near: path) else { return "no space left" }
        return "\(free / 1024) KB free on the disk holding \(folder.isEmpty ? "/" : folder)"
    }

    /// Bytes an unprivileged writer may still use on the file system holding `path`.
    static func freeBytes(near path: String) -> Int? {
        let folder = path.contains("/") ? String(path[..<path.lastIndex(of: "/")!]) : "."
        var info = statvfs()
        guard statvfs(folder.isEmpty ? "/" : folder, &info) == 0 else { return nil }
        return Int(info.f_bavail) * Int(info.f_frsize)
    }
}
