import BeatCore

/// `spread TARGET`, `spread QUERY --top N` and `links QUERY`.
enum SpreadCommand {
    static let command = ShellCommand(
        name: "spread",
        summary: "where a text or a link travelled, across platforms, and who posted it first",
        operands: CommandOperands("ID|N|\"SENTENCE\"|URL|QUERY", .query),
        options: [CommandOption("--top", .number, placeholder: "N", help: "the N largest groups of copies among the QUERY's matches")],
        examples: [
            "spread bluesky:3lfx2chipwatch", "search licences allies", "spread 1",
            "spread \"require licences for any AI data center with more than 50,000 advanced chips\"",
            "spread https://www.reuters.com/technology/us-tightens-ai-chip-export-controls-2026-01-22/",
            "spread export since:2026-01-01 --top 5",
        ],
        details: """
            With a post (its id, or its number in the last list), a quoted sentence of at least \(SpreadSketch.minimumWords) words
            or a web address, spread lists every post that carries it, earliest first: the origin (the
            earliest post) named, each other post's platform, venue, author and date, how close it is to
            the origin (shingle similarity) and the words that differ; then a timeline per platform (in
            hours when it all happened within three days, else in days) and the accounts that carried it
            furthest (score and replies, where the platform has them).

            Copies are found whatever the platform: cross-posts, copy-paste, quote posts and articles that
            reproduce a post, lightly edited versions and truncations. Links are compared in canonical form
            (no scheme, www., tracking parameters, mobile or AMP forms; x.com is twitter.com, old.reddit.com
            is reddit.com).

            With --top N, spread lists the N largest groups of copies among a query's matches.

            """ + QueryHelp.grammar,
        run: { session, arguments in
            let format = try session.outputFormat(for: "spread")
            let engine = try session.searchEngine()
            if arguments.options.has("--top") {
                let top = arguments.options.number("--top", default: 10)
                let query = try session.compile(arguments.raw)
                let groups = try engine.spreadGroups(for: query, limit: top)
                Render.spreadGroups(
                    groups, query: session.shownQuery(arguments.raw), as: format, settings: session.renderSettings,
                    to: session.output.write)
                session.lastList = groups.map(\.origin.id)
                return .success
            }
            let target = try target(arguments.raw, session: session)
            let report: SpreadReport?
            do {
                report = try engine.spread(of: target)
            } catch let error as SpreadError {
                throw ShellError.usage(error.description, command: "spread")
            }
            guard let report else {
                guard case .post(let id) = target else { return .failure }
                throw CommandFailure("no post \(id) in this corpus (ids look like reddit:1h3kx9a or hackernews:8863)")
            }
            Render.spread(report, as: format, settings: session.renderSettings, to: session.output.write)
            session.lastList = report.members.map(\.post.id)
            return .success
        })

    static let links = ShellCommand(
        name: "links",
        summary: "the most shared links among a query's matches, with their platforms",
        operands: CommandOperands("[QUERY]", .query),
        options: [.limit("links")],
        examples: ["links", "links \"export controls\" since:2026-01-01 --limit 5"],
        details: """
            Links are counted in canonical form: without the scheme, www., tracking parameters (utm_*,
            fbclid, …), trailing slashes and mobile or AMP forms; x.com is twitter.com and old.reddit.com
            is reddit.com. Each post counts once per link. Follow one with spread URL.

            """ + QueryHelp.grammar,
        run: { session, arguments in
            let format = try session.outputFormat(for: "links")
            let limit = arguments.options.number("--limit", default: 20)
            let query = try session.compile(arguments.raw)
            let links = try session.searchEngine().sharedLinks(for: query, limit: limit)
            Render.links(
                links, query: session.shownQuery(arguments.raw), as: format, settings: session.renderSettings,
                to: session.output.write)
            session.lastList = links.map(\.first.id)
            return .success
        })

    /// What `spread` was given: a list number, a post id, a web address or a quoted sentence.
    static func target(_ text: String, session: Session) throws -> SpreadTarget {
        let text = text.trimmingSpacesAndTabs
        guard !text.isEmpty else {
            throw ShellError.usage(
                "name what to follow: a post id, a number from the last list, a quoted sentence or a link; "
                    + "or give a query with --top N", command: "spread")
        }
        if let number = Int(text) {
            guard number >= 1, number <= session.lastList.count else {
                throw ShellError.usage(
                    session.lastList.isEmpty
                        ? "no list to pick from yet; run search or quotes first, or give an id like hackernews:8863"
                        : "the last list has \(session.lastList.count) entries; pick 1 to \(session.lastList.count)")
            }
            return .post(session.lastList[number - 1])
        }
        if text.count >= 2, text.hasPrefix("\""), text.hasSuffix("\""), !text.dropFirst().dropLast().contains("\"") {
            return .sentence(String(text.dropFirst().dropLast()))
        }
        let lowered = text.lowercased()
        if !text.contains(" "), lowered.hasPrefix("http://") || lowered.hasPrefix("https://") || lowered.hasPrefix("www.") {
            return .link(text)
        }
        if !text.contains(" "), let colon = text.firstIndex(of: ":"),
            SourceKind(rawValue: String(text[..<colon])) != nil, text.index(after: colon) < text.endIndex
        {
            return .post(text)
        }
        throw ShellError.usage(
            "'\(text)' is not a post id, a list number, a quoted sentence or a link; to find the largest "
                + "groups of copies among a query's matches, add --top N (spread \(text) --top 10)", command: "spread")
    }
}
