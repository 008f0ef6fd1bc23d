import BeatCore

/// Volume over time drawn with the eight block heights `▁▂▃▄▅▆▇█`, one character per bucket.
enum SummarySparkline {
    static let levels: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
    /// An empty bucket: a blank would read as missing data, and `▁` as a few posts.
    static let empty: Character = "·"
    /// Under a burst's bucket.
    static let burstMark: Character = "▲"

    /// The block for `value` on a scale where `largest` is `█`; any value above zero shows at
    /// least `▁`, so a quiet bucket is told apart from an empty one.
    static func block(_ value: Double, largest: Double) -> Character {
        guard value > 0, largest > 0, value.isFinite, largest.isFinite else { return empty }
        let level = Int((value / largest * 8).rounded(.up)) - 1
        return levels[min(max(level, 0), 7)]
    }

    /// The posts line: one block per bucket of `row`, scaled to the busiest bucket of `scale`
    /// (the whole timeline, so rows of a long one compare).
    static func posts(_ row: [TimeBucket], largest scale: [TimeBucket]) -> String {
        let largest = Double(scale.map(\.count).max() ?? 0)
        return String(row.map { block(Double($0.count), largest: largest) })
    }

    /// The share line: the beat's share of each bucket's posts, scaled to the largest share of `scale`.
    static func shares(_ row: [TimeBucket], largest scale: [TimeBucket]) -> String {
        let largest = scale.map(\.share).max() ?? 0
        return String(row.map { block($0.share, largest: largest) })
    }

    /// `▲` under each burst, spaces elsewhere (trailing spaces dropped).
    static func bursts(_ buckets: [TimeBucket]) -> String {
        var line = String(buckets.map { $0.isBurst ? burstMark : " " })
        while line.last == " " { line.removeLast() }
        return line
    }
}
