import BeatSQLite
import Foundation

/// Whether the corpus covers what a story says about a quotation it could not find: the platform
/// or outlet it names, and the days the quote can come from.
///
/// Covered means collected, judged from the corpus's own daily volume: a day holding fewer than a
/// tenth of the usual posts of a source (its median over the days it has any) was not collected.
/// The quote's window is the day or month the story gives it, else the week
/// before the story's dateline (a story can only quote what was said before it). A window is
/// covered when at least half its days were collected, for the source or venue the story names,
/// or for the corpus as a whole when it names none. Every answer comes with its evidence.
///
/// Each scope's daily histogram is read once per checker: a source's and the corpus's from the
/// posts per day kept beside the posts (`PostSourceDays`, `PostDays`: a row a day), a venue's
/// from the `posts_venue` index (its entries carry the post id, which holds the time), never the table.
final class QuoteCoverage {
    /// The judgement on one quotation.
    struct Judgement {
        /// Why the corpus cannot judge the quote, nil when it covers it.
        var gap: String?
        /// What the corpus holds for the scope and window, for the report.
        var evidence: String
    }

    /// The days before a dateline where an undated quote can lie.
    static let datelineDays = 7
    /// A venue whose usual day holds fewer posts than this is judged by its source's volume.
    static let busyVenue = 5
    /// A day holding less than this share of the usual volume was not collected.
    static let collectedShare = 0.1

    private let connection: Connection
    private var histograms: [String: [Int64: Int]] = [:]

    init(connection: Connection) {
        self.connection = connection
    }

    /// The judgement for a quote with `attribution` under a story dated `dateline`.
    func judge(_ attribution: StoryAttribution?, dateline: StoryDate?) throws -> Judgement {
        var scope = "the corpus"
        var histogram: [Int64: Int]
        if let stated = attribution?.source {
            let source = AttributionComparison.canonicalSource(stated)
            histogram = try self.histogram(key: "source " + source) {
                try PostSourceDays.histogram(of: source, on: connection)
            }
            if histogram.isEmpty {
                let name = Platforms.displayName(source) ?? stated
                return Judgement(gap: "the corpus holds no posts from \(name)", evidence: "\(name): no posts in the corpus")
            }
            scope = source
        } else {
            histogram = try self.histogram(key: "corpus") { try PostSourceDays.corpusHistogram(on: connection) }
        }
        if let stated = attribution?.venue {
            let venue = QuoteCoverage.venueName(stated)
            let venueDays = try self.histogram(key: "venue " + venue.lowercased()) {
                var found = try self.days("SELECT id FROM posts INDEXED BY posts_venue WHERE venue = ? COLLATE NOCASE", [.text(venue)])
                let host = QuoteWords.words(in: venue).map(\.folded).joined()
                if found.isEmpty, !host.isEmpty {
                    // An outlet named without its domain ending: `Reuters` for `reuters.com`.
                    found = try self.days(
                        "SELECT id FROM posts INDEXED BY posts_venue WHERE venue >= ? COLLATE NOCASE AND venue < ? COLLATE NOCASE",
                        [.text(host + "."), .text(host + "/")])
                }
                return found
            }
            if venueDays.isEmpty {
                return Judgement(gap: "the corpus holds no posts from \(stated)", evidence: "\(stated): no posts in the corpus")
            }
            // A quiet venue (a subreddit with a post or two a day) has empty days while it is being
            // collected: its source's volume says whether the collector ran.
            if Self.usual(venueDays) >= Self.busyVenue || attribution?.source == nil {
                histogram = venueDays
                scope = stated
            }
        }
        let usual = Self.usual(histogram)
        let total = histogram.values.reduce(0, +)
        let first = histogram.keys.min() ?? 0, last = histogram.keys.max() ?? 0
        let window: (first: Int64, last: Int64, text: String)
        if let date = attribution?.date {
            // The stated day or month itself: the day of tolerance a match allows for time zones
            // shifts a quote by hours, and is not a day the corpus must have collected.
            let start = Self.dayNumber(date.start)
            let end = max(start, Self.dayNumber(date.end - 1))
            window = (start, end, start == end ? "on \(Self.day(start))" : "from \(Self.day(start)) to \(Self.day(end))")
        } else if let dateline {
            let day = Self.dayNumber(dateline.start)
            window = (day - Int64(Self.datelineDays), day - 1, "in the \(Self.datelineDays) days before \(Self.day(day))")
        } else {
            let evidence = "\(scope): \(total) posts from \(Self.day(first)) to \(Self.day(last)), a usual \(usual) a day"
            return Judgement(gap: nil, evidence: evidence)
        }
        let threshold = max(1, Int((Double(usual) * Self.collectedShare).rounded(.up)))
        var posts = 0, collected = 0
        for day in window.first...window.last {
            let count = histogram[day] ?? 0
            posts += count
            if count >= threshold { collected += 1 }
        }
        let days = Int(window.last - window.first + 1)
        let evidence = "\(scope): \(posts) posts \(window.text), collected on \(collected) of \(days) days, against a usual \(usual) a day"
        let covered = collected * 2 >= days && collected > 0
        let collectedWhat = scope == "the corpus" ? "posts" : "\(scope) posts"
        return Judgement(gap: covered ? nil : "the corpus did not collect \(collectedWhat) \(window.text)", evidence: evidence)
    }

    /// The median posts a day over the days with any.
    static func usual(_ histogram: [Int64: Int]) -> Int {
        let counts = histogram.values.sorted()
        return counts.isEmpty ? 0 : counts[counts.count / 2]
    }

    private func histogram(key: String, _ read: () throws -> [Int64: Int]) throws -> [Int64: Int] {
        if let known = histograms[key] { return known }
        let found = try read()
        histograms[key] = found
        return found
    }

    /// Posts per UTC day (days since 1970) of the ids `sql` selects.
    private func days(_ sql: String, _ bindings: [SQLiteValue]) throws -> [Int64: Int] {
        var result: [Int64: Int] = [:]
        try connection.forEachRow(sql, bindings) { row in
            result[Self.dayNumber(row.int64(0) >> Schema.sequenceBits), default: 0] += 1
        }
        return result
    }

    static func day(_ days: Int64) -> String { AttributionComparison.day(days * 86_400) }

    /// The UTC day (days since 1970) holding `seconds`, rounded down as `post_days` keys are:
    /// a second before 1970 is in day -1.
    static func dayNumber(_ seconds: Int64) -> Int64 {
        PostDays.dayStart(seconds) / PostDays.daySeconds
    }

    /// A venue as stored: without `r/`.
    static func venueName(_ stated: String) -> String {
        let trimmed = stated.trimmingCharacters(in: .whitespaces)
        for prefix in ["/r/", "r/"] where trimmed.lowercased().hasPrefix(prefix) { return String(trimmed.dropFirst(prefix.count)) }
        return trimmed
    }
}
