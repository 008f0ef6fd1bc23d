import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Shows text longer than the terminal through `$PAGER` (default `less -FRX`),
/// as psql and git do; shorter text is written as it is.
///
/// The pager runs in its own process group, which owns the terminal while it
/// runs (as a job-control shell does for a foreground job): it reads the
/// keyboard, and Ctrl-C or Ctrl-Z reach it rather than Beat. When it exits the
/// terminal, its modes and Beat's signal dispositions are given back.
enum Pager {
    /// The terminal's height in lines, or nil when it cannot be told.
    static func rows() -> Int? {
        var size = winsize()
        guard ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_row > 0 else { return nil }
        return Int(size.ws_row)
    }

    /// Writes `text` to the terminal, through the pager when it does not fit.
    static func show(_ text: String, environment: [String: String], output: OutputChannel) {
        let lines = text.reduce(into: 0) { count, character in if character == "\n" { count += 1 } }
        let command = environment["PAGER"].flatMap { $0.isEmpty ? nil : $0 } ?? "less -FRX"
        guard output.isTerminal, lines >= (rows() ?? 24) - 1, command != "cat" else {
            output.write(text)
            return
        }
        output.flush()
        var pagerEnvironment = environment
        pagerEnvironment["LESSCHARSET"] = pagerEnvironment["LESSCHARSET"] ?? "utf-8"
        if !run(command, environment: pagerEnvironment, text: text) { output.write(text) }
    }

    /// Runs `/bin/sh -c command` with `text` on its standard input, in the
    /// terminal's foreground; false when it could not be started.
    private static func run(_ command: String, environment: [String: String], text: String) -> Bool {
        var pipeEnds: [Int32] = [0, 0]
        guard pipe(&pipeEnds) == 0 else { return false }
        let (readEnd, writeEnd) = (pipeEnds[0], pipeEnds[1])
        let terminal: Int32 = isatty(0) == 1 ? 0 : -1
        var savedModes = termios()
        let hasModes = terminal >= 0 && tcgetattr(terminal, &savedModes) == 0

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, readEnd, 0)
        posix_spawn_file_actions_addclose(&actions, readEnd)
        posix_spawn_file_actions_addclose(&actions, writeEnd)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // Beat ignores SIGPIPE and catches SIGINT; the pager starts with every
        // signal at its default and none blocked.
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGQUIT, SIGPIPE, SIGTSTP, SIGTTIN, SIGTTOU, SIGCHLD] { sigaddset(&defaults, signal) }
        var unblocked = sigset_t()
        sigemptyset(&unblocked)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setsigmask(&attributes, &unblocked)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETPGROUP))

        let arguments = ["/bin/sh", "-c", command]
        let environmentLines = environment.map { "\($0.key)=\($0.value)" }
        var pid: pid_t = 0
        let spawned = withCStrings(arguments) { argv in
            withCStrings(environmentLines) { envp in
                posix_spawn(&pid, "/bin/sh", &actions, &attributes, argv, envp)
            }
        }
        close(readEnd)
        guard spawned == 0 else {
            close(writeEnd)
            return false
        }

        // Beat is about to leave the foreground: a background process that
        // changes the terminal's foreground group gets SIGTTOU, so ignore it
        // until the terminal is Beat's again.
        var ignore = sigaction()
        #if canImport(Glibc)
        ignore.__sigaction_handler.sa_handler = SIG_IGN
        #else
        ignore.__sigaction_u.__sa_handler = SIG_IGN
        #endif
        sigemptyset(&ignore.sa_mask)
        var savedTTOU = sigaction()
        sigaction(SIGTTOU, &ignore, &savedTTOU)
        let ownGroup = getpgrp()
        if terminal >= 0 {
            _ = setpgid(pid, pid)  // also done by posix_spawn; either may win the race
            _ = tcsetpgrp(terminal, pid)
            // A pager that read the terminal before it was handed over was
            // stopped (SIGTTIN); let it go on now that the terminal is its own.
            _ = kill(-pid, SIGCONT)
        }

        // The pager may quit before reading everything (q in less): a closed pipe is fine.
        let data = Array(text.utf8)
        data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = write(writeEnd, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 && errno == EINTR { continue }
                if written <= 0 { break }
                offset += written
            }
        }
        close(writeEnd)
        var status: Int32 = 0
        while waitpid(pid, &status, WUNTRACED) < 0 && errno == EINTR {}
        // Stopped with Ctrl-Z (less's own suspend): Beat has no jobs to resume
        // it from, so end it rather than leave it behind.
        if isStopped(status) {
            _ = kill(-pid, SIGTERM)
            _ = kill(-pid, SIGCONT)
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        }

        if terminal >= 0 {
            _ = tcsetpgrp(terminal, ownGroup)
            if hasModes { _ = tcsetattr(terminal, TCSADRAIN, &savedModes) }
        }
        sigaction(SIGTTOU, &savedTTOU, nil)
        return true
    }

    private static func isStopped(_ status: Int32) -> Bool { status & 0xff == 0x7f }

    /// Calls `body` with `strings` as a NULL-terminated C array.
    private static func withCStrings<T>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> T) -> T {
        var pointers: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
        pointers.append(nil)
        defer { for pointer in pointers { free(pointer) } }
        return body(pointers)
    }
}
