extension CountBucket {
    /// Day, week or month buckets from the first to the last, the empty ones included with
    /// a count of 0 (SQL only yields the buckets that have posts), so a chart of them shows
    /// quiet days as gaps rather than hiding them. Keys are `2026-04-13` (a week's Monday)
    /// or `2026-04`; other dimensions are returned as they are.
    public static func fillingGaps(_ buckets: [CountBucket], by dimension: CountDimension) -> [CountBucket] {
        guard buckets.count > 1 else { return buckets }
        let step: (Int) -> Int
        let parse: (String) -> Int?
        let name: (Int) -> String
        switch dimension {
        case .day, .week:
            parse = { key in DateParser.seconds(from: key).map { Int($0 / 86_400) } }
            step = { $0 + (dimension == .week ? 7 : 1) }
            name = { CivilTime.isoDate(Int64($0) * 86_400) }
        case .month:
            parse = { key in
                let parts = key.split(separator: "-")
                guard parts.count == 2, let year = Int(parts[0]), let month = Int(parts[1]) else { return nil }
                return year * 12 + (month - 1)
            }
            step = { $0 + 1 }
            name = { index in
                let month = index % 12 + 1
                return "\(index / 12)-" + (month < 10 ? "0\(month)" : "\(month)")
            }
        default:
            return buckets
        }
        var counts: [Int: Int] = [:]
        for bucket in buckets {
            guard let index = parse(bucket.key) else { return buckets }
            counts[index, default: 0] += bucket.count
        }
        guard let first = counts.keys.min(), let last = counts.keys.max() else { return buckets }
        var filled: [CountBucket] = []
        var index = first
        while index <= last {
            filled.append(CountBucket(key: name(index), count: counts[index] ?? 0))
            index = step(index)
        }
        return filled
    }
}
