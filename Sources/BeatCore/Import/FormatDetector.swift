/// Tells an input's format from its first bytes, so `import` needs no `--as`
/// for the formats it knows.
enum FormatDetector {
    /// The format of `input`.
    /// - Throws: `ImportError.unknownFormat` with what was seen, when no format fits.
    static func detect(input: InputFile, hasMapping: Bool) throws(ImportError) -> ImportFormat {
        if !input.head.contains(0x0A) { try input.extendHeadThroughFirstLine() }
        let head = input.head
        var start = head.startIndex
        if head.count >= 3, head[start] == 0xEF, head[start + 1] == 0xBB, head[start + 2] == 0xBF { start += 3 }
        while start < head.endIndex, [0x20, 0x09, 0x0A, 0x0D].contains(head[start]) { start += 1 }
        guard start < head.endIndex else { throw .emptyInput(path: input.path) }
        let body = head[start...]
        let lowerPath = input.path.lowercased()
        try refuseJSONScalar(body, input: input, lowerPath: lowerPath)

        switch body.first {
        case UInt8(ascii: "<"):
            let text = String(decoding: body.prefix(4096), as: UTF8.self).lowercased()
            if text.contains("<rss") || text.contains("<feed") || text.contains("<rdf:rdf") || text.contains("<rdf ") {
                return .feed
            }
            if text.contains("<html") || text.contains("<!doctype html") || text.contains("<article") || text.contains("<body") {
                return .article
            }
            // Markdown may open with an HTML comment or tag.
            if lowerPath.hasSuffix(".md") || lowerPath.hasSuffix(".markdown") || lowerPath.hasSuffix(".txt") { return .article }
            throw .unknownFormat(path: input.path, hint: "XML that is not an RSS, RDF or Atom feed")
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            if hasMapping { return .jsonl }
            return try detectJSON(input: input, body: body)
        default:
            if hasMapping && !lowerPath.hasSuffix(".md") && !lowerPath.hasSuffix(".txt") { return .csv }
            if lowerPath.hasSuffix(".csv") || lowerPath.hasSuffix(".tsv") || looksLikeCSVHeader(body) { return .csv }
            return .article
        }
    }

    private static func detectJSON(input: InputFile, body: ArraySlice<UInt8>) throws(ImportError) -> ImportFormat {
        // NDJSON: the first line is a record of its own.
        if JSONLayout.isLineDelimited(body), let newline = body.firstIndex(of: 0x0A),
            let first = try? JSONParser.parse(body[body.startIndex..<newline])
        {
            if let format = classify(first) { return format }
            throw .unknownFormat(path: input.path, hint: "JSON lines with keys \(keyList(first))")
        }
        // A document: classify what the first 64 KiB show of it, parsed leniently
        // by cutting at the last complete member if the document is longer.
        if let document = try? JSONParser.parse(body), let format = classify(document) { return format }
        if let format = classifyByKeys(String(decoding: body, as: UTF8.self)) { return format }
        throw .unknownFormat(path: input.path, hint: "a JSON document of no known shape")
    }

    /// A JSON file holding one string, number, `true`, `false` or `null` has no
    /// posts in it: refused, rather than read as the text of an article.
    private static func refuseJSONScalar(_ body: ArraySlice<UInt8>, input: InputFile, lowerPath: String) throws(ImportError) {
        guard let first = body.first, first != UInt8(ascii: "{"), first != UInt8(ascii: "[") else { return }
        let namedJSON = [".json", ".jsonl", ".ndjson"].contains { lowerPath.hasSuffix($0) }
        let isWhole = input.size.map { $0 <= body.count + 3 } ?? false
        let value = isWhole ? try? JSONParser.parse(body) : nil
        let kind: String?
        switch value {
        case .string?: kind = "a single JSON string"
        case .number?: kind = "a single JSON number"
        case .bool?: kind = "a single JSON true or false"
        case .null?: kind = "JSON null"
        default: kind = namedJSON ? "no JSON object or array" : nil
        }
        // Plain text that happens to be a quoted sentence stays an article unless the name says JSON.
        let isString: Bool = if case .string? = value { true } else { false }
        guard let kind, namedJSON || !isString else { return }
        throw .unknownFormat(path: input.path, hint: "\(kind), which holds no posts; Beat imports JSON objects or arrays of them")
    }

