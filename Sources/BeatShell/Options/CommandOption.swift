import BeatCore

/// What an option's value is, which decides how it is checked, written in `usage` and completed.
public enum OptionValue: Sendable, Equatable {
    /// A switch: `--all`.
    case none
    /// A whole number above zero: `--limit 20`.
    case number
    /// A date as queries write them: `2026-04-01`, `2026-04`, `30d`.
    case date
    /// One of a closed list: `--sort rank|new|old`.
    case choice([String])
    /// A file name.
    case path
    /// A stored beat's name, or one of `extra` (`--vs previous|BEAT`).
    case beatName(extra: [String])
    /// A venue of the corpus.
    case venue
    /// An author of the corpus.
    case author
    /// Free text in a shape the placeholder names (`NAME=VALUE`, `PATTERN`).
    case text

    /// The values of a `CaseIterable` type, as typed.
    public static func choice<T: CaseIterable & RawRepresentable>(of type: T.Type) -> OptionValue where T.RawValue == String {
        .choice(type.allCases.map(\.rawValue))
    }
}

/// One option of a command (or of every command): declared once, it drives parsing, `usage`,
/// `help COMMAND`, completion and the README's tables.
public struct CommandOption: Sendable {
    /// `--limit`.
    public let name: String
    public let value: OptionValue
    /// What `usage` writes for the value: `N`, `DATE`, `FILE` (a choice writes its values).
    public let placeholder: String
    /// One line for `help COMMAND`.
    public let help: String
    /// May be given more than once (`--param A=1 --param B=2`).
    public let repeats: Bool
    /// Reads a choice's value as typed into one of its values (`hn` → `hackernews`); nil refuses it.
    let reading: @Sendable (String) -> String?

    public init(
        _ name: String, _ value: OptionValue = .none, placeholder: String = "", repeats: Bool = false, help: String,
        reading: (@Sendable (String) -> String?)? = nil
    ) {
        self.name = name
        self.value = value
        self.repeats = repeats
        self.help = help
        if let reading {
            self.reading = reading
        } else if case .choice(let values) = value {
            self.reading = { typed in values.contains(typed) ? typed : values.first { $0 == typed.lowercased() } }
        } else {
            self.reading = { $0 }
        }
        if case .choice(let values) = value, placeholder.isEmpty {
            self.placeholder = values.joined(separator: "|")
        } else {
            self.placeholder = placeholder
        }
    }

    /// `--limit N`, `--all`, `--param NAME=VALUE`.
    public var synopsis: String {
        value == .none ? name : "\(name) \(placeholder)"
    }

    /// `--limit N`, as a command's usage line writes it.
    public static func limit(_ what: String, default fallback: Int = 20) -> CommandOption {
        CommandOption("--limit", .number, placeholder: "N", help: "at most N \(what) (default \(fallback))")
    }
}

/// What a command takes besides its options: how `usage` writes it, and what completes there.
public struct CommandOperands: Sendable, Equatable {
    /// What completes in the operands' place.
    public enum Kind: Sendable, Equatable {
        /// Nothing.
        case none
        /// A query of the search grammar (filter keys and the corpus's names complete).
        case query
        /// A stored beat's name, or a query.
        case beatOrQuery
        /// File names.
        case paths
        /// A command's name.
        case commandName
        /// One word of a closed list first (`format json`, `timer on`).
        case choice([String])
        /// `beat add|show|rm`, then a beat's name or a query.
        case beatAction
        /// Anything; nothing completes.
        case text
    }

    /// `QUERY`, `FILE...`, `[COMMAND]`; empty when the command takes nothing.
    public let synopsis: String
    public let kind: Kind
    /// After this many operands the rest of the line is kept as typed, options included
    /// (`set NAME VALUE`: a value may hold `--limit 5`); nil reads options to the end.
    public let verbatimAfter: Int?

    public init(_ synopsis: String, _ kind: Kind, verbatimAfter: Int? = nil) {
        self.synopsis = synopsis
        self.kind = kind
        self.verbatimAfter = verbatimAfter
    }

    public static let none = CommandOperands("", .none)
}
