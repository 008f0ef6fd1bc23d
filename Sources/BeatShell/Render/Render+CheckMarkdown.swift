import BeatCore

extension Render {
    /// The story as written, with a verdict marker after each quotation, then the findings.
    static func checkMarkdown(_ report: CheckReport, story: String?, _ write: (String) -> Void) {
        if let story {
            write(annotated(story, report.findings) + "\n")
        }
        write("## Findings\n\n")
        guard !report.findings.isEmpty else {
            write("No quotations in the story.\n")
            return
        }
        for (index, finding) in report.findings.enumerated() {
            let quote = finding.quote
            write("\(index + 1). **\(finding.verdict.sign) \(finding.verdict.words)**, line \(quote.line), column \(quote.column): ")
            write("\"" + MarkdownText.inline(quote.text, atLineStart: false) + "\"\n")
            if let stated = quote.attribution {
                let parts = [stated.author, stated.source, stated.venue, stated.date.map(isoDate)].compactMap { $0 }
                let claim = parts.isEmpty ? stated.evidence : parts.joined(separator: ", ")
                if !claim.isEmpty { write("   - story says: " + MarkdownText.inline(claim, atLineStart: false) + "\n") }
                if let reference = stated.reference, let cited = reference.url ?? reference.publicID {
                    write("   - story cites: " + MarkdownText.inline(cited, atLineStart: false) + "\n")
                }
            }
            if let match = finding.match {
                let post = match.post
                write(
                    "   - record: " + MarkdownText.link(MarkdownText.inline(post.id, atLineStart: false), url: post.url)
                        + ", " + MarkdownText.inline(post.attribution, atLineStart: false) + "\n")
                write("   - passage: \"" + MarkdownText.inline(match.passage, atLineStart: false) + "\"\n")
            }
            if !finding.differences.isEmpty {
                write("   - differences: " + MarkdownText.inline(differencesText(finding.differences), atLineStart: false) + "\n")
            }
            if let origin = finding.origin {
                let others = origin.others == 1 ? "1 other post holds" : "\(origin.others) other posts hold"
                write(
                    "   - origin: " + MarkdownText.link(MarkdownText.inline(origin.post.id, atLineStart: false), url: origin.post.url)
                        + ", " + MarkdownText.inline(origin.post.attribution, atLineStart: false) + (origin.edited ? ", edited" : "")
                        + "; \(others) the words\n")
                for holder in origin.holders {
                    write(
                        "     - also: " + MarkdownText.link(MarkdownText.inline(holder.post.id, atLineStart: false), url: holder.post.url)
                            + ", " + MarkdownText.inline(holder.post.attribution, atLineStart: false) + (holder.exact ? "" : " (edited)")
                            + "\n")
                }
                if origin.others > origin.holders.count { write("     - and \(origin.others - origin.holders.count) more\n") }
            }
            if let change = finding.meaningChange {
                write("   - **\(meaningMarker) meaning changed**: " + MarkdownText.inline(change, atLineStart: false) + "\n")
            }
            if let evidence = finding.evidence { write("   - coverage: " + MarkdownText.inline(evidence, atLineStart: false) + "\n") }
            if !finding.reason.isEmpty { write("   - " + MarkdownText.inline(finding.reason, atLineStart: false) + "\n") }
        }
        write("\n" + checkSummary(report) + "\n")
    }

    /// ` [✓ verified]`, ` [≈ close 0.93]`, ` [✗ not found]`, ` [≈ close 0.90 ‼ meaning changed]`.
    static func marker(_ finding: CheckFinding) -> String {
        var label = finding.verdict.sign + " " + finding.verdict.words
        if finding.verdict == .close { label += " " + twoDecimals(finding.similarity) }
        if finding.meaningChanged { label += " \(meaningMarker) meaning changed" }
        return " [" + label + "]"
    }

    /// The story's lines with each finding's marker inserted just after its quotation.
    private static func annotated(_ story: String, _ findings: [CheckFinding]) -> String {
        var lines: [[Character]] = [[]]
        for character in story {
            if character.isNewline { lines.append([]) } else { lines[lines.count - 1].append(character) }
        }
        var insertions: [Int: [(column: Int, order: Int, text: String)]] = [:]
        for (order, finding) in findings.enumerated() {
            let quote = finding.quote
            let line = quote.endLine ?? quote.line
            let column = quote.endColumn ?? (line - 1 < lines.count ? lines[line - 1].count + 1 : 1)
            insertions[line, default: []].append((column, order, marker(finding)))
        }
        for (line, items) in insertions where line >= 1 && line <= lines.count {
            // Right to left, so earlier columns stay where they are.
            for item in items.sorted(by: { ($0.column, $0.order) > ($1.column, $1.order) }) {
                let at = min(max(0, item.column - 1), lines[line - 1].count)
                lines[line - 1].insert(contentsOf: Array(item.text), at: at)
            }
        }
        if lines.count > 1, lines.last?.isEmpty == true { lines.removeLast() }
        return lines.map { String($0) }.joined(separator: "\n") + "\n"
    }
}
