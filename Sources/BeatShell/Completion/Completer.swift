import BeatCore
import Foundation

/// What the corpus can tell completion: the names people type after
/// `source:`, `venue:` and `author:`. A protocol so tests and the shell can
/// each give their own corpus.
public protocol CompletionSource {
    /// Source names present in the corpus.
    func sourceNames() -> [String]
    /// Up to a few dozen authors starting with `prefix`, ignoring ASCII case.
    func authors(prefix: String) -> [String]
    /// Up to a few dozen venues starting with `prefix`, ignoring ASCII case.
    func venues(prefix: String) -> [String]
    /// The names of the corpus's beats, for `beat:`, `beat show`, `beat rm` and `summary`.
    func beatNames() -> [String]
}

extension CompletionSource {
    /// A source without beats.
    public func beatNames() -> [String] { [] }
}

/// The candidates for the word under the cursor.
public struct Completion: Equatable, Sendable {
    /// The word being completed, as typed up to the cursor.
    public var word: String
    /// Full replacements for `word`, sorted, without duplicates.
    public var candidates: [String]

    public init(word: String, candidates: [String]) {
        self.word = word
        self.candidates = candidates
    }

    /// What every candidate starts with (at least `word` when all extend it).
    public var commonPrefix: String {
        guard var prefix = candidates.first else { return word }
        for candidate in candidates.dropFirst() {
            while !candidate.hasPrefix(prefix) { prefix.removeLast() }
        }
        return prefix
    }
}

/// Context-aware completion for the shell: commands at the start of a line,
/// each command's `--flags` and their values, query filter keys and the
/// corpus's own sources, venues, authors and beats, and file paths after `import`.
/// Pure apart from the corpus lookups and the file system; no terminal I/O.
public struct Completer {
    let source: (any CompletionSource)?
    /// Where relative paths are looked up.
    let currentDirectory: String

    public init(source: (any CompletionSource)?, currentDirectory: String = FileManager.default.currentDirectoryPath) {
        self.source = source
        self.currentDirectory = currentDirectory
    }

    static let filterKeys = ["source:", "venue:", "in:", "author:", "title:", "since:", "until:", "on:", "beat:"]
    /// What follows `beat`.
    static let beatActions = ["add", "show", "rm"]

    /// Candidates for the word that ends at the end of `line` (the text before the cursor).
    public func complete(_ line: String) -> Completion {
        let segment = Completer.lastCommand(line)
        var tokens = QueryOptions.tokens(String(segment)).map(String.init)
        let endsInSpace = segment.last.map { $0 == " " || $0 == "\t" } ?? true
        let word = endsInSpace ? "" : (tokens.popLast() ?? "")
        return Completion(word: word, candidates: Array(Set(candidates(for: word, after: tokens))).sorted())
    }

    /// What completes the word after `previous`, from the command table: the command's options
    /// and the global ones, an option's value by its kind, else the operands by theirs.
    private func candidates(for word: String, after typed: [String]) -> [String] {
        // Global options before the command (`--format json cou`) are passed over, with their values.
        var previous = typed[...]
        while let first = previous.first, let option = GlobalOptions.option(named: first) {
            if previous.count == 1 {
                // The global option is the word before the cursor: its value completes.
                return values(of: option, word)
            }
            previous = previous.dropFirst(option.value == .none ? 1 : 2)
        }
        guard let first = previous.first else {
            if word.hasPrefix("--") { return Completer.matching(GlobalOptions.all.map(\.name), word) }
            return CommandTable.all.map(\.name).filter { $0.hasPrefix(word) }
        }
        guard let command = CommandTable.find(first) else { return [] }
        let options = command.options + GlobalOptions.all
        // The value of the option just typed.
        if previous.count > 1, let before = previous.last, let option = options.first(where: { $0.name == before }),
            option.value != .none
        {
            return values(of: option, word)
        }
        if word.hasPrefix("--") || word == "-" && command.operands.kind != .paths {
            return Completer.matching(options.map(\.name), word)
        }
        // The operands typed so far, options and their values left out.
        var operands: [String] = []
        var index = previous.index(after: previous.startIndex)
        while index < previous.endIndex {
            if let option = options.first(where: { $0.name == previous[index] }) {
                if option.value != .none { index = previous.index(after: index) }
            } else {
                operands.append(previous[index])
            }
            if index < previous.endIndex { index = previous.index(after: index) }
        }
        switch command.operands.kind {
        case .none, .text: return []
        case .query: return filterCandidates(word)
        // `summary BEAT|QUERY`: a beat's name first, or the start of a query.
        case .beatOrQuery: return (operands.isEmpty ? beatNames(word) : []) + filterCandidates(word)
        case .paths: return paths(word)
        case .commandName: return operands.isEmpty ? Completer.matching(CommandTable.all.map(\.name), word) : []
        case .choice(let values): return operands.isEmpty ? Completer.matching(values, word) : []
        case .beatAction: return beatCandidates(word, after: [first] + operands)
        }
    }

