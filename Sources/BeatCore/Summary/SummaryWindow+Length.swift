extension SummaryWindow {
    /// The calendar days (UTC) the window touches, the last one possibly in part:
    /// a window from 2026-10-22 00:00 up to 2026-11-20 16:29 is 30 days.
    public var days: Int {
        guard end > start else { return 0 }
        return Int(Self.dayNumber(end - 1) - Self.dayNumber(start)) + 1
    }

    /// The calendar months (UTC) the window touches.
    public var months: Int {
        guard end > start else { return 0 }
        let first = CivilTime.civilFromDays(Int(Self.dayNumber(start)))
        let last = CivilTime.civilFromDays(Int(Self.dayNumber(end - 1)))
        return (last.year - first.year) * 12 + (last.month - first.month) + 1
    }

    /// The window's length in whole units, as the dates written beside it count them:
    /// hours up to two days; whole calendar months when it runs from a 1st to a 1st; else
    /// days (the calendar days it touches) up to two years, and years beyond. Never seconds.
    public var lengthInWords: String {
        func plural(_ n: Int, _ unit: String) -> String { n == 1 ? "1 \(unit)" : "\(n.formattedWithCommas) \(unit)s" }
        let seconds = max(0, self.seconds)
        if seconds < 2 * 86_400 { return plural(Int((seconds + 1_800) / 3_600), "hour") }
        if BucketSize.month.start(of: start) == start && BucketSize.month.start(of: end) == end {
            return plural(months, "month")
        }
        let days = self.days
        if days <= 731 { return plural(days, "day") }
        return "about " + plural(Int((Double(days) / 365.25).rounded()), "year")
    }

    /// The window's start moved to the next midnight (UTC) when it falls inside a day and the
    /// window is longer than two days, so it covers whole days (`--since 30d` is today and the
    /// 29 days before) and its dates reproduce it with `since:DATE`.
    public var startingOnADay: SummaryWindow {
        guard seconds > 2 * 86_400, start % 86_400 != 0 else { return self }
        let midnight = (Self.dayNumber(start) + 1) * 86_400
        return midnight < end ? SummaryWindow(start: midnight, end: end) : self
    }

    static func dayNumber(_ seconds: Int64) -> Int64 {
        seconds >= 0 ? seconds / 86_400 : -((-seconds + 86_399) / 86_400)
    }
}

extension Int {
    /// `8,008`.
    var formattedWithCommas: String {
        let digits = String(abs(self))
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out += "," }
            out.append(c)
        }
        return (self < 0 ? "-" : "") + out
    }
}
