import BeatCore

enum QuotesCommand {
    static let command = ShellCommand(
        name: "quotes",
        summary: "quotable sentences, verbatim, with who said them where and when",
        usage: "quotes QUERY [--limit N]",
        examples: ["quotes \"open weights\" source:reddit --limit 5", "quotes sepsis since:2026-02-01 until:2026-02-28"],
        details: "Each quote is a sentence (or two short ones) of a matching post, exactly as stored. The same sentence\nposted by several accounts is shown once, with how many posts say it.\n\n" + QueryHelp.grammar,
        run: { session, arguments in
            let options = try QueryOptions(arguments.raw, flags: ["--limit"], command: "quotes")
            let limit = try options.number("--limit", default: 20, command: "quotes")
            let query = try session.compile(options.query)
            let quotes = try session.searchEngine().quotes(for: query, limit: limit)
            Render.quotes(quotes, as: session.format, settings: session.renderSettings, to: session.output.write)
            session.lastList = quotes.map(\.post.id)
            return .success
        })
}

enum ShowCommand {
    static let command = ShellCommand(
        name: "show",
        summary: "one post in full, with its thread: show ID or the number from the last list",
        usage: "show ID|N",
        examples: ["show hackernews:48395589", "search aurora licence", "show 2"],
        details: "",
        run: { session, arguments in
            guard arguments.words.count == 1, let reference = arguments.words.first else {
                throw UsageError("name one post: its id (source:id) or its number in the last list", command: "show")
            }
            var publicID = reference
            if let number = Int(reference) {
                guard number >= 1, number <= session.lastList.count else {
                    throw UsageError(session.lastList.isEmpty
                        ? "no list to pick from yet; run search or quotes first, or give an id like hackernews:8863"
                        : "the last list has \(session.lastList.count) entries; pick 1 to \(session.lastList.count)")
                }
                publicID = session.lastList[number - 1]
            }
            guard let detail = try session.searchEngine().detail(publicID: publicID) else {
                throw CommandFailure("no post \(publicID) in this corpus (ids look like reddit:1h3kx9a or hackernews:8863)")
            }
            Render.post(detail, as: session.format, settings: session.renderSettings, to: session.output.write)
            return .success
        })
}

enum SourcesCommand {
    static let command = ShellCommand(
        name: "sources",
        summary: "what the corpus holds: posts and dates per source and venue",
        usage: "sources",
        examples: ["sources", "sources > coverage.txt"],
        details: "",
        run: { session, _ in
            Render.sources(try session.searchEngine().coverage(), as: session.format, settings: session.renderSettings,
                           to: session.output.write)
            return .success
        })
}

enum AuthorsCommand {
    static let command = ShellCommand(
        name: "authors",
        summary: "the top authors, of everything or of a query",
        usage: "authors [QUERY] [--limit N]",
        examples: ["authors", "authors \"export controls\" source:reddit --limit 10"],
        details: QueryHelp.grammar,
        run: { session, arguments in
            let options = try QueryOptions(arguments.raw, flags: ["--limit"], command: "authors")
            let limit = try options.number("--limit", default: 20, command: "authors")
            let query = try session.compile(options.query)
            let authors = try session.searchEngine().authors(for: query, limit: limit)
            Render.authors(authors, as: session.format, settings: session.renderSettings, to: session.output.write)
            return .success
        })
}

enum ExportCommand {
    static let command = ShellCommand(
        name: "export",
        summary: "the matching posts as Beat JSONL, which import reads back",
        usage: "export QUERY > FILE",
        examples: ["export source:reddit since:2026-04-01 > reddit-april.jsonl", "export \"open weights\" > ow.jsonl"],
        details: "Without '> FILE' the posts are written to standard output.\n\n" + QueryHelp.grammar,
        run: { session, arguments in
            let query = try session.compile(arguments.raw)
            let output = session.output
            let written = try session.searchEngine().export(query) { line in
                if session.cancellation.isSet { throw CommandFailure("export cancelled") }
                output.write(line)
            }
            if !output.isTerminal && session.isInteractive { session.errors.line("exported \(written) posts") }
            return .success
        })
}

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
                do throws(QueryError) {
                    _ = try QueryCompiler.compile(text, context: QueryContext(now: session.now))
                } catch {
                    throw UsageError(error.rendered(query: text).withoutErrorPrefix)
                }
                session.filters = text
                session.output.line("filter \(text)")
            }
            return .success
        })
}

enum FormatCommand {
    static let command = ShellCommand(
        name: "format",
        summary: "how results are written: table, json, jsonl, csv or md",
        usage: "format [table|json|jsonl|csv|md]",
        examples: ["format md", "format"],
        details: "",
        run: { session, arguments in
            guard let name = arguments.words.first else {
                session.output.line("format \(session.format.rawValue)")
                return .success
            }
            guard let format = OutputFormat(rawValue: name) else {
                throw UsageError("unknown format '\(name)'; formats: \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", "))", command: "format")
            }
            session.format = format
            return .success
        })
}
