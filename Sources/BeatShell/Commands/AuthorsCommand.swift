import BeatCore

enum AuthorsCommand {
    static let command = ShellCommand(
        name: "authors",
        summary: "the top authors, of everything or of a query",
        operands: CommandOperands("[QUERY]", .query),
        options: [.limit("authors")],
        examples: ["authors", "authors \"export controls\" source:reddit --limit 10"],
        details: QueryHelp.grammar,
        run: { session, arguments in
            let format = try session.outputFormat(for: "authors")
            let limit = arguments.options.number("--limit", default: 20)
            let query = try session.compile(arguments.raw)
            let authors = try session.searchEngine().authors(for: query, limit: limit)
            Render.authors(authors, as: format, settings: session.renderSettings, to: session.output.write)
            return .success
        })
}
