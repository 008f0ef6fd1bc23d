/// Restores the links that Bluesky clients shorten in a post's text.
///
/// The official app writes a long link as `github.com/mozzius/gray...` and
/// keeps the full address only in a link facet over that span; searching the
/// stored text for the address would miss it. A facet's `byteStart`/`byteEnd`
/// are UTF-8 byte offsets (an emoji before the link counts 4), so the text is
/// cut as bytes. Only a span that reads as a shortened form of its facet's URI
/// (its text up to a final `...` or `…` starts the URI, with or without the
/// scheme) is replaced; every other facet leaves the text as the author wrote it.
enum FacetLinks {
    static let linkType = "app.bsky.richtext.facet#link"

    /// `text` with each shortened link span replaced by its facet's full URI.
    static func expandingShortenedLinks(in text: String, facets: JSONValue?) -> String {
        guard let facets = facets?.array, !facets.isEmpty else { return text }
        let bytes = Array(text.utf8)
        var spans: [(start: Int, end: Int, uri: String)] = []
        for facet in facets {
            guard let start = facet["index"]?["byteStart"]?.int64, let end = facet["index"]?["byteEnd"]?.int64,
                start >= 0, start < end, end <= Int64(bytes.count),
                let uri = facet["features"]?.array?.first(where: { $0["$type"]?.string == linkType })?["uri"]?.string
            else { continue }
            spans.append((Int(start), Int(end), uri))
        }
        var output: [UInt8] = []
        var cursor = 0
        for span in spans.sorted(by: { $0.start < $1.start }) where span.start >= cursor {
            // A span that does not fall on character boundaries was computed
            // over some other text; leave it alone.
            guard !isContinuation(bytes[span.start]), span.end == bytes.count || !isContinuation(bytes[span.end]) else { continue }
            let shown = String(decoding: bytes[span.start..<span.end], as: UTF8.self)
            guard isShortened(shown, of: span.uri) else { continue }
            output.append(contentsOf: bytes[cursor..<span.start])
            output.append(contentsOf: span.uri.utf8)
            cursor = span.end
        }
        guard cursor > 0 else { return text }
        output.append(contentsOf: bytes[cursor...])
        return String(decoding: output, as: UTF8.self)
    }

    /// True when `shown` is `uri` cut short and marked with an ellipsis.
    static func isShortened(_ shown: String, of uri: String) -> Bool {
        let stem: Substring
        if shown.hasSuffix("...") {
            stem = shown.dropLast(3)
        } else if shown.hasSuffix("…") {
            stem = shown.dropLast()
        } else {
            return false
        }
        guard !stem.isEmpty, !uri.contains(where: { $0.isWhitespace }) else { return false }
        let withoutScheme = uri.drop(while: { $0 != ":" }).dropFirst().drop(while: { $0 == "/" })
        return (uri.hasPrefix(stem) || withoutScheme.hasPrefix(stem)) && shown != uri && shown != withoutScheme
    }

    private static func isContinuation(_ byte: UInt8) -> Bool { byte & 0xC0 == 0x80 }
}
