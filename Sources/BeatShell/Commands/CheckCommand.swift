import BeatCore

enum CheckCommand {
    static let command = ShellCommand(
        name: "check",
        summary: "fact-check a story's quotations against the corpus: who said it, where and when",
        operands: CommandOperands("FILE|-", .paths),
        options: [CommandOption("--all", help: "also check scare quotes of one or two words")],
        examples: ["check queries/stories/triage-tools.md", "check --all ~/drafts/open-weights.html"],
        details: """
            FILE is a text, Markdown or HTML story (- reads standard input). Every quotation in it ("…", '…' of
            several words, > block quotes, <blockquote>) is looked for in the corpus, with the author, source,
            venue and date the story gives it (a dash line, "said NAME", "on r/LocalLLaMA", "on March 3, 2026",
            a footnote to a url or a public id), under the story's dateline. --all also checks scare quotes of one or
            two words and terms (a short phrase in quotation marks, credited to no one, that several posts use).
            Each quote gets a verdict: verified (in the corpus as quoted, attribution agreeing), close (found
            with differences: similarity and the words that differ), misattributed (found, but the story's
            author, source, venue or date disagrees with the record), not_found (nothing close, and the corpus
            covers the story's sources and dates), outside_coverage (nothing found, and the corpus does not
            cover the stated source or dates, so no judgement is possible).
            Exit status: 0 when every quotation is verified (a story without quotations has nothing
            unverified: 0, with a note on standard error), 1 when any is not, 2 when the story cannot be read.
            """,
        run: { session, arguments in try run(session, arguments.words, includeShort: arguments.options.has("--all")) })

    private static func run(_ session: Session, _ paths: [String], includeShort: Bool) throws -> CommandOutcome {
        let outputFormat = try session.outputFormat(for: "check")
        guard paths.count == 1, let path = paths.first else {
            throw ShellError.usage(
                paths.isEmpty ? "name the story to check (- for standard input)" : "check one story at a time", command: "check")
        }
        if path != "-" { try session.refuseWhenSafe("check \(path)", because: "it would read another file") }
        let story = try readStory(path)
        let format = StoryExtractor.format(of: story, path: path == "-" ? nil : path)
        var quotes = StoryExtractor.quotes(in: story, format: format, includeShort: includeShort)
        if quotes.isEmpty {
            session.errors.line(
                "\(path): no quotations found (\(format.rawValue)); nothing to check\(includeShort ? "" : ", and --all would add scare quotes of one or two words")"
            )
        }
        let checker = try QuoteChecker(corpus: session.corpus())
        if !includeShort {
            // Terms in quotation marks (a short phrase several posts use, credited to no one) are not quotations.
            let terms = try quotes.filter { try checker.isTerm($0) }
            if !terms.isEmpty {
                quotes.removeAll { quote in terms.contains(quote) }
                let named = terms.prefix(3).map { "\"\($0.text)\"" }.joined(separator: ", ") + (terms.count > 3 ? ", …" : "")
                session.errors.line(
                    "\(path): skipped \(terms.count) term\(terms.count == 1 ? "" : "s") in quotation marks (\(named)); --all checks them")
            }
        }
        // Undated quotes can only come from the days before the story's own date.
        let dateline = StoryExtractor.dateline(in: story, format: format)
        var findings: [CheckFinding] = []
        for quote in quotes {
            if session.cancellation.isSet { throw CommandFailure("check cancelled after \(findings.count) of \(quotes.count) quotations") }
            findings.append(try checker.check(quote, dateline: dateline))
        }
        let report = CheckReport(story: path, findings: findings)
        Render.check(report, story: story, as: outputFormat, settings: session.renderSettings, to: session.output.write)
        session.lastList = findings.compactMap { $0.match?.post.id }
        return report.allVerified ? .success : .failure
    }

    /// The largest story `check` reads: a long feature is well under 1 MiB.
    static let maximumStoryBytes = 8 * 1_048_576

    /// The story's text; a file that cannot be read as text is a usage error (exit status 2).
    private static func readStory(_ path: String) throws -> String {
        // A story is read, split into sentences and matched whole in memory; past
        // this size it is not one story but a dump, and the work would run away.
        // A file's size is known before it is read, a pipe's once the limit is passed.
        let bytes: [UInt8]
        var input: InputFile?
        do {
            input = try InputFile(path: path)
            bytes = try input?.contents(limit: maximumStoryBytes) ?? []
        } catch .tooLarge(_, let size, _) {
            // A pipe's size is not known: only that it went past the limit.
            let amount = input?.size == nil ? "over \(maximumStoryBytes / 1_048_576) MiB" : "\(size / 1_048_576) MiB"
            throw ShellError.usage(
                "\(path): \(amount) is more than one story; check takes up to "
                    + "\(maximumStoryBytes / 1_048_576) MiB (split it, or check the part with the quotations)", command: "check")
        } catch .emptyInput {
            throw ShellError.usage("\(path): the story is empty; nothing to check", command: "check")
        } catch .cannotOpen(_, let reason) {
            throw ShellError.usage("\(path): cannot read the story: \(reason)", command: "check")
        } catch .binaryInput {
            throw ShellError.usage(StoryInputError.binary(path: path).description, command: "check")
        } catch .unsupportedEncoding {
            throw ShellError.usage(StoryInputError.utf16(path: path).description, command: "check")
        } catch {
            throw ShellError.usage("\(path): \(error)", command: "check")
        }
        do {
            return try StoryInput.text(from: bytes, path: path)
        } catch {
            throw ShellError.usage(error.description, command: "check")
        }
    }
}
