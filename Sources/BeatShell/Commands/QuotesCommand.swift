import BeatCore

enum QuotesCommand {
    static let command = ShellCommand(
        name: "quotes",
        summary: "quotable sentences, verbatim, with who said them where and when",
        operands: CommandOperands("QUERY", .query),
        options: [.limit("quotes")],
        examples: ["quotes \"open weights\" source:reddit --limit 5", "quotes sepsis since:2026-02-01 until:2026-02-28"],
        details:
            "Each quote is a sentence (or two short ones) of a matching post, exactly as stored. The same sentence\nposted by several accounts is shown once, with how many posts say it.\n\n"
            + QueryHelp.grammar,
        run: { session, arguments in
            let format = try session.outputFormat(for: "quotes")
            let limit = arguments.options.number("--limit", default: 20)
            let query = try session.compile(arguments.raw)
            let quotes = try session.searchEngine().quotes(for: query, limit: limit)
            Render.quotes(quotes, as: format, settings: session.renderSettings, to: session.output.write)
            session.lastList = quotes.map(\.post.id)
            return .success
        })
}
