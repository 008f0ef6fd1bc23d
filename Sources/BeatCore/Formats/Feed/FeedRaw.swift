/// The `raw` of a feed item: XML has no native JSON form, so the item element
/// is converted to a JSON object that keeps everything it holds.
///
/// Each child element appears under its name as written (`dc:creator`,
/// `content:encoded`), in first-seen order, repeated names as an array
/// (`category`). An element with only text is its text; one with attributes
/// or children is an object with `@name` for each attribute, its children,
/// and `#text` for its text. Markup content (Atom `type="xhtml"`, or text
/// mixed with elements) is kept as one string under `#markup`.
enum FeedRaw {
    static func json(_ element: MarkupElement) -> String {
        JSONWriter.serialize(value(of: element))
    }

    static func value(of element: MarkupElement) -> JSONValue {
        let children = element.elements
        if element.attributes.isEmpty && children.isEmpty { return .string(element.text) }
        var members: [(key: String, value: JSONValue)] = element.attributes.map { ("@" + $0.name, .string($0.value)) }
        if children.isEmpty {
            let text = element.text
            if !text.isEmpty { members.append(("#text", .string(text))) }
        } else if isMarkup(element) {
            members.append(("#markup", .string(element.innerMarkup)))
        } else {
            var order: [String] = []
            var groups: [String: [JSONValue]] = [:]
            for child in children {
                if groups[child.name] == nil { order.append(child.name) }
                groups[child.name, default: []].append(value(of: child))
            }
            for name in order {
                let values = groups[name] ?? []
                members.append((name, values.count == 1 ? values[0] : .array(values)))
            }
        }
        return .object(JSONObject(members: members))
    }

    private static func isMarkup(_ element: MarkupElement) -> Bool {
        if element.attribute("type")?.lowercased().contains("xhtml") == true { return true }
        return element.children.contains { node in
            if case .text(let s) = node { return !s.xmlTrimmed.isEmpty }
            return false
        }
    }
}
