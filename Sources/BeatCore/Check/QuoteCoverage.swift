import BeatSQLite
import Foundation

/// Whether the corpus covers what a story states about a quotation it could
/// not find: its source, its venue and its date. Without coverage, a quote
/// that is not found is `outside_coverage`, not `not_found`: the corpus could
/// not have held it.
///
/// Every answer is one index lookup (cached per checker): the first and last
/// post id of a source from `posts_source_id`, of a venue from `posts_venue`,
/// of the corpus from the table's own key. Ids follow publication time, so
/// they give the covered dates.
final class QuoteCoverage {
    private let connection: Connection
    private var spans: [String: ClosedRange<Int64>?] = [:]

    init(connection: Connection) {
        self.connection = connection
    }

    /// Why the corpus cannot judge a quote with `attribution`, or nil when it covers it.
    func gap(for attribution: StoryAttribution?) throws -> String? {
        guard let attribution else { return nil }
        var span = try corpusSpan(key: "corpus", sql: "SELECT min(id), max(id) FROM posts", [])
        var covering = "the corpus"
        if let stated = attribution.source {
            let source = AttributionComparison.canonicalSource(stated)
            span = try corpusSpan(
                key: "source " + source, sql: "SELECT min(id), max(id) FROM posts WHERE source = ?", [.text(source)])
            guard span != nil else { return "no \(source) posts in the corpus" }
            covering = "\(source) posts"
        }
        if let stated = attribution.venue {
            guard let venueSpan = try venueSpan(stated) else { return "no posts from \(stated) in the corpus" }
            span = venueSpan
            covering = "posts from \(stated)"
        }
        if let date = attribution.date, let span {
            let first = span.lowerBound >> Schema.sequenceBits, last = span.upperBound >> Schema.sequenceBits
            let tolerance = AttributionComparison.dateTolerance
            if date.end + tolerance <= first || date.start - tolerance > last {
                return "\(date.text) is outside the corpus's \(covering) ("
                    + "\(AttributionComparison.day(first)) to \(AttributionComparison.day(last)))"
            }
        }
        return nil
    }

    /// The ids of the posts from a venue as a story names it: stored as
    /// named (without `r/`), or an outlet's host named without its domain
    /// ending (`Reuters`, `The Register`: `reuters.com`, `theregister.com`).
    private func venueSpan(_ stated: String) throws -> ClosedRange<Int64>? {
        let venue = Self.venueName(stated)
        if let span = try corpusSpan(
            key: "venue " + venue.lowercased(), sql: "SELECT min(id), max(id) FROM posts WHERE venue = ? COLLATE NOCASE",
            [.text(venue)])
        {
            return span
        }
        let host = QuoteWords.words(in: venue).map(\.folded).joined()
        guard !host.isEmpty else { return nil }
        // Hosts `name.…` sort between `name.` and `name/` ('/' follows '.').
        return try corpusSpan(
            key: "host " + host,
            sql: "SELECT min(id), max(id) FROM posts WHERE venue >= ? COLLATE NOCASE AND venue < ? COLLATE NOCASE",
            [.text(host + "."), .text(host + "/")])
    }

    /// A venue as stored: without `r/`.
    static func venueName(_ stated: String) -> String {
        let trimmed = stated.trimmingCharacters(in: .whitespaces)
        for prefix in ["/r/", "r/"] where trimmed.lowercased().hasPrefix(prefix) { return String(trimmed.dropFirst(prefix.count)) }
        return trimmed
    }

    /// The first and last post id the statement finds, nil when it finds none.
    private func corpusSpan(key: String, sql: String, _ bindings: [SQLiteValue]) throws -> ClosedRange<Int64>? {
        if let known = spans[key] { return known }
        var found: ClosedRange<Int64>?
        try connection.forEachRow(sql, bindings) { row in
            if !row.isNull(0) && !row.isNull(1) { found = row.int64(0)...row.int64(1) }
        }
        spans[key] = .some(found)
        return found
    }
}
