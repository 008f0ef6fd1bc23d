import BeatCore

enum SearchCommand {
    static let command = ShellCommand(
        name: "search",
        summary: "find posts: ranked hits with highlighted snippets",
        usage: "search QUERY [--sort rank|new|old] [--limit N]",
        examples: [
            "search \"open weights\" source:reddit since:2026-04-01",
            "search licence OR license -source:news --sort new --limit 5",
        ],
        details: QueryHelp.grammar,
        run: { session, arguments in
            let format = try session.outputFormat(for: "search")
            let options = try QueryOptions(arguments.raw, flags: ["--sort", "--limit"], command: "search")
            let sortName = options.values["--sort"] ?? "rank"
            guard let sort = SearchSort(rawValue: sortName) else {
                throw UsageError("--sort takes rank, new or old, not '\(sortName)'", command: "search")
            }
            let limit = try options.number("--limit", default: 20, command: "search")
            let query = try session.compile(options.query)
            var state = SearchState(text: options.query, query: query, sort: sort, limit: limit, nextOffset: 0, total: 0)
            try showPage(&state, as: format, in: session)
            try session.explainThinResult(state.total, query: options.query, compiled: query)
            return .success
        })

    static let more = ShellCommand(
        name: "more",
        summary: "the next page of the last search",
        usage: "more",
        examples: ["search export controls", "more"],
        details: "",
        run: { session, _ in
            let format = try session.outputFormat(for: "more")
            guard var state = session.lastSearch else { throw UsageError("no search to continue; run 'search QUERY' first") }
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
        usage: "count QUERY [--by source|venue|author|day|week|month] [--limit N]",
        examples: ["count \"open weights\" source:reddit", "count \"export controls\" --by month"],
        details: QueryHelp.grammar,
        run: { session, arguments in
            let format = try session.outputFormat(for: "count")
            let options = try QueryOptions(arguments.raw, flags: ["--by", "--limit"], command: "count")
            let query = try session.compile(options.query)
            guard let byName = options.values["--by"] else {
                let count = try SearchCommand.count(query, in: session)
                Render.count(count, query: session.shownQuery(options.query),
                             as: format, settings: session.renderSettings, to: session.output.write)
                try session.explainThinResult(count, query: options.query, compiled: query)
                return .success
            }
            guard let dimension = CountDimension(rawValue: byName) else {
                let names = CountDimension.allCases.map(\.rawValue).joined(separator: ", ")
                throw UsageError("--by takes \(names), not '\(byName)'", command: "count")
            }
            // --limit keeps the largest sources, venues or authors, and the latest days, weeks or months.
            let limit = options.values["--limit"] == nil ? nil : try options.number("--limit", default: 0, command: "count")
            let breakdown = try session.searchEngine().counts(query, by: dimension, limit: limit)
            Render.counts(breakdown.buckets, by: dimension, total: breakdown.total, as: format,
                          settings: session.renderSettings, to: session.output.write)
            return .success
        })
}
