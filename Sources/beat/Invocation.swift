import BeatCore
import BeatShell
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The command line of `beat`: global options, then either one command and
/// its arguments, `-c 'COMMANDS'`, commands piped on standard input, or the
/// interactive shell.
struct Invocation {
    var databasePath: String?
    var format: OutputFormat?
    var now: Int64?
    var commandText: String?
    var command: [String] = []
    var readsStartupFile = true
    var usesPager = true
    var color: Bool?
    var showHelp = false
    var showVersion = false
    var readOnly = false
    var safe = false
    var busyTimeout: Double?

    static let usage = """
        usage: beat [--db PATH] [--format F] [--now TIME] [--read-only] [--safe] [--busy-timeout S] [-c 'COMMAND; COMMAND'] [COMMAND [ARGUMENTS...]]

        With no command, beat opens its shell (or reads commands from standard input when
        it is not a terminal). A COMMAND runs once and exits; 'beat help' lists them.

        options:
          --db PATH     the corpus file (default: $BEAT_DB, else ~/.local/share/beat/corpus.db)
          --format F    table, json, jsonl, csv, md or html (summary only; default: table)
          --now TIME    the time relative dates count from (2026-11-20T12:00:00Z), for reproducible scripts
          -c COMMANDS   run these commands (separated by ';') and exit
          --color       bold matches even when output is not a terminal (--no-color: never)
          --no-pager    write long output straight to the terminal instead of through $PAGER
          --no-rc       do not run the start-up file ($XDG_CONFIG_HOME/beat/beatrc)
          --read-only   open the corpus read-only: reading commands work, writing ones are refused
          --safe        for query files from elsewhere: write no file, import nothing, read no other file
          --busy-timeout SECONDS
                        how long a write waits for another process writing the corpus (default 10)
          --version     print the version
          -h, --help    print this help

        exit status: 0 success, 1 a command failed, 2 a usage error
        """

    init(arguments: [String]) throws {
        var index = 0
        func value(_ flag: String) throws -> String {
            index += 1
            guard index < arguments.count else { throw UsageError("\(flag) needs a value") }
            return arguments[index]
        }
        while index < arguments.count {
            let argument = arguments[index]
            if argument.hasPrefix("--db=") {
                databasePath = String(argument.dropFirst(5))
            } else {
                switch argument {
                case "--db": databasePath = try value(argument)
                case "--format":
                    let name = try value(argument)
                    guard let parsed = OutputFormat(rawValue: name) else {
                        throw UsageError("--format takes \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")), not '\(name)'")
                    }
                    format = parsed
                case "--now":
                    let text = try value(argument)
                    guard let seconds = DateParser.seconds(from: text) else {
                        throw UsageError("--now takes a date and time such as 2026-11-20T12:00:00Z, not '\(text)'")
                    }
                    now = seconds
                case "-c": commandText = try value(argument)
                case "--no-rc": readsStartupFile = false
                case "--read-only": readOnly = true
                case "--safe": safe = true
                case "--busy-timeout":
                    let text = try value(argument)
                    guard let seconds = Double(text), seconds >= 0, seconds <= 86_400 else {
                        throw UsageError("--busy-timeout takes seconds from 0 to 86400, not '\(text)'")
                    }
                    busyTimeout = seconds
                case "--no-pager": usesPager = false
                case "--color": color = true
                case "--no-color": color = false
                case "-h", "--help": showHelp = true
                case "--version": showVersion = true
                default:
                    if argument.hasPrefix("-") && argument != "-" {
                        throw UsageError("unknown option \(argument)")
                    }
                    command = Array(arguments[index...])
                    index = arguments.count
                    continue
                }
            }
            index += 1
        }
    }

    func run() -> Int32 {
        let output = OutputChannel.standardOutput()
        let errors = OutputChannel.standardError()
        defer { output.flush() }
        if showHelp {
            output.line(Self.usage)
            return 0
        }
        if showVersion {
            output.line("beat \(BeatVersion.string) (SQLite \(SQLiteVersion.string))")
            return 0
        }
        let environment = ProcessEnvironment.current
        let explicit = databasePath ?? environment["BEAT_DB"].flatMap { $0.isEmpty ? nil : $0 }
        let path = CorpusLocation.resolve(explicit: databasePath, environment: environment)
        let interactive = command.isEmpty && commandText == nil && isatty(0) == 1
        let session = Session(
            databasePath: path, usesDefaultDatabase: explicit == nil, environment: environment,
            output: output, errors: errors, isInteractive: interactive)
        session.fixedNow = now
        session.usesPager = usesPager
        session.isReadOnly = readOnly
        session.isSafe = safe
        if let busyTimeout { session.busyTimeout = busyTimeout }
        session.colorOverride = color
        if readsStartupFile, let rc = StartupFile.path(environment: environment) {
            Shell.runStartupFile(rc, session: session)
        }
        // Options on the command line win over the start-up file.
        if let format { session.format = format }

        let firstWord = command.first ?? commandText.flatMap { try? CommandWords.split($0).first } ?? ""
        if !["import", "help", "quit", "doctor"].contains(firstWord) {
            do { try session.loadDemoIfNew() } catch {
                errors.line("beat: \(error)")
                return 1
            }
        }

        if !command.isEmpty {
            // `beat --safe run FILE` reads the file it was given, and nothing more.
            session.safeAllowsOneRun = safe && command.first == "run"
            let shell = Shell(session: session, reader: StringLineReader(""), stopOnError: true)
            return shell.runWords(command)
        }
        if let commandText {
            return Shell(session: session, reader: StringLineReader(commandText), stopOnError: true).run()
        }
        if !interactive {
            // Errors name the line of the piped input they come from, as `-:LINE` (like a file's `FILE:LINE`).
            let reader = PlainLineReader()
            let shell = Shell(session: session, reader: reader, stopOnError: true)
            shell.location = { "-:\(reader.entryLine)" }
            return shell.run()
        }
        let historyPath = HistoryLocation.path(environment: environment)
        var reader: LineReader = PlainLineReader()
        if environment["TERM"] != "dumb", let editor = EditLineReader(
            programName: "beat", historyPath: historyPath,
            completer: Completer(source: CorpusCompletions { try session.corpus() }))
        {
            reader = editor
            session.historyEntries = { [unowned editor] in editor.entries() }
        }
        errors.line("Beat \(BeatVersion.string) — corpus \(path)\nType 'help' for commands, Ctrl-D to leave.")
        let interrupts = InterruptWatcher()
        interrupts.start()
        // A person ending the shell with Ctrl-D or quit ends it normally, whatever
        // failed on the way (each failure was reported when it happened).
        _ = Shell(session: session, reader: reader, stopOnError: false, interrupts: interrupts).run()
        return 0
    }
}
