enum HelpCommand {
    static let command = ShellCommand(
        name: "help",
        summary: "list the commands, or explain one",
        usage: "help [COMMAND]",
        examples: ["help", "help import"],
        details: "",
        run: { session, arguments in
            guard let name = arguments.words.first else {
                let width = CommandTable.all.map(\.name.count).max() ?? 0
                for command in CommandTable.all {
                    session.output.line(command.name.padding(to: width) + "  " + command.summary)
                }
                session.output.line("\nType 'help COMMAND' for its syntax and examples.")
                return .success
            }
            guard let command = CommandTable.find(name) else {
                throw UsageError("no command '\(name)'; type 'help' for the list")
            }
            session.output.line("\(command.usage)\n\n\(command.summary).")
            if !command.details.isEmpty { session.output.line("\n" + command.details) }
            if !command.examples.isEmpty {
                session.output.line("\nExamples:")
                for example in command.examples { session.output.line("  " + example) }
            }
            return .success
        })
}

enum QuitCommand {
    static let command = ShellCommand(
        name: "quit",
        summary: "leave the shell (Ctrl-D does too)",
        usage: "quit",
        examples: ["quit", "beat -c 'count aurora; quit'"],
        details: "",
        run: { _, _ in throw QuitRequest() })
}

/// Thrown by `quit` to end the input loop.
struct QuitRequest: Error {}

extension String {
    func padding(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
