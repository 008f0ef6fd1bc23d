/// Finds the buckets of a timeline far above the beat's own baseline.
///
/// The baseline is the median bucket count of the window, and the spread the
/// median absolute deviation scaled by 1.4826 (which makes it the standard
/// deviation for normal data), floored at the Poisson spread of the baseline,
/// √max(median, 1), so that a quiet beat whose counts barely vary does not
/// turn every small bump into a burst. A burst's `score` is the robust z-score
/// `(count − median) / spread`: how many of those spreads above the baseline
/// it is. A bucket is a burst when its score is at least 3.5 (Iglewicz and
/// Hoaglin's cut-off for outliers) and it holds at least 5 posts.
enum BurstDetector {
    static let scoreThreshold = 3.5
    static let minimumCount = 5

    struct Result {
        var baseline: Double
        var spread: Double
        /// Indexes of the burst buckets, with their scores.
        var bursts: [(index: Int, score: Double)]
    }

    static func detect(_ counts: [Int]) -> Result {
        guard !counts.isEmpty else { return Result(baseline: 0, spread: 1, bursts: []) }
        let median = Self.median(counts.map(Double.init))
        let deviation = Self.median(counts.map { abs(Double($0) - median) })
        let spread = max(1.4826 * deviation, max(median, 1).squareRoot())
        var bursts: [(index: Int, score: Double)] = []
        for (index, count) in counts.enumerated() where count >= minimumCount {
            let score = (Double(count) - median) / spread
            if score >= scoreThreshold { bursts.append((index, score)) }
        }
        return Result(baseline: median, spread: spread, bursts: bursts)
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}
