import BeatCore

enum ImportCommand {
    static let command = ShellCommand(
        name: "import",
        summary: "add posts from files in the platforms' formats (or - for standard input)",
        usage: "import [--as KIND] [--source NAME] [--venue NAME] [--map FIELD=PATH,...] [--date-format PATTERN] [--strict] FILE...",
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
        run: { session, arguments in try run(session, arguments.words) })

    private static func run(_ session: Session, _ arguments: [String]) throws -> CommandOutcome {
        try session.refuseWhenSafe("import", because: "it would write to the corpus")
        if session.isReadOnly { throw CorpusFault.readOnly(path: session.databasePath, command: "import") }
        var options = ImportOptions()
        var paths: [String] = []
        var index = 0
        func value(for flag: String) throws -> String {
            index += 1
            guard index < arguments.count else { throw UsageError("\(flag) needs a value", command: "import") }
            return arguments[index]
        }
        while index < arguments.count {
            let argument = arguments[index]
            switch argument {
            case "--as":
                let name = try value(for: argument)
                guard let format = ImportFormat(rawValue: name.lowercased()) else {
                    let names = ImportFormat.allCases.map(\.rawValue)
                    let hint = Suggestion.closest(to: name, among: names).map { "did you mean '\($0)'? " } ?? ""
                    throw UsageError("unknown format '\(name)'; \(hint)formats: \(names.joined(separator: ", "))", command: "import")
                }
                options.format = format
            case "--source":
                let name = try value(for: argument)
                guard let kind = SourceKind(name: name) else {
                    let names = SourceKind.allCases.map(\.rawValue)
                    throw UsageError("unknown source '\(name)'; sources: \(names.joined(separator: ", "))", command: "import")
                }
                options.source = kind.rawValue
            case "--venue": options.venue = try value(for: argument)
            case "--map":
                do { options.mapping = try FieldMapping(parsing: try value(for: argument)) }
                catch let error as ImportError { throw UsageError(error.description, command: "import") }
            case "--date-format": options.dateFormat = try value(for: argument)
            case "--strict": options.strict = true
            case "--batch-size":
                guard let size = Int(try value(for: argument)), size > 0 else {
                    throw UsageError("--batch-size takes a positive number", command: "import")
                }
                options.batchSize = size
            case "--":
                paths.append(contentsOf: arguments[(index + 1)...])
                index = arguments.count
                continue
            default:
                if argument.hasPrefix("--") {
                    let flags = ["--as", "--source", "--venue", "--map", "--date-format", "--strict", "--batch-size"]
                    let hint = Suggestion.closest(to: argument, among: flags).map { " (did you mean \($0)?)" } ?? ""
                    throw UsageError("unknown option \(argument)\(hint)", command: "import")
                }
                paths.append(argument)
            }
            index += 1
        }
        guard !paths.isEmpty else { throw UsageError("name at least one file to import (- for standard input)", command: "import") }
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
            var line = "\r\u{1B}[K\(progress.path): \(progress.records.formatted) records, \(rate.formatted)/s"
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
        var text = "added \(summary.added.formatted), updated \(summary.updated.formatted), unchanged \(summary.unchanged.formatted), skipped \(summary.skipped.formatted)"
        if summary.failedFiles > 0 { text += ", \(summary.failedFiles) file\(summary.failedFiles == 1 ? "" : "s") unreadable" }
        return text
    }

    private static func seconds(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10) s"
    }
}

/// A command that ran and failed, with a message for the user; exit status 1.
public struct CommandFailure: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
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
