import BeatCore
import Foundation

/// What one run of Beat works with: the corpus, where output goes, and the
/// settings commands change. The shell and the command line share it.
public final class Session {
    /// Where results go: standard output, or a file while a command's `> FILE` is in effect.
    public private(set) var output: OutputChannel
    public let errors: OutputChannel
    public let environment: [String: String]
    /// The corpus file.
    public private(set) var databasePath: String
    /// True when no `--db` or `BEAT_DB` named the corpus, so the demo may be loaded into it.
    public private(set) var usesDefaultDatabase: Bool
    /// True when a person types the commands at a terminal.
    public var isInteractive: Bool
    /// Set by Ctrl-C; long commands poll it.
    public let cancellation = CancellationFlag()
    /// Interrupts the corpus's running statement from the Ctrl-C watcher.
    public let interruptTarget = InterruptTarget()
    private var openedCorpus: Corpus?

    /// The output format (`--format`, `format NAME`).
    public var format: OutputFormat = .table
    /// Filters applied to every query until `filter clear` (`filter source:reddit since:30d`).
    public var filters = ""
    /// A fixed "now" for relative dates (`--now`), so scripts give the same output every run.
    public var fixedNow: Int64?
    /// Public ids of the last list shown, so `show 3` names its third post.
    public var lastList: [String] = []
    /// The last search, so `more` can show its next page.
    public var lastSearch: SearchState?
    /// Forces colour on or off; nil decides from the terminal and NO_COLOR.
    public var colorOverride: Bool?
    /// `--param NAME=VALUE` values for query files; they win over `set NAME VALUE`.
    public var parameters: [String: String] = [:]
    /// Values from `set NAME VALUE`, for `$NAME` in the following commands.
    public var variables: [String: String] = [:]
    /// How many `run FILE` are open inside each other.
    public var runDepth = 0
    /// Print each command's elapsed time (`timer on`).
    public var showsTimer = false
    /// The shell's history, oldest first, when a line editor keeps one.
    public var historyEntries: (() -> [String])?
    /// Long output on a terminal goes through `$PAGER` (`pager off`, `--no-pager`).
    public var usesPager = true
    /// `--read-only`: the corpus is opened with SQLite's read-only flag and every writing command is refused.
    public var isReadOnly = false
    /// `--safe`: for query files from elsewhere; no file is written, nothing imported, no other file read.
    public var isSafe = false
    /// `--safe` lets the command line's own `beat --safe run FILE` read its file; nothing inside it may.
    public var safeAllowsOneRun = false
    /// `--busy-timeout`: seconds a write waits for another process's write to end.
    public var busyTimeout: Double = 10

    /// The settings a query file may change for its own lines, restored when it ends.
    struct Settings {
        var format: OutputFormat
        var filters: String
        var fixedNow: Int64?
        var showsTimer: Bool
        var usesPager: Bool
        var colorOverride: Bool?
    }

    var settings: Settings {
        get {
            Settings(
                format: format, filters: filters, fixedNow: fixedNow, showsTimer: showsTimer, usesPager: usesPager,
                colorOverride: colorOverride)
        }
        set {
            format = newValue.format
            filters = newValue.filters
            fixedNow = newValue.fixedNow
            showsTimer = newValue.showsTimer
            usesPager = newValue.usesPager
            colorOverride = newValue.colorOverride
        }
    }

    /// The prompt: the corpus's name, a fixed now (`set now`, `--now`) and the active
    /// filters, `corpus @2026-11-19 [source:reddit]> `.
    public var prompt: String {
        let file = (databasePath as NSString).lastPathComponent
        var name = file.hasSuffix(".db") ? String(file.dropLast(3)) : file
        if let fixedNow {
            let time = CivilTime.iso8601(fixedNow)
            name += " @" + (time.hasSuffix("T00:00:00Z") ? String(time.dropLast(10)) : time)
        }
        return filters.isEmpty ? "\(name)> " : "\(name) [\(filters)]> "
    }

    /// The current time for relative dates: `--now` when given.
    public var now: Int64 { fixedNow ?? Int64(Date().timeIntervalSince1970) }

    /// Layout for renderers: the terminal's width, and colour only on a terminal without NO_COLOR.
    public var renderSettings: RenderSettings {
        let color = colorOverride ?? (output.isTerminal && environment["NO_COLOR"] == nil && environment["TERM"] != "dumb")
        return RenderSettings(
            width: output.isTerminal ? TerminalSize.columns(environment: environment) : 100, color: color, filters: filters)
    }

    /// Runs `body` with results collected in memory, and returns them.
    func capturingOutput(_ body: () throws -> CommandOutcome) rethrows -> (CommandOutcome, String) {
        let memory = OutputChannel.memory()
        memory.reportsTerminal = output.isTerminal
        let saved = output
        output = memory
        defer { output = saved }
        let outcome = try body()
        return (outcome, memory.collected)
    }

    /// The file results go to while a command's `> FILE` (or `>> FILE`) is in effect.
    public private(set) var redirection: (path: String, append: Bool)?

