import BeatCore
import Foundation

/// `summary BEAT|QUERY`: what a beat (or any query) is saying over a window,
/// in one screen or one export.
enum SummaryCommand {
    static let command = ShellCommand(
        name: "summary",
        summary: "what a beat is saying: volume, sources, timeline, terms, voices, quotes, sentiment",
        operands: CommandOperands("BEAT|QUERY", .beatOrQuery),
        options: [
            CommandOption("--since", .date, placeholder: "DATE", help: "the window's start (2026-04-01, 2026-04, 30d, 24h)"),
            CommandOption("--until", .date, placeholder: "DATE", help: "the window's end (the whole day)"),
            CommandOption(
                "--vs", .beatName(extra: ["previous"]), placeholder: "previous|BEAT",
                help: "compare with the window just before, or with another beat"),
            CommandOption("--quotes", .number, placeholder: "N", help: "how many quotes (default 5)"),
            CommandOption("--context", help: "show the sentences before and after each quote"),
            CommandOption("--out", .path, placeholder: "FILE", help: "write the summary to FILE (needed for --format html on a terminal)"),
        ],
        examples: [
            "summary open-source-ai --since 30d --vs previous",
            "summary \"export controls\" source:reddit --since 2026-04-01 --until 2026-06-30 --format html --out brief.html",
        ],
        details: """
            BEAT is the name of a stored beat (see: beats); anything else is a query of the search
            grammar, with the active filters. The window is --since … --until … (dates as in queries:
            2026-04-01, 2026-04, 30d, 24h); without them, the query's own since:/until:, else the
            30 days up to now. Every count equals what `count` gives for the same query and window;
            every quote is verbatim, with its public id. The sentiment figures are an estimate from a
            lexicon scorer on a sample, labelled with its method and sample size.
            --vs previous compares with the window of equal length just before; --vs BEAT with
            another beat in the same window. --context shows the sentences before and after each
            quote (json always carries them as "context"). --out FILE writes the result to FILE (needed for
            --format html on a terminal).
            """,
        writesHTML: true,
        run: { session, arguments in
            let options = arguments.options
            // The sentences around each quote in the table.
            let showsContext = options.has("--context")
            let format = try session.outputFormat(for: "summary")
            let subject = try SummarySubject(arguments.raw, in: session)
            var window = try SummaryWindow(
                since: options.value("--since"), until: options.value("--until"), query: subject.query,
                now: session.now, context: try session.queryContext())
            let comparison = try options.value("--vs").map { try comparisonRequest($0, in: session) }
            // Dates given anywhere keep their exact meaning, and a comparison its 30 days; only
            // the default window of a plain summary is fitted.
            if !options.has("--vs") && !options.has("--since") && !options.has("--until") && subject.query.idRange == nil,
                let (fitted, note) = try fittedWindow(window, for: subject.query, in: session)
            {
                window = fitted
                session.errors.line(note)
            }
            var request = SummaryRequest(
                label: subject.label, query: subject.query, window: window, comparison: comparison,
                quoteCount: options.number("--quotes", default: 5))
            request.shownQuery = subject.shownQuery
            let corpus = try session.corpus()
            let summary = try SummaryBuilder(corpus: corpus, loadingScorer: { try LexiconSentiment.shared }).summary(for: request)
            let write = { (session: Session) in
                var settings = session.renderSettings
                settings.quoteContext = showsContext
                if format == .html {
                    session.output.write(Render.summaryHTML(summary, settings: settings))
                } else {
                    Render.summary(summary, as: format, settings: settings, to: session.output.write)
                }
            }
            if let path = options.value("--out") {
                try session.withOutput(redirectedTo: path, append: false) { write(session) }
                session.errors.line("wrote the summary of \(summary.label) to \(path)")
            } else {
                if format == .html && session.output.isTerminal {
                    throw ShellError.usage("html is a page, not for the terminal: add --out FILE (or > FILE)", command: "summary")
                }
                write(session)
            }
            session.lastList = summary.quotes.map(\.post.id)
            try session.explainThinResult(summary.volume.posts, query: arguments.raw, compiled: subject.query, window: summary.window)
            return .success
        })

    /// The longest window a default is widened to.
    static let longestFittedWindow: Int64 = 365 * 86_400

