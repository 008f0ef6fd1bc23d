import BeatCore

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
