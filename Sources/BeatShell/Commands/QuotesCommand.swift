import BeatCore

enum QuotesCommand {
    static let command = ShellCommand(
        name: "quotes",
        summary: "quotable sentences, verbatim, with who said them where and when",
        usage: "quotes QUERY [--limit N]",
        examples: ["quotes \"open weights\" source:reddit --limit 5", "quotes sepsis since:2026-02-01 until:2026-02-28"],
        details: "Each quote is a sentence (or two short ones) of a matching post, exactly as stored. The same sentence\nposted by several accounts is shown once, with how many posts say it.\n\n" + QueryHelp.grammar,
        run: { session, arguments in
            let format = try session.outputFormat(for: "quotes")
            let options = try QueryOptions(arguments.raw, flags: ["--limit"], command: "quotes")
            let limit = try options.number("--limit", default: 20, command: "quotes")
            let query = try session.compile(options.query)
            let quotes = try session.searchEngine().quotes(for: query, limit: limit)
            Render.quotes(quotes, as: format, settings: session.renderSettings, to: session.output.write)
            session.lastList = quotes.map(\.post.id)
            return .success
        })
}
