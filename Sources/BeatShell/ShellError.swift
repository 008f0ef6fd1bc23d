import BeatCore

/// What went wrong with a command line, as facts: the shell words every case in one place
/// (`description`), with the command's usage when the mistake is in how it was called.
public enum ShellError: Error, Equatable, Sendable {
    /// A first word that names no command (`serch`), with the closest name when one is close.
    case unknownCommand(String, suggestion: String?)
    /// A prefix of several commands (`s`).
    case ambiguousCommand(String, candidates: [String])
    /// `--limt`: an option neither the command nor the global options declare.
    case unknownOption(String, command: String?, suggestion: String?)
    /// `--limit` at the end of the line.
    case missingValue(option: String, placeholder: String, command: String?)
    /// `--sort newest`, `--limit 0`: a value of the wrong kind.
    case badValue(option: String, value: String, expected: String, command: String?, suggestion: String?)
    /// `--all=yes`: a switch given a value.
    case unexpectedValue(option: String, command: String?)
    /// A quote left open on the line, with the line and the 1-based column of the quote.
    case unclosedQuote(reason: String, line: String, column: Int)
    /// A mistake in a query, shown with a caret under it in the text it came from.
    case query(QueryError, text: String, origin: QueryOrigin)
    /// Operands a command cannot take (a missing file name, one too many), in words.
    case usage(String, command: String? = nil)
    /// The command ran and could not do what was asked.
    case failed(String)

    /// Which text a query error points into.
    public enum QueryOrigin: Equatable, Sendable {
        /// The query typed with the command.
        case typed
        /// The session's active filters (`filter …`), applied to every query.
        case sessionFilters
    }

    /// The exit status the mistake gives: 2 for how a command was called, 1 for a command that failed.
    public var exitStatus: Int32 {
        if case .failed = self { return 1 }
        return 2
    }

    /// The command whose usage the message ends with.
    var command: String? {
        switch self {
        case .unknownOption(_, let command, _), .missingValue(_, _, let command), .badValue(_, _, _, let command, _),
            .unexpectedValue(_, let command), .usage(_, let command):
            return command
        default:
            return nil
        }
    }
}

extension ShellError: CustomStringConvertible {
    /// The message, without the `error: ` every message gets when reported.
    public var description: String {
        var text: String
        switch self {
        case .unknownCommand(let name, let suggestion):
            text =
                "unknown command '\(name)'." + (suggestion.map { " Did you mean '\($0)'?" } ?? "")
                + " Type 'help' for the list of commands."
        case .ambiguousCommand(let name, let candidates):
            text = "'\(name)' could be \(candidates.joined(separator: ", ")); type more of it"
        case .unknownOption(let name, _, let suggestion):
            text = "unknown option \(name)" + (suggestion.map { " (did you mean \($0)?)" } ?? "")
        case .missingValue(let option, let placeholder, _):
            text = "\(option) needs a value (\(option) \(placeholder))"
        case .badValue(let option, let value, let expected, _, let suggestion):
            text = "\(option) takes \(expected), not '\(value)'" + (suggestion.map { " (did you mean '\($0)'?)" } ?? "")
        case .unexpectedValue(let option, _):
            text = "\(option) takes no value"
        case .unclosedQuote(let reason, let line, let column):
            // The caret under the quote is drawn as a query's is: one renderer of carets.
            text = QueryError(message: reason, column: column, length: 1).rendered(query: line).withoutErrorPrefix
        case .query(let error, let query, _):
            text = error.rendered(query: query).withoutErrorPrefix
        case .usage(let message, _), .failed(let message):
            text = message
        }
        if let command, let found = CommandTable.find(command) {
            text += "\nusage: \(found.usage)   (see: help \(command))"
        }
        return text
    }
}

extension ShellError {
    /// Any error a command throws, as the message the shell reports (without `error: `) and
    /// the exit status: the one place errors are worded.
    static func report(_ error: any Error) -> (String, Int32) {
        switch error {
        case let error as ShellError: return (error.description, error.exitStatus)
        case let failure as CommandFailure: return (failure.description, 1)
        default: return ("\(error)", 1)
        }
    }
}
