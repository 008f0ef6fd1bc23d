extension SummaryBuilder {
    /// Every bucket of the window with the beat's and the corpus's counts, and the bursts (quotes still to come).
    func timeline(of scan: SummaryScan, in window: SummaryWindow) throws -> SummaryTimeline {
        let size = BucketSize.suited(toWindowOf: window.seconds)
        let spans = window.buckets(of: size)
        let corpusCounts = try PostDays.posts(inEach: spans.map(\.idRange), on: connection)
        var buckets = zip(spans, corpusCounts).map { span, corpusCount in
            TimeBucket(
                start: span.start, end: span.end, count: scan.count(inIDs: span.idRange.lowerBound, span.idRange.upperBound),
                corpusCount: corpusCount, isBurst: false)
        }
        let detected = BurstDetector.detect(buckets.map(\.count))
        var bursts: [Burst] = []
        for (index, score) in detected.bursts {
            buckets[index].isBurst = true
            let bucket = buckets[index]
            bursts.append(
                Burst(start: bucket.start, end: bucket.end, count: bucket.count, baseline: detected.baseline, score: score, quote: nil))
        }
        return SummaryTimeline(bucketSize: size, buckets: buckets, bursts: bursts)
    }

    /// For each burst, the sentence most central to the posts of its bucket
    /// (nil when none is quotable): read from up to `limits.burstSample` of
    /// them spread evenly over the bucket, with the beat's word weights.
    func burstQuotes(
        _ timeline: SummaryTimeline, scan: SummaryScan, sample: [SampledPost], selector: QuoteSelector
    ) throws -> [QuoteSelector.Candidate?] {
        let loaded = Dictionary(sample.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return try timeline.bursts.map { burst in
            let range = SummaryWindow(start: burst.start, end: burst.end).idRange
            let ids = EvenSample.pick(scan.ids(in: range.lowerBound, range.upperBound), limit: limits.burstSample)
            let missing = ids.filter { loaded[$0] == nil }
            let read = Dictionary(
                try SampledPost.load(missing, on: connection).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            let posts = ids.compactMap { loaded[$0] ?? read[$0] }
            return selector.choose(selector.candidates(from: posts), count: 1).first
        }
    }
}
