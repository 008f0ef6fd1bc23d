/// A setting switched with `NAME on|off`; `NAME` alone shows it as the command that sets it.
enum SwitchCommand {
    static func make(
        _ name: String, summary: String, examples: [String], details: String,
        _ setting: ReferenceWritableKeyPath<Session, Bool> & Sendable
    ) -> ShellCommand {
        ShellCommand(
            name: name, summary: summary, operands: CommandOperands("on|off", .choice(["on", "off"])), examples: examples,
            details: details,
            run: { session, arguments in
                switch arguments.words.first {
                case "on": session[keyPath: setting] = true
                case "off": session[keyPath: setting] = false
                case nil: session.output.line("\(name) \(session[keyPath: setting] ? "on" : "off")")
                default: throw ShellError.usage("\(name) takes on or off", command: name)
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
