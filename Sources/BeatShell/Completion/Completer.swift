import BeatCore
import BeatSQLite
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

    /// Options of each command, and which of them take a value.
    static let flags: [String: [String]] = [
        "search": ["--sort", "--limit"],
        "count": ["--by"],
        "quotes": ["--limit"],
        "authors": ["--limit"],
        "spread": ["--top"],
        "links": ["--limit"],
        "import": ["--as", "--source", "--venue", "--map", "--date-format", "--strict"],
        "beat": ["--replace"],
        "check": ["--all"],
        "summary": ["--since", "--until", "--vs", "--quotes", "--format", "--out"],
    ]
    static let flagsWithoutValue: Set<String> = ["--strict", "--replace", "--all"]
    /// Commands whose arguments are a query with filters.
    static let queryCommands: Set<String> = ["search", "count", "quotes", "authors", "export", "filter", "spread", "links"]
    /// Commands whose arguments are file names.
    static let pathCommands: Set<String> = ["import", "run", "check"]
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

    private func candidates(for word: String, after previous: [String]) -> [String] {
        guard let first = previous.first else {
            return CommandTable.all.map(\.name).filter { $0.hasPrefix(word) }
        }
        let command = CommandTable.find(first)?.name ?? first
        let before = previous.count > 1 ? previous.last : nil
        // The value of the option just typed.
        if let before, before.hasPrefix("--"), Completer.flags[command]?.contains(before) == true {
            switch before {
            case "--sort": return Completer.matching(["rank", "new", "old"], word)
            case "--by": return Completer.matching(["source", "venue", "author", "day", "week", "month"], word)
            case "--as": return Completer.matching(ImportFormat.allCases.map(\.rawValue), word)
            case "--source": return Completer.matching(SourceKind.allCases.map(\.rawValue), word)
            case "--venue": return (source?.venues(prefix: Completer.unquoted(word)) ?? []).map(Completer.quoted)
            case "--vs": return Completer.matching(["previous"], word) + beatNames(word)
            case "--format": return Completer.matching(OutputFormat.allCases.map(\.rawValue), word)
            case "--out": return paths(word)
            case _ where Completer.flagsWithoutValue.contains(before): break
            default: return []
            }
        }
        if word.hasPrefix("-"), let flags = Completer.flags[command], word.hasPrefix("--") || word == "-" {
            return Completer.matching(flags, word)
        }
        switch command {
        case "format": return previous.count == 1 ? Completer.matching(OutputFormat.allCases.map(\.rawValue), word) : []
        case "help": return previous.count == 1 ? Completer.matching(CommandTable.all.map(\.name), word) : []
        case "beat": return beatCandidates(word, after: previous)
        // `summary BEAT|QUERY`: a beat's name first, or the start of a query.
        case "summary": return (previous.count == 1 ? beatNames(word) : []) + filterCandidates(word)
        case _ where Completer.pathCommands.contains(command): return paths(word)
        case _ where Completer.queryCommands.contains(command): return filterCandidates(word)
        default: return []
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

/// Completion lookups in a corpus, each one an index search (never a scan).
public final class CorpusCompletions: CompletionSource {
    private let open: () throws -> Corpus

    /// - Parameter corpus: opens the corpus on first use (the shell opens it lazily).
    public init(corpus: @escaping () throws -> Corpus) { open = corpus }

    /// Distinct authors in `[?1, ?2)` (`?2` is the prefix followed by the
    /// highest character), in the NOCASE index's order. Each step seeks the
    /// next name after the previous one, so a prolific author costs one index
    /// probe rather than a walk over all their posts. Names differing only in
    /// case come back once (filters ignore case anyway).
    public static let authorSQL = distinctSQL("author")
    public static let venueSQL = distinctSQL("venue")

    private static func distinctSQL(_ column: String) -> String {
        """
        WITH RECURSIVE names(name) AS (
          SELECT (SELECT \(column) FROM posts WHERE \(column) >= ?1 COLLATE NOCASE AND \(column) < ?2 COLLATE NOCASE
                  ORDER BY \(column) COLLATE NOCASE LIMIT 1)
          UNION ALL
          SELECT (SELECT \(column) FROM posts WHERE \(column) > name COLLATE NOCASE AND \(column) < ?2 COLLATE NOCASE
                  ORDER BY \(column) COLLATE NOCASE LIMIT 1)
          FROM names WHERE name IS NOT NULL
        )
        SELECT name FROM names WHERE name IS NOT NULL LIMIT 50
        """
    }
    /// One index probe per source kind (posts_source_id).
    public static let sourceSQL = "SELECT 1 FROM posts WHERE source = ?1 LIMIT 1"

    public func sourceNames() -> [String] {
        guard let corpus = try? open() else { return [] }
        return SourceKind.allCases.map(\.rawValue).filter {
            (try? corpus.connection.scalar(CorpusCompletions.sourceSQL, [.text($0)])) != nil
        }
    }

    public func authors(prefix: String) -> [String] { names(CorpusCompletions.authorSQL, prefix) }
    public func beatNames() -> [String] {
        guard let corpus = try? open(), let beats = try? BeatStore(corpus: corpus).list() else { return [] }
        return beats.map(\.name)
    }
    public func venues(prefix: String) -> [String] { names(CorpusCompletions.venueSQL, prefix) }

    private func names(_ sql: String, _ prefix: String) -> [String] {
        guard let corpus = try? open() else { return [] }
        var names: [String] = []
        try? corpus.connection.forEachRow(sql, CorpusCompletions.bounds(prefix)) { row in
            if let name = row.value(0).stringValue, !name.isEmpty { names.append(name) }
        }
        return names
    }

    /// The range of strings starting with `prefix`.
    public static func bounds(_ prefix: String) -> [SQLiteValue] {
        [.text(prefix), .text(prefix + "\u{10FFFF}")]
    }
}
