/// Reads a date a story states (`March 3, 2026`, `3 March 2026`, `2026-03-03`,
/// `in April 2026`, `2026-04`) as the UTC day or month it covers. A date
/// without a year ("on March 3") or a relative one ("last week") is not read:
/// the year would be a guess.
enum StoryDateReader {
    private static let months: [String: Int] = [
        "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
        "september": 9, "october": 10, "november": 11, "december": 12,
        "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10,
        "nov": 11, "dec": 12,
    ]

    /// The first date stated in `words`.
    static func date(in words: [String]) -> StoryDate? {
        let cleaned = words.map { $0.trimming(anyOf: ",.;:()[]\"'“”‘’") }
        for (index, word) in cleaned.enumerated() {
            if let date = isoDate(word) { return date }
            if let month = months[word.lowercased()] {
                let next = index + 1 < cleaned.count ? cleaned[index + 1] : ""
                let afterNext = index + 2 < cleaned.count ? cleaned[index + 2] : ""
                // 3 March 2026
                if index > 0, let day = dayNumber(cleaned[index - 1]), let year = yearNumber(next) {
                    return span(text: spanText(words, (index - 1)...(index + 1)), year: year, month: month, day: day)
                }
                // March 3, 2026
                if let day = dayNumber(next), let year = yearNumber(afterNext) {
                    return span(text: spanText(words, index...(index + 2)), year: year, month: month, day: day)
                }
                // April 2026
                if let year = yearNumber(next) {
                    return span(text: spanText(words, index...(index + 1)), year: year, month: month, day: nil)
                }
            }
        }
        return nil
    }

    private static func spanText(_ words: [String], _ range: ClosedRange<Int>) -> String {
        words[range].joined(separator: " ").trimming(anyOf: ",.;:()[]")
    }

    /// A day named without its year (`on November 24`, `24 November`) in a story dated `dateline`:
    /// the latest such day on or before the dateline, since a story reports what was already said.
    static func yearlessDay(in words: [String], dateline: StoryDate) -> StoryDate? {
        let cleaned = words.map { $0.trimming(anyOf: ",.;:()[]\"'“”‘’") }
        let civil = CivilTime.civilFromDays(Int(dateline.start / 86_400))
        for (index, word) in cleaned.enumerated() {
            guard let month = months[word.lowercased()], word.first?.isUppercase == true else { continue }
            var day: Int?
            var range = index...index
            if index + 1 < cleaned.count, let next = dayNumber(cleaned[index + 1]) {
                day = next
                range = index...(index + 1)
            } else if index > 0, let previous = dayNumber(cleaned[index - 1]) {
                day = previous
                range = (index - 1)...index
            }
            guard let day else { continue }
            let text = spanText(words, range)
            guard let sameYear = span(text: text, year: civil.year, month: month, day: day) else { continue }
            if sameYear.start <= dateline.start { return sameYear }
            return span(text: text, year: civil.year - 1, month: month, day: day)
        }
        return nil
    }

    /// `2026-03-03` (a day) or `2026-03` (a month).
    private static func isoDate(_ word: String) -> StoryDate? {
        let parts = word.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3, parts[0].count == 4, let year = Int(parts[0]),
            parts[1].count == 2, let month = Int(parts[1])
        else { return nil }
        if parts.count == 2 { return span(text: word, year: year, month: month, day: nil) }
        guard parts[2].count == 2, let day = Int(parts[2]) else { return nil }
        return span(text: word, year: year, month: month, day: day)
    }

    private static func dayNumber(_ word: String) -> Int? {
        var digits = Substring(word)
        for suffix in ["st", "nd", "rd", "th"] where digits.hasSuffix(suffix) { digits = digits.dropLast(2) }
        guard (1...2).contains(digits.count), let day = Int(digits), (1...31).contains(day) else { return nil }
        return day
    }

    private static func yearNumber(_ word: String) -> Int? {
        guard word.count == 4, let year = Int(word), (1990...2100).contains(year) else { return nil }
        return year
    }

    /// The day, or the whole month when `day` is nil, in UTC.
    private static func span(text: String, year: Int, month: Int, day: Int?) -> StoryDate? {
        guard (1...12).contains(month) else { return nil }
        if let day {
            guard let start = CivilTime.seconds(year: year, month: month, day: day) else { return nil }
            return StoryDate(text: text, start: start, end: start + 86_400)
        }
        guard let start = CivilTime.seconds(year: year, month: month, day: 1),
            let end = month == 12
                ? CivilTime.seconds(year: year + 1, month: 1, day: 1) : CivilTime.seconds(year: year, month: month + 1, day: 1)
        else { return nil }
        return StoryDate(text: text, start: start, end: end)
    }
}
