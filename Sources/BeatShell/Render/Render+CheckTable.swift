import BeatCore

extension Render {
    /// One row per quotation, then the counts per verdict. The verdict is coloured only with
    /// `settings.color`: green verified, yellow close, red misattributed and not found, cyan
    /// outside coverage.
    static func checkTable(_ report: CheckReport, _ settings: RenderSettings, _ write: (String) -> Void) {
        guard !report.findings.isEmpty else {
            write("no quotations in \(VisibleText.line(report.story))\n")
            return
        }
        var table = TextTable([
            .whole("at"), .whole("verdict"), .number("sim"), .init(header: "quote", minimum: 14, floor: 10),
            .init(header: "record", minimum: 12, floor: 10, dropOrder: 3), .init(header: "author", minimum: 6, dropOrder: 1),
            .init(header: "where", minimum: 8, dropOrder: 0), .init(header: "date", minimum: .max, floor: .max, dropOrder: 2),
            .init(header: "note", minimum: 12, floor: 8),
        ])
        for finding in report.findings {
            let post = finding.match?.post
            table.add([
                "\(finding.quote.line):\(finding.quote.column)", finding.verdict.words,
                finding.match == nil && finding.similarity == 0 ? Wording.missing : twoDecimals(finding.similarity),
                "\"" + finding.quote.text + "\"", post?.id ?? Wording.missing, post?.author ?? Wording.missing,
                post?.place ?? Wording.missing, post?.day ?? Wording.missing, note(finding),
            ])
        }
        let width = settings.tableWidth
        let widths = table.widths(fitting: width, withHeader: true)
        for (index, line) in table.lines(width: width, color: settings.color).enumerated() {
            guard settings.color, index > 0 else {
                write(line + "\n")
                continue
            }
            write(colored(line, verdict: report.findings[index - 1].verdict, after: widths[0] > 0 ? widths[0] + table.gap : 0) + "\n")
        }
        write("\n" + checkSummary(report) + "\n")
    }

    /// The differences, or the reason for the verdict.
    private static func note(_ finding: CheckFinding) -> String {
        let differences = differencesText(finding.differences)
        guard !differences.isEmpty else { return finding.reason }
        return finding.reason.isEmpty ? differences : finding.reason + ": " + differences
    }

    /// `0.93`: a similarity for people.
    static func twoDecimals(_ value: Double) -> String {
        let hundredths = Int((max(0, min(1, value)) * 100).rounded())
        return "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
    }

    /// The row with its verdict (ASCII, after the ASCII `at` column) in colour.
    private static func colored(_ line: String, verdict: CheckVerdict, after offset: Int) -> String {
        let characters = Array(line)
        let word = Array(verdict.words)
        guard offset + word.count <= characters.count, Array(characters[offset..<(offset + word.count)]) == word else {
            return line
        }
        let color: String
        switch verdict {
        case .verified: color = ANSI.green
        case .close: color = ANSI.yellow
        case .misattributed, .notFound: color = ANSI.red
        case .outsideCoverage: color = ANSI.cyan
        }
        return String(characters[..<offset]) + color + String(word) + ANSI.defaultColor
            + String(characters[(offset + word.count)...])
    }
}
