import BeatCore

/// The words of a query as its grammar sees them: a double-quoted phrase (with a
/// `filter:"…"` prefix) stays one word. Options are taken out before, by `OptionParser`.
enum QueryOptions {
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
            throw ShellError.query(error, text: inFilters ? filters : text, origin: inFilters ? .sessionFilters : .typed)
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
