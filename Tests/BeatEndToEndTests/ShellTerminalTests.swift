import BeatTestSupport
import Foundation
import Testing

/// The interactive shell on a real pseudo-terminal: libedit, Tab completion,
/// history, the prompt, the pager, Ctrl-C cancelling a command, Ctrl-D.
@Suite struct ShellTerminalTests {
    /// Starts `beat --db DB` on a pty (python3's `pty` module), types
    /// `count source:redd`, Tab, Enter, waits for the next prompt, then sends
    /// Ctrl-D. Every wait has a deadline, so a hang fails instead of blocking.
    static let driver = #"""
        import os, pty, select, sys, time
        beat, db, home, big = sys.argv[1:5]
        env = {"HOME": home, "XDG_DATA_HOME": home + "/data", "XDG_STATE_HOME": home + "/state",
               "XDG_CONFIG_HOME": home + "/config", "PATH": "/usr/bin:/bin", "TERM": "xterm",
               "LANG": "C.UTF-8", "COLUMNS": "100", "NO_COLOR": "1", "PAGER": "sed s/^/PAGED:/"}
        env.update({k: v for k, v in os.environ.items() if k.endswith("SAN_OPTIONS")})
        pid, fd = pty.fork()
        if pid == 0:
            os.execve(beat, [beat, "--db", db], env)
        seen = b""
        def fail(why):
            sys.stdout.write(seen.decode("utf-8", "replace"))
            print("\nTIMEOUT " + why)
            os.kill(pid, 9)
            sys.exit(3)
        def read_until(marker, after, timeout=15):
            global seen
            deadline = time.time() + timeout
            while seen.find(marker, after) < 0:
                left = deadline - time.time()
                if left <= 0: fail("waiting for %r" % marker)
                if select.select([fd], [], [], left)[0]:
                    try: chunk = os.read(fd, 4096)
                    except OSError: chunk = b""
                    if not chunk: fail("terminal closed")
                    seen += chunk
            # Type like a person: a moment after the prompt appears, once the line
            # editor has the terminal in its own mode.
            time.sleep(0.4)
            return seen.find(marker, after) + len(marker)
        at = read_until(b"demo> ", 0)
        os.write(fd, b"count source:redd"); time.sleep(0.2)
        os.write(fd, b"\t"); time.sleep(0.2)
        os.write(fd, b"\r")
        at = read_until(b"demo> ", at)
        # The up arrow recalls the command from history.
        os.write(fd, b"\x1b[A"); time.sleep(0.2)
        os.write(fd, b"\r")
        at = read_until(b"posts matching source:reddit", at)
        at = read_until(b"demo> ", at)
        # The prompt shows the active filters.
        os.write(fd, b"filter since:2026-01-01\r")
        at = read_until(b"demo [since:2026-01-01]> ", at)
        os.write(fd, b"filter clear\r")
        at = read_until(b"demo> ", at)
        # Ctrl-C cancels a running import (reading its progress meanwhile, as a
        # terminal does) and the prompt comes back.
        os.write(fd, b"import " + big.encode() + b"\r")
        end = time.time() + 1.5
        while time.time() < end:
            if select.select([fd], [], [], 0.1)[0]: seen += os.read(fd, 65536)
        os.write(fd, b"\x03")
        at = read_until(b"import cancelled", at)
        at = read_until(b"demo> ", at)
        # Output longer than the terminal goes through $PAGER.
        os.write(fd, b"search aurora --limit 30\r")
        at = read_until(b"PAGED:30 of ", at)
        at = read_until(b"demo> ", at)
        # clear, and Ctrl-L in the middle of a line, clear the screen; the line is kept.
        os.write(fd, b"clear\r")
        at = read_until(b"demo> ", at)
        os.write(fd, b"count aur"); time.sleep(0.2)
        os.write(fd, b"\x0c")
        at = read_until(b"count aur", at)
        os.write(fd, b"ora\r")
        at = read_until(b"posts matching aurora", at)
        at = read_until(b"demo> ", at)

        os.write(fd, b"\x04")
        deadline = time.time() + 15
        resent = False
        while True:
            done, status = os.waitpid(pid, os.WNOHANG)
            if done: break
            if time.time() > deadline: fail("waiting for exit")
            # Under heavy load a Ctrl-D sent as the prompt is redrawn can be
            # lost between terminal modes; a person would press it again.
            if not resent and time.time() > deadline - 10:
                os.write(fd, b"\x04"); resent = True
            try:
                if select.select([fd], [], [], 0.1)[0]: seen += os.read(fd, 4096)
            except OSError: time.sleep(0.05)
        sys.stdout.write(seen.decode("utf-8", "replace"))
        print("\nEXIT %d" % os.waitstatus_to_exitcode(status))
        """#

    @Test func tabCompletesASourceNameAndCtrlDExits() throws {
        let home = try TemporaryCorpus()
        let db = home.directory + "/demo.db"
        _ = try BeatProcess.run(["--db", db, "import", DemoCorpusFile.path], home: home.directory)
        let script = try home.write("drive.py", Self.driver)
        // Enough posts that importing them takes seconds, to cancel it half-way.
        let big = try home.write(
            "big.jsonl",
            (0..<200_000).map { i in
                #"{"id": "b\#(i)", "source": "web", "published_at": \#(1_700_000_000 + i * 37), "text": "post \#(i) about nothing in particular"}"#
            }.joined(separator: "\n"))

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script, BeatProcess.executable.path, db, home.directory, big]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        process.standardInput = FileHandle.nullDevice
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        try process.run()
        nonisolated(unsafe) var data = Data()
        let reading = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            data = out.fileHandleForReading.readDataToEndOfFile()
            reading.signal()
        }
        // The driver has its own deadlines; this one catches the driver itself hanging.
        if finished.wait(timeout: .now() + 60) == .timedOut {
            process.terminate()
            Issue.record("the terminal driver did not finish in 60 s")
            return
        }
        _ = reading.wait(timeout: .now() + 10)
        let text = String(decoding: data, as: UTF8.self)
        #expect(process.terminationStatus == 0, "\(text)")
        // Tab completed `redd` to `reddit ` before Enter ran the command.
        #expect(text.contains("posts matching source:reddit"), "\(text)")
        // The up arrow ran it a second time.
        #expect(text.components(separatedBy: "posts matching source:reddit").count == 3, "\(text)")
        #expect(text.contains("demo [since:2026-01-01]> "), "\(text)")
        #expect(text.contains("PAGED:"), "\(text)")
        #expect(text.contains("import cancelled"), "\(text)")
        // It says how many records were kept, which the corpus then holds beside the demo's 341.
        let kept = text.range(
            of: #"import cancelled: [0-9,]+ new posts? kept( \(stopped in [^)]*big\.jsonl\))?; running the same import again completes it"#,
            options: .regularExpression)
        #expect(kept != nil, "\(text)")
        if let kept {
            let number = text[kept].dropFirst("import cancelled: ".count).prefix { $0 != " " }.replacingOccurrences(of: ",", with: "")
            let posts = try BeatProcess.run(["--db", db, "--format", "json", "count", ""], home: home.directory)
            #expect(posts.stdout.hasPrefix("{\"count\": \((Int(number) ?? -1) + 341),"), "\(number) \(posts.stdout)")
        }
        // The `clear` command and Ctrl-L each cleared the screen, and the typed line survived Ctrl-L.
        #expect(text.components(separatedBy: "\u{1B}[H\u{1B}[2J").count >= 3, "\(text)")
        #expect(text.contains("posts matching aurora"), "\(text)")
        #expect(text.contains("EXIT 0"), "\(text)")
    }
}