    /// The format of one parsed JSON value, by its keys.
    static func classify(_ value: JSONValue) -> ImportFormat? {
        switch value {
        case .array(let elements):
            guard let first = elements.first else { return nil }
            return classify(first)
        case .object(let object):
            let has = { (key: String) in object[key] != nil }
            if let kind = object["kind"]?.string, has("data") {
                if kind == "Listing" || kind.hasPrefix("t") || kind == "more" { return .reddit }
            }
            if object["json"]?["data"]?["things"] != nil { return .reddit }
            if has("did") && has("time_us") && has("kind") { return .jetstream }
            if has("hits") && (has("nbHits") || has("hitsPerPage") || has("query")) { return .algolia }
            if has("objectID") && (has("created_at_i") || has("_tags")) { return .algolia }
            if has("created_at_i") && has("children") && has("type") { return .algolia }
            if has("feed") && object["feed"]?.array != nil { return .bluesky }
            if has("thread") && object["thread"]?["post"] != nil { return .bluesky }
            if let posts = object["posts"]?.array, posts.first?["uri"] != nil { return .bluesky }
            if let records = object["records"]?.array, records.first?["uri"] != nil { return .bluesky }
            if has("uri") && has("cid") && (has("record") || has("value")) { return .bluesky }
            if object["$type"]?.string == "app.bsky.feed.post" { return .bluesky }
            if has("ancestors") && has("descendants") { return .mastodon }
            if has("account") && has("content") && has("created_at") { return .mastodon }
            if has("subreddit") && (has("body") || has("selftext") || has("title")) && has("created_utc") { return .pushshift }
            if has("by") && has("time") && (has("type") || has("parent") || has("text")) { return .hackernews }
            if has("id") && has("type") && has("time") { return .hackernews }
            if let version = object["version"]?.string, version.contains("jsonfeed") { return .feed }
            if has("source") && has("id") && has("published_at") && (has("text") || has("title")) { return .jsonl }
            return nil
        default:
            return nil
        }
    }

    /// For documents too large to parse from their head: the tell-tale keys.
    private static func classifyByKeys(_ text: String) -> ImportFormat? {
        let markers: [(String, ImportFormat)] = [
            ("\"kind\": \"Listing\"", .reddit), ("\"kind\":\"Listing\"", .reddit),
            ("\"nbHits\"", .algolia), ("\"objectID\"", .algolia),
            ("\"time_us\"", .jetstream),
            ("\"app.bsky.feed.post\"", .bluesky),
            ("\"ancestors\"", .mastodon), ("\"reblogs_count\"", .mastodon),
            ("\"subreddit\"", .pushshift),
            ("jsonfeed.org", .feed),
            ("\"descendants\"", .hackernews),
        ]
        return markers.first { text.contains($0.0) }?.1
    }

    private static func keyList(_ value: JSONValue) -> String {
        let keys = value.object?.keys ?? value.array?.first?.object?.keys ?? []
        return keys.isEmpty ? "none" : keys.prefix(8).joined(separator: ", ") + (keys.count > 8 ? ", …" : "")
    }

    /// A first line of two or more short comma-separated names reads as a CSV header.
    private static func looksLikeCSVHeader(_ body: ArraySlice<UInt8>) -> Bool {
        let firstLine = body.prefix { $0 != 0x0A && $0 != 0x0D }
        let fields = String(decoding: firstLine, as: UTF8.self).split(separator: ",", omittingEmptySubsequences: false)
        guard fields.count >= 2 else { return false }
        return fields.allSatisfy { field in
            let name = field.trimming(anyOf: " ").trimming(anyOf: "\"")
            return !name.isEmpty && name.count <= 40 && !name.contains(" ") || name.split(separator: " ").count <= 3 && !name.isEmpty
        }
    }
}
