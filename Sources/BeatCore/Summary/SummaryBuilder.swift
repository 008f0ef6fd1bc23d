import BeatSQLite

/// Turns a `SummaryRequest` into a `BeatSummary`: what a beat is saying over
/// a window, with every figure a count that `count` reproduces.
///
/// The work is bounded by design. One pass over the beat's matching posts
/// (ids, sources, venues, authors), in two halves at once when the window is
/// large, gives every plain count; the corpus's counts per bucket are sums of
/// its posts per day (`PostDays`); the text that is read and tokenised
/// comes from samples spread evenly over the beat's posts (`SummaryLimits`);
/// and only the few candidate terms finally reported are counted in the
/// full-text index. A comparison adds a second pass for the other side.
///
/// ```swift
/// let builder = SummaryBuilder(corpus: corpus, scorer: scorer)
/// let summary = try builder.summary(for: SummaryRequest(label: "open weights", query: query, window: window))
/// ```
///
/// Not `Sendable`: it uses the corpus's connection, on the thread that opened it.
public final class SummaryBuilder {
    /// The posts summaries are made from.
    public let corpus: Corpus
    /// The sentiment scorer, made when first needed: on the thread that scores, so that
    /// loading a lexicon overlaps the summary's reading of the index.
    let scorer: @Sendable () throws -> any SentimentScoring
    /// How many posts each part of a summary reads at most.
    public var limits: SummaryLimits
    var connection: Connection { corpus.connection }

    /// A builder of summaries from `corpus`, scoring sentiment with `scorer`.
    public init(corpus: Corpus, scorer: any SentimentScoring, limits: SummaryLimits = SummaryLimits()) {
        self.corpus = corpus
        self.scorer = { scorer }
        self.limits = limits
    }

    /// A builder whose scorer is made by `loadingScorer` (`{ try LexiconSentiment.shared }`)
    /// the first time a summary scores its sample; its error is the summary's.
    public init(
        corpus: Corpus, loadingScorer: @escaping @Sendable () throws -> any SentimentScoring,
        limits: SummaryLimits = SummaryLimits()
    ) {
        self.corpus = corpus
        self.scorer = loadingScorer
        self.limits = limits
    }

    /// The summary of `request`, every section read from one state of the corpus, also while
    /// a collector imports (`Corpus.inOneSnapshot`).
    /// - Throws: `SQLiteError` when the corpus cannot be read (`isInterrupted` when cancelled).
    public func summary(for request: SummaryRequest) throws -> BeatSummary {
        try corpus.inOneSnapshot { try summaryInOneSnapshot(for: request) }
    }

