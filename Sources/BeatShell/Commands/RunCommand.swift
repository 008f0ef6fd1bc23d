import BeatCore
import Foundation

enum RunCommand {
    static let maximumDepth = 16

    static let command = ShellCommand(
        name: "run",
        summary: "run a query file (.beat): one command per line, # comments, set and $NAME",
        operands: CommandOperands("FILE", .paths),
        options: [
            CommandOption(
                "--param", .text, placeholder: "NAME=VALUE", repeats: true, help: "give $NAME this value, over the file's own set NAME"),
            CommandOption("--keep-going", help: "run the rest of the file after a failing command"),
        ],
        examples: [
            "run queries/weekly-review.beat",
            "run queries/story-quotes.beat --param since=2026-02-01 --keep-going",
        ],
        details: """
            Lines are commands as typed in the shell; a line ending in \\ or with an open quote continues.
            The file's filter, format, timer, pager and 'set now' changes last until it ends.
            'set NAME VALUE' sets a default that $NAME (or ${NAME}) uses in later lines; --param NAME=VALUE
            overrides it. A failing command stops the file with FILE:LINE in its message unless --keep-going
            is given. run may nest up to \(maximumDepth) files deep.
            """,
        run: { session, arguments in
            var parameters: [String: String] = [:]
            let keepGoing = arguments.options.has("--keep-going")
            for pair in arguments.options.all("--param") {
                guard let equals = pair.firstIndex(of: "="), equals != pair.startIndex else {
                    throw ShellError.badValue(option: "--param", value: pair, expected: "NAME=VALUE", command: "run", suggestion: nil)
                }
                parameters[String(pair[..<equals])] = String(pair[pair.index(after: equals)...])
            }
            guard arguments.words.count <= 1 else { throw ShellError.usage("run takes one file", command: "run") }
            guard let path = arguments.words.first else { throw ShellError.usage("name the file to run", command: "run") }
            if session.safeAllowsOneRun {
                session.safeAllowsOneRun = false
            } else {
                try session.refuseWhenSafe("run \(path)", because: "it would read another file")
            }
            guard session.runDepth < maximumDepth else {
                throw CommandFailure("\(path): run files nest more than \(maximumDepth) deep (does a file run itself?)")
            }
            guard let data = FileManager.default.contents(atPath: path) else {
                throw ShellError.usage("cannot read \(path): no such file, or not readable", command: "run")
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw CommandFailure("\(path): not UTF-8 text")
            }
            // Parameters given here win over the file's own `set` lines and over outer ones.
            let savedParameters = session.parameters
            let savedVariables = session.variables
            // A file runs with its own filters and settings: what it changes ends with it,
            // so `run weekly.beat` leaves the session as it found it.
            let savedSettings = session.settings
            session.parameters.merge(parameters) { $1 }
            session.runDepth += 1
            defer {
                session.runDepth -= 1
                session.parameters = savedParameters
                session.variables = savedVariables
                session.settings = savedSettings
            }
            let reader = FileLineReader(text: text)
            let shell = Shell(session: session, reader: reader, stopOnError: !keepGoing)
            shell.location = { "\(path):\(reader.entryLine)" }
            return shell.run() == 0 ? .success : .failure
        })
}

enum SetCommand {
    static let command = ShellCommand(
        name: "set",
        summary: "give $NAME a value for the following commands (a query file's defaults)",
        operands: CommandOperands("NAME VALUE", .text, verbatimAfter: 1),
        examples: ["set since 2026-04-01", "count aurora since:$since"],
        details: """
            --param NAME=VALUE given to run wins over set. With no arguments, set lists the values.
            A value keeps its quotes: after set T "open weights", count $T counts the phrase.
            'set now DATE' fixes the time relative dates count from (as --now does), shown in the
            prompt; 'set now clock' goes back to the clock; 'set now' shows it.
            """,
        run: { session, arguments in
            guard let name = arguments.words.first else {
                let quotedParameters = session.parameters.mapValues { CommandWords.quote($0) }
                for (name, value) in session.variables.merging(quotedParameters, uniquingKeysWith: { $1 }).sorted(by: { $0.key < $1.key }) {
                    session.output.line("set \(name) \(value)")
                }
                return .success
            }
            if name == "now" { return try setNow(arguments.words.dropFirst().joined(separator: " "), in: session) }
            guard name.first.map({ $0 == "_" || ($0.isASCII && $0.isLetter) }) == true,
                name.allSatisfy({ $0 == "_" || ($0.isASCII && ($0.isLetter || $0.isNumber)) })
            else { throw ShellError.usage("'\(name)' is not a name: letters, digits and _, starting with a letter", command: "set") }
            // The value as typed, quotes included: `set T "open weights"` stays a phrase in `count $T`.
            session.variables[name] = CommandWords.rest(afterFirstWordOf: arguments.raw).trimmingSpacesAndTabs
            return .success
        })

    /// `set now DATE`: the time relative dates (`since:7d`, the summary's window) count from.
    private static func setNow(_ value: String, in session: Session) throws -> CommandOutcome {
        switch value {
        case "":
            session.output.line(session.fixedNow.map { "set now \(CivilTime.iso8601($0))" } ?? "now: the clock (not set)")
        case "clock":
            session.fixedNow = nil
        default:
            guard let seconds = DateParser.seconds(from: value) else {
                throw ShellError.usage(
                    "set now takes a date or a time such as 2026-11-19 or 2026-11-19T12:00:00Z, not '\(value)'", command: "set")
            }
            session.fixedNow = seconds
            if session.isInteractive && session.runDepth == 0 { session.output.line("set now \(CivilTime.iso8601(seconds))") }
        }
        return .success
    }
}
