import BeatCore

enum SearchCommand {
    static let command = ShellCommand(
        name: "search",
        summary: "find posts: ranked hits with highlighted snippets",
        operands: CommandOperands("QUERY", .query),
        options: [
            CommandOption("--sort", .choice(of: SearchSort.self), help: "rank (best match first, the default), new or old"),
            .limit("hits per page"),
        ],
        examples: [
            "search \"open weights\" source:reddit since:2026-04-01",
            "search licence OR license -source:news --sort new --limit 5",
        ],
        details: QueryHelp.grammar,
        run: { session, arguments in
            let format = try session.outputFormat(for: "search")
            let sort = arguments.options.choice("--sort", as: SearchSort.self) ?? .rank
            let limit = arguments.options.number("--limit", default: 20)
            let query = try session.compile(arguments.raw)
            var state = SearchState(text: arguments.raw, query: query, sort: sort, limit: limit, nextOffset: 0, total: 0)
            try showPage(&state, as: format, in: session)
            try session.explainThinResult(state.total, query: arguments.raw, compiled: query)
            return .success
        })

    static let more = ShellCommand(
        name: "more",
        summary: "the next page of the last search",
        examples: ["search export controls", "more"],
        details: "",
        run: { session, _ in
            let format = try session.outputFormat(for: "more")
            guard var state = session.lastSearch else { throw ShellError.usage("no search to continue; run 'search QUERY' first") }
            guard state.nextOffset < state.total else {
                session.errors.line("no more results: all \(state.total) were shown")
                return .success
            }
            try showPage(&state, as: format, in: session)
            return .success
        })

    static func count(_ query: CompiledQuery, in session: Session) throws -> Int {
        try session.searchEngine().count(query)
    }

    private static func showPage(_ state: inout SearchState, as format: OutputFormat, in session: Session) throws {
        let page = try session.searchEngine().search(
            state.query, shownAs: session.shownQuery(state.text), sort: state.sort, limit: state.limit, offset: state.nextOffset)
        Render.search(page, as: format, settings: session.renderSettings, to: session.output.write)
        session.lastList = page.hits.map(\.post.id)
        state.nextOffset += page.hits.count
        state.total = page.total
        session.lastSearch = state
    }
}

enum CountCommand {
    static let command = ShellCommand(
        name: "count",
        summary: "how many posts match; --by gives a breakdown",
        operands: CommandOperands("QUERY", .query),
        options: [
            CommandOption("--by", .choice(of: CountDimension.self), help: "a breakdown by this, with bars and a total"),
            CommandOption(
                "--limit", .number, placeholder: "N",
                help: "with --by: the N largest sources, venues or authors, or the latest N days, weeks or months"),
        ],
        examples: ["count \"open weights\" source:reddit", "count \"export controls\" --by month"],
        details: QueryHelp.grammar,
        run: { session, arguments in
            let format = try session.outputFormat(for: "count")
            let query = try session.compile(arguments.raw)
            guard let dimension = arguments.options.choice("--by", as: CountDimension.self) else {
                let count = try SearchCommand.count(query, in: session)
                Render.count(
                    count, query: session.shownQuery(arguments.raw),
                    as: format, settings: session.renderSettings, to: session.output.write)
                try session.explainThinResult(count, query: arguments.raw, compiled: query)
                return .success
            }
            // --limit keeps the largest sources, venues or authors, and the latest days, weeks or months.
            let limit = arguments.options.has("--limit") ? arguments.options.number("--limit", default: 0) : nil
            let breakdown = try session.searchEngine().counts(query, by: dimension, limit: limit)
            Render.counts(
                breakdown.buckets, by: dimension, total: breakdown.total, as: format,
                settings: session.renderSettings, to: session.output.write)
            return .success
        })
}
