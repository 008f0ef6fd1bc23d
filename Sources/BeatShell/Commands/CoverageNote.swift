import BeatCore

extension Session {
    /// Below this many posts a result is thin enough to explain when the corpus cannot fill it.
    static let thinResult = 5

    /// After an empty or thin result, a note on standard error when the query's dates reach
    /// beyond what the corpus holds for its sources: `note: 0 posts from reddit since
    /// 2026-11-05; the newest reddit post is from 2026-10-01`. Nothing when the corpus covers them.
    func explainThinResult(_ count: Int, query text: String, compiled: CompiledQuery, window: SummaryWindow? = nil) throws {
        guard count < Self.thinResult else { return }
        let (start, end) = window.map { ($0.start, $0.end) } ?? compiled.timeBounds
        guard let start else { return }
        let spans = try SourceSpan.all(in: try corpus())
        guard let corpusNewest = spans.map(\.last).max() else { return }
        let named = Self.namedSources(in: text + " " + filters)
        let gaps = CoverageGap.find(in: spans, sources: named, start: start, end: end ?? Int64.max)
            .filter { $0.kind == .endsBefore }
        let posts = Wording.posts(count)
        let since = CivilTime.isoDate(start)
        if named == nil, corpusNewest < start {
            errors.line("note: \(posts) since \(since); the newest post in the corpus is from \(CivilTime.isoDate(corpusNewest))")
            return
        }
        for gap in gaps {
            errors.line(
                "note: \(posts) from \(gap.span.source) since \(since); the newest \(gap.span.source) post is from \(CivilTime.isoDate(gap.span.last))"
            )
        }
    }

    /// The sources a query's `source:a,b` filters ask for (not the negated ones), nil when none.
    static func namedSources(in text: String) -> Set<String>? {
        var names = Set<String>()
        for token in QueryOptions.tokens(text) where token.lowercased().hasPrefix("source:") {
            for name in token.dropFirst("source:".count).split(separator: ",") { names.insert(name.lowercased()) }
        }
        return names.isEmpty ? nil : names
    }
}
