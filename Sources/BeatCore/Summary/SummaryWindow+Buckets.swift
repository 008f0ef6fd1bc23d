extension BucketSize {
    /// The bucket size that suits a window of `seconds`: hours up to two days,
    /// days up to about three months (92 days), weeks up to two years (731
    /// days), months beyond. Each keeps the timeline between about 13 and 104 buckets.
    public static func suited(toWindowOf seconds: Int64) -> BucketSize {
        let day: Int64 = 86_400
        if seconds <= 2 * day { return .hour }
        if seconds <= 92 * day { return .day }
        if seconds <= 731 * day { return .week }
        return .month
    }

    /// The first second (UTC) of the bucket holding `seconds`: the hour, the
    /// day, the Monday of the week, or the 1st of the month.
    public func start(of seconds: Int64) -> Int64 {
        let day: Int64 = 86_400
        let dayNumber = Self.floorDivide(seconds, day)
        switch self {
        case .hour: return Self.floorDivide(seconds, 3_600) * 3_600
        case .day: return dayNumber * day
        case .week:
            // Day 0 (1970-01-01) was a Thursday: Mondays are the days whose (number + 3) is a multiple of 7.
            let sinceMonday = ((dayNumber + 3) % 7 + 7) % 7
            return (dayNumber - sinceMonday) * day
        case .month:
            let civil = CivilTime.civilFromDays(Int(dayNumber))
            return Int64(CivilTime.daysFromCivil(year: civil.year, month: civil.month, day: 1)) * day
        }
    }

    /// The first second of the bucket after the one starting at `start`.
    public func next(after start: Int64) -> Int64 {
        switch self {
        case .hour: return start + 3_600
        case .day: return start + 86_400
        case .week: return start + 7 * 86_400
        case .month:
            let civil = CivilTime.civilFromDays(Int(Self.floorDivide(start, 86_400)))
            let (year, month) = civil.month == 12 ? (civil.year + 1, 1) : (civil.year, civil.month + 1)
            return Int64(CivilTime.daysFromCivil(year: year, month: month, day: 1)) * 86_400
        }
    }

    private static func floorDivide(_ a: Int64, _ b: Int64) -> Int64 {
        a >= 0 ? a / b : -((-a + b - 1) / b)
    }
}

extension SummaryWindow {
    /// The window cut into buckets of `size`, oldest first, each `start ..< end`.
    /// The first and last are cut to the window when it does not begin or end
    /// on a bucket boundary, so every bucket counts exactly the posts of its span.
    public func buckets(of size: BucketSize) -> [SummaryWindow] {
        guard end > start else { return [] }
        var result: [SummaryWindow] = []
        var bucketStart = size.start(of: start)
        while bucketStart < end {
            let bucketEnd = size.next(after: bucketStart)
            result.append(SummaryWindow(start: max(bucketStart, start), end: min(bucketEnd, end)))
            bucketStart = bucketEnd
        }
        return result
    }

    /// The last 24 hours of the window (all of it when it is shorter).
    public var lastDay: SummaryWindow {
        SummaryWindow(start: max(start, end - 86_400), end: end)
    }

    /// The window of the same length just before this one.
    public var previous: SummaryWindow {
        // A window of whole days whose last day is still running (the default: up to now)
        // is compared with as many whole days before it.
        if start % 86_400 == 0 && end % 86_400 != 0 && seconds > 2 * 86_400 {
            return SummaryWindow(start: start - Int64(days) * 86_400, end: start)
        }
        return SummaryWindow(start: start - seconds, end: start)
    }

    /// Whether `seconds` falls in `start ..< end`.
    public func contains(_ seconds: Int64) -> Bool { seconds >= start && seconds < end }

    /// The window as a date-only query (`count` of it gives the corpus's posts in the window).
    public var query: CompiledQuery {
        CompiledQuery(idRange: idRange, description: "posts from \(CivilTime.iso8601(start)) to \(CivilTime.iso8601(end))")
    }
}
