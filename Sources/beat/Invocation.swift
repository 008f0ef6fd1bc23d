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
    /// The command given (or the first of -c), whose declaration says whether the demo may load.
    var firstCommand: ShellCommand?
    var readOnly = false
    var safe = false
    var busyTimeout: Double?

    /// Options of the process only (the global ones, `GlobalOptions`, work on any command line too).
    static let processOptions: [CommandOption] = [
        CommandOption("-c", .text, placeholder: "COMMANDS", help: "run these commands (separated by ';') and exit"),
        CommandOption("--no-rc", help: "do not run the start-up file ($XDG_CONFIG_HOME/beat/beatrc)"),
        CommandOption("--version", help: "print the version"),
        CommandOption("--help", help: "print this help (also -h)"),
    ]

    static var usage: String {
        """
        usage: beat [OPTIONS] [-c 'COMMAND; COMMAND'] [COMMAND [ARGUMENTS...] [OPTIONS]]

        With no command, beat opens its shell (or reads commands from standard input when
        it is not a terminal). A COMMAND runs once and exits; 'beat help' lists them.

        options:
        \(CommandHelp.table(GlobalOptions.all + processOptions).split(separator: "\n").map { "  " + $0 }.joined(separator: "\n"))

        \(GlobalOptions.rule)

        exit status: 0 success, 1 a command failed, 2 a usage error
        """
    }

    init(arguments: [String]) throws {
        var index = 0
        func value(_ flag: String) throws -> String {
            index += 1
            guard index < arguments.count else {
                throw ShellError.missingValue(
                    option: flag, placeholder: GlobalOptions.option(named: flag)?.placeholder ?? "COMMANDS", command: nil)
            }
            return arguments[index]
        }
        var globals = GlobalSettings()
        while index < arguments.count {
            let argument = arguments[index]
            let (name, inline) =
                argument.hasPrefix("--") && argument.contains("=")
                ? (String(argument.prefix { $0 != "=" }), String(argument.drop { $0 != "=" }.dropFirst())) : (argument, nil)
            if let option = GlobalOptions.option(named: name) {
                let given = try option.value == .none ? nil : inline ?? value(name)
                try globals.set(option.name, given, command: nil)
                index += 1
                continue
            }
            switch argument {
            case "-c": commandText = try value(argument)
            case "--no-rc": readsStartupFile = false
            case "-h", "--help": showHelp = true
            case "--version": showVersion = true
            default:
                if argument.hasPrefix("-") && argument != "-" {
                    let names = (GlobalOptions.all + Self.processOptions).map(\.name)
                    throw ShellError.unknownOption(argument, command: nil, suggestion: Suggestion.closest(to: argument, among: names))
                }
                command = Array(arguments[index...])
                index = arguments.count
                continue
            }
            index += 1
        }
        // Global options after the command apply to the whole run as before it: the corpus and
        // whether the demo may load are decided before the command runs.
        // A mistake in the command itself is reported when it runs, as in the shell.
        if !command.isEmpty, let (found, parsed) = try? CommandTable.parse(words: command) {
            globals.merge(parsed.globals)
            firstCommand = found
        } else if let commandText, let (found, _) = try? CommandTable.parse(line: commandText) {
            firstCommand = found
        }
        databasePath = globals.databasePath
        format = globals.format
        now = globals.now
        usesPager = globals.usesPager ?? true
        color = globals.color
        readOnly = globals.readOnly ?? false
        safe = globals.safe ?? false
        busyTimeout = globals.busyTimeout
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
        session.colorOverride = color
        session.isReadOnly = readOnly
        session.isSafe = safe
        if let busyTimeout { session.busyTimeout = busyTimeout }
        if readsStartupFile, let rc = StartupFile.path(environment: environment) {
            Shell.runStartupFile(rc, session: session)
        }
        // Options on the command line win over the start-up file.
        if let format { session.format = format }

        if firstCommand?.mayLoadDemo ?? true {
            do { try session.loadDemoIfNew() } catch {
                errors.line("beat: \(error)")
                return 1
            }
        }

        if !command.isEmpty {
            // `beat --safe run FILE` reads the file it was given, and nothing more.
            session.safeAllowsOneRun = safe && firstCommand?.name == "run"
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
        if environment["TERM"] != "dumb",
            let editor = EditLineReader(
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
