import BeatCore

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
