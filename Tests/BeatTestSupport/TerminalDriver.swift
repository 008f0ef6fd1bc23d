import Foundation

/// Drives the built `beat` on a real pseudo-terminal (python3's `pty` module),
/// the way a person at a terminal would: wait for some text, type some keys.
/// Every wait has a deadline, so a hang fails the test instead of blocking it.
public enum TerminalDriver {
    /// One thing the person does.
    public enum Step {
        /// Waits until `text` appears after everything matched so far.
        case expect(String)
        /// Types `keys` (a moment after the last wait, once the line editor has the terminal).
        case send(String)
        /// Waits until the process exits.
        case exit
    }

    /// What the terminal showed, and how the process ended (nil when it did not).
    public struct Result {
        public var transcript: String
        public var exitStatus: Int32?
        /// True when a wait ran past its deadline (the transcript says for what).
        public var timedOut: Bool
        /// The transcript without terminal escape sequences and carriage returns.
        public var plain: String {
            var text = transcript.replacingOccurrences(of: "\r", with: "")
            text = text.replacingOccurrences(of: "\u{1B}\\[[0-9;?]*[A-Za-z]", with: "", options: .regularExpression)
            text = text.replacingOccurrences(of: "\u{1B}[=>78M]", with: "", options: .regularExpression)
            return text
        }
    }

    /// Whether `less` is installed (the real pager the shell tests page through).
    public static var hasLess: Bool {
        ["/usr/bin/less", "/bin/less", "/usr/local/bin/less"].contains { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static let driver = #"""
        import json, os, pty, select, sys, time, fcntl, struct, termios
        spec = json.load(open(sys.argv[1]))
        pid, fd = pty.fork()
        if pid == 0:
            os.execve(spec["argv"][0], spec["argv"], spec["env"])
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", spec["rows"], spec["columns"], 0, 0))
        seen = b""
        at = 0
        def finish(code, why=""):
            sys.stdout.write(seen.decode("utf-8", "replace"))
            if why: print("\nTIMEOUT " + why)
            print("\nEXIT %s" % code)
            sys.exit(0)
        def pump(timeout):
            global seen
            if select.select([fd], [], [], timeout)[0]:
                try: chunk = os.read(fd, 65536)
                except OSError: chunk = b""
                if not chunk: return False
                seen += chunk
            return True
        for kind, text in spec["steps"]:
            if kind == "expect":
                marker = text.encode()
                deadline = time.time() + 20
                while seen.find(marker, at) < 0:
                    left = deadline - time.time()
                    if left <= 0 or not pump(left):
                        os.kill(pid, 9)
                        finish("none", "waiting for %r" % text)
                at = seen.find(marker, at) + len(marker)
                time.sleep(0.3)
            elif kind == "send":
                os.write(fd, text.encode()); time.sleep(0.15)
            elif kind == "exit":
                deadline = time.time() + 20
                while True:
                    done, status = os.waitpid(pid, os.WNOHANG)
                    if done: finish(os.waitstatus_to_exitcode(status))
                    if time.time() > deadline:
                        os.kill(pid, 9)
                        finish("none", "waiting for exit")
                    try: pump(0.1)
                    except OSError: time.sleep(0.05)
        os.kill(pid, 9)
        finish("none")
        """#

    /// Runs `beat ARGUMENTS` (or, with `program`, the command line `arguments`
    /// whose first word is that program) on a terminal of `rows`×`columns` and plays `steps`.
    /// The environment is minimal (HOME and XDG folders inside `home`, TERM=xterm,
    /// NO_COLOR) plus `environment`.
    public static func run(
        _ arguments: [String], home: String, environment: [String: String] = [:], program: String? = nil,
        rows: Int = 24, columns: Int = 100, steps: [Step]
    ) throws -> Result {
        var env = [
            "HOME": home, "XDG_DATA_HOME": home + "/data", "XDG_STATE_HOME": home + "/state",
            "XDG_CONFIG_HOME": home + "/config", "PATH": "/usr/bin:/bin", "TERM": "xterm",
            "LANG": "C.UTF-8", "NO_COLOR": "1", "COLUMNS": String(columns), "LINES": String(rows),
        ]
        env.merge(environment) { $1 }
        env.merge(BeatProcess.sanitizerEnvironment) { $1 }
        let encodedSteps: [[String]] = steps.map { step in
            switch step {
            case .expect(let text): ["expect", text]
            case .send(let keys): ["send", keys]
            case .exit: ["exit", ""]
            }
        }
        let spec: [String: Any] = [
            "argv": program == nil ? [BeatProcess.executable.path] + arguments : arguments, "env": env, "rows": rows, "columns": columns,
            "steps": encodedSteps,
        ]
        let specPath = home + "/terminal-\(UUID().uuidString).json"
        let driverPath = home + "/terminal-driver.py"
        try JSONSerialization.data(withJSONObject: spec).write(to: URL(fileURLWithPath: specPath))
        try driver.write(toFile: driverPath, atomically: true, encoding: .utf8)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", driverPath, specPath]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        var text = String(decoding: data, as: UTF8.self)
        var status: Int32?
        if let range = text.range(of: "\nEXIT ", options: .backwards) {
            status = Int32(text[range.upperBound...].trimmingCharacters(in: .whitespacesAndNewlines))
            text = String(text[..<range.lowerBound])
        }
        return Result(transcript: text, exitStatus: status, timedOut: text.contains("\nTIMEOUT "))
    }
}
