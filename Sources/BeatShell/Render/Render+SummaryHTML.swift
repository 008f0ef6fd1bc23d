import BeatCore

extension Render {
    /// The summary as one self-contained HTML page: inline CSS, an inline SVG chart of volume over
    /// time, CSS bars of the breakdowns, every section of the table format, and no reference to
    /// anything outside the page (no scripts, fonts, stylesheets or images), so it can be mailed,
    /// archived or printed as is. Every stored text is escaped. Links go only to the posts cited.
    ///
    /// `settings.now`, when given, dates the page; width and colour do not apply.
    public static func summaryHTML(_ s: BeatSummary, settings: RenderSettings) -> String {
        var page = SummaryHTMLPage()
        let title = "Summary: " + s.label
        page.add("<!DOCTYPE html>")
        page.add("<html lang=\"en\">")
        page.add("<head>")
        page.add("<meta charset=\"utf-8\" />")
        page.add("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />")
        page.add("<title>\(HTMLEscaping.text(title))</title>")
        page.add("<style>\n\(SummaryHTMLPage.css)</style>")
        page.add("</head>")
        page.add("<body>")
        page.add("<main>")
        page.add("<header>")
        page.add("<h1>\(HTMLEscaping.text(title))</h1>")
        if !s.query.isEmpty && s.query != s.label { page.add("<p class=\"query\">Query: <code>\(HTMLEscaping.text(s.query))</code></p>") }
        page.add("<p class=\"headline\">\(HTMLEscaping.text(SummaryWording.headline(s)))</p>")
        page.add("</header>")
        page.shares(s)
        page.timeline(s)
        page.bursts(s.timeline)
        page.terms(s.terms)
        page.voices(s.voices)
        page.spread(s.spread)
        page.quotes(s.quotes)
        page.sentiment(s.sentiment)
        if let c = s.comparison { page.comparison(s, c) }
        var footer = "Every figure is a count of stored posts; every quote is verbatim from the post cited."
        if let now = settings.now { footer += " Made \(CivilTime.iso8601(now))." }
        page.add("<footer><p>\(HTMLEscaping.escape(footer))</p></footer>")
        page.add("</main>")
        page.add("</body>")
        page.add("</html>")
        return page.text
    }
}

/// The summary page being written, a line at a time, section by section.
struct SummaryHTMLPage {
    private(set) var text = ""

    mutating func add(_ line: String) { text += line + "\n" }

    private mutating func open(_ id: String, _ heading: String) {
        add("<section id=\"\(id)\" aria-labelledby=\"\(id)-h\">")
        add("<h2 id=\"\(id)-h\">\(heading)</h2>")
    }

    private mutating func close() { add("</section>") }

    /// A table: `cells` already escaped; columns in `numbers` right-aligned; with `bars`, a last
    /// column of CSS bars scaled to the largest value.
    private mutating func table(
        _ caption: String, _ header: [String], numbers: Set<Int>, _ rows: [[String]], bars: [Double]? = nil
    ) {
        add("<table>")
        add("<caption>\(caption)</caption>")
        var head = header.enumerated().map { "<th scope=\"col\"\(numbers.contains($0.offset) ? " class=\"num\"" : "")>\($0.element)</th>" }
        if bars != nil { head.append("<th scope=\"col\"><span class=\"visually-hidden\">bar</span></th>") }
        add("<thead><tr>" + head.joined() + "</tr></thead>")
        add("<tbody>")
        let largest = bars?.max() ?? 0
        for (r, row) in rows.enumerated() {
            var cells = row.enumerated().map { "<td\(numbers.contains($0.offset) ? " class=\"num\"" : "")>\($0.element)</td>" }
            if let bars {
                let percent = largest > 0 ? bars[r] / largest * 100 : 0
                // No bar at all for zero: the meter's minimum width would show a sliver.
                let meter = percent > 0 ? "<span class=\"meter\" style=\"width: \(SummarySVG.n(percent))%\"></span>" : ""
                cells.append("<td class=\"barcell\" aria-hidden=\"true\">\(meter)</td>")
            }
            add("<tr>" + cells.joined() + "</tr>")
        }
        add("</tbody>")
        add("</table>")
    }

    private mutating func none(_ text: String) { add("<p class=\"none\">\(HTMLEscaping.escape(text))</p>") }

