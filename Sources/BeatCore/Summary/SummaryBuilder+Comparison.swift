extension SummaryBuilder {
    /// The other side of a comparison: the same query in the previous window,
    /// or another query in this window, counted by the same one pass; terms
    /// and voices that rose, fell or are new, with exact counts on both sides.
    func comparison(
        _ request: SummaryComparisonRequest, of base: SummaryRequest, side: CountedSide, scan: SummaryScan,
        terms: TermFrequencies
    ) throws -> SummaryComparison {
        let window = base.window
        let otherWindow: SummaryWindow
        let otherQuery: CompiledQuery
        let label: String
        switch request {
        case .previous:
            otherWindow = window.previous
            otherQuery = base.query
            label = "previous \(otherWindow.lengthInWords) (\(Self.dateSpan(otherWindow)))"
        case .other(let otherLabel, let query):
            otherWindow = window
            otherQuery = query
            label = otherLabel
        }
        let other = try self.scan(otherQuery, in: otherWindow)
        let otherSample = try SampledPost.load(EvenSample.pick(other.ids, limit: limits.termSample), on: connection)
        let otherTerms = TermFrequencies(otherSample.map { $0.terms() })
        let queryWords = SummaryTokenizer.allTokens((base.query.match ?? "") + " " + (otherQuery.match ?? ""))
        let counter = TermCounter(connection: connection)
        let otherSide = CountedSide(query: otherQuery, window: otherWindow, scan: other)
        func rate(_ count: Int, _ posts: Int) -> Double { posts == 0 ? 0 : Double(count) / Double(posts) }

        let limit = base.termCount
        let candidates = max(limit, limits.candidateTerms)
        var changes: [(change: TermChange, score: Double)] = []
        let proposed =
            Self.shifted(terms, against: otherTerms, limit: candidates, skipping: queryWords)
            + Self.shifted(otherTerms, against: terms, limit: candidates, skipping: queryWords)
        var seen = Set<String>()
        for term in proposed where seen.insert(term).inserted {
            let here = try counter.posts(containing: term, in: side)
            let there = try counter.posts(containing: term, in: otherSide)
            let score = LogLikelihood.g2(here, of: scan.posts, there, of: other.posts)
            changes.append((TermChange(term: term, before: there, after: here), score))
        }
        // G2 orders by how unlikely the change is by chance; it is zero when one side
        // has no posts, and then the difference of rates orders them instead.
        func shift(_ change: TermChange) -> Double {
            abs(rate(change.after, scan.posts) - rate(change.before, other.posts))
        }
        let ordered = changes.sorted {
            ($0.score, shift($0.change), $1.change.term) > ($1.score, shift($1.change), $0.change.term)
        }
        let rising = ordered.filter { rate($0.change.after, scan.posts) > rate($0.change.before, other.posts) }
        let falling = ordered.filter { rate($0.change.after, scan.posts) < rate($0.change.before, other.posts) }
        let voices = voiceChanges(this: scan, other: other, limit: base.voiceCount)
        var result = SummaryComparison(
            label: label, window: otherWindow, posts: other.posts,
            risingTerms: rising.prefix(limit).map(\.change), fallingTerms: falling.prefix(limit).map(\.change),
            risingVoices: voices.rising, fallingVoices: voices.falling, newVoices: voices.new)
        if case .previous = request {
            let sources = Set(scan.sources.filter { $0.value > 0 }.keys)
            result.uncovered = CoverageGap.find(
                in: try SourceSpan.all(in: corpus), sources: sources, start: otherWindow.start, end: otherWindow.end)
        }
        return result
    }

    /// Terms of `sample` used at a higher rate than in `reference`, by G2 of the two samples.
    private static func shifted(
        _ sample: TermFrequencies, against reference: TermFrequencies, limit: Int, skipping: Set<String>
    ) -> [String] {
        let fewest = max(2, sample.documents / 250)
        var scored: [(term: String, score: Double)] = []
        for (term, count) in sample.counts where count >= fewest && sample.rate(term) > reference.rate(term) {
            if term.split(separator: " ").allSatisfy({ skipping.contains(String($0)) }) { continue }
            scored.append((term, LogLikelihood.g2(count, of: sample.documents, reference[term], of: reference.documents)))
        }
        return scored.sorted { ($0.score, $1.term) > ($1.score, $0.term) }.prefix(limit).map(\.term)
    }

    /// Authors whose counts rose (posts on both sides), fell (fewer here, none
    /// here included) or are new (posts here, none there), largest change first.
    private func voiceChanges(this: SummaryScan, other: SummaryScan, limit: Int)
        -> (rising: [VoiceChange], falling: [VoiceChange], new: [Voice])
    {
        let here = Dictionary(uniqueKeysWithValues: this.voices().map { ($0.author, $0) })
        let there = Dictionary(uniqueKeysWithValues: other.voices().map { ($0.author, $0) })
        var changes: [VoiceChange] = []
        for author in Set(here.keys).union(there.keys) {
            let after = here[author]?.posts ?? 0
            let before = there[author]?.posts ?? 0
            guard after != before else { continue }
            let source = here[author]?.source ?? there[author]?.source ?? ""
            changes.append(VoiceChange(author: author, source: source, before: before, after: after))
        }
        func change(_ voice: VoiceChange) -> Int { abs(voice.after - voice.before) }
        let ordered = changes.sorted { (change($0), $1.author) > (change($1), $0.author) }
        let rising = ordered.filter { $0.before > 0 && $0.after > $0.before }
        let falling = ordered.filter { $0.after < $0.before }
        let new = this.voices().filter { there[$0.author] == nil }
        return (Array(rising.prefix(limit)), Array(falling.prefix(limit)), Array(new.prefix(limit)))
    }

    /// `30 days`, `1 day`, `48 hours`, or seconds when the length is neither.
    /// `2026-09-22 – 2026-10-21`: the first and last day the window touches.
    static func dateSpan(_ window: SummaryWindow) -> String {
        "\(CivilTime.isoDate(window.start)) – \(CivilTime.isoDate(max(window.start, window.end - 1)))"
    }
}
