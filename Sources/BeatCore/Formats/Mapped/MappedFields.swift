/// Builds post records from inputs of no fixed shape (generic JSONL and CSV):
/// each post field is read from the input field `--map` names, or else from
/// the first of its usual names that the input has.
struct MappedFields: Sendable {
    /// Usual input names for each post field, tried in order when `--map` does not name one.
    static let aliases: [String: [String]] = [
        "id": ["id", "source_id", "objectID", "name", "guid", "uri"],
        "source": ["source", "platform"],
        "venue": ["venue", "subreddit", "community", "outlet", "instance"],
        "author": ["author", "by", "user", "username", "user_name", "screen_name", "handle", "byline"],
        "published_at": ["published_at", "created_utc", "created_at", "date", "time", "timestamp", "published", "pubDate", "datetime"],
        "title": ["title", "headline", "subject"],
        "text": ["text", "body", "selftext", "content", "comment_text", "story_text", "message", "full_text", "description"],
        // A permalink names the post itself; `url` is often the link a post shares.
        "url": ["permalink", "url", "link", "href"],
        "parent": ["parent", "parent_id", "in_reply_to_id"],
        "thread": ["thread", "link_id", "story_id", "thread_id", "root"],
        "score": ["score", "points", "num_points", "ups", "likes"],
        "lang": ["lang", "language"],
        "tags": ["tags", "labels"],
    ]

    let mapping: FieldMapping?

    /// The record for one input row, whose fields `lookup` returns by name or dotted path.
    /// Returns nil after rejecting the row when a required field is missing or bad.
    func record(
        at location: RecordLocation, output: RecordOutput, lookup: (String) -> JSONValue?
    ) -> PostRecord? {
        func value(_ field: String) -> JSONValue? {
            if let path = mapping?[field] { return lookup(path) }
            for name in Self.aliases[field] ?? [] {
                if let found = lookup(name), !found.isNull { return found }
            }
            return nil
        }
        func describe(_ field: String) -> String {
            if let path = mapping?[field] { return "'\(path)' (mapped to \(field))" }
            return "a '\(field)' field (or one of \((Self.aliases[field] ?? []).joined(separator: ", ")); map it with --map \(field)=NAME)"
        }
        let title = value("title")?.nonEmptyText
        // Link posts (Kaggle HN CSV, reddit-top link rows) have a title and no text column.
        guard let text = value("text")?.text ?? (mapping?["text"] == nil && title == nil ? nil : Optional("")) else {
            output.reject(at: location, "no text: expected \(describe("text"))")
            return nil
        }
        guard let dateValue = value("published_at"), let dateText = dateValue.text, !dateText.isEmpty else {
            output.reject(at: location, "no date: expected \(describe("published_at"))")
            return nil
        }
        guard let published = output.date(from: dateValue) else {
            output.reject(
                at: location, "'\(dateText)' is not a date Beat reads; give its pattern with --date-format (for example '%d.%m.%Y %H:%M')")
            return nil
        }
        // Rows without an id get one from their content, so re-importing them is still idempotent.
        let id = value("id")?.nonEmptyText ?? "sha1-" + SHA1.hex(of: "\(published)\u{1F}\(title ?? "")\u{1F}\(text)").prefix(16)
        var tags: [String]?
        if let tagValue = value("tags") {
            if let list = tagValue.array {
                tags = list.compactMap(\.text)
            } else if let text = tagValue.nonEmptyText {
                tags = text.split(separator: ",").map { $0.trimming(anyOf: " ") }
            }
        }
        return PostRecord(
            source: value("source")?.nonEmptyText ?? "",
            sourceID: id,
            // --venue names the venue of every row unless --map says where to find it.
            venue: mapping?["venue"] == nil && output.defaultVenue != nil ? output.defaultVenue : value("venue")?.nonEmptyText,
            author: value("author")?.nonEmptyText,
            publishedAt: published,
            title: title.map(PlainText.normalize),
            text: HTMLText.containsMarkup(text) ? HTMLText.plainText(text) : PlainText.normalize(HTMLEntities.decode(text)),
            url: value("url")?.nonEmptyText,
            parent: value("parent")?.nonEmptyText,
            thread: value("thread")?.nonEmptyText,
            score: value("score")?.int64,
            lang: value("lang")?.nonEmptyText,
            tags: tags)
    }
}
