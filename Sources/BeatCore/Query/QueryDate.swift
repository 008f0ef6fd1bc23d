/// A date filter's value: a span of whole seconds, UTC, and how to say it.
struct QueryDate: Equatable, Sendable {
    /// First second of the span.
    var start: Int64
    /// Last second of the span (inclusive).
    var end: Int64
    /// What the value means, for descriptions: `2026-04-18`, `2026-04`, `the last 7 days`.
    var label: String
    /// A span counted back from now (`7d`), rather than a calendar date.
    var isRelative: Bool
    /// The value as a point in time: `2026-04-18`, or `7 days ago`.
    var instant: String

    static let hint =
        "use a day 2026-04-18, a month 2026-04, a year 2026, today, yesterday, "
        + "or a span back from now: 24h, 7d, 2w, 3m (months), 1y"

    /// Reads a date value: `2026-04-18`, `2026-04`, `2026`, `today`, `yesterday`,
    /// or `24h` / `7d` / `2w` / `3m` / `1y` back from `now`.
    ///
    /// A calendar value is its whole day, month or year; a relative one is the
    /// instant that long before `now` (months and years by the calendar,
    /// clamping the day: 3 months before May 31 is Feb 28 or 29).
    static func parse(_ text: String, now: Int64, span: QuerySpan) throws(QueryError) -> QueryDate {
        let lowered = text.lowercased()
        let today = floorDiv(now, 86_400)
        switch lowered {
        case "today": return day(today, label: "today")
        case "yesterday": return day(today - 1, label: "yesterday")
        default: break
        }
        if let relative = relative(lowered, now: now) { return relative }
        let parts = lowered.split(separator: "-", omittingEmptySubsequences: false)
        let numbers = parts.map { part in part.allSatisfy { $0.isASCII && $0.isNumber } ? Int(part) : nil }
        let widths = parts.map(\.count)
        guard numbers.allSatisfy({ $0 != nil }), widths.first == 4, widths.dropFirst().allSatisfy({ $0 == 2 }) else {
            throw QueryError("not a date: '\(text)'", at: span, hint: hint)
        }
        let values = numbers.compactMap { $0 }
        switch values.count {
        case 1:
            if let start = CivilTime.seconds(year: values[0], month: 1, day: 1),
                let next = CivilTime.seconds(year: values[0] + 1, month: 1, day: 1)
            {
                return QueryDate(start: start, end: next - 1, label: text, isRelative: false, instant: text)
            }
        case 2:
            if let start = CivilTime.seconds(year: values[0], month: values[1], day: 1) {
                let next =
                    values[1] == 12
                    ? CivilTime.seconds(year: values[0] + 1, month: 1, day: 1)
                    : CivilTime.seconds(year: values[0], month: values[1] + 1, day: 1)
                if let next { return QueryDate(start: start, end: next - 1, label: text, isRelative: false, instant: text) }
            }
        case 3:
            if let start = CivilTime.seconds(year: values[0], month: values[1], day: values[2]) {
                return QueryDate(start: start, end: start + 86_399, label: text, isRelative: false, instant: text)
            }
        default: break
        }
        throw QueryError("not a date: '\(text)'", at: span, hint: hint)
    }

    private static func day(_ days: Int64, label: String) -> QueryDate {
        QueryDate(start: days * 86_400, end: days * 86_400 + 86_399, label: label, isRelative: false, instant: label)
    }

    /// `7d` and the like: the instant that long before `now`.
    private static func relative(_ text: String, now: Int64) -> QueryDate? {
        guard let unit = text.last, text.count >= 2, let amount = Int64(text.dropLast()), amount >= 0,
            amount <= 100_000, text.dropLast().allSatisfy(\.isASCII)
        else { return nil }
        let nouns: [Character: String] = ["h": "hour", "d": "day", "w": "week", "m": "month", "y": "year"]
        guard let noun = nouns[unit] else { return nil }
        let instant: Int64
        switch unit {
        case "h": instant = now - amount * 3600
        case "d": instant = now - amount * 86_400
        case "w": instant = now - amount * 7 * 86_400
        default: instant = monthsBack(from: now, months: unit == "m" ? amount : amount * 12)
        }
        let label = amount == 1 ? "the last \(noun)" : "the last \(amount) \(noun)s"
        return QueryDate(
            start: instant, end: instant, label: label, isRelative: true,
            instant: amount == 1 ? "1 \(noun) ago" : "\(amount) \(noun)s ago")
    }

    private static func monthsBack(from now: Int64, months: Int64) -> Int64 {
        let days = floorDiv(now, 86_400)
        let secondOfDay = now - days * 86_400
        let (year, month, day) = CivilTime.civilFromDays(Int(days))
        let monthIndex = Int64(year) * 12 + Int64(month - 1) - months
        let newYear = Int(floorDiv(monthIndex, 12))
        let newMonth = Int(monthIndex - Int64(newYear) * 12) + 1
        let newDay = min(day, CivilTime.daysIn(month: newMonth, year: newYear))
        return Int64(CivilTime.daysFromCivil(year: newYear, month: newMonth, day: newDay)) * 86_400 + secondOfDay
    }

    private static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        a >= 0 ? a / b : -((-a + b - 1) / b)
    }
}