    /// The default window (the 30 days up to now) widened back to the query's first post, up to a
    /// year, when it holds fewer than `Session.thinResult` of its posts and older ones exist: a beat
    /// that was quiet lately is summarised over the time it was talked about, and the note says
    /// which window that is. Nil when the default holds enough.
    static func fittedWindow(
        _ window: SummaryWindow, for query: CompiledQuery, in session: Session
    ) throws -> (SummaryWindow, String)? {
        let engine = try session.searchEngine()
        var windowed = query
        windowed.idRange = window.idRange
        let inWindow = try engine.count(windowed)
        guard inWindow < Session.thinResult else { return nil }
        let oldest = try engine.search(query, shownAs: "", sort: .old, limit: 1)
        guard let first = oldest.hits.first?.post.publishedAt, first < window.start else { return nil }
        let fitted = SummaryWindow(start: max(first, window.end - longestFittedWindow), end: window.end).startingOnADay
        let note =
            "note: the last \(window.lengthInWords) hold \(Wording.posts(inWindow)); summarising "
            + "\(CivilTime.isoDate(fitted.start)) – \(CivilTime.isoDate(fitted.end - 1)) instead, back to the first post "
            + "(up to a year; --since and --until choose the window)"
        return (fitted, note)
    }

    /// `--vs previous` or `--vs BEAT`.
    private static func comparisonRequest(_ value: String, in session: Session) throws -> SummaryComparisonRequest {
        if value == "previous" { return .previous }
        let beats = try BeatStore(corpus: try session.corpus())
        guard try beats.get(value) != nil else {
            let names = try beats.list().map(\.name)
            let hint = Suggestion.closest(to: value, among: names + ["previous"]).map { " Did you mean '\($0)'?" } ?? ""
            throw ShellError.usage("--vs takes previous or a beat's name; there is no beat '\(value)'.\(hint)", command: "summary")
        }
        return .other(label: "beat \(value)", query: try session.compile("beat:\(value)"))
    }
}

/// What `summary` was asked about: a stored beat named by its first and only
/// word, or a query.
struct SummarySubject {
    var label: String
    var query: CompiledQuery
    /// A beat's stored query with the active filters, for the summary's header.
    var shownQuery: String?

    init(_ text: String, in session: Session) throws {
        let words = QueryOptions.tokens(text)
        let beats = BeatStore(corpus: try session.corpus())
        if words.count == 1, let beat = try beats.get(String(words[0])) {
            label = "beat \(words[0])"
            query = try session.compile("beat:\(words[0])")
            shownQuery = session.shownQuery(beat.query)
        } else {
            // One bare word close to a beat's name is a mistyped name far more often than a
            // search for that word: say so rather than summarise the word.
            if words.count == 1, let name = try Self.beatNamed(like: String(words[0]), among: beats.list().map(\.name)) {
                throw ShellError.usage(
                    """
                    there is no beat '\(words[0])'; did you mean beat '\(name)'? \
                    (to summarise the word itself, quote it: summary '"\(words[0])"')
                    """, command: "summary")
            }
            let shown = session.shownQuery(text)
            label = shown.isEmpty ? "all posts" : shown
            query = try session.compile(text)
        }
    }
}

extension SummarySubject {
    /// The beat `word` probably means: a name it begins or is within a few edits of.
    static func beatNamed(like word: String, among names: [String]) -> String? {
        guard !word.isEmpty, word.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else { return nil }
        let lowered = word.lowercased()
        if let started = names.filter({ $0.hasPrefix(lowered) && lowered.count >= 3 }).min(by: { $0.count < $1.count }) {
            return started
        }
        return Suggestion.closest(to: lowered, among: names)
    }
}

extension SummaryWindow {
    /// The window `--since`/`--until` name, read as the query grammar reads
    /// `since:`/`until:`; a missing end comes from the query's own dates, else
    /// now (the window ends just before it); a missing start from the query's
    /// dates, else 30 days before the end.
    init(since: String?, until: String?, query: CompiledQuery, now: Int64, context: QueryContext) throws {
        /// The span `key:value` means in a query (`since:30d`, `until:2026-06-30`).
        func span(_ key: String, _ value: String) throws -> SummaryWindow {
            do throws(QueryError) {
                let compiled = try QueryCompiler.compile("\(key):\(value)", context: context)
                return SummaryWindow(idRange: compiled.idRange ?? Int64.min...Int64.max)
            } catch {
                throw ShellError.usage("--\(key) \(value): \(error.message)", command: "summary")
            }
        }
        let queryRange = query.idRange ?? Int64.min...Int64.max
        let queryWindow = SummaryWindow(idRange: queryRange)
        var end = now
        if let until {
            end = try span("until", until).end
        } else if queryRange.upperBound != Int64.max {
            end = queryWindow.end
        }
        var start = end - 30 * 86_400
        if let since {
            start = try span("since", since).start
        } else if queryRange.lowerBound != Int64.min {
            start = queryWindow.start
        }
        guard start < end else {
            throw ShellError.usage("the window is empty: --since must come before --until", command: "summary")
        }
        self = SummaryWindow(start: start, end: end).startingOnADay
    }
}
