import BeatCore

extension Render {
    /// The summary as one terminal screen (`summary … --format table`), section by section.
    static func summaryTable(_ s: BeatSummary, _ settings: RenderSettings, _ write: @escaping (String) -> Void) {
        let out = SummaryTableWriter(settings: settings, write: write)
        out.heading("Summary: " + VisibleText.line(s.label), first: true)
        if !s.query.isEmpty && s.query != s.label { out.paragraph("query: " + s.query) }
        out.paragraph(SummaryWording.headline(s))
        summarySharesTable(s, out)
        summaryTimelineTable(s.timeline, out)
        summaryBurstsTable(s.timeline, out)
        summaryTermsTable(s.terms, out)
        summaryVoicesTable(s.voices, out)
        summarySpreadTable(s.spread, out)
        summaryQuotesTable(s.quotes, out)
        summarySentimentTable(s.sentiment, out)
        if let comparison = s.comparison { summaryComparisonTable(s, comparison, out) }
    }

    private static func summarySharesTable(_ s: BeatSummary, _ out: SummaryTableWriter) {
        out.heading("Sources")
        if s.sources.isEmpty {
            out.paragraph("no posts in the window")
        } else {
            out.barTable(
                [.init(header: "source", minimum: 8), .number("posts"), .number("share")],
                rows: s.sources.map { [SummaryWording.source($0), $0.count.formatted, SummaryWording.percent($0.share)] },
                values: s.sources.map { Double($0.count) })
        }
        out.heading("Top venues")
        if s.venues.isEmpty {
            out.paragraph("no posts in the window")
        } else {
            out.barTable(
                [.init(header: "venue", minimum: 8), .init(header: "source", minimum: 6), .number("posts"), .number("share")],
                rows: s.venues.map {
                    [SummaryWording.venue($0), $0.source ?? Wording.missing, $0.count.formatted, SummaryWording.percent($0.share)]
                },
                values: s.venues.map { Double($0.count) })
        }
    }

    /// A sparkline of posts per bucket, the beat's share of the corpus per bucket under it, and
    /// `▲` under bursts; a timeline longer than the width continues on further rows, each
    /// labelled with its first bucket.
    private static func summaryTimelineTable(_ timeline: SummaryTimeline, _ out: SummaryTableWriter) {
        let size = timeline.bucketSize
        let buckets = timeline.buckets
        out.heading("Volume per \(SummaryWording.unit(size))")
        guard !buckets.isEmpty else {
            out.paragraph("no buckets: the window is empty")
            return
        }
        let labels = buckets.map { SummaryWording.bucketLabel($0.start, size) }
        let labelWidth = labels.map(DisplayWidth.of).max() ?? 0
        // The label goes on a line of its own when beside it too few buckets would fit.
        let labelBeside = out.width - (labelWidth + 2 + 6) >= 8
        let lead = labelBeside ? labelWidth + 2 : 0
        let perRow = max(1, out.width - lead - 6)
        let hasBurst = buckets.contains(where: \.isBurst)
        for start in stride(from: 0, to: buckets.count, by: perRow) {
            let row = Array(buckets[start..<min(start + perRow, buckets.count)])
            let label = labelBeside ? DisplayWidth.fit(labels[start], to: labelWidth) + "  " : ""
            let blank = String(repeating: " ", count: lead)
            if !labelBeside { out.line(labels[start]) }
            out.line(label + "posts " + SummarySparkline.posts(row, largest: buckets))
            out.line(blank + "share " + SummarySparkline.shares(row, largest: buckets))
            let marks = SummarySparkline.bursts(row)
            if !marks.isEmpty { out.line(blank + "burst " + marks) }
        }
        out.paragraph(timelineNote(timeline, hasBurst: hasBurst))
    }

    /// `30 days from 2026-10-23 to 2026-11-21; peak 123 posts (2026-11-02); largest share of the
    /// corpus 8.2% (2026-11-02); · no posts, ▲ burst`.
    static func timelineNote(_ timeline: SummaryTimeline, hasBurst: Bool) -> String {
        let size = timeline.bucketSize
        guard let last = timeline.buckets.last else { return "" }
        let count = timeline.buckets.count
        var parts = [
            "\(count) \(size.rawValue)\(count == 1 ? "" : "s") from \(SummaryWording.bucketLabel(timeline.buckets[0].start, size)) "
                + "to \(SummaryWording.bucketLabel(last.start, size))"
        ]
        if let peak = timeline.buckets.max(by: { $0.count < $1.count }), peak.count > 0 {
            parts.append("peak \(Wording.posts(peak.count)) (\(SummaryWording.bucketLabel(peak.start, size)))")
            if let top = timeline.buckets.max(by: { $0.share < $1.share }) {
                parts.append(
                    "largest share of the corpus \(SummaryWording.percent(top.share)) (\(SummaryWording.bucketLabel(top.start, size)))")
            }
        } else {
            parts.append("no posts in any bucket")
        }
        parts.append("\(SummarySparkline.empty) no posts" + (hasBurst ? ", \(SummarySparkline.burstMark) burst" : ""))
        return parts.joined(separator: "; ")
    }

    private static func summaryBurstsTable(_ timeline: SummaryTimeline, _ out: SummaryTableWriter) {
        out.heading("Bursts")
        guard !timeline.bursts.isEmpty else {
            out.paragraph("none: no \(timeline.bucketSize.rawValue) far above the usual volume")
            return
        }
        for (i, burst) in timeline.bursts.enumerated() {
            if i > 0 { out.line("") }
            out.paragraph(
                "\(SummarySparkline.burstMark) " + SummaryWording.bucketLabel(burst.start, timeline.bucketSize) + ": "
                    + SummaryWording.burst(burst, timeline.bucketSize))
            if let quote = burst.quote { out.quote(quote, prefix: "", indent: 2) }
        }
    }

