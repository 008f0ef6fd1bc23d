/// A setting switched with `NAME on|off`; `NAME` alone shows it as the command that sets it.
enum SwitchCommand {
    static func make(
        _ name: String, summary: String, examples: [String], details: String,
        _ setting: ReferenceWritableKeyPath<Session, Bool> & Sendable
    ) -> ShellCommand {
        ShellCommand(
            name: name, summary: summary, usage: "\(name) on|off", examples: examples, details: details,
            run: { session, arguments in
                switch arguments.words.first {
                case "on": session[keyPath: setting] = true
                case "off": session[keyPath: setting] = false
                case nil: session.output.line("\(name) \(session[keyPath: setting] ? "on" : "off")")
                default: throw UsageError("\(name) takes on or off", command: name)
                }
                return .success
            })
    }
}

enum PagerCommand {
    static let command = SwitchCommand.make(
        "pager", summary: "send long output through $PAGER (default less -FRX), or not",
        examples: ["pager off", "pager"],
        details: "Only in the interactive shell at a terminal; beat --no-pager starts with it off.",
        \.usesPager)
}

enum TimerCommand {
    static let command = SwitchCommand.make(
        "timer", summary: "print how long each command took", examples: ["timer on", "timer off"], details: "",
        \.showsTimer)
}

enum HistoryCommand {
    static let command = ShellCommand(
        name: "history",
        summary: "the commands typed before, oldest first (kept across sessions)",
        usage: "history",
        examples: ["history", "history > typed-commands.txt"],
        details: "Up and down arrows recall them, Ctrl-R searches them. Kept in $XDG_STATE_HOME/beat/history.",
        run: { session, _ in
            guard let entries = session.historyEntries?() else {
                throw CommandFailure("no history here: it is kept by the interactive shell at a terminal")
            }
            let width = String(entries.count).count
            for (number, entry) in entries.enumerated() {
                let label = String(number + 1)
                session.output.line(String(repeating: " ", count: width - label.count) + label + "  "
                    + entry.replacingOccurrences(of: "\n", with: "\n" + String(repeating: " ", count: width + 2)))
            }
            return .success
        })
}
