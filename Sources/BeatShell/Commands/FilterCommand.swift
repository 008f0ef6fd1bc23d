import BeatCore

enum FilterCommand {
    static let command = ShellCommand(
        name: "filter",
        summary: "filters for every following command; 'filter clear' removes them",
        operands: CommandOperands("[FILTERS | clear]", .query),
        examples: ["filter source:reddit since:30d", "filter", "filter clear"],
        details: """
            With no argument, shows the active filters as the command that sets them. A new 'filter'
            replaces the active filters (it says which); filters that cannot hold together
            (source:bluesky source:reddit) are pointed out.
            """,
        run: { session, arguments in
            let text = arguments.raw.trimmingSpacesAndTabs
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
                    throw ShellError.query(error, text: text, origin: .typed)
                }
                let previous = session.filters
                session.filters = text
                // `filter X` replaces what was there; say so, since it reads like adding.
                session.output.line(
                    "filter \(text)"
                        + (previous.isEmpty || previous == text
                            ? "" : "   (replaces \(previous); to keep both: filter \(previous) \(text))"))
                for conflict in FilterConflicts.find(in: text) { session.errors.line("warning: \(conflict)") }
            }
            return .success
        })
}