    private static func summaryTermsTable(_ terms: [KeyTerm], _ out: SummaryTableWriter) {
        out.heading("Distinctive terms")
        guard !terms.isEmpty else {
            out.paragraph("none: no posts, or no word used more here than in the rest of the corpus")
            return
        }
        var table = TextTable([
            .init(header: "term", minimum: 10), .number("posts"), .number("elsewhere"),
            TextTable.Column(header: "score", alignRight: true, minimum: .max, floor: .max, dropOrder: 0),
        ])
        for t in terms { table.add([SummaryWording.term(t), t.posts.formatted, t.otherPosts.formatted, SummaryWording.decimal(t.score)]) }
        out.table(table)
        out.paragraph(
            "posts: of this beat; elsewhere: of the rest of the corpus in the window; score: log-likelihood G²; phrases in quotes")
    }

    private static func summaryVoicesTable(_ voices: [Voice], _ out: SummaryTableWriter) {
        out.heading("Top voices")
        guard !voices.isEmpty else {
            out.paragraph("none: no posts in the window")
            return
        }
        var table = TextTable([
            .number("#"), .init(header: "author", minimum: 8), .init(header: "source", minimum: 6, dropOrder: 0), .number("posts"),
        ])
        for (i, v) in voices.enumerated() { table.add([String(i + 1), v.author, v.source, v.posts.formatted]) }
        out.table(table)
    }

    private static func summarySpreadTable(_ spread: SummarySpread, _ out: SummaryTableWriter) {
        out.heading("Spread")
        out.paragraph(SummaryWording.distinctVoices(spread.volume))
        guard !spread.groups.isEmpty else { return }
        var table = TextTable([
            .number("#"), .number("posts"), .init(header: "platforms", minimum: 9, dropOrder: 1),
            .init(header: "origin", minimum: 10, dropOrder: 0), .init(header: "text", minimum: 12),
        ])
        for (i, g) in spread.groups.enumerated() {
            table.add([String(i + 1), g.matching.formatted, SummaryWording.platforms(g), g.origin.id, g.excerpt])
        }
        out.table(table)
    }

    private static func summaryQuotesTable(_ quotes: [Quote], _ out: SummaryTableWriter) {
        out.heading("Quotes")
        guard !quotes.isEmpty else {
            out.paragraph("none: no posts in the window")
            return
        }
        let indent = String(quotes.count).count + 2
        for (i, q) in quotes.enumerated() {
            if i > 0 { out.line("") }
            out.quote(q, prefix: DisplayWidth.fit(String(i + 1), to: indent - 2, alignRight: true), indent: indent)
        }
    }

    private static func summarySentimentTable(_ estimate: SentimentEstimate?, _ out: SummaryTableWriter) {
        out.heading("Sentiment (estimate)")
        guard let estimate, estimate.sampleSize > 0 else {
            out.paragraph("no estimate: no posts in the window to score")
            return
        }
        let rows = SummaryWording.sentimentRows(estimate)
        out.barTable(
            [.init(header: "tone", minimum: 8), .number("posts"), .number("share")],
            rows: rows.map { [$0.name, $0.count.formatted, SummaryWording.percent($0.share)] },
            values: rows.map { Double($0.count) })
        out.paragraph(SummaryWording.sentimentBasis(estimate))
    }

    private static func summaryComparisonTable(_ s: BeatSummary, _ c: SummaryComparison, _ out: SummaryTableWriter) {
        out.heading("Compared with " + VisibleText.line(c.label))
        out.paragraph(SummaryWording.comparisonVolume(s, c))
        func terms(_ title: String, _ changes: [TermChange]) {
            out.line("")
            out.paragraph(title)
            guard !changes.isEmpty else { return out.line("  none") }
            var table = TextTable([.init(header: "term", minimum: 10), .number("before"), .number("now"), .number("change")])
            for t in changes {
                table.add([
                    SummaryWording.term(t.term), t.before.formatted, t.after.formatted,
                    SummaryWording.changeText(from: t.before, to: t.after),
                ])
            }
            out.table(table)
        }
        func voices(_ title: String, _ changes: [VoiceChange]) {
            out.line("")
            out.paragraph(title)
            guard !changes.isEmpty else { return out.line("  none") }
            var table = TextTable([
                .init(header: "author", minimum: 8), .init(header: "source", minimum: 6, dropOrder: 0), .number("before"),
                .number("now"), .number("change"),
            ])
            for v in changes {
                table.add([
                    v.author, v.source, v.before.formatted, v.after.formatted, SummaryWording.changeText(from: v.before, to: v.after),
                ])
            }
            out.table(table)
        }
        terms("Rising terms", c.risingTerms)
        terms("Falling terms", c.fallingTerms)
        voices("Rising voices", c.risingVoices)
        voices("Falling voices", c.fallingVoices)
        out.line("")
        out.paragraph("New voices (no posts on the other side)")
        guard !c.newVoices.isEmpty else { return out.line("  none") }
        var table = TextTable([.init(header: "author", minimum: 8), .init(header: "source", minimum: 6, dropOrder: 0), .number("posts")])
        for v in c.newVoices { table.add([v.author, v.source, v.posts.formatted]) }
        out.table(table)
    }
}
