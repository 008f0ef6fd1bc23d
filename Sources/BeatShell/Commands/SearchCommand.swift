import BeatCore
import BeatSQLite

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
            let total = try count(query, in: session)
            var state = SearchState(text: options.query, query: query, sort: sort, limit: limit, nextOffset: 0, total: total)
            try showPage(&state, as: format, in: session)
            try session.explainThinResult(total, query: options.query, compiled: query)
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
            let (sql, bindings) = query.groupCountSQL(by: dimension)
            var buckets: [CountBucket] = []
            try session.corpus().connection.forEachRow(sql, bindings) { row in
                let source = row.columnCount > 2 ? row.string(2) : nil
                buckets.append(CountBucket(key: row.string(0) ?? "(none)", count: Int(row.int64(1)), source: source))
            }
            let total = buckets.reduce(0) { $0 + $1.count }
            buckets = CountBucket.fillingGaps(buckets, by: dimension)
            // --limit keeps the largest sources, venues or authors, and the latest days, weeks or months.
            if options.values["--limit"] != nil {
                let limit = try options.number("--limit", default: buckets.count, command: "count")
                let isTime = dimension == .day || dimension == .week || dimension == .month
                buckets = isTime ? Array(buckets.suffix(limit)) : Array(buckets.prefix(limit))
            }
            Render.counts(buckets, by: dimension, total: total, as: format,
                          settings: session.renderSettings, to: session.output.write)
            return .success
        })
}
