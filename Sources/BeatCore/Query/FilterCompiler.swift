/// The filters of one query text compiled: conditions on the posts row, the date span,
/// and the words that describe them.
///
/// Filters with the same key are alternatives (`source:reddit source:hn` is
/// either); different keys must all hold; a negated filter excludes each of
/// its values.
struct FilterCompiler {
    var conditions: [PostCondition] = []
    /// First and last second allowed by the date filters.
    var earliest: Int64?
    var latest: Int64?
    /// The parts of the description, in order: `from reddit`, `since 2026-04-01`.
    var phrases: [String] = []
    /// Beats whose queries are inlined (one positive `beat:` value).
    var beats: [CompiledQuery] = []

    let context: QueryContext
    /// Beats being compiled, outermost first, to refuse a beat that includes itself.
    let beatStack: [String]

    init(context: QueryContext, beatStack: [String]) {
        self.context = context
        self.beatStack = beatStack
    }

    /// Adds the filters of one query text.
    mutating func add(_ filters: [QueryFilter]) throws(QueryError) {
        try addSources(filters.filter { $0.key == .source })
        addNames(filters.filter { $0.key == .venue }, column: "venue", positive: "in", negative: "not in")
        addNames(filters.filter { $0.key == .author }, column: "author", positive: "by", negative: "not by")
        try addDates(filters.filter(\.key.isDate))
        try addBeats(filters.filter { $0.key == .beat })
    }

    private mutating func add(_ condition: PostCondition) {
        conditions.append(condition)
    }

    /// `a`, `a or b`, `a, b or c`.
    static func list(_ items: [String]) -> String {
        guard let last = items.last else { return "" }
        return items.count == 1 ? last : items.dropLast().joined(separator: ", ") + " or " + last
    }

    private static func unique(_ values: [String]) -> [String] {
        var seen = Set<String>()
        return values.filter { seen.insert($0).inserted }
    }

    // MARK: - Source, venue, author

    private mutating func addSources(_ filters: [QueryFilter]) throws(QueryError) {
        for negated in [false, true] {
            var names: [String] = []
            for filter in filters where filter.negated == negated {
                for value in filter.values {
                    guard let kind = SourceKind(name: value.text) else {
                        let known = SourceKind.allCases.map(\.rawValue)
                        let guess = Suggestion.closest(to: value.text, among: known).map { "did you mean '\($0)'? " } ?? ""
                        throw QueryError(
                            "unknown source '\(value.text)'", at: value.span,
                            hint: guess + "sources are \(known.joined(separator: ", ")) (also hn, bsky, rss)")
                    }
                    names.append(kind.rawValue)
                }
            }
            names = Self.unique(names)
            guard !names.isEmpty else { continue }
            add(.source(in: names, negated: negated))
            phrases.append((negated ? "not from " : "from ") + Self.list(names))
        }
    }

    /// Venue and author: compared without regard to ASCII case; `r/X` also
    /// finds the venue `X` and `@x` the author `x`.
    private mutating func addNames(_ filters: [QueryFilter], column: String, positive: String, negative: String) {
        for negated in [false, true] {
            var shown: [String] = []
            var matched: [String] = []
            for filter in filters where filter.negated == negated {
                for value in filter.values {
                    shown.append(value.text)
                    matched.append(value.text)
                    if let bare = Self.bareName(value.text, column: column) { matched.append(bare) }
                }
            }
            matched = Self.unique(matched)
            guard !matched.isEmpty else { continue }
            add(column == "venue" ? .venue(in: matched, negated: negated) : .author(in: matched, negated: negated))
            phrases.append((negated ? negative : positive) + " " + Self.list(Self.unique(shown)))
        }
    }

    private static func bareName(_ text: String, column: String) -> String? {
        if column == "venue" {
            for prefix in ["/r/", "r/"] where text.lowercased().hasPrefix(prefix) && text.count > prefix.count {
                return String(text.dropFirst(prefix.count))
            }
        } else if text.hasPrefix("@") && text.count > 1 {
            return String(text.dropFirst())
        }
        return nil
    }

    // MARK: - Dates

