import BeatCore

enum FilterCommand {
    static let command = ShellCommand(
        name: "filter",
        summary: "filters for every following command; 'filter clear' removes them",
        usage: "filter [FILTERS | clear]",
        examples: ["filter source:reddit since:30d", "filter", "filter clear"],
        details: "With no argument, shows the active filters as the command that sets them.",
        run: { session, arguments in
            let text = arguments.raw.trimmedOfSpaces
            switch text {
            case "":
                session.output.line(session.filters.isEmpty ? "no filters (filter FILTERS to set some)" : "filter \(session.filters)")
            case "clear":
                session.filters = ""
                session.output.line("filters cleared")
            default:
                // Check it compiles on its own before keeping it.
                let context = try session.queryContext()
                do throws(QueryError) {
                    _ = try QueryCompiler.compile(text, context: context)
                } catch {
                    throw UsageError(error.rendered(query: text).withoutErrorPrefix)
                }
                session.filters = text
                session.output.line("filter \(text)")
            }
            return .success
        })
}
