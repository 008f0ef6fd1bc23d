#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Which process holds a WAL database's write lock, for a message that names
/// the other writer instead of saying "database is locked".
///
/// On Linux `/proc/locks` lists every POSIX lock with its process and inode;
/// SQLite's WAL write lock is byte 120 of the `-shm` file (its
/// `UNIX_SHM_BASE` plus `WAL_WRITE_LOCK`, 0). Elsewhere nothing is found and
/// the message says "another process".
public enum LockHolder {
    /// The process holding the write lock of the database at `databasePath`: its id and command line.
    public static func writer(of databasePath: String) -> (pid: Int32, command: String)? {
        var info = stat()
        guard stat(databasePath + "-shm", &info) == 0, let locks = readText("/proc/locks") else { return nil }
        let inode = UInt64(info.st_ino)
        let me = getpid()
        for line in locks.split(separator: "\n") {
            // "1: POSIX  ADVISORY  WRITE 4242 fd:01:123456 120 120"
            let fields = line.split(separator: " ")
            guard fields.count >= 8, fields[1] == "POSIX", fields[3] == "WRITE",
                let pid = Int32(fields[4]), pid != me,
                let fileInode = fields[5].split(separator: ":").last.flatMap({ UInt64($0) }), fileInode == inode,
                let start = UInt64(fields[6]), start <= 120,
                fields[7] == "EOF" || (UInt64(fields[7]) ?? 0) >= 120
            else { continue }
            let command =
                readText("/proc/\(pid)/cmdline")?
                .split(separator: "\0").map(String.init).joined(separator: " ") ?? ""
            return (pid, command)
        }
        return nil
    }

    /// How the message names the writer: `process 4242 (beat import big.jsonl)`, or `another process`.
    public static func describeWriter(of databasePath: String) -> String {
        guard let holder = writer(of: databasePath) else { return "another process" }
        var command = holder.command
        if let space = command.firstIndex(of: " ") {
            // The program by its name, not its full path.
            let program = command[..<space].split(separator: "/").last.map(String.init) ?? ""
            command = program + command[space...]
        }
        if command.count > 120 { command = String(command.prefix(117)) + "..." }
        return command.isEmpty ? "process \(holder.pid)" : "process \(holder.pid) (\(command))"
    }

    private static func readText(_ path: String) -> String? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count <= 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
            if bytes.count > 16 * 1_048_576 { break }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
