enum HistoryCommand {
    static let command = ShellCommand(
        name: "history",
        summary: "the commands typed before, oldest first (kept across sessions)",
        examples: ["history", "history > typed-commands.txt"],
        details: "Up and down arrows recall them, Ctrl-R searches them. Kept in $XDG_STATE_HOME/beat/history.",
        run: { session, _ in
            guard let entries = session.historyEntries?() else {
                throw CommandFailure("no history here: it is kept by the interactive shell at a terminal")
            }
            let width = String(entries.count).count
            for (number, entry) in entries.enumerated() {
                let label = String(number + 1)
                session.output.line(
                    String(repeating: " ", count: width - label.count) + label + "  "
                        + entry.replacingOccurrences(of: "\n", with: "\n" + String(repeating: " ", count: width + 2)))
            }
            return .success
        })
}
