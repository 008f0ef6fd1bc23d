import BeatCore

extension Render {
    /// The posts that carry a text or a link (`spread TARGET`), earliest first.
    ///
    /// table: a headline (posts, platforms, first and last date), the origin with its opening
    /// words, the members with similarity to the origin and the words that differ (`−removed
    /// +added`), the timeline per platform, and the accounts that carried it furthest;
    /// json: `{"target": {"kind", "value", "canonical_url"}, "posts", "platforms": [{"source",
    /// "posts"}], "origin": MEMBER|null, "members": [MEMBER], "timeline": {"bucket": "hour"|"day",
    /// "buckets": [{"source", "start", "posts"}]}, "carriers": [MEMBER]}` where MEMBER is a post's
    /// `id, source, venue, author, published_at, title, url` and `excerpt, score, replies,
    /// similarity, containment, removed, added, removed_count, added_count`; jsonl: one member per
    /// line; csv: the members; md: a headline, the origin as a block quote, a table of members.
    public static func spread(_ report: SpreadReport, as format: OutputFormat, settings: RenderSettings, to write: (String) -> Void) {
        switch format {
        case .table: spreadTable(report, settings, write)
        case .json: write(spreadJSON(report).document(settings))
        case .jsonl:
            for member in report.members { write(memberJSON(member).text + "\n") }
        case .csv:
            write(
                CSVText.row([
                    "id", "source", "venue", "author", "published_at", "url", "similarity", "containment", "removed", "added",
                    "score", "replies",
                ]))
            for m in report.members {
                let p = m.post
                write(
                    CSVText.row([
                        p.id, p.source, p.venue, p.author, CivilTime.iso8601(p.publishedAt), p.url,
                        m.similarity.map(decimal3), m.containment.map(decimal3), m.removed.joined(separator: " "),
                        m.added.joined(separator: " "), m.score.map(String.init), String(m.replies),
                    ]))
            }
        case .html: unsupported(format, by: "spread")
        case .md: spreadMarkdown(report, write)
        }
    }

    static func decimal3(_ value: Double) -> String {
        let text = String((value * 1000).rounded() / 1000)
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }

    private static func targetText(_ target: SpreadTarget) -> (kind: String, value: String) {
        switch target {
        case .post(let id): return ("post", id)
        case .sentence(let text): return ("sentence", text)
        case .link(let url): return ("link", url)
        }
    }

    static func memberJSON(_ m: SpreadMember) -> JSONText {
        .object(
            m.post.jsonMembers + [
                ("excerpt", .string(m.excerpt)), ("score", .int(m.score)), ("replies", .int(m.replies)),
                ("similarity", m.similarity.map { .number(decimal3($0)) } ?? .null),
                ("containment", m.containment.map { .number(decimal3($0)) } ?? .null),
                ("removed", .array(m.removed.map { .string($0) })), ("added", .array(m.added.map { .string($0) })),
                ("removed_count", .int(m.removedCount)), ("added_count", .int(m.addedCount)),
            ])
    }

    private static func spreadJSON(_ report: SpreadReport) -> JSONText {
        let target = targetText(report.target)
        return .object([
            (
                "target",
                .object([
                    ("kind", .string(target.kind)), ("value", .string(target.value)),
                    ("canonical_url", .string(report.canonicalLink)),
                ])
            ),
            ("posts", .int(report.members.count)),
            ("platforms", .array(report.platforms.map { .object([("source", .string($0.source)), ("posts", .int($0.posts))]) })),
            ("origin", report.origin.map(memberJSON) ?? .null),
            ("members", .array(report.members.map(memberJSON))),
            (
                "timeline",
                .object([
                    ("bucket", .string(report.bucketSeconds == 3600 ? "hour" : "day")),
                    (
                        "buckets",
                        .array(
                            report.timeline.map {
                                .object([("source", .string($0.source)), ("start", .time($0.start)), ("posts", .int($0.posts))])
                            })
                    ),
                ])
            ),
            ("carriers", .array(report.carriers.map(memberJSON))),
        ])
    }

