import BeatCore

/// One command of Beat, as the shell and the command line know it: its name, what it takes
/// (operands and options, declared once), its help, and what it does. The table of these drives
/// dispatch, parsing, `usage`, `help`, completion, the README's tables and the executable's rules.
public struct ShellCommand: Sendable {
    public let name: String
    /// One line for `help`.
    public let summary: String
    /// What it takes besides options.
    public let operands: CommandOperands
    /// Its own options; the global ones (`GlobalOptions`) come on top.
    public let options: [CommandOption]
    /// Real examples for `help NAME`.
    public let examples: [String]
    private let detailsText: @Sendable () -> String
    /// True when a first start on the default corpus may load the demo for it: commands that
    /// read the corpus, not `import` (which fills it) nor those that never open it.
    public let mayLoadDemo: Bool
    /// True when it writes the `html` format; other commands refuse it.
    public let writesHTML: Bool
    let run: @Sendable (Session, CommandArguments) throws -> CommandOutcome

    init(
        name: String, summary: String, operands: CommandOperands = .none, options: [CommandOption] = [],
        examples: [String], details: @autoclosure @escaping @Sendable () -> String = "",
        mayLoadDemo: Bool = true, writesHTML: Bool = false,
        run: @escaping @Sendable (Session, CommandArguments) throws -> CommandOutcome
    ) {
        self.name = name
        self.summary = summary
        self.operands = operands
        self.options = options
        self.examples = examples
        self.detailsText = details
        self.mayLoadDemo = mayLoadDemo
        self.writesHTML = writesHTML
        self.run = run
    }

    /// Longer description for `help NAME`.
    public var details: String { detailsText() }

    /// The syntax, for `help NAME` and usage errors: `search QUERY [--sort rank|new|old] [--limit N]`.
    public var usage: String {
        var parts = [name]
        if !operands.synopsis.isEmpty { parts.append(operands.synopsis) }
        for option in options { parts.append("[\(option.synopsis)]" + (option.repeats ? "..." : "")) }
        return parts.joined(separator: " ")
    }
}

/// How a command ended, for the exit status.
public enum CommandOutcome: Equatable, Sendable {
    case success
    /// The command ran but something in it failed (records skipped, a file unreadable).
    case failure
    /// `quit`: the input loop ends.
    case quit
}

/// Every command, in the order `help` lists them.
public enum CommandTable {
    public static let all: [ShellCommand] = [
        SearchCommand.command,
        SearchCommand.more,
        CountCommand.command,
        QuotesCommand.command,
        ShowCommand.command,
        SourcesCommand.command,
        AuthorsCommand.command,
        SpreadCommand.command,
        SpreadCommand.links,
        CheckCommand.command,
        ExportCommand.command,
        BeatCommands.beat,
        BeatCommands.beats,
        SummaryCommand.command,
        FilterCommand.command,
        FormatCommand.command,
        ImportCommand.command,
        DoctorCommand.command,
        RunCommand.command,
        SetCommand.command,
        TimerCommand.command,
        PagerCommand.command,
        HistoryCommand.command,
        HelpCommand.command,
        ClearCommand.command,
        QuitCommand.command,
    ]

    /// The command called `name`, or the only one `name` is a prefix of.
    public static func find(_ name: String) -> ShellCommand? {
        if let exact = all.first(where: { $0.name == name }) { return exact }
        let matches = all.filter { $0.name.hasPrefix(name) }
        return matches.count == 1 ? matches[0] : nil
    }

    /// The command `name` names, exactly or as the only command it begins.
    /// - Throws: `ShellError.unknownCommand` or `.ambiguousCommand`.
    public static func resolve(_ name: String) throws(ShellError) -> ShellCommand {
        if let command = find(name) { return command }
        let ambiguous = all.filter { $0.name.hasPrefix(name) }.map(\.name)
        if ambiguous.count > 1 { throw .ambiguousCommand(name, candidates: ambiguous) }
        throw .unknownCommand(name, suggestion: Suggestion.closest(to: name, among: all.map(\.name)))
    }

    /// A command line read: the command, and its arguments with the options taken out (global
    /// options before the command's name included).
    static func parse(_ tokens: [LineToken], in text: String) throws(ShellError) -> (ShellCommand, CommandArguments)? {
        let (leading, start) = try OptionParser.leadingGlobals(tokens, in: text)
        guard start < tokens.count else {
            if leading.isEmpty { return nil }
            throw .usage(
                "global options need a command to apply to (\(GlobalOptions.all.map(\.name).joined(separator: ", ")) go before or after one)"
            )
        }
        let command = try resolve(tokens[start].word)
        var arguments = try OptionParser.parse(Array(tokens[(start + 1)...]), in: text, for: command)
        if !leading.isEmpty {
            var globals = leading
            globals.merge(arguments.globals)
            arguments = CommandArguments(words: arguments.words, raw: arguments.raw, options: arguments.options, globals: globals)
        }
        return (command, arguments)
    }

    /// The command `words` name and its arguments, as from `beat`'s command line.
    public static func parse(words: [String]) throws(ShellError) -> (ShellCommand, CommandArguments)? {
        let (text, tokens) = OptionParser.tokens(words: words)
        return try parse(tokens, in: text)
    }

    /// The command a typed line names and its arguments (the first command of `a; b`).
    public static func parse(line: String) throws(ShellError) -> (ShellCommand, CommandArguments)? {
        guard let first = CommandWords.splitCommands(line).first else { return nil }
        return try parse(OptionParser.tokens(first), in: first)
    }

    /// Runs the command `words` name, as from `beat`'s command line.
    public static func run(words: [String], in session: Session) throws -> CommandOutcome {
        let (text, tokens) = OptionParser.tokens(words: words)
        return try run(tokens, in: text, session: session)
    }

    /// Runs one command line, given as typed (`text`) and as its words' tokens.
    /// - Throws: `ShellError` for an unknown command or bad arguments; the command's own errors.
    static func run(_ tokens: [LineToken], in text: String, session: Session) throws -> CommandOutcome {
        guard let (command, arguments) = try parse(tokens, in: text) else { return .success }
        return try session.with(arguments.globals) { try command.run(session, arguments) }
    }
}
