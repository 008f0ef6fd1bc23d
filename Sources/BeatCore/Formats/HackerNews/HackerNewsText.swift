/// Plain text from the HTML of Hacker News items (`<p>` between paragraphs,
/// `<i>`, `<a href>`, `<pre><code>`, entities such as `&#x27;` and `&#x2F;`).
enum HackerNewsText {
    /// The plain text of an item's HTML, with long links written out in full.
    static func plainText(_ html: String) -> String {
        HTMLText.plainText(expandingShortenedLinks(html))
    }

    /// HN shows a long link as `<a href="FULL">first characters...</a>`; the
    /// stored text gets the full address instead, so that searching for the
    /// link finds the post and the text never holds a cut address.
    static func expandingShortenedLinks(_ html: String) -> String {
        guard html.contains("...</a>") else { return html }
        var result = ""
        var rest = Substring(html)
        while let open = rest.firstRange(of: "<a ") {
            guard let tagEnd = rest[open.upperBound...].firstIndex(of: ">"),
                let close = rest[tagEnd...].firstRange(of: "</a>")
            else { break }
            let textStart = rest.index(after: tagEnd)
            let shown = rest[textStart..<close.lowerBound]
            result += rest[..<textStart]
            if shown.hasSuffix("..."), !shown.contains("<"),
                let href = attribute("href", in: rest[open.upperBound..<tagEnd]),
                HTMLEntities.decode(href).hasPrefix(HTMLEntities.decode(String(shown.dropLast(3))))
            {
                result += href
            } else {
                result += shown
            }
            rest = rest[close.lowerBound...]
        }
        result += rest
        return result
    }

    /// The value of a double-quoted attribute (HN writes no other kind).
    private static func attribute(_ name: String, in tag: Substring) -> String? {
        guard let start = tag.firstRange(of: name + "=\"") else { return nil }
        let value = tag[start.upperBound...]
        guard let end = value.firstIndex(of: "\"") else { return nil }
        return String(value[..<end])
    }
}
