import Foundation

/// Links and names as feeds write them.
enum FeedLinks {
    /// `href` made absolute against `base` (Atom `xml:base`, the feed's own
    /// address or the channel link); left as written when either does not parse.
    static func resolve(_ href: String, against base: String?) -> String {
        guard let base, !href.hasPrefix("http://"), !href.hasPrefix("https://"),
            let baseURL = URL(string: base), baseURL.scheme != nil,
            let url = URL(string: href, relativeTo: baseURL)
        else { return href }
        return url.absoluteString
    }

    /// The host of a URL, lowercased and without a leading `www.`, or nil.
    static func host(of url: String?) -> String? {
        guard let url, let host = URL(string: url.xmlTrimmed)?.host, !host.isEmpty else { return nil }
        let lower = host.lowercased()
        return lower.hasPrefix("www.") ? String(lower.dropFirst(4)) : lower
    }

    /// The name in an RSS `author`, which the spec makes an e-mail address:
    /// `x@example.com (Jo Writer)` and `Jo Writer <x@example.com>` give the name;
    /// a bare address is kept, being the only byline there is.
    static func personName(_ author: String) -> String {
        let text = author.xmlTrimmed
        if text.hasSuffix(")"), let open = text.lastIndex(of: "("), text[..<open].contains("@") {
            let name = text[text.index(after: open)..<text.index(before: text.endIndex)].trimmingCharacters(in: .whitespaces)
            if !name.isEmpty { return name }
        }
        if text.hasSuffix(">"), let open = text.lastIndex(of: "<"), text[open...].contains("@") {
            let name = text[..<open].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            if !name.isEmpty { return name }
        }
        return text
    }
}
