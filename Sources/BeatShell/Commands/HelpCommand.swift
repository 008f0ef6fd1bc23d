enum HelpCommand {
    static let command = ShellCommand(
        name: "help",
        summary: "list the commands, or explain one",
        operands: CommandOperands("[COMMAND]", .commandName),
        examples: ["help", "help import"],
        mayLoadDemo: false,
        run: { session, arguments in
            guard let name = arguments.words.first else {
                session.output.write(CommandHelp.overview())
                return .success
            }
            guard let command = CommandTable.find(name) else {
                throw ShellError.usage("no command '\(name)'; type 'help' for the list")
            }
            session.output.write(CommandHelp.text(of: command))
            return .success
        })
}

enum QuitCommand {
    static let command = ShellCommand(
        name: "quit",
        summary: "leave the shell (Ctrl-D does too)",
        examples: ["quit", "beat -c 'count aurora; quit'"],
        mayLoadDemo: false,
        run: { _, _ in .quit })
}

enum ClearCommand {
    /// Home the cursor, erase the screen, then the scrollback (as `clear` does on xterm).
    static let sequence = "\u{1B}[H\u{1B}[2J\u{1B}[3J"

    static let command = ShellCommand(
        name: "clear",
        summary: "clear the screen (Ctrl-L does too)",
        examples: ["clear"],
        details: "Only on a terminal; output going to a file or a pipe gets nothing.",
        mayLoadDemo: false,
        run: { session, _ in
            if session.output.isTerminal && session.environment["TERM"] != "dumb" { session.output.write(sequence) }
            return .success
        })
}

extension String {
    func padding(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