    /// Runs `body` with results going to `path` (`> FILE`, or `>> FILE` to append).
    public func withOutput<T>(redirectedTo path: String, append: Bool, _ body: () throws -> T) throws -> T {
        try refuseWhenSafe(append ? ">> \(path)" : "> \(path)", because: "it would write a file")
        let file = try OutputChannel.file(path: path, append: append)
        let saved = output
        let savedRedirection = redirection
        output = file
        redirection = (path, append)
        defer {
            output = saved
            redirection = savedRedirection
        }
        let result: T
        do {
            result = try body()
        } catch {
            file.close()
            throw error
        }
        file.close()
        try file.checkWritten()
        return result
    }

    public init(
        databasePath: String, usesDefaultDatabase: Bool, environment: [String: String],
        output: OutputChannel, errors: OutputChannel, isInteractive: Bool
    ) {
        self.databasePath = databasePath
        self.usesDefaultDatabase = usesDefaultDatabase
        self.environment = environment
        self.output = output
        self.errors = errors
        self.isInteractive = isInteractive
    }

    /// The corpus, opened (and created or migrated) on first use.
    public func corpus() throws -> Corpus {
        if let openedCorpus {
            if openedCorpus.busyTimeout != busyTimeout { openedCorpus.busyTimeout = busyTimeout }
            return openedCorpus
        }
        let corpus = try Corpus(
            path: databasePath, readOnly: isReadOnly, busyTimeout: busyTimeout, upgrading: reportUpgrade())
        openedCorpus = corpus
        interruptTarget.set(corpus.interrupter)
        return corpus
    }

    /// What the first open for writing after an upgrade says: that the schema is migrated
    /// (quiet for a file under 20 MB), that the posts stored before spread existed are
    /// fingerprinted (quiet for under 10,000), with a running count on a terminal, and how long it took.
    private func reportUpgrade() -> (CorpusUpgrade) -> Void {
        let errors = self.errors
        let path = databasePath
        var started = ContinuousClock.now
        var announced = false
        var finished = false
        return { event in
            switch event {
            case .migrating(let from, let to):
                let bytes = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
                guard bytes >= 20_000_000 else { return }
                errors.line("migrating \(path) from schema \(from) to \(to), once after an upgrade")
            case .fingerprinting(let done, let total):
                guard total >= 10_000, !finished else { return }
                if !announced {
                    started = ContinuousClock.now
                    errors.line("fingerprinting \(total.formatted) posts for spread, once after an upgrade (it resumes if stopped)")
                    announced = true
                }
                if done < total {
                    if errors.isTerminal { errors.write("\r\u{1B}[K\(done.formatted) of \(total.formatted) posts") }
                } else {
                    finished = true
                    let seconds = Double((ContinuousClock.now - started).components.seconds)
                    if errors.isTerminal { errors.write("\r\u{1B}[K") }
                    errors.line("fingerprinted \(total.formatted) posts in \(Int(seconds.rounded())) s")
                }
            }
        }
    }

    /// Refuses what `--safe` does not allow, naming what was refused; the shell
    /// puts the file and line in front of the message.
    /// - Parameter what: the refused action, as the message names it (`import`, `> FILE`).
    public func refuseWhenSafe(_ what: String, because reason: String) throws {
        guard isSafe else { return }
        throw CommandFailure("\(what) is not allowed with --safe (\(reason)); nothing was done")
    }

    /// Ends the session's use of its corpus: records the file's state after its writes, so that
    /// the next writer need not check every page (see `Corpus.finishWriting()`).
    public func finish() {
        openedCorpus?.finishWriting()
    }

    /// Runs `body` on the corpus at `path` (`--db PATH` given with one command), then goes back.
    func withCorpus<T>(at path: String, _ body: () throws -> T) throws -> T {
        let saved = (databasePath, usesDefaultDatabase, openedCorpus)
        databasePath = path
        usesDefaultDatabase = false
        openedCorpus = nil
        defer {
            (databasePath, usesDefaultDatabase, openedCorpus) = saved
            if let corpus = openedCorpus { interruptTarget.set(corpus.interrupter) }
        }
        let result = try body()
        // Only after a success: a failure may be damage met in the file (see `Corpus.finishWriting()`).
        openedCorpus?.finishWriting()
        return result
    }

    /// Loads the demo corpus when the default corpus is still empty, and says so.
    public func loadDemoIfNew() throws {
        guard usesDefaultDatabase, !isReadOnly, !isSafe, try corpus().isEmpty() else { return }
        let loaded = try DemoCorpus.load(into: try corpus(), now: now)
        let beats = DemoCorpus.beats.map(\.name).joined(separator: ", ")
        errors.line("No corpus yet: loaded the demo corpus (\(loaded.summary.added) posts) into \(databasePath), with the beats \(beats).")
        errors.line("Its dates are moved to lead up to today (its newest post: \(CivilTime.isoDate(loaded.newest))).")
        errors.line("Import your own with: import FILE...   (see: help import)")
    }
}
