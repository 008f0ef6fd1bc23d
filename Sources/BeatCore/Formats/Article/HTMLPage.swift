import Foundation

/// What a publisher's HTML page says about its article: the metadata in
/// `<meta>` tags, the canonical link and JSON-LD, and the text of the
/// article element (or of the body).
struct HTMLPage {
    var documentTitle: String?
    var lang: String?
    var canonical: String?
    /// `<meta property|name|itemprop=… content=…>`, names lowercased, first value of each.
    var meta: [String: String] = [:]
    /// Meta names in the order first seen, for `raw`.
    var metaOrder: [String] = []
    var jsonLD = JSONLDFacts()
    /// `<time itemprop="datePublished" datetime=…>`.
    var timeDatePublished: String?
    var text = ""

    /// The meta names kept (others, such as viewport or twitter cards, say nothing about the article).
    static let keptMeta: Set<String> = [
        "og:title", "og:url", "og:site_name", "og:locale", "og:type", "article:published_time", "article:modified_time",
        "article:author", "author", "date", "pubdate", "publishdate", "dc.date.issued", "dcterms.created",
        "datepublished", "description", "og:description",
    ]

    init(_ bytes: [UInt8]) {
        var scanner = XMLScanner(bytes, rawTextElements: ["script", "style", "textarea"])
        var regions = ElementRegions()
        var pendingTitle = false
        var pendingJSONLD = false
        while let (token, start, end) = scanner.next() {
            switch token {
            case .startTag(let rawName, let attributes, let selfClosing):
                let name = rawName.lowercased()
                let tag = MarkupElement(name: name, attributes: attributes, offset: start)
                regions.open(name, tag: tag, contentStart: end, selfClosing: selfClosing)
                switch name {
                case "html": lang = tag.attribute("lang") ?? tag.attribute("xml:lang")
                case "meta": readMeta(tag)
                case "link":
                    if canonical == nil, tag.attribute("rel")?.lowercased() == "canonical" { canonical = tag.attribute("href") }
                case "title": pendingTitle = documentTitle == nil && !selfClosing
                case "script": pendingJSONLD = tag.attribute("type")?.lowercased() == "application/ld+json"
                case "time":
                    if timeDatePublished == nil, tag.attribute("itemprop") == "datePublished" {
                        timeDatePublished = tag.attribute("datetime")
                    }
                default: break
                }
            case .endTag(let name):
                regions.close(name.lowercased(), at: start)
                pendingTitle = false
            case .text(let s), .cdata(let s):
                if pendingTitle { documentTitle = (documentTitle ?? "") + s }
                if pendingJSONLD {
                    jsonLD.read(s)
                    pendingJSONLD = false
                }
            case .processingInstruction, .ignorable:
                break
            }
        }
        regions.closeAll(at: bytes.count)
        documentTitle = documentTitle.map { FeedText.singleLine($0) }.flatMap(FeedText.nonEmpty)
        if let range = regions.articleRange(in: bytes) {
            text = HTMLText.plainText(String(decoding: bytes[range], as: UTF8.self))
        }
    }

    private mutating func readMeta(_ tag: MarkupElement) {
        guard let key = (tag.attribute("property") ?? tag.attribute("name") ?? tag.attribute("itemprop"))?.lowercased(),
            Self.keptMeta.contains(key), let content = tag.attribute("content")?.xmlTrimmed, !content.isEmpty,
            meta[key] == nil
        else { return }
        meta[key] = content
        metaOrder.append(key)
    }

    /// The publication date as written and where it came from.
    var published: (value: String, field: String)? {
        let candidates: [(String?, String)] = [
            (meta["article:published_time"], "article:published_time"), (jsonLD.datePublished, "JSON-LD datePublished"),
            (meta["datepublished"], "itemprop datePublished"), (timeDatePublished, "<time itemprop=datePublished>"),
            (meta["date"] ?? meta["pubdate"] ?? meta["publishdate"] ?? meta["dc.date.issued"] ?? meta["dcterms.created"], "meta date"),
        ]
        return candidates.lazy.compactMap { value, field in value.map { ($0, field) } }.first
    }

    /// The byline: meta author, else JSON-LD author, else `article:author` unless it is a profile URL.
    var author: String? {
        if let author = meta["author"] { return author }
        if let author = jsonLD.author { return author }
        if let author = meta["article:author"], !author.hasPrefix("http") { return author }
        return nil
    }

    /// og:title, else JSON-LD headline, else `<title>`, without a trailing
    /// ` | Site` or ` - Site` naming the site.
    var title: String? {
        guard let title = (meta["og:title"] ?? jsonLD.headline ?? documentTitle).map(FeedText.singleLine) else { return nil }
        return Self.removingSiteSuffix(title, site: meta["og:site_name"], host: FeedLinks.host(of: canonical ?? meta["og:url"]))
    }

    static func removingSiteSuffix(_ title: String, site: String?, host: String?) -> String {
        for separator in [" | ", " - ", " – ", " — ", " :: "] {
            guard let range = title.range(of: separator, options: .backwards) else { continue }
            let head = title[..<range.lowerBound].xmlTrimmedLine
            let suffix = title[range.upperBound...].xmlTrimmedLine.lowercased()
            guard !head.isEmpty, !suffix.isEmpty else { continue }
            let squashed = suffix.filter { $0.isLetter || $0.isNumber }
            let siteName = site?.lowercased()
            let label = host?.split(separator: ".").dropLast().last.map(String.init)
            if let siteName, siteName == suffix || siteName.hasPrefix(suffix) || suffix.hasPrefix(siteName) { return head }
            if let label, label.count >= 3, squashed.count >= 3, squashed.contains(label) || label.contains(squashed) { return head }
        }
        return title
    }
}
