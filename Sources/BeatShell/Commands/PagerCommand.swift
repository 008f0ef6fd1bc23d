enum PagerCommand {
    static let command = ShellCommand(
        name: "pager",
        summary: "send long output through $PAGER (default less -FRX), or not",
        usage: "pager on|off",
        examples: ["pager off"],
        details: "Only in the interactive shell at a terminal; beat --no-pager starts with it off.",
        run: { session, arguments in
            switch arguments.words.first {
            case "on": session.usesPager = true
            case "off": session.usesPager = false
            case nil: session.output.line("pager \(session.usesPager ? "on" : "off")")
            default: throw UsageError("pager takes on or off", command: "pager")
            }
            return .success
        })
}
