import BeatSQLite

/// Writes posts as Beat's own JSONL, the format `BeatJSONLReader` reads back:
/// keys in the order of the README's example, null fields left out, dates as
/// ISO 8601 UTC, `tags` as an array and `raw` as a string.
enum BeatJSONLWriter {
    /// The posts columns `line(_:)` reads, in order.
    static let columns =
        "p.source, p.source_id, p.venue, p.author, p.published_at, p.title, p.text, p.url, p.parent, p.thread, p.score, p.lang, p.tags, p.raw"

    /// One JSON object, without the line break, from a row of `columns`.
    static func line(_ row: Statement) -> String {
        var out = "{"
        func member(_ key: String, _ json: String) {
            if out.count > 1 { out += ", " }
            out += JSONWriter.quote(key) + ": " + json
        }
        func text(_ key: String, _ column: Int32) {
            if let value = row.string(column) { member(key, JSONWriter.quote(value)) }
        }
        text("id", 1)
        text("source", 0)
        text("venue", 2)
        text("author", 3)
        member("published_at", JSONWriter.quote(CivilTime.iso8601(row.int64(4))))
        text("title", 5)
        member("text", JSONWriter.quote(row.string(6) ?? ""))
        text("url", 7)
        text("parent", 8)
        text("thread", 9)
        if let score = row.optionalInt64(10) { member("score", String(score)) }
        text("lang", 11)
        if let stored = row.string(12) {
            // Re-serialised rather than copied, so that a damaged value cannot break the line.
            member("tags", JSONWriter.stringArray(SearchEngine.tags(stored)))
        }
        text("raw", 13)
        return out + "}"
    }
}
