import BeatCore

extension Render {
    /// What a beat (or query) says over a window (`summary`), in every format; `OutputFormat`
    /// documents each one's shape. Figures are shown as the engine computed them: nothing is
    /// recounted here, and an empty window says so in every section.
    public static func summary(_ summary: BeatSummary, as format: OutputFormat, settings: RenderSettings, to write: (String) -> Void) {
        switch format {
        case .table:
            withoutActuallyEscaping(write) { summaryTable(summary, settings, $0) }
        case .json:
            write(SummaryJSON.document(summary).document(settings))
        case .jsonl:
            for line in SummaryJSON.lines(summary) { write(line.text + "\n") }
        case .csv:
            write(CSVText.row(["start", "end", "posts", "corpus_posts", "share", "burst"]))
            for b in summary.timeline.buckets {
                write(
                    CSVText.row([
                        CivilTime.iso8601(b.start), CivilTime.iso8601(b.end), String(b.count), String(b.corpusCount),
                        JSONText.double(b.share).numberText, b.isBurst ? "true" : "false",
                    ]))
            }
        case .md:
            withoutActuallyEscaping(write) { summaryMarkdown(summary, $0) }
        case .html:
            write(summaryHTML(summary, settings: settings))
        }
    }
}
