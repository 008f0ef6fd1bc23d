import BeatCore
import Foundation

/// The input loop: reads command lines (continuing across lines while a quote
/// is open or a line ends in `\`), runs them, and reports errors, for the
/// interactive shell, piped input and `-c` alike.
public final class Shell {
    private let session: Session
    private let reader: LineReader
    /// True when any command failed (exit status 1) or was misused (2).
    public private(set) var worstStatus: Int32 = 0
    /// Stop at the first failing command (scripts and `-c`), or go on (interactive).
    public var stopOnError: Bool
    /// Ctrl-C handling, in the interactive shell only.
    private let interrupts: InterruptWatcher?
    /// Where the current entry came from (`queries/weekly.beat:12`), for error messages of scripts.
    public var location: (() -> String)?

    public init(session: Session, reader: LineReader, stopOnError: Bool, interrupts: InterruptWatcher? = nil) {
        self.session = session
        self.reader = reader
        self.stopOnError = stopOnError
        self.interrupts = interrupts
    }

    /// Runs until the input ends, `quit`, or (with `stopOnError`) a failure.
    /// Returns the exit status: 0, 1 when a command failed, 2 on a usage error.
    /// The most lines one entry may continue over (an open quote, trailing `\`):
    /// each line re-reads the entry for its quotes, so an entry left open by a
    /// forgotten quote ends here with an error instead of growing for ever.
    static let maximumContinuationLines = 1000
    /// The longest line, and the longest entry, the shell reads (1 MiB): a query
    /// takes up to 64 KB, so anything longer is a stray file or a runaway script,
    /// refused before it is split into words (which would take time and memory
    /// in proportion to it).
    public static let maximumLineBytes = 1_048_576

    public func run() -> Int32 {
        var pending = ""
        var continuedLines = 0
        var linesRead = 0
        while true {
            let prompt = pending.isEmpty ? session.prompt : String(repeating: " ", count: max(0, session.prompt.count - 5)) + "...> "
            var input = reader.readLine(prompt: prompt)
            if input != .interrupted && input != .end { linesRead += 1 }
            // A reader that has the line already (a file, `-c`, libedit) is held to the same limit.
            if case .line(let line) = input, pending.utf8.count + line.utf8.count > Self.maximumLineBytes { input = .tooLong }
            switch input {
            case .tooLong:
                let what = pending.isEmpty ? "line \(linesRead.formatted) is" : "the entry continued on line \(linesRead.formatted) is"
                report(
                    "\(what) longer than \(Self.maximumLineBytes / 1_048_576) MiB, the longest command line Beat reads; "
                        + "it was skipped (a query takes up to 64 KB)")
                reader.skipEntry()
                pending = ""
                continuedLines = 0
                worstStatus = max(worstStatus, 2)
                if stopOnError { return worstStatus }
            case .end:
                if !pending.isEmpty { execute(pending) }
                return worstStatus
            case .interrupted:
                _ = interrupts?.takeInterruptAtPrompt()
                if session.isInteractive {
                    // A continued entry is dropped whole; the next prompt is a fresh one.
                    session.errors.line(pending.isEmpty ? "\n(type quit or press Ctrl-D to leave)" : "\n(entry dropped)")
                }
                pending = ""
                continuedLines = 0
            case .line(let line):
                if pending.isEmpty && line.trimmingSpacesAndTabs.hasPrefix("#") {
                    reader.skipEntry()
                    continue
                }
                continuedLines += 1
                if continuedLines > Self.maximumContinuationLines {
                    let quote = CommandWords.openQuote(pending).map { "a \($0) left open" } ?? "a line ending in \\"
                    report(
                        "this entry has continued over \(Self.maximumContinuationLines.formatted) lines (\(quote)?); "
                            + "it was dropped: close the quote where the command ends")
                    pending = ""
                    continuedLines = 0
                    worstStatus = max(worstStatus, 2)
                    if stopOnError { return worstStatus }
                    continue
                }
                if line.hasSuffix("\\") && !line.hasSuffix("\\\\") && CommandWords.openQuote(pending + line) == nil {
                    // A continued line goes on the same command: the line break is a space.
                    pending += line.dropLast() + " "
                    continue
                }
                pending += line
                if CommandWords.needsContinuation(pending) {
                    if session.isInteractive, !pending.contains("\n"), let quote = CommandWords.openQuote(pending) {
                        session.errors.line("(the \(quote) is still open: type the rest and close it, or press Ctrl-C to drop the entry)")
                    }
                    pending += "\n"
                    continue
                }
                let typed = pending
                pending = ""
                continuedLines = 0
                reader.remember(typed)
                let entry: String
                do {
                    entry = try Parameters.substitute(in: typed, session: session)
                } catch {
                    report("\(error)")
                    worstStatus = max(worstStatus, 1)
                    if stopOnError { return worstStatus }
                    continue
                }
                if !execute(entry) { return worstStatus }
            }
            session.output.flush()
            if session.output.isBroken { return worstStatus }
        }
    }

