/// Hacker News through the Algolia API: search responses
/// (`{hits: […], nbHits, …}`), single hits, and `/items/<id>` trees whose
/// `children` nest recursively. Items are stored as source `hackernews` with
/// the same ids as the Firebase API, so an item read from both is one post.
struct AlgoliaReader: JSONRecordReader {
    func records(in value: JSONValue, at location: RecordLocation, into output: RecordOutput) throws {
        var seen = Set<String>()
        walk(value, at: location, seen: &seen, into: output)
    }

    private func walk(_ value: JSONValue, at location: RecordLocation, seen: inout Set<String>, into output: RecordOutput) {
        switch value {
        case .array(let elements):
            for (index, element) in elements.enumerated() {
                if output.isCancelled { return }
                walk(element, at: location.element(index), seen: &seen, into: output)
            }
        case .object(let object):
            if let hits = object["hits"] {
                guard case .array = hits else {
                    output.reject(at: location.member("hits"), "'hits' is not an array")
                    return
                }
                walk(hits, at: location.member("hits"), seen: &seen, into: output)
            } else if object["objectID"] != nil {
                hit(object, at: location, seen: &seen, into: output)
            } else if object["id"] != nil && (object["created_at_i"] != nil || object["children"] != nil) {
                treeItem(object, at: location, seen: &seen, into: output)
            } else {
                output.reject(
                    at: location, "expected an Algolia search response ('hits'), a hit ('objectID') or an /items tree ('id', 'children')")
            }
        default:
            output.reject(at: location, "expected an Algolia hit or item object, found \(JSONWriter.serialize(value).prefix(40))")
        }
    }

    /// One search hit: the text is in `comment_text` or `story_text`. The type
    /// (only in `_tags[0]`) is not needed: a hit without `parent_id` starts a thread.
    private func hit(_ object: JSONObject, at location: RecordLocation, seen: inout Set<String>, into output: RecordOutput) {
        guard let id = object["objectID"]?.nonEmptyText else {
            output.reject(at: location, "the hit has an empty 'objectID'")
            return
        }
        let html = object["comment_text"]?.nonEmptyText ?? object["story_text"]?.nonEmptyText ?? object["text"]?.nonEmptyText
        emit(
            object, id: id, html: html, parent: object["parent_id"]?.nonEmptyText, story: object["story_id"]?.nonEmptyText,
            at: location, seen: &seen, into: output)
    }

    /// One node of an `/items/<id>` tree, then its children. A deleted
    /// comment (no text, no title) is passed over, but its replies are not.
    private func treeItem(_ object: JSONObject, at location: RecordLocation, seen: inout Set<String>, into output: RecordOutput) {
        if let id = object["id"]?.nonEmptyText {
            let html = object["text"]?.nonEmptyText
            if html != nil || object["title"]?.nonEmptyText != nil {
                emit(
                    object, id: id, html: html, parent: object["parent_id"]?.nonEmptyText,
                    story: object["story_id"]?.nonEmptyText, at: location, seen: &seen, into: output)
            }
        } else {
            output.reject(at: location, "the item has an empty 'id'")
        }
        guard let children = object["children"]?.array else { return }
        for (index, child) in children.enumerated() {
            if output.isCancelled { return }
            // Newer search hits list their children by id only; those are not posts here.
            guard case .object(let childObject) = child else { continue }
            treeItem(childObject, at: location.member("children").element(index), seen: &seen, into: output)
        }
    }

    private func emit(
        _ object: JSONObject, id: String, html: String?, parent: String?, story: String?,
        at location: RecordLocation, seen: inout Set<String>, into output: RecordOutput
    ) {
        guard let dateValue = object["created_at_i"].flatMap({ $0.isNull ? nil : $0 }) ?? object["created_at"],
            !dateValue.isNull
        else {
            output.reject(at: location, "HN item \(id) has no 'created_at_i' or 'created_at'")
            return
        }
        guard let published = DateParser.seconds(from: dateValue) else {
            output.reject(at: location, "HN item \(id): \(JSONWriter.serialize(dateValue)) is not a date")
            return
        }
        let item = HackerNewsItem(
            id: id,
            author: object["author"]?.nonEmptyText,
            publishedAt: published,
            title: object["title"]?.nonEmptyText,
            html: html,
            parent: parent,
            story: story,
            score: object["points"]?.int64)
        guard !item.isEmpty else {
            output.reject(at: location, "HN item \(id) has neither text nor title")
            return
        }
        guard seen.insert(id).inserted else { return }
        output.emit(item.record(raw: JSONWriter.serialize(.object(Self.native(object)))), at: location)
    }

    /// The record as read, without what is not part of the item: the
    /// highlighting of the query that found it (a marked-up copy of the text,
    /// different for every search) and nested children, stored as their own posts.
    static func native(_ object: JSONObject) -> JSONObject {
        let dropped: Set<String> = ["_highlightResult", "_snippetResult", "_rankingInfo"]
        return JSONObject(
            members: object.members.filter { member in
                !dropped.contains(member.key)
                    && !(member.key == "children" && member.value.array?.contains { $0.object != nil } == true)
            })
    }
}