    mutating func shares(_ s: BeatSummary) {
        open("sources", "Sources")
        if s.sources.isEmpty {
            none("No posts in the window.")
        } else {
            table(
                "Posts by source", ["source", "posts", "share"], numbers: [1, 2],
                s.sources.map { [HTMLEscaping.text(SummaryWording.source($0)), $0.count.formatted, SummaryWording.percent($0.share)] },
                bars: s.sources.map { Double($0.count) })
        }
        close()
        open("venues", "Top venues")
        if s.venues.isEmpty {
            none("No posts in the window.")
        } else {
            table(
                "Posts by venue", ["venue", "source", "posts", "share"], numbers: [2, 3],
                s.venues.map {
                    [
                        HTMLEscaping.text(SummaryWording.venue($0)), HTMLEscaping.text($0.source ?? "-"), $0.count.formatted,
                        SummaryWording.percent($0.share),
                    ]
                },
                bars: s.venues.map { Double($0.count) })
        }
        close()
    }

    mutating func timeline(_ s: BeatSummary) {
        let t = s.timeline
        open("timeline", "Volume per " + SummaryWording.unit(t.bucketSize))
        add("<figure>")
        add(SummarySVG.timeline(t, label: s.label))
        if !t.buckets.isEmpty { add("<figcaption>\(HTMLEscaping.text(Render.timelineNote(t, hasBurst: !t.bursts.isEmpty)))</figcaption>") }
        add("</figure>")
        if !t.buckets.isEmpty {
            add("<details>")
            add("<summary>Every \(t.bucketSize.rawValue): posts and share of all posts</summary>")
            table(
                "Posts per \(t.bucketSize.rawValue)", [t.bucketSize.rawValue, "posts", "all posts", "share", "burst"], numbers: [1, 2, 3],
                t.buckets.map {
                    [
                        SummaryWording.bucketLabel($0.start, t.bucketSize), $0.count.formatted, $0.corpusCount.formatted,
                        SummaryWording.percent($0.share), $0.isBurst ? "▲ burst" : "",
                    ]
                })
            add("</details>")
        }
        close()
    }

    mutating func bursts(_ t: SummaryTimeline) {
        open("bursts", "Bursts")
        if t.bursts.isEmpty {
            none("None: no \(t.bucketSize.rawValue) far above the usual volume.")
        } else {
            add("<ol class=\"bursts\">")
            for b in t.bursts {
                add("<li>")
                add(
                    "<p><strong>▲ \(SummaryWording.bucketLabel(b.start, t.bucketSize))</strong>: \(HTMLEscaping.escape(SummaryWording.burst(b, t.bucketSize)))</p>"
                )
                if let q = b.quote { quote(q) }
                add("</li>")
            }
            add("</ol>")
        }
        close()
    }

    mutating func terms(_ terms: [KeyTerm]) {
        open("terms", "Distinctive terms")
        if terms.isEmpty {
            none("None: no posts, or no word used more here than in the rest of the corpus.")
        } else {
            table(
                "Terms this beat uses more than the rest of the corpus (phrases in quotes)", ["term", "posts", "elsewhere", "score"],
                numbers: [1, 2, 3],
                terms.map {
                    [
                        HTMLEscaping.text(SummaryWording.term($0)), $0.posts.formatted, $0.otherPosts.formatted,
                        SummaryWording.decimal($0.score),
                    ]
                })
            add("<p class=\"note\">posts: of this beat; elsewhere: of the rest of the corpus in the window; score: log-likelihood G².</p>")
        }
        close()
    }

    mutating func voices(_ voices: [Voice]) {
        open("voices", "Top voices")
        if voices.isEmpty {
            none("None: no posts in the window.")
        } else {
            table(
                "Authors with most posts", ["#", "author", "source", "posts"], numbers: [0, 3],
                voices.enumerated().map {
                    [
                        String($0.offset + 1), HTMLEscaping.text($0.element.author), HTMLEscaping.text($0.element.source),
                        $0.element.posts.formatted,
                    ]
                })
        }
        close()
    }

    mutating func spread(_ spread: SummarySpread) {
        open("spread", "Spread")
        add("<p>\(HTMLEscaping.text(SummaryWording.distinctVoices(spread.volume)))</p>")
        if !spread.groups.isEmpty {
            table(
                "Largest groups of copies", ["#", "posts", "platforms", "origin", "text"], numbers: [0, 1],
                spread.groups.enumerated().map {
                    [
                        String($0.offset + 1), $0.element.matching.formatted, HTMLEscaping.text(SummaryWording.platforms($0.element)),
                        HTMLEscaping.link("<code>\(HTMLEscaping.text($0.element.origin.id))</code>", url: $0.element.origin.url),
                        HTMLEscaping.text($0.element.excerpt),
                    ]
                })
        }
        close()
    }

