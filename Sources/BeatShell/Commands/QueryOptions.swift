import BeatCore

/// Splits a query command's raw text into its query and its `--options`,
/// leaving everything inside double quotes (phrases) to the query.
struct QueryOptions {
    var query: String
    var values: [String: String]

    /// - Parameters:
    ///   - flags: options that take a value (`--limit 20`).
    ///   - command: for usage errors.
    init(_ raw: String, flags: Set<String>, command: String) throws {
        var kept: [Substring] = []
        var values: [String: String] = [:]
        var tokens = QueryOptions.tokens(raw)[...]
        while let token = tokens.popFirst() {
            guard token.hasPrefix("--") else {
                kept.append(token)
                continue
            }
            let name = String(token)
            guard flags.contains(name) else {
                let hint = Suggestion.closest(to: name, among: Array(flags)).map { " (did you mean \($0)?)" } ?? ""
                throw UsageError("unknown option \(name)\(hint)", command: command)
            }
            guard let value = tokens.popFirst() else { throw UsageError("\(name) needs a value", command: command) }
            values[name] = String(value)
        }
        query = kept.joined(separator: " ")
        self.values = values
    }

    /// Whitespace-separated tokens; a double-quoted run (with a `filter:"…"` prefix) stays one token.
    static func tokens(_ raw: String) -> [Substring] {
        var tokens: [Substring] = []
        var start: String.Index?
        var inQuotes = false
        var index = raw.startIndex
        while index < raw.endIndex {
            let character = raw[index]
            if character == "\"" { inQuotes.toggle() }
            if (character == " " || character == "\t" || character == "\n") && !inQuotes {
                if let s = start { tokens.append(raw[s..<index]) }
                start = nil
            } else if start == nil {
                start = index
            }
            index = raw.index(after: index)
        }
        if let s = start { tokens.append(raw[s...]) }
        return tokens
    }

    /// A positive whole number option, or `fallback` when absent.
    func number(_ name: String, default fallback: Int, command: String) throws -> Int {
        guard let text = values[name] else { return fallback }
        guard let value = Int(text), value > 0 else { throw UsageError("\(name) takes a positive number, not '\(text)'", command: command) }
        return value
    }
}

extension Session {
    /// Compiles `text` with the session's filters; a mistake becomes a usage
    /// error that shows the query with a caret under the column at fault.
    func compile(_ text: String) throws -> CompiledQuery {
        let context = try queryContext()
        do throws(QueryError) {
            return try QueryCompiler.compile(text, sessionFilters: filters, context: context)
        } catch {
            // The caret points into whichever text holds the mistake: the query, or the active filter.
            let inFilters = error.message.hasPrefix("session filter")
            throw UsageError(error.rendered(query: inFilters ? filters : text).withoutErrorPrefix)
        }
    }

    /// What compiling needs: the session's now, and the corpus's beats for `beat:NAME`.
    func queryContext() throws -> QueryContext {
        try BeatStore(corpus: try corpus()).queryContext(now: now)
    }

    /// The query as results name it: as typed, with the active filters.
    func shownQuery(_ text: String) -> String {
        let query = text.trimmingSpacesAndTabs
        guard !filters.isEmpty else { return query }
        return query.isEmpty ? filters : "\(query) \(filters)"
    }

    /// A search engine on the corpus.
    func searchEngine() throws -> SearchEngine { SearchEngine(corpus: try corpus()) }
}

extension String {
    /// A rendered query error without its leading `error: `, which the shell adds to every error.
    var withoutErrorPrefix: String {
        let text = trimmingTrailingNewlines
        return text.hasPrefix("error: ") ? String(text.dropFirst(7)) : text
    }
}
