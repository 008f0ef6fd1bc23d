import BeatCore

/// One word of a command line: where it stands in the text as typed, and the word it is
/// once its quotes are removed.
struct LineToken: Equatable {
    var range: Range<String.Index>
    var word: String
    /// True when some of it was quoted or escaped: `"--limit"` is a query word, not an option.
    var isQuoted: Bool
}

/// What follows a command's name, its options taken out: the operands as typed (for queries,
/// whose quotes are part of the grammar) and as words (file names, beat names), the command's
/// options and the global ones.
public struct CommandArguments: Sendable {
    public let words: [String]
    public let raw: String
    public let options: ParsedOptions
    public let globals: GlobalSettings

    public init(words: [String], raw: String, options: ParsedOptions = ParsedOptions(), globals: GlobalSettings = GlobalSettings()) {
        self.words = words
        self.raw = raw
        self.options = options
        self.globals = globals
    }
}

/// A command's options as given, values checked against their declared kind.
public struct ParsedOptions: Sendable, Equatable {
    var values: [String: [String]] = [:]

    public init() {}

    /// True when the option was given.
    public func has(_ name: String) -> Bool { values[name] != nil }

    /// The option's value (the last one when given twice).
    public func value(_ name: String) -> String? { values[name]?.last }

    /// Every value of a repeatable option, in order.
    public func all(_ name: String) -> [String] { values[name] ?? [] }

    /// A `.number` option's value, or `fallback`.
    public func number(_ name: String, default fallback: Int) -> Int { value(name).flatMap { Int($0) } ?? fallback }

    /// A `.choice` option's value as its type, or nil when not given.
    public func choice<T: RawRepresentable>(_ name: String, as type: T.Type) -> T? where T.RawValue == String {
        value(name).flatMap(T.init(rawValue:))
    }
}

/// The one parser of command lines: options anywhere among the operands (`count x --by month`,
/// `--format json count x`), `--name value` or `--name=value`, aware of query text: a quoted
/// phrase, a `key:"value"` filter or a quoted `"--word"` stays in the query, and `--` ends the
/// options.
enum OptionParser {
    /// The words of `text`, split as `CommandWords.split` splits them (quotes and backslashes).
    static func tokens(_ text: String) throws(ShellError) -> [LineToken] {
        var tokens: [LineToken] = []
        var start: String.Index?
        var word = ""
        var quoted = false
        var quote: Character?
        var quoteStart = text.startIndex
        var escaping = false
        var index = text.startIndex
        func close(at end: String.Index) {
            if let s = start { tokens.append(LineToken(range: s..<end, word: word, isQuoted: quoted)) }
            start = nil
            word = ""
            quoted = false
        }
        while index < text.endIndex {
            let character = text[index]
            defer { index = text.index(after: index) }
            if escaping {
                word.append(character)
                escaping = false
                continue
            }
            if let q = quote {
                if character == q {
                    quote = nil
                } else if character == "\\" && q == "\"" {
                    escaping = true
                } else {
                    word.append(character)
                }
                continue
            }
            switch character {
            case " ", "\t", "\n":
                close(at: index)
            case "'", "\"":
                if start == nil { start = index }
                quote = character
                quoteStart = index
                quoted = true
            case "\\":
                if start == nil { start = index }
                escaping = true
                quoted = true
            default:
                if start == nil { start = index }
                word.append(character)
            }
        }
        if let quote {
            let column = text.distance(from: text.startIndex, to: quoteStart) + 1
            throw .unclosedQuote(reason: "the \(quote) opened here is not closed", line: text, column: column)
        }
        close(at: text.endIndex)
        return tokens
    }

    /// Tokens for words that arrive one by one (`beat count x --by month`): the calling shell
    /// removed their quotes already, so each is one word as it stands.
    static func tokens(words: [String]) -> (text: String, tokens: [LineToken]) {
        let text = words.joined(separator: " ")
        var tokens: [LineToken] = []
        var index = text.startIndex
        for (number, word) in words.enumerated() {
            if number > 0 { index = text.index(after: index) }
            let end = text.index(index, offsetBy: word.count)
            tokens.append(LineToken(range: index..<end, word: word, isQuoted: false))
            index = end
        }
        return (text, tokens)
    }

    /// The global options at the start of a line (`--format json count x`), and the index of
    /// the first token after them.
    static func leadingGlobals(_ tokens: [LineToken], in text: String) throws(ShellError) -> (GlobalSettings, Int) {
        var globals = GlobalSettings()
        var index = 0
        while index < tokens.count, let (name, inline) = optionName(tokens[index]) {
            guard let option = GlobalOptions.option(named: name) else {
                throw .unknownOption(name, command: nil, suggestion: Suggestion.closest(to: name, among: GlobalOptions.all.map(\.name)))
            }
            let value = try self.value(of: option, inline: inline, tokens: tokens, index: &index, command: nil)
            try globals.set(name, value, command: nil)
            index += 1
        }
        return (globals, index)
    }

