import BeatCore

/// The fields of a post as every format writes them, so a post reads the same in a search hit,
/// a quote, a thread and a CSV row.
extension PostSummary {
    /// `id, source, venue, author, published_at, title, url`, in that order.
    var jsonMembers: [(String, JSONText)] {
        [
            ("id", .string(id)), ("source", .string(source)), ("venue", .string(venue)),
            ("author", .string(author)), ("published_at", .time(publishedAt)), ("title", .string(title)),
            ("url", .string(url)),
        ]
    }

    /// The post's date, `2026-04-15`.
    var day: String { CivilTime.isoDate(publishedAt) }

    /// `reddit (LocalLLaMA)`, or the source alone.
    var place: String { venue.map { "\(source) (\($0))" } ?? source }

    /// `em-bee, reddit (LocalLLaMA), 2026-04-15`: who, where and when, for a citation.
    var attribution: String {
        [author, place, day].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ", ")
    }
}

/// Small words for tables.
enum Wording {
    /// `1 post`, `1,234 posts`.
    static func posts(_ n: Int) -> String { n == 1 ? "1 post" : "\(n.formatted) posts" }

    /// A quotation in quotation marks, `"…"`; a sentence that itself opens with a quotation
    /// mark (`"We planned for this," one said.`) is written as it is, so its mark shows once.
    static func quoted(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, "\"“„«".unicodeScalars.contains(first) else { return "\"" + text + "\"" }
        return text
    }

    /// A missing value in a table cell.
    static let missing = "-"

    /// How long before `now` a time was: `just now`, `5 min ago`, `3 h ago`, `2 days ago`,
    /// `4 months ago`, `2 years ago`; times after `now` are `in the future`.
    static func age(of seconds: Int64, now: Int64) -> String {
        let elapsed = now - seconds
        if elapsed < 0 { return "in the future" }
        switch elapsed {
        case ..<60: return "just now"
        case ..<3600: return "\(elapsed / 60) min ago"
        case ..<86_400: return "\(elapsed / 3600) h ago"
        case ..<(86_400 * 61): return plural(elapsed / 86_400, "day") + " ago"
        case ..<(86_400 * 730): return plural(elapsed / (86_400 * 30), "month") + " ago"
        default: return plural(elapsed / (86_400 * 365), "year") + " ago"
        }
    }

    private static func plural(_ n: Int64, _ word: String) -> String { n == 1 ? "1 \(word)" : "\(n) \(word)s" }
}