    /// `2 posts on 2 platforms (bluesky 1, mastodon 1)`.
    private static func spreadHeadline(_ report: SpreadReport) -> String {
        let platforms = report.platforms
        let list = platforms.map { "\($0.source) \($0.posts)" }.joined(separator: ", ")
        var line = Wording.posts(report.members.count) + " on " + (platforms.count == 1 ? "1 platform" : "\(platforms.count) platforms")
        if !list.isEmpty { line += " (\(list))" }
        if let first = report.members.first, let last = report.members.last, report.members.count > 1 {
            line += ", " + minute(first.post.publishedAt) + " → " + minute(last.post.publishedAt)
        }
        return line
    }

    /// `2026-01-22 14:05` (UTC).
    static func minute(_ seconds: Int64) -> String {
        let iso = CivilTime.iso8601(seconds)
        return String(iso.prefix(16)).replacingOccurrences(of: "T", with: " ")
    }

    private enum SpreadReportWords { static let shown = 6 }

    /// `−said +says`, or `origin`, or `+312 words` when a long text holds the origin.
    static func difference(_ m: SpreadMember, isOrigin: Bool) -> String {
        if isOrigin { return "origin" }
        guard m.similarity != nil else { return "" }
        if m.removedCount == 0 && m.addedCount == 0 { return "same words" }
        if let containment = m.containment, containment >= 0.95, m.removedCount <= 1, m.addedCount > SpreadReportWords.shown {
            return "holds it whole, +\(m.addedCount) words"
        }
        var parts: [String] = []
        let removed = m.removed.map { "−" + $0 }.joined(separator: " ")
        if !removed.isEmpty { parts.append(removed + (m.removedCount > m.removed.count ? " (−\(m.removedCount) words)" : "")) }
        if m.addedCount > m.added.count {
            parts.append("+\(m.addedCount) words")
        } else if m.addedCount > 0 {
            parts.append(m.added.map { "+" + $0 }.joined(separator: " "))
        }
        return parts.joined(separator: " ")
    }

    private static func spreadTable(_ report: SpreadReport, _ settings: RenderSettings, _ write: (String) -> Void) {
        let width = settings.tableWidth
        let target = targetText(report.target)
        var heading = "spread of " + (target.kind == "sentence" ? Wording.quoted(target.value) : target.value)
        if let canonical = report.canonicalLink { heading += " (\(canonical))" }
        for line in StyledText.wrapLines(heading, width: width) { write(line + "\n") }
        guard let origin = report.origin else {
            write(target.kind == "link" ? "no post shares this link\n" : "no post carries this text\n")
            return
        }
        write(spreadHeadline(report) + "\n")
        if report.members.count == 1 && target.kind == "post" {
            write("no other post carries this text\n")
        }
        write("\n")
        for line in StyledText.wrapLines("origin: " + origin.post.attribution + " · " + origin.post.id, width: width) {
            write(line + "\n")
        }
        for line in StyledText.wrapLines(Wording.quoted(origin.excerpt), width: width - 2) { write("  " + line + "\n") }
        write("\n")
        let isLink = target.kind == "link"
        var table = TextTable([
            .number("#"), .init(header: "date", minimum: 16), .init(header: "source", minimum: 6),
            .init(header: "venue", minimum: 5, dropOrder: 1), .init(header: "author", minimum: 8, dropOrder: 2),
            isLink ? .init(header: "id", minimum: 10, dropOrder: 0) : .init(header: "similarity", minimum: 4),
            isLink ? .init(header: "", minimum: 0, dropOrder: 3) : .init(header: "differs", minimum: 8, dropOrder: 0),
        ])
        for (i, m) in report.members.enumerated() {
            table.add([
                String(i + 1), minute(m.post.publishedAt), m.post.source, m.post.venue ?? "", m.post.author ?? "",
                isLink ? m.post.id : m.similarity.map(decimal3) ?? "",
                isLink ? "" : difference(m, isOrigin: i == 0 && target.kind == "post"),
            ])
        }
        for line in table.lines(width: width, color: settings.color) { write(line + "\n") }

        write("\ntimeline (\(report.bucketSeconds == 3600 ? "hours" : "days"), UTC):\n")
        var timeline = TextTable([.init(header: "source", minimum: 6), .init(header: "posts", minimum: 10)])
        var rows: [(String, [String])] = []
        for bucket in report.timeline {
            let label = (report.bucketSeconds == 3600 ? minute(bucket.start) : CivilTime.isoDate(bucket.start)) + " ×\(bucket.posts)"
            if let last = rows.last, last.0 == bucket.source {
                rows[rows.count - 1].1.append(label)
            } else {
                rows.append((bucket.source, [label]))
            }
        }
        for row in rows { timeline.add([row.0, row.1.joined(separator: ", ")]) }
        for line in timeline.lines(width: width, withHeader: false, color: settings.color) { write("  " + line + "\n") }

        let carriers = report.carriers
        if !carriers.isEmpty {
            write("\ncarried furthest:\n")
            for m in carriers {
                var reach: [String] = []
                if let score = m.score { reach.append("score \(Int(score).formatted)") }
                reach.append(m.replies == 1 ? "1 reply" : "\(m.replies.formatted) replies")
                for line in StyledText.wrapLines(
                    (m.post.author ?? m.post.id) + ", " + m.post.source + " · " + reach.joined(separator: ", ") + " · " + m.post.id,
                    width: width - 2)
                {
                    write("  " + line + "\n")
                }
            }
        }
    }

