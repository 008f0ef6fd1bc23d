import BeatCore

extension Render {
    /// A fact-check of a story (`check FILE`): one finding per quotation, in story order.
    ///
    /// table: one row per quote (line:column, verdict, similarity, the quote shortened, the
    /// matching record's id, author, source (venue) and date, the differences or the reason),
    /// then the counts per verdict; md: the story itself with a marker after each quotation
    /// (` [✓ verified]`, ` [≈ close 0.93]`, ` [! misattributed]`, ` [✗ not found]`,
    /// ` [? outside coverage]`), then a "Findings" list with each quote's record and link;
    /// json: `{"quotes": [FINDING], "summary": {"verified", "close", "misattributed", "not_found",
    /// "outside_coverage"}}` where FINDING is `{"quote", "line", "column", "attribution", "verdict",
    /// "similarity", "match", "differences", "reason", "evidence", "origin", "meaning_changed",
    /// "meaning_change"}` (ORIGIN: `{"id", "author", "published_at", "others", "source", "venue", "url",
    /// "edited", "holders": [{"id", "source", "venue", "author", "published_at", "url", "exact"}]}`);
    /// jsonl: one FINDING per line; csv: one row per finding.
    /// - Parameter story: the story's text, which `md` reproduces (without it, md lists the findings only).
    public static func check(
        _ report: CheckReport, story: String?, as format: OutputFormat, settings: RenderSettings, to write: (String) -> Void
    ) {
        switch format {
        case .table: checkTable(report, settings, write)
        case .md: checkMarkdown(report, story: story, write)
        case .json:
            write(JSONText.object([("quotes", .array(report.findings.map(json))), ("summary", summaryJSON(report))]).text + "\n")
        case .jsonl:
            for finding in report.findings { write(json(finding).text + "\n") }
        case .csv:
            write(CSVText.row(checkCSVHeader))
            for finding in report.findings { write(CSVText.row(csvFields(finding))) }
        case .html: unsupported(format, by: "check")
        }
    }

    // MARK: - JSON and CSV

    /// `{"quote", "line", "column", "attribution", "verdict", "similarity", "match", "differences"}`.
    static func json(_ finding: CheckFinding) -> JSONText {
        let quote = finding.quote
        let attribution: JSONText =
            quote.attribution.map { stated in
                .object([
                    ("author", .string(stated.author)), ("source", .string(stated.source)), ("venue", .string(stated.venue)),
                    ("date", .string(stated.date.map(isoDate))),
                ])
            } ?? .null
        let match: JSONText =
            finding.match.map { match in
                let post = match.post
                return .object([
                    ("id", .string(post.id)), ("author", .string(post.author)), ("source", .string(post.source)),
                    ("venue", .string(post.venue)), ("published_at", .time(post.publishedAt)), ("url", .string(post.url)),
                    ("text", .string(match.passage)),
                ])
            } ?? .null
        return .object([
            ("quote", .string(quote.text)), ("line", .int(quote.line)), ("column", .int(quote.column)),
            ("attribution", attribution), ("verdict", .string(finding.verdict.rawValue)),
            ("similarity", .number(similarityText(finding.similarity))), ("match", match),
            ("differences", .array(finding.differences.map { .object([("old", .string($0.old)), ("new", .string($0.new))]) })),
            ("reason", .string(finding.reason)), ("evidence", .string(finding.evidence)),
            (
                "origin",
                finding.origin.map {
                    .object([
                        ("id", .string($0.post.id)), ("author", .string($0.post.author)),
                        ("published_at", .time($0.post.publishedAt)), ("others", .int($0.others)),
                        ("source", .string($0.post.source)), ("venue", .string($0.post.venue)), ("url", .string($0.post.url)),
                        ("edited", .number($0.edited ? "true" : "false")), ("holders", .array($0.holders.map(holderJSON))),
                    ])
                } ?? .null
            ),
            ("meaning_changed", .number(finding.meaningChanged ? "true" : "false")), ("meaning_change", .string(finding.meaningChange)),
        ])
    }

