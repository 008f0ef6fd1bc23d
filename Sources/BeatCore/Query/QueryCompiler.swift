import BeatSQLite

/// Compiles Beat's query language to a `CompiledQuery`.
///
/// ```swift
/// let query = try QueryCompiler.compile(
///     "\"open weights\" source:reddit in:LocalLLaMA since:2026-04-01", context: QueryContext(now: now))
/// // query.match == "\"open weights\"", query.conditions == [.source(in: ["reddit"], negated: false)]
/// ```
///
/// The language: words (all must match), `"exact phrases"`, `OR`, `NOT` or
/// `-word`, parentheses, `prefix*`, `a NEAR/5 b` and `NEAR(a b, 5)`; filters
/// `source:`, `venue:` (`in:`), `author:`, `title:`, `since:`, `until:`, `on:`
/// and `beat:`, each negatable with `-`. OR binds tighter than the implicit
/// AND. Text → `QueryLexer` → `QueryParser` (a tree with columns) →
/// `TextCompiler` and `FilterCompiler` → `CompiledQuery`.
public enum QueryCompiler {
    /// Compiles `text`.
    /// - Throws: `QueryError` for a genuine mistake, with its column and a hint.
    public static func compile(_ text: String, context: QueryContext) throws(QueryError) -> CompiledQuery {
        try compile(text, context: context, beatStack: [])
    }

    /// Compiles `text` under session filters (`filter source:reddit since:30d`):
    /// both must hold. A value of a key in `text` does not widen the session's
    /// filter of that key (session `source:reddit` and `source:hn` find nothing).
    /// - Throws: `QueryError`; for a mistake in `sessionFilters`, its message starts with "session filter: ".
    public static func compile(_ text: String, sessionFilters: String, context: QueryContext) throws(QueryError) -> CompiledQuery {
        let session: ParsedText
        do {
            session = try ParsedText(sessionFilters, label: "session filter")
        } catch {
            throw error.labelled("session filter")
        }
        return try assemble([session, try ParsedText(text)], context: context, beatStack: [])
    }

    static func compile(_ text: String, context: QueryContext, beatStack: [String]) throws(QueryError) -> CompiledQuery {
        try assemble([try ParsedText(text)], context: context, beatStack: beatStack)
    }

    /// One query text, parsed and compiled apart from the others.
    struct ParsedText {
        var text: CompiledText?
        var filters: [QueryFilter]
        /// Said before the messages of mistakes found later in this text's filters.
        var label: String?

        init(_ source: String, label: String? = nil) throws(QueryError) {
            self.label = label
            let root = try QueryParser.parse(source)
            guard case .and(let items) = root.kind else {
                throw QueryError("cannot read this query", at: root.span)
            }
            var textItems: [QueryNode] = []
            filters = []
            for item in items {
                switch item.kind {
                case .filter(let filter):
                    filters.append(filter)
                case .not(let operand):
                    if case .filter(var filter) = operand.kind {
                        filter.negated = true
                        filter.span = item.span
                        filters.append(filter)
                    } else {
                        textItems.append(item)
                    }
                default:
                    textItems.append(item)
                }
            }
            text = try TextCompiler.compile(textItems)
        }
    }

    private static func assemble(_ parts: [ParsedText], context: QueryContext, beatStack: [String]) throws(QueryError) -> CompiledQuery {
        var filters = FilterCompiler(context: context, beatStack: beatStack)
        // Each text's own dates must leave some time (else it is an error); texts together may still exclude each other.
        for part in parts {
            do {
                try filters.add(part.filters)
            } catch {
                throw part.label.map { error.labelled($0) } ?? error
            }
        }
        var isEmpty = false
        var text: CompiledText?
        for part in parts.compactMap(\.text) { text = text.map { $0.and(part) } ?? part }
        var query = CompiledQuery()
        query.conditions = filters.conditions
        if let match = text?.match {
            query.match = match.rendered
        } else if let text, !text.negatives.isEmpty {
            // Only exclusions: FTS5 cannot match "not x" alone, so exclude the rows that match x.
            query.conditions.append(.notMatching(FTSExpression.any(text.negatives).rendered))
        }
        let mask = (Int64(1) << Schema.sequenceBits) - 1
        if filters.earliest != nil || filters.latest != nil {
            let first = filters.earliest.map(firstID) ?? Int64.min
            let last = filters.latest.map { firstID($0) | mask } ?? Int64.max
            if first <= last { query.idRange = first...last } else { isEmpty = true }
        }
        query.isEmptyRange = isEmpty
        query.description = describe(text: text, phrases: filters.phrases)
        for beat in filters.beats {
            let description = query.description
            query = query.combined(with: beat)
            query.description = description
        }
        return query
    }

    /// The first post id of a second, clamped far outside any real date so the shift cannot overflow.
    private static func firstID(_ seconds: Int64) -> Int64 {
        let limit = Int64(1) << (62 - Schema.sequenceBits)
        return min(max(seconds, -limit), limit) << Schema.sequenceBits
    }

    /// `posts matching "open weights" from reddit in LocalLLaMA since 2026-04-01`.
    private static func describe(text: CompiledText?, phrases: [String]) -> String {
        guard let text else { return (["all posts"] + phrases).joined(separator: " ") }
        var words = [
            text.positive != nil
                ? "posts matching " + text.display : "posts without " + FilterCompiler.list(text.shownExcluded)
        ]
        words += phrases
        if !text.ignored.isEmpty {
            words.append("(ignoring \(text.ignored.joined(separator: " ")): not searchable)")
        }
        return words.joined(separator: " ")
    }
}

extension QueryError {
    /// The same mistake, its message prefixed with where it is: `session filter: …`.
    func labelled(_ label: String) -> QueryError {
        QueryError(message: label + ": " + message, column: column, length: length, hint: hint)
    }
}
