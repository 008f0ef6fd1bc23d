import BeatSQLite
import Foundation

/// Whether the corpus covers what a story states about a quotation it could
/// not find: its source, its venue and its date. Without coverage, a quote
/// that is not found is `outside_coverage`, not `not_found`: the corpus could
/// not have held it.
///
/// Every answer is a few index lookups (cached per checker). Ids follow
/// publication time, so a first and a last id give the covered dates: the
/// corpus's from the table's own key; a venue's from `posts_venue`, whose
/// entries are ordered by id within a venue; a source's by walking the key
/// from either end to the first post of that source (sources are mixed
/// through time), once `posts_source_id` says there is one. Each extreme is
/// its own statement: SQLite answers a lone min() or max() from an index,
/// but scans for both at once.
final class QuoteCoverage {
    private let connection: Connection
    private var spans: [String: ClosedRange<Int64>?] = [:]

    init(connection: Connection) {
        self.connection = connection
    }

    /// Why the corpus cannot judge a quote with `attribution`, or nil when it covers it.
    func gap(for attribution: StoryAttribution?) throws -> String? {
        guard let attribution else { return nil }
        var span = try corpusSpan(key: "corpus", first: "SELECT min(id) FROM posts", last: "SELECT max(id) FROM posts", [])
        var covering = "the corpus"
        if let stated = attribution.source {
            let source = AttributionComparison.canonicalSource(stated)
            guard try connection.scalar("SELECT 1 FROM posts WHERE source = ? LIMIT 1", [.text(source)]) != nil else {
                return "no \(source) posts in the corpus"
            }
            // The unary + keeps SQLite walking ids rather than sorting the source's index entries.
            span = try corpusSpan(
                key: "source " + source, first: "SELECT id FROM posts WHERE +source = ? ORDER BY id LIMIT 1",
                last: "SELECT id FROM posts WHERE +source = ? ORDER BY id DESC LIMIT 1", [.text(source)])
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
            key: "venue " + venue.lowercased(), first: "SELECT min(id) FROM posts WHERE venue = ? COLLATE NOCASE",
            last: "SELECT max(id) FROM posts WHERE venue = ? COLLATE NOCASE", [.text(venue)])
        {
            return span
        }
        let host = QuoteWords.words(in: venue).map(\.folded).joined()
        guard !host.isEmpty else { return nil }
        // Hosts `name.…` sort between `name.` and `name/` ('/' follows '.').
        let range = "venue >= ? COLLATE NOCASE AND venue < ? COLLATE NOCASE"
        return try corpusSpan(
            key: "host " + host, first: "SELECT min(id) FROM posts WHERE \(range)", last: "SELECT max(id) FROM posts WHERE \(range)",
            [.text(host + "."), .text(host + "/")])
    }

    /// A venue as stored: without `r/`.
    static func venueName(_ stated: String) -> String {
        let trimmed = stated.trimmingCharacters(in: .whitespaces)
        for prefix in ["/r/", "r/"] where trimmed.lowercased().hasPrefix(prefix) { return String(trimmed.dropFirst(prefix.count)) }
        return trimmed
    }

    /// The first and last post id the two statements find, nil when they find none.
    private func corpusSpan(key: String, first: String, last: String, _ bindings: [SQLiteValue]) throws -> ClosedRange<Int64>? {
        if let known = spans[key] { return known }
        var found: ClosedRange<Int64>?
        if let low = try connection.scalar(first, bindings)?.int64Value, let high = try connection.scalar(last, bindings)?.int64Value {
            found = low...high
        }
        spans[key] = .some(found)
        return found
    }
}