    /// The values `option` takes that start with `word`.
    private func values(of option: CommandOption, _ word: String) -> [String] {
        switch option.value {
        case .none, .number, .date, .text: return []
        case .choice(let values): return Completer.matching(values, word)
        case .path: return paths(word)
        case .beatName(let extra): return Completer.matching(extra, word) + beatNames(word)
        case .venue: return (source?.venues(prefix: Completer.unquoted(word)) ?? []).map(Completer.quoted)
        case .author: return (source?.authors(prefix: Completer.unquoted(word)) ?? []).map(Completer.quoted)
        }
    }

    /// `beat add|show|rm`, then the name of a stored beat for show and rm, a query after `add NAME`.
    private func beatCandidates(_ word: String, after previous: [String]) -> [String] {
        switch previous.count {
        case 1: return Completer.matching(Completer.beatActions, word)
        case 2: return previous[1] == "show" || previous[1] == "rm" ? beatNames(word) : []
        default: return previous[1] == "add" ? filterCandidates(word) : []
        }
    }

    /// Stored beats whose names start with `word`.
    private func beatNames(_ word: String) -> [String] {
        (source?.beatNames() ?? []).filter { $0.hasPrefix(word.lowercased()) }
    }

    /// Filter keys, or the values of the key in `word`.
    private func filterCandidates(_ word: String) -> [String] {
        // A negated filter completes as the filter does, its `-` kept.
        if word.hasPrefix("-"), word.contains(":") { return filterCandidates(String(word.dropFirst())).map { "-" + $0 } }
        guard let colon = word.firstIndex(of: ":") else {
            return Completer.filterKeys.filter { $0.hasPrefix(word.lowercased()) }
        }
        let key = String(word[...colon])
        let value = Completer.unquoted(String(word[word.index(after: colon)...]))
        let names: [String]
        switch key.lowercased() {
        case "source:":
            names = (source?.sourceNames() ?? []).filter { $0.lowercased().hasPrefix(value.lowercased()) }
        case "venue:", "in:": names = source?.venues(prefix: value) ?? []
        case "author:": names = source?.authors(prefix: value) ?? []
        case "beat:": names = beatNames(value)
        default: return []
        }
        return names.map { key + Completer.quoted($0) }
    }

    /// Files and folders starting with `word`; folders end in `/`.
    private func paths(_ word: String) -> [String] {
        let typed = Completer.unquoted(word)
        let slash = typed.lastIndex(of: "/")
        let folderPart = slash.map { String(typed[...$0]) } ?? ""
        let namePart = slash.map { String(typed[typed.index(after: $0)...]) } ?? typed
        var folder = folderPart.isEmpty ? currentDirectory : folderPart
        if folder.hasPrefix("~") { folder = NSString(string: folder).expandingTildeInPath }
        if !folder.hasPrefix("/") { folder = currentDirectory + "/" + folder }
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return [] }
        return names.filter { $0.hasPrefix(namePart) && (namePart.hasPrefix(".") || !$0.hasPrefix(".")) }.map { name in
            var isFolder: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: folder + "/" + name, isDirectory: &isFolder)
            return Completer.quoted(folderPart + name + (isFolder.boolValue ? "/" : ""))
        }
    }

    static func matching(_ names: [String], _ word: String) -> [String] { names.filter { $0.hasPrefix(word) } }

    /// A value as typed on the line: double-quoted when it holds a space.
    static func quoted(_ value: String) -> String {
        value.contains(where: { $0 == " " || $0 == "\t" }) ? "\"" + value + "\"" : value
    }

    static func unquoted(_ value: String) -> String { value.filter { $0 != "\"" } }

    /// The text after the last `;` outside quotes: the command being typed.
    static func lastCommand(_ line: String) -> Substring {
        var start = line.startIndex
        var inQuotes = false
        var index = line.startIndex
        while index < line.endIndex {
            let character = line[index]
            if character == "\"" { inQuotes.toggle() }
            if character == ";" && !inQuotes { start = line.index(after: index) }
            index = line.index(after: index)
        }
        return line[start...].drop(while: { $0 == " " || $0 == "\t" })
    }
}

/// Completion look-ups in a corpus, answered by the engine (each one an index search, never a scan).
public final class CorpusCompletions: CompletionSource {
    private let open: () throws -> Corpus

    /// - Parameter corpus: opens the corpus on first use (the shell opens it lazily).
    public init(corpus: @escaping () throws -> Corpus) { open = corpus }

    private var engine: SearchEngine? { (try? open()).map(SearchEngine.init(corpus:)) }

    public func sourceNames() -> [String] { (try? engine?.sourcesPresent()) ?? [] }
    public func authors(prefix: String) -> [String] { (try? engine?.authors(prefix: prefix)) ?? [] }
    public func beatNames() -> [String] {
        guard let corpus = try? open(), let beats = try? BeatStore(corpus: corpus).list() else { return [] }
        return beats.map(\.name)
    }
    public func venues(prefix: String) -> [String] { (try? engine?.venues(prefix: prefix)) ?? [] }
}
