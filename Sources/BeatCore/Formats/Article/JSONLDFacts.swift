/// The facts an article page states in JSON-LD (`<script type="application/ld+json">`):
/// the first `datePublished`, `headline` and author name found, at any depth
/// (pages wrap them in arrays and `@graph`s).
struct JSONLDFacts {
    var datePublished: String?
    var headline: String?
    var author: String?

    mutating func read(_ script: String) {
        var text = script.xmlTrimmed
        // Some pages wrap the JSON in an HTML comment or CDATA markers.
        for (open, close) in [("<!--", "-->"), ("//<![CDATA[", "//]]>")] where text.hasPrefix(open) && text.hasSuffix(close) {
            text = String(text.dropFirst(open.count).dropLast(close.count))
        }
        guard let value = try? JSONParser.parse(text) else { return }
        visit(value, depth: 0)
    }

    private mutating func visit(_ value: JSONValue, depth: Int) {
        guard depth < 16 else { return }
        switch value {
        case .array(let items):
            for item in items { visit(item, depth: depth + 1) }
        case .object(let object):
            if datePublished == nil { datePublished = object["datePublished"]?.nonEmptyText }
            if headline == nil { headline = object["headline"]?.string.map(HTMLEntities.decode).flatMap(FeedText.nonEmpty) }
            if author == nil, let value = object["author"] { author = Self.names(value) }
            for member in object.members where member.value.array != nil || member.value.object != nil {
                if member.key != "author" { visit(member.value, depth: depth + 1) }
            }
        default:
            break
        }
    }

    /// `"Name"`, `{"name": …}` or a list of either, joined with commas.
    private static func names(_ value: JSONValue) -> String? {
        let people = value.array ?? [value]
        let names = people.compactMap { person in person.string ?? person["name"]?.nonEmptyText }.filter { !$0.isEmpty }
        return names.isEmpty ? nil : names.joined(separator: ", ")
    }
}
