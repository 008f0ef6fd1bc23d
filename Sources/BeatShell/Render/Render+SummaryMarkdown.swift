import BeatCore

extension Render {
    /// The summary as a brief to paste into a draft: a headline sentence, tables, and bursts and
    /// quotes as citation lists with links and public ids.
    static func summaryMarkdown(_ s: BeatSummary, _ write: @escaping (String) -> Void) {
        func line(_ text: String = "") { write(text + "\n") }
        func heading(_ text: String) {
            line()
            line("### " + text)
            line()
        }
        func table(_ header: [String], _ right: Set<Int>, _ rows: [[String]]) {
            for row in MarkdownText.table(header: header, rightAligned: right, rows: rows) { line(row) }
        }
        line("## Summary: " + MarkdownText.inline(s.label, atLineStart: false))
        line()
        var headline = MarkdownText.escape(SummaryWording.headline(s))
        if !s.query.isEmpty && s.query != s.label { headline += " Query: " + MarkdownText.code(s.query) + "." }
        line(headline)

        heading("Sources")
        if s.sources.isEmpty {
            line("No posts in the window.")
        } else {
            table(
                ["source", "posts", "share"], [1, 2],
                s.sources.map { [SummaryWording.source($0), $0.count.formatted, SummaryWording.percent($0.share)] })
        }
        heading("Top venues")
        if s.venues.isEmpty {
            line("No posts in the window.")
        } else {
            table(
                ["venue", "source", "posts", "share"], [2, 3],
                s.venues.map {
                    [SummaryWording.venue($0), $0.source ?? "", $0.count.formatted, SummaryWording.percent($0.share)]
                })
        }

        let t = s.timeline
        heading("Volume per " + SummaryWording.unit(t.bucketSize))
        if t.buckets.isEmpty {
            line("No buckets: the window is empty.")
        } else {
            line("posts " + MarkdownText.code(SummarySparkline.posts(t.buckets, largest: t.buckets)) + "  ")
            line("share " + MarkdownText.code(SummarySparkline.shares(t.buckets, largest: t.buckets)) + "  ")
            line(MarkdownText.escape(timelineNote(t, hasBurst: false)) + ".")
        }
        heading("Bursts")
        if t.bursts.isEmpty { line("None: no \(t.bucketSize.rawValue) far above the usual volume.") }
        for b in t.bursts {
            var item =
                "- **" + SummaryWording.bucketLabel(b.start, t.bucketSize) + "**: "
                + MarkdownText.escape(SummaryWording.burst(b, t.bucketSize), atLineStart: false)
            if let q = b.quote { item += ". " + markdownCitation(q) }
            line(item)
        }

        heading("Distinctive terms")
        if s.terms.isEmpty {
            line("None: no posts, or no word used more here than in the rest of the corpus.")
        } else {
            table(
                ["term", "posts", "elsewhere", "score"], [1, 2, 3],
                s.terms.map {
                    [SummaryWording.term($0), $0.posts.formatted, $0.otherPosts.formatted, SummaryWording.decimal($0.score)]
                })
            line()
            line("Posts of this beat and of the rest of the corpus in the window; score: log-likelihood G²; phrases in quotes.")
        }
        heading("Top voices")
        if s.voices.isEmpty {
            line("None: no posts in the window.")
        } else {
            table(
                ["#", "author", "source", "posts"], [0, 3],
                s.voices.enumerated().map { [String($0.offset + 1), $0.element.author, $0.element.source, $0.element.posts.formatted] })
        }
        heading("Spread")
        line(
            SummaryWording.distinctVoices(s.spread.volume).prefix(1).uppercased()
                + SummaryWording.distinctVoices(s.spread.volume).dropFirst() + ".")
        if !s.spread.groups.isEmpty {
            table(
                ["#", "posts", "platforms", "origin", "text"], [0, 1],
                s.spread.groups.enumerated().map {
                    [
                        String($0.offset + 1), $0.element.matching.formatted, SummaryWording.platforms($0.element), $0.element.origin.id,
                        $0.element.excerpt,
                    ]
                })
        }
        heading("Quotes")
        if s.quotes.isEmpty { line("None: no posts in the window.") }
        for (i, q) in s.quotes.enumerated() { line("\(i + 1). " + markdownCitation(q)) }

        heading("Sentiment (estimate)")
        if let e = s.sentiment, e.sampleSize > 0 {
            table(
                ["tone", "posts", "share"], [1, 2],
                SummaryWording.sentimentRows(e).map { [$0.name, $0.count.formatted, SummaryWording.percent($0.share)] })
            line()
            line("An " + MarkdownText.inline(SummaryWording.sentimentBasis(e), atLineStart: false) + ".")
        } else {
            line("No estimate: no posts in the window to score.")
        }
        if let c = s.comparison { summaryComparisonMarkdown(s, c, line, table) }
    }

    /// A quote on one line for a list item: the text in quotes, then `— attribution, [id](url)`.
    private static func markdownCitation(_ q: Quote) -> String {
        let text = q.isPartial ? "…" + q.text + "…" : q.text
        let p = q.post
        let opensQuoted = Wording.quoted(text) == text
        let inline = MarkdownText.inline(text, atLineStart: false)
        var out =
            (opensQuoted ? inline : "\"" + inline + "\"") + " — " + MarkdownText.inline(p.attribution, atLineStart: false)
            + ", " + MarkdownText.link(MarkdownText.inline(p.id, atLineStart: false), url: SummaryWording.webURL(p.url))
        if q.count > 1 { out += " (\(Wording.posts(q.count)) say this)" }
        return out
    }

    private static func summaryComparisonMarkdown(
        _ s: BeatSummary, _ c: SummaryComparison, _ line: (String) -> Void, _ table: ([String], Set<Int>, [[String]]) -> Void
    ) {
        line("")
        line("### Compared with " + MarkdownText.inline(c.label, atLineStart: false))
        line("")
        line(MarkdownText.escape(SummaryWording.comparisonVolume(s, c)) + ".")
        func terms(_ title: String, _ changes: [TermChange]) {
            line("")
            line("**\(title)**" + (changes.isEmpty ? ": none." : ""))
            guard !changes.isEmpty else { return }
            line("")
            table(
                ["term", "before", "now", "change"], [1, 2, 3],
                changes.map {
                    [
                        SummaryWording.term($0.term), $0.before.formatted, $0.after.formatted,
                        SummaryWording.changeText(from: $0.before, to: $0.after),
                    ]
                })
        }
        func voices(_ title: String, _ changes: [VoiceChange]) {
            line("")
            line("**\(title)**" + (changes.isEmpty ? ": none." : ""))
            guard !changes.isEmpty else { return }
            line("")
            table(
                ["author", "source", "before", "now", "change"], [2, 3, 4],
                changes.map {
                    [
                        $0.author, $0.source, $0.before.formatted, $0.after.formatted,
                        SummaryWording.changeText(from: $0.before, to: $0.after),
                    ]
                })
        }
        terms("Rising terms", c.risingTerms)
        terms("Falling terms", c.fallingTerms)
        voices("Rising voices", c.risingVoices)
        voices("Falling voices", c.fallingVoices)
        line("")
        line("**New voices** (no posts on the other side)" + (c.newVoices.isEmpty ? ": none." : ""))
        guard !c.newVoices.isEmpty else { return }
        line("")
        table(["author", "source", "posts"], [2], c.newVoices.map { [$0.author, $0.source, $0.posts.formatted] })
    }
}