    /// The arguments of `command`: `tokens` are the words after its name in `text`.
    static func parse(_ tokens: [LineToken], in text: String, for command: ShellCommand) throws(ShellError) -> CommandArguments {
        var options = ParsedOptions()
        var globals = GlobalSettings()
        var kept: [LineToken] = []
        var optionsEnded = false
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            let verbatim = command.operands.verbatimAfter.map { kept.count >= $0 } ?? false
            if optionsEnded || verbatim {
                kept.append(token)
            } else if token.word == "--" && !token.isQuoted {
                optionsEnded = true
            } else if let (name, inline) = optionName(token) {
                if let option = command.options.first(where: { $0.name == name }) {
                    let value = try self.value(of: option, inline: inline, tokens: tokens, index: &index, command: command.name)
                    if options.values[name] != nil && !option.repeats {
                        throw .usage("\(name) is given twice", command: command.name)
                    }
                    options.values[name, default: []].append(value ?? "")
                } else if let option = GlobalOptions.option(named: name) {
                    let value = try self.value(of: option, inline: inline, tokens: tokens, index: &index, command: command.name)
                    try globals.set(name, value, command: command.name)
                } else {
                    let names = command.options.map(\.name) + GlobalOptions.all.map(\.name)
                    throw .unknownOption(name, command: command.name, suggestion: Suggestion.closest(to: name, among: names))
                }
            } else {
                kept.append(token)
            }
            index += 1
        }
        return CommandArguments(words: kept.map(\.word), raw: operandText(kept, in: text), options: options, globals: globals)
    }

    /// `--name` or `--name=value` in an unquoted token; nil for anything else (`-word`, `--`, `"--x"`).
    private static func optionName(_ token: LineToken) -> (String, String?)? {
        let word = token.word
        guard !token.isQuoted, word.hasPrefix("--"), word.count > 2, word.dropFirst(2).first?.isLetter == true else { return nil }
        guard let equals = word.firstIndex(of: "=") else { return (word, nil) }
        return (String(word[..<equals]), String(word[word.index(after: equals)...]))
    }

    /// The value of `option` (nil for a switch), taken from `--name=value` or the next token,
    /// and checked against its kind.
    private static func value(
        of option: CommandOption, inline: String?, tokens: [LineToken], index: inout Int, command: String?
    ) throws(ShellError) -> String? {
        guard option.value != .none else {
            if inline != nil { throw .unexpectedValue(option: option.name, command: command) }
            return nil
        }
        let value: String
        if let inline {
            value = inline
        } else {
            let next = index + 1
            guard next < tokens.count, optionName(tokens[next]) == nil else {
                throw .missingValue(option: option.name, placeholder: option.placeholder, command: command)
            }
            index = next
            value = tokens[next].word
        }
        return try check(value, for: option, command: command)
    }

    /// The value as the command reads it (a choice in its own spelling); a value of the wrong
    /// kind is an error naming what the option takes.
    static func check(_ value: String, for option: CommandOption, command: String?) throws(ShellError) -> String {
        switch option.value {
        case .number:
            guard let number = Int(value), number > 0 else {
                throw .badValue(option: option.name, value: value, expected: "a positive number", command: command, suggestion: nil)
            }
        case .choice(let values):
            guard let read = option.reading(value) else {
                throw .badValue(
                    option: option.name, value: value, expected: OptionParser.either(values), command: command,
                    suggestion: Suggestion.closest(to: value, among: values))
            }
            return read
        case .none, .date, .path, .beatName, .venue, .author, .text:
            if value.isEmpty {
                throw .missingValue(option: option.name, placeholder: option.placeholder, command: command)
            }
        }
        return value
    }

    /// `rank, new or old`.
    static func either(_ values: [String]) -> String {
        values.count < 2 ? values.joined() : values.dropLast().joined(separator: ", ") + " or " + values[values.count - 1]
    }

    /// The operands as typed: the text of the kept tokens, with what stood between them.
    static func operandText(_ kept: [LineToken], in text: String) -> String {
        var result = ""
        var previous: LineToken?
        for token in kept {
            if let previous {
                // Keep the spacing typed between neighbours; one space where an option was taken out.
                let between = text[previous.range.upperBound..<token.range.lowerBound]
                result += between.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\n" }) ? String(between) : " "
            }
            result += text[token.range]
            previous = token
        }
        return result
    }
}