    private func summaryInOneSnapshot(for request: SummaryRequest) throws -> BeatSummary {
        let window = request.window
        let scan = try scan(request.query, in: window)
        var timeline = try self.timeline(of: scan, in: window)
        let corpusPosts = timeline.buckets.reduce(0) { $0 + $1.corpusCount }
        let volume = SummaryVolume(
            posts: scan.posts,
            lastDay: window.seconds > 0 ? scan.count(inIDs: window.lastDay.idRange.lowerBound, window.lastDay.idRange.upperBound) : 0,
            corpusPosts: corpusPosts)

        let sample = try SampledPost.load(EvenSample.pick(scan.ids, limit: limits.sentimentSample), on: connection)
        let beatTerms = TermFrequencies(EvenSample.pick(sample, limit: limits.termSample).map { $0.terms() })
        let selector = QuoteSelector(frequencies: beatTerms)
        // Scoring the sample and choosing its quotes read only the loaded texts: they run
        // on the second core while this thread counts terms in the index.
        let (scorer, population, quotePosts, quoteCount) =
            (self.scorer, scan.posts, EvenSample.pick(sample, limit: limits.quoteSample), request.quoteCount)
        let textWork = BackgroundResult {
            Result {
                (
                    Self.sentiment(of: sample, population: population, scorer: try scorer()),
                    selector.choose(selector.candidates(from: quotePosts), count: quoteCount)
                )
            }
        }
        let burstQuotes = try self.burstQuotes(timeline, scan: scan, sample: sample, selector: selector)

        let finder = KeyTermFinder(
            counter: TermCounter(connection: connection), queryWords: queryWords(request.query),
            // Only a helper in this summary's snapshot counts terms: another would read the
            // corpus as last committed, without a writer's own posts.
            openHelper: corpus.snapshotHelper != nil ? corpus.readerOpener() : nil)
        let side = CountedSide(query: request.query, window: window, scan: scan)
        let terms = try finder.keyTerms(
            beat: beatTerms, background: try backgroundTerms(in: window, posts: corpusPosts, skipping: scan.posts == 0),
            scan: scan, side: side, corpusPosts: corpusPosts, count: request.termCount,
            candidates: max(request.termCount, limits.candidateTerms))

        let (sentiment, chosenQuotes) = try textWork.value().get()
        let quotes = try makeQuotes(chosenQuotes + burstQuotes.compactMap { $0 })
        for (index, candidate) in burstQuotes.enumerated() {
            timeline.bursts[index].quote = candidate.flatMap { quotes[QuoteReference($0)] }
        }
        let comparison = try request.comparison.map {
            try self.comparison($0, of: request, side: side, scan: scan, terms: beatTerms)
        }
        var summary = BeatSummary(
            label: request.label, query: request.shownQuery ?? request.query.description, window: window, volume: volume,
            sources: shares(scan.sources.map { (SummaryScan.VenueKey(source: $0.key, venue: nil), $0.value) }, of: scan.posts)
                .map { SummaryShare(key: $0.key.source, source: nil, count: $0.count, share: $0.share) },
            venues: shares(scan.venues.map { ($0.key, $0.value) }, of: scan.posts).prefix(request.venueCount)
                .map { SummaryShare(key: $0.key.venue, source: $0.key.source, count: $0.count, share: $0.share) },
            timeline: timeline, terms: terms, voices: scan.voices(limit: request.voiceCount),
            quotes: chosenQuotes.compactMap { quotes[QuoteReference($0)] },
            sentiment: sentiment, comparison: comparison)
        summary.spread = try spread(of: scan, in: window, groups: limits.spreadGroups)
        return summary
    }

    /// Distinct voices and the largest groups of copies among the scan's posts, as
    /// `SearchEngine.distinctVolume` and `spreadGroups` count them for the same query. The
    /// copies are read from `spread_members` over the window's id range (a range of its
    /// primary key, which holds only posts with copies) and kept when the scan holds them,
    /// rather than looking each of the beat's posts up: a million lookups at ten million posts.
    func spread(of scan: SummaryScan, in window: SummaryWindow, groups: Int) throws -> SummarySpread {
        var matching: [Int64: Int] = [:]
        var copies = 0
        if window.seconds > 0 && scan.posts > 0 {
            let range = window.idRange
            var scanned = AscendingMembership(scan.ids)
            try connection.forEachRow(
                "SELECT post_id, group_id FROM spread_members WHERE post_id >= ?1 AND post_id <= ?2",
                [.integer(range.lowerBound), .integer(range.upperBound)]
            ) { row in
                guard scanned.contains(row.int64(0)) else { return }
                copies += 1
                matching[row.int64(1), default: 0] += 1
            }
        }
        let volume = DistinctVolume(posts: scan.posts, distinct: scan.posts - copies + matching.count, copies: copies)
        guard copies > 0 else { return SummarySpread(volume: volume) }
        // Most matching first, then the earliest group, as `spreadGroups` orders them.
        let top = matching.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(groups).map { (group: $0.key, matching: $0.value) }
        return SummarySpread(volume: volume, groups: try SearchEngine(corpus: corpus).groupSummaries(top).filter { $0.matching >= 2 })
    }

    /// `query` limited to `window` (an empty or reversed window selects nothing).
    func windowed(_ query: CompiledQuery, _ window: SummaryWindow) -> CompiledQuery {
        guard window.seconds > 0 else {
            var empty = query
            empty.isEmptyRange = true
            return empty
        }
        return query.combined(with: window.query)
    }