    /// Runs the start-up file (`beatrc`) if it exists: its errors are reported and do not stop Beat.
    public static func runStartupFile(_ path: String, session: Session) {
        guard let data = FileManager.default.contents(atPath: path) else { return }
        let reader = FileLineReader(text: String(decoding: data, as: UTF8.self))
        let shell = Shell(session: session, reader: reader, stopOnError: false)
        shell.location = { "\(path):\(reader.entryLine)" }
        // Its commands are silent (`filter source:reddit` would otherwise echo before the
        // first result, and `beat --format json …` would no longer parse); errors still show.
        _ = session.capturingOutput {
            _ = shell.run()
            return .success
        }
    }

    /// A command's time for `timer on`, in milliseconds: `time: 12.4 ms`, `time: 1,234 ms`.
    static func elapsed(_ seconds: Double) -> String {
        let milliseconds = seconds * 1000
        return milliseconds < 100 ? String(format: "time: %.1f ms", milliseconds) : "time: \(Int(milliseconds.rounded()).formatted) ms"
    }

    /// Writes an error, prefixed with the script location when there is one.
    private func report(_ message: String) {
        let prefix = location.map { "\($0()): " } ?? ""
        session.errors.line(prefix + "error: " + message)
    }

    /// Runs one command given as words (`beat import a.json`), as from the command line.
    public func runWords(_ words: [String]) -> Int32 {
        // Each argument is one word already (the calling shell removed its quotes);
        // a query's own quotes stay inside its words, so the raw text is the words joined.
        let (text, tokens) = OptionParser.tokens(words: words)
        let status = runReporting { (tokens, text, nil) }
        session.output.flush()
        return max(status, 0)
    }

    /// Runs one entry (commands separated by `;`). Returns false to stop the loop.
    @discardableResult
    func execute(_ entry: String) -> Bool {
        for command in CommandWords.splitCommands(entry) {
            let status = runOne(command)
            if status == -1 { return false }
            // Ctrl-C stops a whole query file, not just its current line.
            if session.cancellation.isSet && session.runDepth > 0 { return false }
            worstStatus = max(worstStatus, status)
            if status != 0 && stopOnError { return false }
        }
        return true
    }

    /// Runs one command; returns its exit status, or -1 for `quit`.
    private func runOne(_ typed: String) -> Int32 {
        runReporting {
            let (text, redirect) = try Shell.redirection(typed)
            return (try OptionParser.tokens(text), text, redirect)
        }
    }

    /// `typed` without its `> FILE`, and where that sends the output.
    private static func redirection(_ typed: String) throws(ShellError) -> (String, (path: String, append: Bool)?) {
        do {
            return try CommandWords.splitRedirection(typed)
        } catch {
            throw .unclosedQuote(reason: error.reason, line: typed, column: error.column)
        }
    }

    /// Runs the command that `parse` yields and turns every error into a
    /// message and an exit status (-1 for `quit`).
    private func runReporting(_ parse: () throws -> ([LineToken], String, (path: String, append: Bool)?)) -> Int32 {
        session.cancellation.reset()
        do {
            let (tokens, text, redirect) = try parse()
            guard !tokens.isEmpty else { return 0 }
            let run = { () throws -> CommandOutcome in
                if redirect == nil && self.session.isInteractive && self.session.usesPager && self.session.output.isTerminal {
                    let (outcome, output) = try self.session.capturingOutput {
                        try CommandTable.run(tokens, in: text, session: self.session)
                    }
                    Pager.show(output, environment: self.session.environment, output: self.session.output)
                    return outcome
                }
                guard let redirect else { return try CommandTable.run(tokens, in: text, session: self.session) }
                return try self.session.withOutput(redirectedTo: redirect.path, append: redirect.append) {
                    try CommandTable.run(tokens, in: text, session: self.session)
                }
            }
            let started = Date()
            let outcome =
                try interrupts.map { watcher in
                    try watcher.whileRunning(session.cancellation, session.interruptTarget, run)
                } ?? run()
            try session.output.checkWritten()
            // A command that wrote and succeeded leaves the file's state recorded, so that the
            // next writer (a collector's import beside this shell) need not check every page.
            if outcome == .success { session.finish() }
            if outcome == .quit { return -1 }
            if session.showsTimer {
                session.errors.line(Self.elapsed(Date().timeIntervalSince(started)))
            }
            return outcome == .success ? 0 : 1
        } catch  where Corpus.isInterruption(error) {
            session.errors.line("cancelled")
            return 1
        } catch let failure as CommandFailure where session.cancellation.isSet {
            session.errors.line(failure.description)
            return 1
        } catch {
            // A full disk, a damaged or busy corpus: said in words, never as SQL.
            let (message, status) = ShellError.report(CorpusFault.from(error, path: session.databasePath) ?? error)
            report(message)
            return status
        }
    }
}

extension CommandWords {
    /// Splits an entry at `;` outside quotes: `beat -c 'import a.json; import b.json'`.
    public static func splitCommands(_ entry: String) -> [String] {
        var commands: [String] = []
        var start = entry.startIndex
        for separator in unquotedIndices(of: entry, where: { $0 == ";" || $0 == "\n" }) {
            commands.append(String(entry[start..<separator]))
            start = entry.index(after: separator)
        }
        commands.append(String(entry[start...]))
        return commands.filter { !$0.trimmingSpacesAndTabs.isEmpty }
    }
}
