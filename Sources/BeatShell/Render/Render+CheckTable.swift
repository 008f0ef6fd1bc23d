import BeatCore

extension Render {
    /// One block per quotation, as a compiler reports diagnostics, then the counts per verdict:
    ///
    ///     story.md:33:1  ✗ not found
    ///         "the whole quotation, wrapped to the terminal"
    ///         story: wrote one Hacker News commenter
    ///         coverage: hackernews: 212 posts in the 7 days before 2022-10-05, …
    ///         no post in the corpus holds these words or words close to them
    ///
    /// A matched quotation shows its record (id, author, platform and venue, day, url), the first
    /// post holding the words when several do (`edited` when only later copies hold them as quoted)
    /// with the first few others (`also:`), and the differences; an edit that changes the
    /// meaning is marked `‼ meaning changed` on the heading line, with the reason. The verdict is
    /// coloured only with `settings.color`: green verified, yellow close, red misattributed and not
    /// found, cyan outside coverage.
    static func checkTable(_ report: CheckReport, _ settings: RenderSettings, _ write: (String) -> Void) {
        guard !report.findings.isEmpty else {
            write("no quotations in \(VisibleText.line(report.story))\n")
            return
        }
        let width = settings.tableWidth
        let indent = "    "
        let story = VisibleText.line(report.story)
        for finding in report.findings {
            var verdict = finding.verdict.sign + " " + finding.verdict.words
            if finding.match != nil, finding.similarity < 1 { verdict += " " + twoDecimals(finding.similarity) }
            if settings.color { verdict = color(for: finding.verdict) + verdict + ANSI.defaultColor }
            var heading = "\(story):\(finding.quote.line):\(finding.quote.column)  \(verdict)"
            if finding.meaningChanged { heading += "  \(meaningMarker) meaning changed" }
            write(heading + "\n")
            // `label: text`, the text wrapped under itself (a hanging indent), as compilers print notes;
            // `wrapIndent` indents a long item's wrapped lines further, so list items stay apart.
            func field(_ label: String, _ text: String, continuing: Bool = false, wrapIndent: Int = 0) {
                let head = label.isEmpty ? "" : label + ": "
                let hang = String(repeating: " ", count: head.count)
                let room = max(16, width - indent.count - hang.count)
                var lines = StyledText.wrapLines(text, width: room)
                if wrapIndent > 0, lines.count > 1 {
                    lines = [lines[0]] + StyledText.wrapLines(lines.dropFirst().joined(separator: " "), width: max(16, room - wrapIndent))
                }
                for (index, line) in lines.enumerated() {
                    let lead = index > 0 ? hang + String(repeating: " ", count: wrapIndent) : continuing ? hang : head
                    write(indent + lead + line + "\n")
                }
            }
            field("", "\"" + finding.quote.text + "\"")
            if let stated = finding.quote.attribution, !stated.evidence.isEmpty { field("story", stated.evidence) }
            if let post = finding.match?.post {
                let record = [post.id, post.author ?? Wording.missing, post.place, post.day].joined(separator: "  ")
                field("record", record)
                if let url = post.url { field("record", url, continuing: true) }
            }
            if let origin = finding.origin, origin.post.id != finding.match?.post.id || origin.others > 0 {
                let others = origin.others == 1 ? "1 other post holds" : "\(origin.others) other posts hold"
                let edited = origin.edited ? ", edited" : ""
                field(
                    "origin",
                    "\(origin.post.id) (\(origin.post.author ?? Wording.missing), \(origin.post.day)\(edited)); \(others) the words")
                for (index, holder) in origin.holders.enumerated() {
                    let post = holder.post
                    let line = [post.id, post.author ?? Wording.missing, post.place, post.day].joined(separator: "  ")
                    field("also", line + (holder.exact ? "" : "  (edited)"), continuing: index > 0, wrapIndent: 2)
                }
                if origin.others > origin.holders.count {
                    field("also", "and \(origin.others - origin.holders.count) more", continuing: true)
                }
            }
            let differences = differencesText(finding.differences)
            if !differences.isEmpty { field("differences", differences) }
            if let change = finding.meaningChange { field("meaning", change) }
            if let evidence = finding.evidence { field("coverage", evidence) }
            field("", finding.reason)
            write("\n")
        }
        write(checkSummary(report) + "\n")
    }

    /// The sign of an edit that changes the meaning, in every format.
    static let meaningMarker = "\u{203C}"

    /// `0.93`: a similarity for people.
    static func twoDecimals(_ value: Double) -> String {
        let hundredths = Int((max(0, min(1, value)) * 100).rounded())
        return "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
    }

    private static func color(for verdict: CheckVerdict) -> String {
        switch verdict {
        case .verified: return ANSI.green
        case .close: return ANSI.yellow
        case .misattributed, .notFound: return ANSI.red
        case .outsideCoverage: return ANSI.cyan
        }
    }
}