    /// Counts by key, most first, then by source and venue (a missing venue first among equals).
    private func shares(_ counts: [(key: SummaryScan.VenueKey, count: Int)], of total: Int)
        -> [(key: SummaryScan.VenueKey, count: Int, share: Double)]
    {
        counts.sorted {
            if $0.count != $1.count { return $0.count > $1.count }
            if $0.key.source != $1.key.source { return $0.key.source < $1.key.source }
            switch ($0.key.venue, $1.key.venue) {
            case (nil, nil), (_?, nil): return false
            case (nil, _?): return true
            case (let a?, let b?): return a < b
            }
        }.map { ($0.key, $0.count, total == 0 ? 0 : Double($0.count) / Double(total)) }
    }

    /// The words of a query's own match text, as the index tokenises them.
    private func queryWords(_ query: CompiledQuery) -> Set<String> {
        SummaryTokenizer.allTokens(query.match ?? "")
    }

    /// Document frequencies over posts of the whole corpus in the window, one
    /// probe every `1 / backgroundSample` of the window's id range (evenly spread in time).
    private func backgroundTerms(in window: SummaryWindow, posts: Int, skipping: Bool) throws -> TermFrequencies {
        guard !skipping, window.seconds > 0, limits.backgroundSample > 0 else { return TermFrequencies([]) }
        let range = window.idRange
        // A window smaller than the sample is read whole: probing by id steps would miss
        // posts that share a stretch of time.
        if posts <= limits.backgroundSample {
            var ids: [Int64] = []
            try connection.forEachRow(SummarySQL.idsInRange, [.integer(range.lowerBound), .integer(range.upperBound)]) {
                ids.append($0.int64(0))
            }
            return TermFrequencies(try SampledPost.load(ids, on: connection).map { $0.terms() })
        }
        let step = max(1, (range.upperBound - range.lowerBound) / Int64(limits.backgroundSample))
        var ids: [Int64] = []
        var probe = range.lowerBound
        let statement = try connection.makeStatement(SummarySQL.firstIDFrom)
        while probe <= range.upperBound && ids.count < limits.backgroundSample {
            try statement.bind([.integer(probe), .integer(range.upperBound)])
            guard try statement.step() else { break }
            let id = statement.int64(0)
            statement.reset()
            if ids.last != id { ids.append(id) }
            // The next probe starts past this post, so a sparse stretch is not read twice.
            probe = max(probe + step, id + 1)
        }
        statement.reset()
        return TermFrequencies(try SampledPost.load(ids, on: connection).map { $0.terms() })
    }

    /// The sentiment estimate of the sample, nil when the window holds no posts of the beat.
    private static func sentiment(
        of sample: [SampledPost], population: Int, scorer: any SentimentScoring
    ) -> SentimentEstimate? {
        guard !sample.isEmpty else { return nil }
        var counts: [SentimentClass: Int] = [:]
        for post in sample { counts[scorer.classify(post.fullText), default: 0] += 1 }
        let drawn =
            sample.count == population
            ? "all \(population) posts of the window"
            : "\(sample.count) of \(population) posts, evenly spread over the window in time order"
        return SentimentEstimate(
            positive: counts[.positive] ?? 0, neutral: counts[.neutral] ?? 0, critical: counts[.critical] ?? 0,
            sampleSize: sample.count, population: population, method: "\(scorer.method); \(drawn)")
    }

    /// A chosen sentence: the post it is attributed to and its words.
    private struct QuoteReference: Hashable {
        var postID: Int64
        var text: String
        init(_ candidate: QuoteSelector.Candidate) {
            postID = candidate.postID
            text = candidate.text
        }
    }

    /// `Quote` values for chosen candidates.
    private func makeQuotes(_ candidates: [QuoteSelector.Candidate]) throws -> [QuoteReference: Quote] {
        let posts = try SearchEngine(corpus: corpus).hits(ids: Array(Set(candidates.flatMap(\.postIDs))))
        var result: [QuoteReference: Quote] = [:]
        for candidate in candidates {
            guard let post = posts[candidate.postID] else { continue }
            let others = candidate.postIDs.filter { $0 != candidate.postID }.compactMap { posts[$0]?.id }
            result[QuoteReference(candidate)] = Quote(
                text: candidate.text, post: post, count: candidate.postIDs.count, alsoIn: others,
                isPartial: candidate.isPartial, before: candidate.before, after: candidate.after)
        }
        return result
    }
}