    /// A quote verbatim in a block quote, then who said it where and when, linked to the post.
    private mutating func quote(_ q: Quote) {
        let text = q.isPartial ? "…" + HTMLEscaping.lines(q.text) + "…" : HTMLEscaping.lines(q.text)
        add(
            "<blockquote" + (SummaryWording.webURL(q.post.url).map { " cite=\"\(HTMLEscaping.text($0))\"" } ?? "")
                + "><p>\(text)</p></blockquote>")
        var cite =
            "— " + HTMLEscaping.text(q.post.attribution) + ", "
            + HTMLEscaping.link("<code>\(HTMLEscaping.text(q.post.id))</code>", url: q.post.url)
        if q.count > 1 || !q.alsoIn.isEmpty {
            let others = q.alsoIn.isEmpty ? "" : "; also in " + q.alsoIn.joined(separator: ", ")
            cite += " <span class=\"also\">(\(HTMLEscaping.text("\(Wording.posts(q.count)) say this" + others)))</span>"
        }
        add("<p class=\"cite\">\(cite)</p>")
    }

    mutating func quotes(_ quotes: [Quote]) {
        open("quotes", "Quotes")
        if quotes.isEmpty {
            none("None: no posts in the window.")
        } else {
            add("<ol class=\"quotes\">")
            for q in quotes {
                add("<li>")
                quote(q)
                add("</li>")
            }
            add("</ol>")
        }
        close()
    }

    mutating func sentiment(_ estimate: SentimentEstimate?) {
        open("sentiment", "Sentiment <span class=\"estimate\">(estimate)</span>")
        if let e = estimate, e.sampleSize > 0 {
            let rows = SummaryWording.sentimentRows(e)
            table(
                "Tone of a sample of posts (estimate)", ["tone", "posts", "share"], numbers: [1, 2],
                rows.map { [$0.name, $0.count.formatted, SummaryWording.percent($0.share)] }, bars: rows.map { Double($0.count) })
            add("<p class=\"note\">An \(HTMLEscaping.text(SummaryWording.sentimentBasis(e))).</p>")
        } else {
            none("No estimate: no posts in the window to score.")
        }
        close()
    }

    mutating func comparison(_ s: BeatSummary, _ c: SummaryComparison) {
        open("comparison", "Compared with " + HTMLEscaping.text(c.label))
        add("<p>\(HTMLEscaping.text(SummaryWording.comparisonVolume(s, c))).</p>")
        func terms(_ title: String, _ changes: [TermChange]) {
            add("<h3>\(title)</h3>")
            if changes.isEmpty { return none("None.") }
            table(
                title, ["term", "before", "now", "change"], numbers: [1, 2, 3],
                changes.map {
                    [
                        HTMLEscaping.text(SummaryWording.term($0.term)), $0.before.formatted, $0.after.formatted,
                        SummaryWording.changeText(from: $0.before, to: $0.after),
                    ]
                })
        }
        func voices(_ title: String, _ changes: [VoiceChange]) {
            add("<h3>\(title)</h3>")
            if changes.isEmpty { return none("None.") }
            table(
                title, ["author", "source", "before", "now", "change"], numbers: [2, 3, 4],
                changes.map {
                    [
                        HTMLEscaping.text($0.author), HTMLEscaping.text($0.source), $0.before.formatted, $0.after.formatted,
                        SummaryWording.changeText(from: $0.before, to: $0.after),
                    ]
                })
        }
        terms("Rising terms", c.risingTerms)
        terms("Falling terms", c.fallingTerms)
        voices("Rising voices", c.risingVoices)
        voices("Falling voices", c.fallingVoices)
        add("<h3>New voices</h3>")
        if c.newVoices.isEmpty {
            none("None.")
        } else {
            table(
                "Authors with posts here and none on the other side", ["author", "source", "posts"], numbers: [2],
                c.newVoices.map { [HTMLEscaping.text($0.author), HTMLEscaping.text($0.source), $0.posts.formatted] })
        }
        close()
    }
}
