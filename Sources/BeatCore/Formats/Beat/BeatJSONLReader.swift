/// Beat's own JSONL: one post per line with the post record's field names
/// (`id` for the platform id), as `export` and the benchmark generator write it.
struct BeatJSONLReader: JSONRecordReader {
    var isLineBased: Bool { true }

    static let knownKeys: Set<String> = [
        "id", "source", "venue", "author", "published_at", "title", "text", "url", "parent", "thread", "score", "lang",
        "tags", "raw",
    ]

    func records(in value: JSONValue, at location: RecordLocation, into output: RecordOutput) throws {
        guard case .object(let object) = value else {
            output.reject(at: location, "expected a JSON object with the post fields (id, source, published_at, text …)")
            return
        }
        guard let id = object["id"]?.nonEmptyText else {
            output.reject(at: location, "missing 'id' (the platform's id of the post)")
            return
        }
        guard
            let published = output.requiredDate(
                object["published_at"], at: location, missing: "missing 'published_at'",
                unreadable: {
                    "'published_at' \($0) is not a date Beat reads (ISO 8601, RFC 822 or epoch seconds); use --date-format for other forms"
                },
                honouringDateFormat: true)
        else { return }
        guard let textValue = object["text"] else {
            output.reject(at: location, "missing 'text'")
            return
        }
        guard textValue.isNull || textValue.string != nil else {
            output.reject(at: location, "'text' must be a string")
            return
        }
        var tags: [String]?
        if let tagValue = object["tags"], !tagValue.isNull {
            guard let list = tagValue.array, list.allSatisfy({ $0.string != nil }) else {
                output.reject(at: location, "'tags' must be an array of strings")
                return
            }
            tags = list.compactMap(\.string)
        }
        // Fields Beat has no column for are kept with the record, not dropped.
        var raw = object["raw"]?.string
        if raw == nil, object.members.contains(where: { !Self.knownKeys.contains($0.key) }) {
            raw = JSONWriter.serialize(value)
        }
        let record = PostRecord(
            source: object["source"]?.nonEmptyText ?? "",
            sourceID: id,
            venue: object["venue"]?.nonEmptyText,
            author: object["author"]?.nonEmptyText,
            publishedAt: published,
            title: object["title"]?.nonEmptyText.map(PlainText.normalize),
            text: PlainText.normalize(textValue.string ?? ""),
            url: object["url"]?.nonEmptyText,
            parent: object["parent"]?.nonEmptyText,
            thread: object["thread"]?.nonEmptyText,
            score: object["score"]?.int64,
            lang: object["lang"]?.nonEmptyText,
            tags: tags,
            raw: raw)
        output.emit(record, at: location)
    }
}
