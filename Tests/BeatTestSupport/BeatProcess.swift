import Foundation

/// Runs the built `beat` executable, as a user or a script would.
public enum BeatProcess {
    /// What one run printed and how it ended.
    public struct Result {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// The sanitizer settings of the test run (`ASAN_OPTIONS`, `LSAN_OPTIONS`), passed on to
    /// every `beat` a test starts: a run under `scripts/asan-test` sets them for the whole tree
    /// of processes, though each test gives `beat` a minimal environment of its own.
    public static let sanitizerEnvironment: [String: String] = ProcessInfo.processInfo.environment.filter {
        $0.key.hasSuffix("SAN_OPTIONS")
    }

    /// The `beat` binary beside the test bundle in the build folder.
    public static var executable: URL {
        var folder = Bundle.main.bundleURL
        if folder.pathExtension == "xctest" { folder = folder.deletingLastPathComponent() }
        let candidate = folder.appendingPathComponent("beat")
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        // Swift Testing may run from the toolchain's helper; fall back to the build folder by source location.
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return root.appendingPathComponent(".build/debug/beat")
    }

    /// Runs `beat` with `arguments`, feeding `input` on standard input, with
    /// `environment` added to a minimal one (HOME and XDG folders point into
    /// `home` so nothing touches the real user's files).
    public static func run(
        _ arguments: [String], input: String? = nil, home: String, environment: [String: String] = [:]
    ) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var env = [
            "HOME": home, "XDG_DATA_HOME": home + "/data", "XDG_STATE_HOME": home + "/state",
            "XDG_CONFIG_HOME": home + "/config", "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8",
        ]
        env.merge(environment) { $1 }
        env.merge(sanitizerEnvironment) { $1 }
        process.environment = env
        let stdout = Pipe(), stderr = Pipe(), stdin = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = stdin
        try process.run()
        if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
        try stdin.fileHandleForWriting.close()
        // Read both pipes to the end before waiting, so a full pipe cannot block the child.
        let group = DispatchGroup()
        nonisolated(unsafe) var outData = Data()
        nonisolated(unsafe) var errData = Data()
        group.enter()
        DispatchQueue.global().async {
            outData = stdout.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        errData = stderr.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }
}

extension BeatProcess {
    /// The demo import did not succeed; the binary's own words are in `description`.
    public struct DemoImportFailed: Error, CustomStringConvertible {
        public let description: String
    }

    /// A temporary home holding `demo.db`: the demo posts imported by the built `beat` itself,
    /// as a user would load them.
    public static func demoCorpus() throws -> (home: TemporaryCorpus, db: String) {
        let home = try TemporaryCorpus()
        let db = home.directory + "/demo.db"
        let imported = try run(["--db", db, "import", DemoCorpusFile.path], home: home.directory)
        guard imported.status == 0 else {
            throw DemoImportFailed(description: "beat import of the demo corpus exited \(imported.status): \(imported.stderr)")
        }
        return (home, db)
    }
}

/// The demo corpus's JSONL in the source tree.
public enum DemoCorpusFile {
    public static var path: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/BeatCore/Resources/demo-corpus.jsonl").path
    }
}

extension BeatProcess {
    /// Runs `script` with `/bin/sh -c`, `$BEAT` naming the built binary: for
    /// redirections a test cannot make with `Process` (`> /dev/full`), and for
    /// `unshare` to run commands on a file system the test mounts.
    public static func shell(_ script: String, home: String, environment: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script]
        var env = [
            "HOME": home, "XDG_DATA_HOME": home + "/data", "XDG_STATE_HOME": home + "/state",
            "XDG_CONFIG_HOME": home + "/config", "PATH": "/usr/sbin:/usr/bin:/sbin:/bin", "LANG": "C.UTF-8",
            "BEAT": executable.path,
        ]
        env.merge(environment) { $1 }
        env.merge(sanitizerEnvironment) { $1 }
        process.environment = env
        let stdout = Pipe(), stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let group = DispatchGroup()
        nonisolated(unsafe) var outData = Data()
        group.enter()
        DispatchQueue.global().async {
            outData = stdout.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let errData = stderr.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }
}
