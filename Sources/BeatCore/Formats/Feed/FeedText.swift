/// Plain text from the elements that carry an item's title and body.
enum FeedText {
    /// An RSS element holding HTML: as CDATA, entity-escaped (decoded once by
    /// the XML scanner, then read as HTML, so `&amp;lt;` ends as `<`), or,
    /// in careless feeds, as unescaped child elements.
    static func html(_ element: MarkupElement) -> String {
        HTMLText.plainText(element.elements.isEmpty ? element.text : element.innerMarkup)
    }

    /// An Atom text construct (`title`, `summary`, `content`): `type="html"`
    /// is escaped HTML, `type="xhtml"` is inline XHTML, and `text` (the
    /// default) is plain text, unless it holds elements after all.
    static func atom(_ element: MarkupElement) -> String {
        let type = element.attribute("type")?.lowercased() ?? "text"
        if type.contains("xhtml") || !element.elements.isEmpty {
            return HTMLText.plainText(element.innerMarkup)
        }
        if type.contains("html") { return HTMLText.plainText(element.text) }
        return PlainText.normalize(element.text)
    }

    /// Nil for empty text, so that absent and empty fields read the same.
    static func nonEmpty(_ text: String?) -> String? {
        guard let text, !text.isEmpty else { return nil }
        return text
    }
}

extension FeedText {
    /// A title on one line: feeds wrap long titles, and a title is never paragraphs.
    static func singleLine(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
