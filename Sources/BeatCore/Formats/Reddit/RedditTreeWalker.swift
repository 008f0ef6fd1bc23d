/// Walks the things of one JSON value in document order, parents before their
/// replies, emitting each comment or submission once.
struct RedditTreeWalker {
    let output: RecordOutput
    // The same thing can appear twice in one document (pages fetched twice);
    // the first copy is kept.
    private var seen: Set<String> = []

    init(output: RecordOutput) { self.output = output }

    /// Visits a Listing, a thing, an array of either, or a morechildren
    /// answer; false when `value` is none of these.
    mutating func visit(_ value: JSONValue, at location: RecordLocation) -> Bool {
        switch value {
        case .array(let elements):
            for (index, element) in elements.enumerated() {
                if !visit(element, at: location.element(index)) {
                    output.reject(at: location.element(index), "not a Reddit Listing or thing")
                }
            }
            return true
        case .object(let object):
            if let kind = object["kind"]?.string, let data = object["data"] {
                visitThing(kind: kind, data: data, value: value, at: location)
                return true
            }
            if let answer = object["json"]?.object {
                visitMoreChildren(answer, at: location.member("json"))
                return true
            }
            return false
        default:
            return false
        }
    }

    private mutating func visitThing(kind: String, data: JSONValue, value: JSONValue, at location: RecordLocation) {
        if kind == "Listing" {
            let childrenLocation = location.member("data").member("children")
            guard let children = data["children"]?.array else {
                output.reject(at: location, "a Listing without 'data.children'")
                return
            }
            for (index, child) in children.enumerated() {
                let childLocation = childrenLocation.element(index)
                guard let childKind = child["kind"]?.string, let childData = child["data"] else {
                    output.reject(at: childLocation, "not a Reddit thing: expected {\"kind\": …, \"data\": …}")
                    continue
                }
                visitThing(kind: childKind, data: childData, value: child, at: childLocation)
            }
            return
        }
        // `more` stubs, users, subreddits and the like are not posts.
        guard let postKind = RedditThing.Kind(apiKind: kind) else { return }
        guard let object = data.object else {
            output.reject(at: location.member("data"), "\(postKind.noun) 'data' is not an object")
            return
        }
        let replies = object["replies"]
        let nestedReplies = replies?.object != nil
        let raw = nestedReplies ? Self.withoutReplies(value, data: object) : value
        if let record = RedditThing.record(postKind, data: object, raw: raw, at: location, into: output),
            seen.insert("\(kind)_\(record.sourceID)").inserted
        {
            output.emit(record, at: location)
        }
        // `replies` is "" when nobody answered, else a Listing of the answers.
        if let replies, nestedReplies, !visit(replies, at: location.member("data").member("replies")) {
            output.reject(at: location.member("data").member("replies"), "'replies' is neither a Listing nor empty")
        }
    }

    /// `/api/morechildren`: a flat list of things, each naming its parent.
    private mutating func visitMoreChildren(_ answer: JSONObject, at location: RecordLocation) {
        let errors = answer["errors"]?.array ?? []
        guard let things = answer["data"]?["things"]?.array else {
            let reason = errors.isEmpty ? "no 'data.things'" : "Reddit answered with errors \(JSONWriter.serialize(.array(errors)))"
            output.reject(at: location, "a morechildren answer with \(reason)")
            return
        }
        let thingsLocation = location.member("data").member("things")
        for (index, thing) in things.enumerated() where !visit(thing, at: thingsLocation.element(index)) {
            output.reject(at: thingsLocation.element(index), "not a Reddit thing: expected {\"kind\": …, \"data\": …}")
        }
    }

    /// The thing as read but without its nested replies: they are posts of
    /// their own, and keeping them would copy every subtree into each ancestor's `raw`.
    private static func withoutReplies(_ thing: JSONValue, data: JSONObject) -> JSONValue {
        guard let outer = thing.object else { return thing }
        let trimmed = JSONValue.object(JSONObject(members: data.members.filter { $0.key != "replies" }))
        return .object(JSONObject(members: outer.members.map { $0.key == "data" ? (key: "data", value: trimmed) : $0 }))
    }
}
