/// Hacker News items as the Firebase API serves them (`/v0/item/<id>.json`):
/// one item, an array of items, or one per line, including the BigQuery-style
/// exports that quote every value (`"time":"1665929544"`).
///
/// Deleted stubs (`deleted: true`, no text) and user objects are not posts and
/// are passed over; dead items keep their text and are stored.
struct HackerNewsReader: JSONRecordReader {
    func records(in value: JSONValue, at location: RecordLocation, into output: RecordOutput) throws {
        var seen = Set<String>()
        if case .array(let elements) = value {
            for (index, element) in elements.enumerated() {
                if output.isCancelled { return }
                item(element, at: location.element(index), seen: &seen, into: output)
            }
        } else {
            item(value, at: location, seen: &seen, into: output)
        }
    }

    private func item(_ value: JSONValue, at location: RecordLocation, seen: inout Set<String>, into output: RecordOutput) {
        guard case .object(let object) = value else {
            output.reject(
                at: location, "expected an HN item object (id, type, by, time, text …), found \(JSONWriter.serialize(value).prefix(40))")
            return
        }
        let text = object["text"]?.nonEmptyText
        // `true`, or the text "true" in exports that quote every value.
        if object["deleted"]?.text == "true" && text == nil { return }
        // A user (`/v0/user/<name>.json`) has a karma and no type or author.
        if object["type"] == nil && object["by"] == nil && (object["karma"] != nil || object["submitted"] != nil) { return }
        guard let id = object["id"]?.nonEmptyText else {
            output.reject(at: location, "the HN item has no 'id'")
            return
        }
        guard
            let published = output.requiredDate(
                object["time"], at: location, missing: "HN item \(id) has no 'time'",
                unreadable: { "HN item \(id): 'time' \($0) is not epoch seconds" })
        else { return }
        // A poll option names its poll in `poll`, not `parent`.
        let poll = object["poll"]?.nonEmptyText
        let item = HackerNewsItem(
            id: id,
            author: object["by"]?.nonEmptyText,
            publishedAt: published,
            title: object["title"]?.nonEmptyText,
            html: text,
            parent: object["parent"]?.nonEmptyText ?? poll,
            story: object["story_id"]?.nonEmptyText ?? poll,
            score: object["score"]?.int64)
        guard !item.isEmpty else {
            output.reject(at: location, "HN item \(id) has neither text nor title")
            return
        }
        guard seen.insert(id).inserted else { return }
        output.emit(item.record(raw: JSONWriter.serialize(value)), at: location)
    }
}