    private mutating func addDates(_ filters: [QueryFilter]) throws(QueryError) {
        var since: [QueryDate] = []
        var until: [QueryDate] = []
        var on: [QueryDate] = []
        var excluded: [String] = []
        for filter in filters {
            for value in filter.values {
                let date = try QueryDate.parse(value.text, now: context.now, span: value.span)
                if filter.key == .on && date.isRelative {
                    throw QueryError(
                        "on: takes a day, month or year, not a span", at: value.span,
                        hint: "write since:\(value.text) for \(date.label)")
                }
                if filter.negated {
                    excluded.append(addExcludedDate(date, key: filter.key))
                } else {
                    switch filter.key {
                    case .since: since.append(date)
                    case .until: until.append(date)
                    default: on.append(date)
                    }
                }
            }
        }
        // Several values of one key are alternatives: the earliest since, the latest until, any of the days.
        var first = since.map(\.start).min()
        var last = until.map(\.end).max()
        if let earliestSince = since.min(by: { $0.start < $1.start }) {
            phrases.append(earliestSince.isRelative ? "in \(earliestSince.label)" : "since \(earliestSince.label)")
            // "since:7d" is the last seven days: it ends now, which matters when
            // --now replays an earlier moment on a corpus that holds later posts.
            if earliestSince.isRelative && until.isEmpty { last = context.now }
        }
        if let latestUntil = until.max(by: { $0.end < $1.end }) {
            phrases.append("until " + latestUntil.instant)
        }
        let days = Self.merged(on.map { ($0.start, $0.end) })
        if let firstDay = days.first, let lastDay = days.last {
            first = max(first ?? firstDay.0, firstDay.0)
            last = min(last ?? lastDay.1, lastDay.1)
            if days.count > 1 { add(.publishedWithin(days.map { $0.0...$0.1 })) }
            phrases.append("on " + Self.list(Self.unique(on.map(\.label))))
        }
        phrases += excluded
        let included = filters.filter { !$0.negated }
        if let first, let last, first > last, let start = included.first?.span, let end = included.last?.span {
            throw QueryError(
                "these dates leave no time that matches all of them", at: start.through(end),
                hint: "since: is the first day to include and until: the last")
        }
        if let first { earliest = max(earliest ?? first, first) }
        if let last { latest = min(latest ?? last, last) }
    }

    /// A negated date is a condition on `published_at` (it need not be one span
    /// of ids); returns its description.
    private mutating func addExcludedDate(_ date: QueryDate, key: FilterKey) -> String {
        switch key {
        case .since:
            add(.publishedBefore(date.start))
            return "before " + date.instant
        case .until:
            add(.publishedAfter(date.end))
            return "after " + date.instant
        default:
            add(.publishedOutside(date.start...date.end))
            return "not on \(date.label)"
        }
    }

    /// Spans sorted and joined where they touch or overlap.
    private static func merged(_ spans: [(Int64, Int64)]) -> [(Int64, Int64)] {
        var result: [(Int64, Int64)] = []
        for span in spans.sorted(by: { $0.0 < $1.0 }) {
            if let last = result.last, span.0 <= last.1 + 1 {
                result[result.count - 1].1 = max(last.1, span.1)
            } else {
                result.append(span)
            }
        }
        return result
    }

    // MARK: - Beats

    private mutating func addBeats(_ filters: [QueryFilter]) throws(QueryError) {
        for negated in [false, true] {
            var compiled: [(name: String, query: CompiledQuery)] = []
            for filter in filters where filter.negated == negated {
                for value in filter.values where !compiled.contains(where: { $0.name == value.text }) {
                    compiled.append((value.text, try beat(value)))
                }
            }
            guard !compiled.isEmpty else { continue }
            let names = compiled.map(\.name)
            if negated {
                for (_, query) in compiled { add(.matchesAny(of: [query], negated: true)) }
                phrases.append("outside beat " + Self.list(names))
            } else if compiled.count == 1 {
                beats.append(compiled[0].query)
                phrases.append("in beat " + names[0])
            } else {
                add(.matchesAny(of: compiled.map(\.query), negated: false))
                phrases.append("in beat " + Self.list(names))
            }
        }
    }

    /// What to do about `beat:NAME` naming no stored beat: the closest name, or the list.
    static func unknownBeatHint(_ name: String, among names: [String]?) -> String? {
        guard let names else { return nil }
        if let guess = Suggestion.closest(to: name, among: names) { return "did you mean 'beat:\(guess)'? ('beats' lists them)" }
        if names.isEmpty { return "no beats are defined yet; 'beat add NAME QUERY' defines one" }
        let shown = names.count > 8 ? Array(names.prefix(8)) + ["…"] : names
        return "the beats are \(shown.joined(separator: ", ")) ('beats' lists them)"
    }

    /// How many beats may use each other in a chain (`beat:a` whose query uses `beat:b` …).
    static let maximumBeatDepth = 32

    /// Compiles the beat a `beat:` value names, with its own errors placed on the value.
    private func beat(_ value: FilterValue) throws(QueryError) -> CompiledQuery {
        let name = value.text
        guard let text = context.beatQuery?(name) else {
            throw QueryError("no beat named '\(name)'", at: value.span, hint: Self.unknownBeatHint(name, among: context.beatNames))
        }
        guard !beatStack.contains(name) else {
            throw QueryError(
                "beat '\(name)' includes itself", at: value.span,
                hint: "a beat's query cannot use beat:\(name), directly or through another beat")
        }
        // Each beat compiles the ones it names, so a long chain recurses once per link.
        guard beatStack.count < Self.maximumBeatDepth else {
            throw QueryError(
                "beats nest more than \(Self.maximumBeatDepth) deep here (\(beatStack.first ?? name) → … → \(name))", at: value.span,
                hint: "name the query of a beat further down the chain directly instead of through beat:")
        }
        do {
            return try QueryCompiler.compile(text, context: context, beatStack: beatStack + [name])
        } catch  where error.message.hasPrefix("beats nest more than") {
            // Said once, not wrapped in every beat of the chain.
            throw QueryError(error.message, at: value.span, hint: error.hint)
        } catch {
            throw QueryError(
                "beat '\(name)': \(error.message)", at: value.span,
                hint: error.hint.map { "in its query \"\(text)\": \($0)" } ?? "its query is \"\(text)\"")
        }
    }
}