    private static func spreadMarkdown(_ report: SpreadReport, _ write: (String) -> Void) {
        let target = targetText(report.target)
        write("**Spread of " + MarkdownText.inline(target.kind == "sentence" ? Wording.quoted(target.value) : target.value) + "**")
        if let canonical = report.canonicalLink { write(" (" + MarkdownText.inline(canonical) + ")") }
        write("\n\n")
        guard let origin = report.origin else {
            write(target.kind == "link" ? "No post shares this link.\n" : "No post carries this text.\n")
            return
        }
        write(MarkdownText.inline(spreadHeadline(report)) + ".\n\n")
        write("> " + MarkdownText.escape(VisibleText.make(Wording.quoted(origin.excerpt), .lines)) + "\n\n")
        write(
            "Origin: " + MarkdownText.inline(origin.post.attribution) + ", "
                + MarkdownText.link(MarkdownText.inline(origin.post.id), url: origin.post.url) + "\n\n")
        let rows = report.members.enumerated().map { i, m in
            [
                String(i + 1), minute(m.post.publishedAt), m.post.source, m.post.venue ?? "", m.post.author ?? "",
                m.post.id,
                target.kind == "link" ? "" : difference(m, isOrigin: i == 0 && target.kind == "post"),
            ]
        }
        let header = ["#", "date", "source", "venue", "author", "post", target.kind == "link" ? "" : "differs"]
        for line in MarkdownText.table(header: header, rightAligned: [0], rows: rows) { write(line + "\n") }
    }

