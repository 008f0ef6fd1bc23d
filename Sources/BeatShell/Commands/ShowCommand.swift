import BeatCore

enum ShowCommand {
    static let command = ShellCommand(
        name: "show",
        summary: "one post in full, with its thread: show ID or the number from the last list",
        operands: CommandOperands("ID|N", .text),
        examples: ["show hackernews:48395589", "search aurora licence", "show 2"],
        run: { session, arguments in
            let format = try session.outputFormat(for: "show")
            guard arguments.words.count == 1, let reference = arguments.words.first else {
                throw ShellError.usage("name one post: its id (source:id) or its number in the last list", command: "show")
            }
            var publicID = reference
            if let number = Int(reference) {
                guard number >= 1, number <= session.lastList.count else {
                    throw ShellError.usage(
                        session.lastList.isEmpty
                            ? "no list to pick from yet; run search or quotes first, or give an id like hackernews:8863"
                            : "the last list has \(session.lastList.count) entries; pick 1 to \(session.lastList.count)")
                }
                publicID = session.lastList[number - 1]
            }
            guard let detail = try session.searchEngine().detail(publicID: publicID) else {
                throw CommandFailure("no post \(publicID) in this corpus (ids look like reddit:1h3kx9a or hackernews:8863)")
            }
            Render.post(detail, as: format, settings: session.renderSettings, to: session.output.write)
            return .success
        })
}