    /// `{"id", "source", "venue", "author", "published_at", "url", "exact"}`: a post holding a quotation besides its origin.
    private static func holderJSON(_ holder: QuoteHolder) -> JSONText {
        let post = holder.post
        return .object([
            ("id", .string(post.id)), ("source", .string(post.source)), ("venue", .string(post.venue)), ("author", .string(post.author)),
            ("published_at", .time(post.publishedAt)), ("url", .string(post.url)), ("exact", .number(holder.exact ? "true" : "false")),
        ])
    }

    private static func summaryJSON(_ report: CheckReport) -> JSONText {
        .object(CheckVerdict.allCases.map { ($0.rawValue, .int(report.count($0))) })
    }

    /// The similarity rounded to 3 decimals, as a JSON number (`1.0`, `0.933`).
    static func similarityText(_ similarity: Double) -> String {
        let rounded = (similarity * 1000).rounded() / 1000
        return rounded.isFinite ? String(describing: rounded) : "0.0"
    }

    /// A stated date as ISO 8601: the day (`2026-03-03`), or the month it spans (`2026-03`).
    static func isoDate(_ date: StoryDate) -> String {
        let day = CivilTime.isoDate(date.start)
        return date.end - date.start > 86_400 ? String(day.prefix(7)) : day
    }

    private static let checkCSVHeader = [
        "line", "column", "quote", "verdict", "similarity", "stated_author", "stated_source", "stated_venue",
        "stated_date", "id", "author", "source", "venue", "published_at", "url", "text", "differences", "reason",
        "evidence", "origin", "meaning_changed", "origin_holders",
    ]

    private static func csvFields(_ finding: CheckFinding) -> [String?] {
        let stated = finding.quote.attribution
        let post = finding.match?.post
        return [
            String(finding.quote.line), String(finding.quote.column), finding.quote.text, finding.verdict.rawValue,
            similarityText(finding.similarity), stated?.author, stated?.source, stated?.venue, stated?.date.map(isoDate),
            post?.id, post?.author, post?.source, post?.venue, post.map { CivilTime.iso8601($0.publishedAt) }, post?.url,
            finding.match?.passage, differencesText(finding.differences), finding.reason,
            finding.evidence, finding.origin.map { "\($0.post.id) (+\($0.others))" }, finding.meaningChanged ? "true" : "false",
            finding.origin.map(holdersText),
        ]
    }

    /// The holders besides the origin, `; `-separated: `bluesky:3mc… bob.bsky.social 2026-01-22 (edited)`,
    /// then `and N more` when there are more than are listed.
    static func holdersText(_ origin: QuoteOrigin) -> String {
        var parts = origin.holders.map { holder in
            let post = holder.post
            return [post.id, post.author ?? "", CivilTime.isoDate(post.publishedAt)].joined(separator: " ")
                + (holder.exact ? "" : " (edited)")
        }
        if origin.others > origin.holders.count { parts.append("and \(origin.others - origin.holders.count) more") }
        return parts.joined(separator: "; ")
    }

    /// `old → new` pairs separated by `; ` (`+new` for added words, `−old` for dropped ones).
    static func differencesText(_ differences: [WordDifference]) -> String {
        differences.map { difference in
            if difference.old.isEmpty { return "+" + difference.new }
            if difference.new.isEmpty { return "\u{2212}" + difference.old }
            return difference.old + " \u{2192} " + difference.new
        }.joined(separator: "; ")
    }

    /// `2 verified, 1 close, 0 misattributed, 1 not found, 0 outside coverage`.
    static func checkSummary(_ report: CheckReport) -> String {
        CheckVerdict.allCases.map { "\(report.count($0)) \($0.words)" }.joined(separator: ", ")
    }
}

extension CheckVerdict {
    /// The verdict as a reader says it: `not found`, `outside coverage`.
    var words: String { String(rawValue.map { $0 == "_" ? " " : $0 }) }

    /// The sign a report puts before the verdict.
    var sign: String {
        switch self {
        case .verified: return "\u{2713}"
        case .close: return "\u{2248}"
        case .misattributed: return "!"
        case .notFound: return "\u{2717}"
        case .outsideCoverage: return "?"
        }
    }
}
