/// One command of Beat, as the shell and the command line know it: its name,
/// help, and what it does. The table of these drives dispatch, `help` and
/// completion alike.
public struct ShellCommand: Sendable {
    public let name: String
    /// One line for `help`.
    public let summary: String
    /// The syntax, for `help NAME` and usage errors.
    public let usage: String
    /// Real examples for `help NAME`.
    public let examples: [String]
    /// Longer description for `help NAME`.
    public let details: String
    let run: @Sendable (Session, CommandArguments) throws -> CommandOutcome
}

/// What follows a command's name: as words (quotes removed, for file names
/// and options) and as typed (for queries, whose quotes are part of the grammar).
public struct CommandArguments: Sendable {
    public let words: [String]
    public let raw: String

    public init(words: [String], raw: String) {
        self.words = words
        self.raw = raw
    }
}

/// How a command ended, for the exit status.
public enum CommandOutcome: Equatable, Sendable {
    case success
    /// The command ran but something in it failed (records skipped, a file unreadable).
    case failure
}

/// A mistake in how a command was called; exit status 2.
public struct UsageError: Error, CustomStringConvertible {
    public let message: String
    public let command: String?

    public init(_ message: String, command: String? = nil) {
        self.message = message
        self.command = command
    }

    public var description: String {
        guard let command else { return message }
        return "\(message)\nusage: \(CommandTable.find(command)?.usage ?? command)   (see: help \(command))"
    }
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
        RunCommand.command,
        SetCommand.command,
        TimerCommand.command,
        PagerCommand.command,
        HistoryCommand.command,
        HelpCommand.command,
        QuitCommand.command,
    ]

    /// The command called `name`, or the only one `name` is a prefix of.
    public static func find(_ name: String) -> ShellCommand? {
        if let exact = all.first(where: { $0.name == name }) { return exact }
        let matches = all.filter { $0.name.hasPrefix(name) }
        return matches.count == 1 ? matches[0] : nil
    }

    /// Runs one command line's words.
    /// - Throws: `UsageError` for an unknown command or bad arguments; the command's own errors.
    public static func run(_ words: [String], raw: String, in session: Session) throws -> CommandOutcome {
        guard let name = words.first else { return .success }
        guard let command = find(name) else {
            let ambiguous = all.filter { $0.name.hasPrefix(name) }.map(\.name)
            if ambiguous.count > 1 {
                throw UsageError("'\(name)' could be \(ambiguous.joined(separator: ", ")); type more of it")
            }
            let hint = Suggestion.closest(to: name, among: all.map(\.name)).map { " Did you mean '\($0)'?" } ?? ""
            throw UsageError("unknown command '\(name)'.\(hint) Type 'help' for the list of commands.")
        }
        return try command.run(session, CommandArguments(words: Array(words.dropFirst()), raw: raw))
    }
}

import BeatCore
