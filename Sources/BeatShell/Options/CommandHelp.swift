/// `help` and `help COMMAND`, written from the command table.
public enum CommandHelp {
    /// Every command with its one line, and the rule of global options.
    static func overview() -> String {
        let width = CommandTable.all.map(\.name.count).max() ?? 0
        var text = ""
        for command in CommandTable.all {
            text += command.name.padding(to: width) + "  " + command.summary + "\n"
        }
        text += "\n" + GlobalOptions.rule + "\n"
        text += "\nType 'help COMMAND' for its syntax, options and examples.\n"
        return text
    }

    /// One command: usage, summary, options, details and examples.
    static func text(of command: ShellCommand) -> String {
        var text = "\(command.usage)\n\n\(command.summary).\n"
        if !command.options.isEmpty {
            text += "\nOptions:\n" + table(command.options)
        }
        if !command.details.isEmpty { text += "\n" + command.details + "\n" }
        if !command.examples.isEmpty {
            text += "\nExamples:\n" + command.examples.map { "  " + $0 + "\n" }.joined()
        }
        text +=
            "\nGlobal options, before or after the command: " + GlobalOptions.all.map(\.name).joined(separator: " ")
            + " (see: help)\n"
        return text
    }

    /// Options as aligned lines: `  --limit N   at most N hits per page (default 20)`.
    public static func table(_ options: [CommandOption]) -> String {
        let width = options.map(\.synopsis.count).max() ?? 0
        return options.map { "  " + $0.synopsis.padding(to: width) + "   " + $0.help + "\n" }.joined()
    }
}
