import BeatCore

enum ImportCommand {
    static let command = ShellCommand(
        name: "import",
        summary: "add posts from files in the platforms' formats (or - for standard input)",
        operands: CommandOperands("FILE...", .paths),
        options: [
            CommandOption(
                "--as", .choice(of: ImportFormat.self), placeholder: "KIND", help: "the format, instead of detecting it from the content"),
            CommandOption(
                "--source", .choice(of: SourceKind.self), placeholder: "NAME",
                help: "the source of posts whose format does not carry one", reading: { SourceKind(name: $0)?.rawValue }),
            CommandOption("--venue", .venue, placeholder: "NAME", help: "the venue of posts whose format does not carry one"),
            CommandOption(
                "--map", .text, placeholder: "FIELD=PATH,...",
                help: "read generic JSONL or CSV: each post field from a named input field or dotted path"),
            CommandOption("--date-format", .text, placeholder: "PATTERN", help: "a strftime pattern for dates in other forms"),
            CommandOption("--strict", help: "undo the whole import at the first bad record"),
            CommandOption(
                "--batch-size", .number, placeholder: "N", help: "posts written per transaction (default \(ImportOptions().batchSize))"),
        ],
        examples: [
            "import ~/collect/localllama.json ~/collect/hn-items.ndjson",
            "import --as csv --source reddit --venue AskHistorians AskHistorians.csv",
            "import --map text=body,author=user.name,published_at=created posts.jsonl",
        ],
        details: """
            The format is detected from the content; --as KIND names it: \(ImportFormat.allCases.map(\.rawValue).joined(separator: ", ")).
            --source and --venue fill in what a format does not carry. --map reads generic JSONL or CSV:
            each post field (id, source, venue, author, published_at, title, text, url, parent, thread, score, lang, tags)
            from a named input field or dotted path. --date-format gives a strftime pattern (%Y %m %d %H %M %S %b %p %z)
            for dates in other forms. Re-importing is safe: known posts are updated in place or left unchanged.
            FILE may be a directory (its files of these formats, by extension) or a pattern (extracted/*.json).
            A bad record is reported as FILE:LINE and skipped; --strict undoes the whole import at the first one.
            Exit status: 0 when everything was imported, 1 when records were skipped or a file could not be read.
            """,
        mayLoadDemo: false,
        run: { session, arguments in try run(session, arguments) })

    private static func run(_ session: Session, _ arguments: CommandArguments) throws -> CommandOutcome {
        try session.refuseWhenSafe("import", because: "it would write to the corpus")
        if session.isReadOnly { throw CorpusFault.readOnly(path: session.databasePath, command: "import") }
        var options = ImportOptions()
        let given = arguments.options
        options.format = given.choice("--as", as: ImportFormat.self)
        options.source = given.value("--source")
        options.venue = given.value("--venue")
        if let map = given.value("--map") {
            do { options.mapping = try FieldMapping(parsing: map) } catch { throw ShellError.usage(error.description, command: "import") }
        }
        options.dateFormat = given.value("--date-format")
        options.strict = given.has("--strict")
        options.batchSize = given.number("--batch-size", default: options.batchSize)
        let paths = arguments.words
        guard !paths.isEmpty else { throw ShellError.usage("name at least one file to import (- for standard input)", command: "import") }
        return try runImport(paths: try ImportPaths.expand(paths), options: options, session: session)
    }

    private static func runImport(paths: [String], options: ImportOptions, session: Session) throws -> CommandOutcome {
        let corpus = try session.corpus()
        let importer = Importer(corpus: corpus, options: options, cancellation: session.cancellation)
        let showProgress = session.errors.isTerminal
        var shownProblems = 0
        let problemLimit = 20
        var events = ImportEvents()
        var progressShown = false
        events.problem = { problem in
            if shownProblems < problemLimit {
                if progressShown { session.errors.write("\r\u{1B}[K"); progressShown = false }
                session.errors.line(problem.description)
            }
            shownProblems += 1
        }
        events.fileFailed = { error in
            if progressShown { session.errors.write("\r\u{1B}[K"); progressShown = false }
            session.errors.line("error: \(error)")
        }
        events.progress = { progress in
            guard showProgress else { return }
            let rate = progress.seconds > 0 ? Int(Double(progress.records) / progress.seconds) : 0
            // First the whole input is read and sorted into time order; then the records are written.
            let done = progress.sorting ? "records read, sorting by time" : "records"
            var line = "\r\u{1B}[K\(progress.path): \(progress.records.formatted) \(done), \(rate.formatted)/s"
            if let total = progress.totalBytes, total > 0 {
                line += ", \(min(100, progress.bytesRead * 100 / total))% of \(total / 1_048_576) MiB"
            }
            session.errors.write(line)
            progressShown = true
        }
        // Where a cancel stopped, and the posts before, for the message a cancel ends with: the
        // count of posts is what was kept whichever way the cancel arrived (between batches, or
        // inside a statement, when SQLite rolls back the open batch).
        var cancelledIn: String?
        events.fileCancelled = { path, _ in cancelledIn = path }
        let postsBefore = try corpus.postCount()
        events.fileDone = { path, format, summary in
            if progressShown { session.errors.write("\r\u{1B}[K"); progressShown = false }
            session.output.line("\(path): \(describe(summary)) (\(format.rawValue), \(seconds(summary.seconds)))")
        }
        let summary: ImportSummary
        do {
            summary = try importer.run(paths, events: events)
        } catch let error as ImportError {
            if progressShown { session.errors.write("\r\u{1B}[K") }
            if case .cancelled = error {
                let added = (try? corpus.postCount()).map { $0 - postsBefore } ?? 0
                let whereText = cancelledIn.map { " (stopped in \($0))" } ?? ""
                throw CommandFailure(
                    "import cancelled: \(added.formatted) new post\(added == 1 ? "" : "s") kept\(whereText); "
                        + "running the same import again completes it")
            }
            throw CommandFailure(error.description)
        }
        if shownProblems > problemLimit {
            session.errors.line("… and \(shownProblems - problemLimit) more records skipped")
        }
        if paths.count > 1 {
            session.output.line("total: \(describe(summary)) (\(seconds(summary.seconds)))")
        }
        return summary.skipped > 0 || summary.failedFiles > 0 ? .failure : .success
    }

    private static func describe(_ summary: ImportSummary) -> String {
        var text =
            "added \(summary.added.formatted), updated \(summary.updated.formatted), unchanged \(summary.unchanged.formatted), skipped \(summary.skipped.formatted)"
        if summary.failedFiles > 0 { text += ", \(summary.failedFiles) file\(summary.failedFiles == 1 ? "" : "s") unreadable" }
        return text
    }

    private static func seconds(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10) s"
    }
}

extension Int {
    /// `12,345`: thousands separated for reading, independent of locale.
    var formatted: String {
        let digits = String(abs(self))
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return self < 0 ? "-" + out : out
    }
}