    /// The largest groups of copies among a query's matches (`spread QUERY --top N`).
    ///
    /// table: rank, posts matching (of the group's total), platforms, origin date and author,
    /// and the origin's opening words; json: `{"query", "groups": [{"origin": POST, "excerpt",
    /// "matching", "size", "sources": [{"source", "posts"}], "latest"}]}`.
    public static func spreadGroups(
        _ groups: [SpreadGroupSummary], query: String, as format: OutputFormat, settings: RenderSettings, to write: (String) -> Void
    ) {
        func sources(_ g: SpreadGroupSummary) -> String { g.sources.map { "\($0.source) \($0.posts)" }.joined(separator: ", ") }
        func json(_ g: SpreadGroupSummary) -> JSONText {
            .object([
                ("origin", .object(g.origin.jsonMembers)), ("excerpt", .string(g.excerpt)), ("matching", .int(g.matching)),
                ("size", .int(g.size)),
                ("sources", .array(g.sources.map { .object([("source", .string($0.source)), ("posts", .int($0.posts))]) })),
                ("latest", .time(g.latest)),
            ])
        }
        switch format {
        case .table:
            guard !groups.isEmpty else {
                write("no groups of copies among the matches\n")
                return
            }
            var table = TextTable([
                .number("#"), .number("posts"), .init(header: "platforms", minimum: 9, dropOrder: 1),
                .init(header: "origin", minimum: 10, dropOrder: 2), .init(header: "id", minimum: 10, dropOrder: 0),
                .init(header: "text", minimum: 12),
            ])
            for (i, g) in groups.enumerated() {
                let posts = g.matching == g.size ? g.size.formatted : "\(g.matching.formatted)/\(g.size.formatted)"
                table.add([
                    String(i + 1), posts, sources(g), CivilTime.isoDate(g.origin.publishedAt) + " " + (g.origin.author ?? ""),
                    g.origin.id, g.excerpt,
                ])
            }
            for line in table.lines(width: settings.tableWidth, color: settings.color) { write(line + "\n") }
        case .json: write(JSONText.object([("query", .string(query)), ("groups", .array(groups.map(json)))]).document(settings))
        case .jsonl:
            for g in groups { write(json(g).text + "\n") }
        case .csv:
            write(CSVText.row(["origin_id", "origin_author", "origin_published_at", "matching", "size", "sources", "excerpt"]))
            for g in groups {
                write(
                    CSVText.row([
                        g.origin.id, g.origin.author, CivilTime.iso8601(g.origin.publishedAt), String(g.matching),
                        String(g.size), sources(g), g.excerpt,
                    ]))
            }
        case .html: unsupported(format, by: "spread")
        case .md:
            guard !groups.isEmpty else {
                write("No groups of copies among the matches.\n")
                return
            }
            let rows = groups.enumerated().map { i, g in
                [
                    String(i + 1), String(g.matching), String(g.size), sources(g), g.origin.id,
                    CivilTime.isoDate(g.origin.publishedAt) + " " + (g.origin.author ?? ""), g.excerpt,
                ]
            }
            for line in MarkdownText.table(
                header: ["#", "matching", "size", "platforms", "origin", "first", "text"], rightAligned: [0, 1, 2], rows: rows)
            {
                write(line + "\n")
            }
        }
    }

    /// The most shared canonical links among a query's matches (`links QUERY`).
    ///
    /// table: rank, posts, platforms, first sharer, link; json: `{"query", "links": [{"url",
    /// "posts", "sources": [{"source", "posts"}], "first": POST}]}`.
    public static func links(
        _ links: [SharedLink], query: String, as format: OutputFormat, settings: RenderSettings, to write: (String) -> Void
    ) {
        func sources(_ l: SharedLink) -> String { l.sources.map { "\($0.source) \($0.posts)" }.joined(separator: ", ") }
        func json(_ l: SharedLink) -> JSONText {
            .object([
                ("url", .string(l.url)), ("posts", .int(l.posts)),
                ("sources", .array(l.sources.map { .object([("source", .string($0.source)), ("posts", .int($0.posts))]) })),
                ("first", .object(l.first.jsonMembers)),
            ])
        }
        switch format {
        case .table:
            guard !links.isEmpty else {
                write("no links among the matches\n")
                return
            }
            var table = TextTable([
                .number("#"), .number("posts"), .init(header: "platforms", minimum: 9, dropOrder: 1),
                .init(header: "first", minimum: 10, dropOrder: 0), .init(header: "link", minimum: 20),
            ])
            for (i, l) in links.enumerated() {
                table.add([
                    String(i + 1), l.posts.formatted, sources(l), CivilTime.isoDate(l.first.publishedAt) + " " + (l.first.author ?? ""),
                    l.url,
                ])
            }
            for line in table.lines(width: settings.tableWidth, color: settings.color) { write(line + "\n") }
        case .json: write(JSONText.object([("query", .string(query)), ("links", .array(links.map(json)))]).document(settings))
        case .jsonl:
            for l in links { write(json(l).text + "\n") }
        case .csv:
            write(CSVText.row(["url", "posts", "sources", "first_id", "first_published_at"]))
            for l in links {
                write(CSVText.row([l.url, String(l.posts), sources(l), l.first.id, CivilTime.iso8601(l.first.publishedAt)]))
            }
        case .html: unsupported(format, by: "links")
        case .md:
            guard !links.isEmpty else {
                write("No links among the matches.\n")
                return
            }
            let rows = links.enumerated().map { i, l in
                [String(i + 1), String(l.posts), sources(l), l.first.id, l.url]
            }
            for line in MarkdownText.table(header: ["#", "posts", "platforms", "first", "link"], rightAligned: [0, 1], rows: rows) {
                write(line + "\n")
            }
        }
    }
}
