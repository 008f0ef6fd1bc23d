import BeatCore
import BeatSQLite

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
            let total = try count(query, in: session)
            var state = SearchState(text: arguments.raw, query: query, sort: sort, limit: limit, nextOffset: 0, total: total)
            try showPage(&state, as: format, in: session)
            try session.explainThinResult(total, query: arguments.raw, compiled: query)
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
        let (sql, bindings) = query.countSQL()
        return Int(try session.corpus().connection.scalar(sql, bindings)?.int64Value ?? 0)
    }

    private static func showPage(_ state: inout SearchState, as format: OutputFormat, in session: Session) throws {
        let engine = try session.searchEngine()
        let connection = try session.corpus().connection
        let (sql, bindings) = state.query.searchSQL(sort: state.sort, limit: state.limit, offset: state.nextOffset)
        var rows: [(id: Int64, rank: Double?, snippet: String, title: String?)] = []
        try connection.forEachRow(sql, bindings) { row in
            rows.append((row.int64(0), row.isNull(1) ? nil : row.double(1), row.string(2) ?? "", row.columnCount > 3 ? row.string(3) : nil))
        }
        let summaries = try engine.hits(ids: rows.map(\.id))
        let hits = rows.compactMap { row in
            summaries[row.id].map {
                SearchHit(post: $0, snippet: SearchEngine.highlighted(row.snippet), rank: row.rank,
                          title: row.title.map(SearchEngine.highlighted))
            }
        }
        let page = SearchPage(query: session.shownQuery(state.text), total: state.total, offset: state.nextOffset, hits: hits)
        Render.search(page, as: format, settings: session.renderSettings, to: session.output.write)
        session.lastList = hits.map(\.post.id)
        state.nextOffset += hits.count
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
            CommandOption("--limit", .number, placeholder: "N", help: "with --by: the N largest sources, venues or authors, or the latest N days, weeks or months"),
        ],
        examples: ["count \"open weights\" source:reddit", "count \"export controls\" --by month"],
        details: QueryHelp.grammar,
        run: { session, arguments in
            let format = try session.outputFormat(for: "count")
            let query = try session.compile(arguments.raw)
            guard let dimension = arguments.options.choice("--by", as: CountDimension.self) else {
                let count = try SearchCommand.count(query, in: session)
                Render.count(count, query: session.shownQuery(arguments.raw),
                             as: format, settings: session.renderSettings, to: session.output.write)
                try session.explainThinResult(count, query: arguments.raw, compiled: query)
                return .success
            }
            let (sql, bindings) = query.groupCountSQL(by: dimension)
            var buckets: [CountBucket] = []
            try session.corpus().connection.forEachRow(sql, bindings) { row in
                let source = row.columnCount > 2 ? row.string(2) : nil
                buckets.append(CountBucket(key: row.string(0) ?? "(none)", count: Int(row.int64(1)), source: source))
            }
            let total = buckets.reduce(0) { $0 + $1.count }
            buckets = CountBucket.fillingGaps(buckets, by: dimension)
            // --limit keeps the largest sources, venues or authors, and the latest days, weeks or months.
            if arguments.options.has("--limit") {
                let limit = arguments.options.number("--limit", default: buckets.count)
                let isTime = dimension == .day || dimension == .week || dimension == .month
                buckets = isTime ? Array(buckets.suffix(limit)) : Array(buckets.prefix(limit))
            }
            Render.counts(buckets, by: dimension, total: total, as: format,
                          settings: session.renderSettings, to: session.output.write)
            return .success
        })
}
