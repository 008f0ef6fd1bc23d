import BeatCore

enum AuthorsCommand {
    static let command = ShellCommand(
        name: "authors",
        summary: "the top authors, of everything or of a query",
        usage: "authors [QUERY] [--limit N]",
        examples: ["authors", "authors \"export controls\" source:reddit --limit 10"],
        details: QueryHelp.grammar,
        run: { session, arguments in
            let format = try session.outputFormat(for: "authors")
            let options = try QueryOptions(arguments.raw, flags: ["--limit"], command: "authors")
            let limit = try options.number("--limit", default: 20, command: "authors")
            let query = try session.compile(options.query)
            let authors = try session.searchEngine().authors(for: query, limit: limit)
            Render.authors(authors, as: format, settings: session.renderSettings, to: session.output.write)
            return .success
        })
}
