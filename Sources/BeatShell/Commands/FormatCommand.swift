import BeatCore

enum FormatCommand {
    static let command = ShellCommand(
        name: "format",
        summary: "how results are written: table, json, jsonl, csv, md or html (summary only)",
        operands: CommandOperands(
            "[\(OutputFormat.allCases.map(\.rawValue).joined(separator: "|"))]", .choice(OutputFormat.allCases.map(\.rawValue))),
        examples: ["format md", "format"],
        details:
            "html writes a self-contained page and is written by \(OutputFormat.htmlCommands.joined(separator: ", ")) only; other commands refuse it.",
        run: { session, arguments in
            guard let name = arguments.words.first else {
                session.output.line("format \(session.format.rawValue)")
                return .success
            }
            guard let format = OutputFormat(rawValue: name) else {
                throw ShellError.usage(
                    "unknown format '\(name)'; formats: \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", "))", command: "format"
                )
            }
            session.format = format
            // Confirmed at the shell; a script's output stays only its results.
            if session.isInteractive && session.runDepth == 0 { session.output.line("format \(format.rawValue)") }
            return .success
        })
}
