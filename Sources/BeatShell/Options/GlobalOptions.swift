import BeatCore

/// The options every command takes, before or after it, in the shell, in `-c`, in query files
/// and on `beat`'s command line. On a line they apply to that one command; on `beat`'s command
/// line, to the whole run.
public enum GlobalOptions {
    public static let all: [CommandOption] = [
        CommandOption(
            "--format", .choice(of: OutputFormat.self),
            help: "how results are written (default table; html is written by \(OutputFormat.htmlCommands.joined(separator: ", ")) only)"),
        CommandOption("--db", .path, placeholder: "PATH", help: "the corpus file (default: $BEAT_DB, else ~/.local/share/beat/corpus.db)"),
        CommandOption(
            "--now", .date, placeholder: "TIME", help: "the time relative dates count from (2026-11-20T12:00:00Z), for reproducible scripts"
        ),
        CommandOption("--no-pager", help: "write long output straight to the terminal instead of through $PAGER"),
        CommandOption("--color", help: "bold matches even when output is not a terminal"),
        CommandOption("--no-color", help: "never bold matches"),
        CommandOption("--read-only", help: "open the corpus read-only: reading commands work, writing ones are refused"),
        CommandOption("--safe", help: "for query files from elsewhere: write no file, import nothing, read no other file"),
        CommandOption(
            "--busy-timeout", .number, placeholder: "SECONDS",
            help: "how long a write waits for another process writing the corpus (default 10)"),
    ]

    /// The rule, as `help` states it.
    public static let rule = """
        Global options go before or after any command: \(all.map(\.name).joined(separator: " ")).
        On a line (the shell, -c, a query file) they apply to that command only;
        on beat's command line, to the whole run.
        """

    /// The declaration named `name`.
    public static func option(named name: String) -> CommandOption? { all.first { $0.name == name } }
}

/// Global options given with one command (or on `beat`'s command line): nil where not given.
public struct GlobalSettings: Sendable, Equatable {
    public var format: OutputFormat?
    public var databasePath: String?
    public var now: Int64?
    public var usesPager: Bool?
    public var color: Bool?
    /// `--read-only` and `--safe` only ever add a restriction: a line cannot lift one the run has.
    public var readOnly: Bool?
    public var safe: Bool?
    public var busyTimeout: Double?

    public init() {}

    public var isEmpty: Bool { self == GlobalSettings() }

    /// These settings with those of `later` on top (an option given twice: the later one wins).
    public mutating func merge(_ later: GlobalSettings) {
        if let format = later.format { self.format = format }
        if let path = later.databasePath { databasePath = path }
        if let now = later.now { self.now = now }
        if let pager = later.usesPager { usesPager = pager }
        if let color = later.color { self.color = color }
        if let readOnly = later.readOnly { self.readOnly = readOnly }
        if let safe = later.safe { self.safe = safe }
        if let busyTimeout = later.busyTimeout { self.busyTimeout = busyTimeout }
    }

    /// Records the option `name` with its value (nil for a switch), checking it against its kind.
    public mutating func set(_ name: String, _ value: String?, command: String?) throws(ShellError) {
        guard let option = GlobalOptions.option(named: name) else { preconditionFailure("\(name) is not a global option") }
        let value = try value.map { (text) throws(ShellError) in try OptionParser.check(text, for: option, command: command) }
        switch name {
        case "--format": format = value.flatMap(OutputFormat.init(rawValue:))
        case "--db": databasePath = value
        case "--now":
            guard let value, let seconds = DateParser.seconds(from: value) else {
                throw .badValue(
                    option: name, value: value ?? "", expected: "a date and time such as 2026-11-20T12:00:00Z", command: command,
                    suggestion: nil)
            }
            now = seconds
        case "--no-pager": usesPager = false
        case "--color": color = true
        case "--no-color": color = false
        case "--read-only": readOnly = true
        case "--safe": safe = true
        case "--busy-timeout":
            guard let value, let seconds = Double(value), seconds >= 0, seconds <= 86_400 else {
                throw .badValue(option: name, value: value ?? "", expected: "seconds from 0 to 86400", command: command, suggestion: nil)
            }
            busyTimeout = seconds
        default: preconditionFailure("\(name) is not a global option")
        }
    }
}

extension Session {
    /// Runs `body` with `globals` in effect, and puts the session's own settings back after.
    func with<T>(_ globals: GlobalSettings, _ body: () throws -> T) throws -> T {
        guard !globals.isEmpty else { return try body() }
        let saved = settings
        defer { settings = saved }
        if let format = globals.format { self.format = format }
        if let now = globals.now { fixedNow = now }
        if let usesPager = globals.usesPager { self.usesPager = usesPager }
        if let color = globals.color { colorOverride = color }
        let restrictions = (isReadOnly, isSafe, busyTimeout)
        defer { (isReadOnly, isSafe, busyTimeout) = restrictions }
        if globals.readOnly == true { isReadOnly = true }
        if globals.safe == true { isSafe = true }
        if let seconds = globals.busyTimeout { busyTimeout = seconds }
        if let path = globals.databasePath, path != databasePath {
            return try withCorpus(at: path, body)
        }
        return try body()
    }
}
