import BeatCore

/// `beat add|show|rm` and `beats`: the corpus's named queries and their volume.
enum BeatCommands {
    static let beat = ShellCommand(
        name: "beat",
        summary: "define, show or remove a beat: a named query any query can use as beat:NAME",
        operands: CommandOperands("add NAME QUERY | show NAME | rm NAME", .beatAction),
        options: [CommandOption("--replace", help: "beat add: give an existing beat a new query")],
        examples: [
            "beat add chips \"export controls\" OR chip OR chips -source:news",
            "beat add chips \"export controls\" OR semiconductor* --replace",
            "beat show open-source-ai",
            "beat rm chips",
        ],
        details: """
            A beat name is lowercase letters, digits, '-' and '_', starting with a letter or digit.
            'beat add' compiles the query before storing it; adding a beat again with the same query
            changes nothing ("unchanged"), another query needs --replace. A beat may use other beats
            (beat:NAME) but never itself, directly or through others, and 'beat rm' refuses to remove
            a beat another one uses. 'beat show' gives the query, what it finds in words, and its
            posts in the last 24 hours, the last 7 days (with the trend on the 7 days before) and in
            total, counted back from now (--now in scripts) under the active filters.
            """,
        run: { session, arguments in
            guard let action = arguments.words.first else {
                throw ShellError.usage("beat needs add, show or rm", command: "beat")
            }
            let afterAction = CommandWords.rest(afterFirstWordOf: arguments.raw)
            switch action {
            case "add":
                if session.isReadOnly { throw CorpusFault.readOnly(path: session.databasePath, command: "beat add") }
                return try add(afterAction, words: arguments.words, replace: arguments.options.has("--replace"), in: session)
            case "show":
                let name = try onlyName(arguments.words, action: "show")
                let format = try session.outputFormat(for: "beat")
                let report = try stored {
                    try BeatStore(corpus: session.corpus()).report(name, sessionFilters: session.filters, now: session.now)
                }
                Render.beat(report, as: format, settings: session.renderSettings, to: session.output.write)
            case "rm":
                if session.isReadOnly { throw CorpusFault.readOnly(path: session.databasePath, command: "beat rm") }
                let name = try onlyName(arguments.words, action: "rm")
                let removed = try stored { try BeatStore(corpus: session.corpus()).remove(name) }
                session.output.line("beat \(removed.name) removed (its query was: \(removed.query))")
            default:
                let hint = Suggestion.closest(to: action, among: ["add", "show", "rm"]).map { " (did you mean '\($0)'?)" } ?? ""
                throw ShellError.usage("beat takes add, show or rm, not '\(action)'\(hint)", command: "beat")
            }
            return .success
        })

    static let beats = ShellCommand(
        name: "beats",
        summary: "every beat with its posts in the last 24 hours, 7 days, in total, and its 7-day trend",
        examples: ["beats", "beat --now 2026-04-21T00:00:00Z --format json beats"],
        details: """
            For each beat: posts in the last 24 hours (count beat:NAME since:24h), the last 7 days
            (since:7d), the 7 days before (since:14d -since:7d), the trend of the last 7 days against
            those as a signed percentage ('new' when the 7 days before had none, '-' when both are
            empty), and the total (count beat:NAME). Spans count back from now, or from --now; the
            active filters apply, as to count.
            """,
        run: { session, arguments in
            guard arguments.words.isEmpty else { throw ShellError.usage("beats takes no arguments", command: "beats") }
            let format = try session.outputFormat(for: "beats")
            let now = session.now
            let reports = try stored { try BeatStore(corpus: session.corpus()).reports(sessionFilters: session.filters, now: now) }
            Render.beats(reports, now: now, as: format, settings: session.renderSettings, to: session.output.write)
            return .success
        })

    /// `beat add NAME QUERY [--replace]`; `text` is what follows `add`, as typed.
    private static func add(_ text: String, words: [String], replace: Bool, in session: Session) throws -> CommandOutcome {
        guard words.count >= 2 else { throw ShellError.usage("beat add needs a name and a query", command: "beat") }
        let name = words[1]
        var query = CommandWords.rest(afterFirstWordOf: text).trimmingSpacesAndTabs
        // A query given as one single-quoted word (beat add x '"open weights" llama') is that word.
        if query.hasPrefix("'"), let words = try? CommandWords.split(query), words.count == 1 { query = words[0] }
        guard !query.isEmpty else { throw ShellError.usage("beat add needs a query after the name '\(name)'", command: "beat") }
        let store = BeatStore(corpus: try session.corpus())
        let change = try stored { try store.add(name, query: query, replace: replace, now: session.now) }
        switch change {
        case .added: session.output.line("beat \(name) added: \(query)")
        case .replaced(let previous): session.output.line("beat \(name) replaced: \(query) (was: \(previous))")
        case .unchanged: session.output.line("beat \(name) unchanged")
        }
        return .success
    }

    private static func onlyName(_ words: [String], action: String) throws -> String {
        guard words.count == 2 else {
            throw ShellError.usage(
                words.count < 2 ? "beat \(action) needs a beat name" : "beat \(action) takes one beat name", command: "beat")
        }
        return words[1]
    }

    /// Runs `body`, turning a beat's mistakes (a bad name or query, a name taken, unknown or in use) into usage errors.
    private static func stored<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as BeatError {
            throw ShellError.usage(error.description)
        }
    }
}
