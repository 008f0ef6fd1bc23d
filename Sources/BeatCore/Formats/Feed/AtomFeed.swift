/// Atom 1.0 (and the 0.3 names `issued`, `modified`), with relative links
/// resolved against `xml:base` or the feed's own address.
enum AtomFeed {
    static func read(root: MarkupElement, lines: inout LineCounter, into output: RecordOutput) {
        // Core names carry the root's prefix when the feed writes one (`atom:entry`).
        let ns = { (name: String) in root.prefix.map { "\($0):\(name)" } ?? name }
        let selfLink = links(of: root, ns: ns).first { $0.rel == "self" }?.href
        let feedID = root.childText(ns("id"))
        let base =
            root.attribute("xml:base").map { FeedLinks.resolve($0, against: selfLink) }
            ?? selfLink ?? feedID.flatMap { $0.hasPrefix("http") ? $0 : nil }
        let site = alternate(links(of: root, ns: ns)).map { FeedLinks.resolve($0, against: base) }

        var info = FeedChannel()
        info.venue =
            FeedLinks.host(of: site) ?? root.child(ns("title")).map { FeedText.singleLine(FeedText.atom($0)) }.flatMap(FeedText.nonEmpty)
        info.lang = root.attribute("xml:lang")
        info.fallbackDate = root.childText(ns("updated"), ns("modified"))
        info.fallbackDateField = "updated date"
        info.author = authors(of: root, ns: ns)

        for element in root.children(ns("entry")) {
            if output.isCancelled { return }
            let location = RecordLocation(line: lines.line(at: element.offset))
            entry(element, base: base, ns: ns).emit(channel: info, at: location, into: output)
        }
    }

    static func entry(_ element: MarkupElement, base feedBase: String?, ns: (String) -> String) -> FeedItem {
        var item = FeedItem()
        let base = element.attribute("xml:base").map { FeedLinks.resolve($0, against: feedBase) } ?? feedBase
        let link = alternate(links(of: element, ns: ns)).map { FeedLinks.resolve($0, against: base) }
        item.url = element.childText("feedburner:origLink") ?? link
        item.id = element.childText(ns("id")) ?? item.url
        item.title = element.child(ns("title")).map { FeedText.singleLine(FeedText.atom($0)) }.flatMap(FeedText.nonEmpty)
        let content = element.child(ns("content")).flatMap { $0.attribute("src") == nil ? $0 : nil }
        // YouTube puts a video's description in media:group, not in summary.
        let media = element.child("media:group")?.child("media:description") ?? element.child("media:description")
        let body = [content, element.child(ns("summary")), media].compactMap { $0 }
            .first { !$0.text.xmlTrimmed.isEmpty || !$0.elements.isEmpty }
        item.text = body.map(FeedText.atom) ?? ""
        item.author = authors(of: element, ns: ns) ?? element.child(ns("source")).flatMap { authors(of: $0, ns: ns) }
        item.dateFields = "published or updated"
        if let date = element.childText(ns("published"), ns("issued")) {
            item.date = date
            item.dateField = "published"
        } else if let date = element.childText(ns("updated"), ns("modified")) {
            item.date = date
            item.dateField = "updated"
        }
        item.lang = element.attribute("xml:lang") ?? body?.attribute("xml:lang")
        item.raw = FeedRaw.json(element)
        return item
    }

    struct Link {
        var rel: String
        var href: String
        var type: String?
    }

    static func links(of element: MarkupElement, ns: (String) -> String) -> [Link] {
        element.children(ns("link")).compactMap { link in
            guard let href = link.attribute("href")?.xmlTrimmed, !href.isEmpty else { return nil }
            return Link(rel: link.attribute("rel")?.lowercased() ?? "alternate", href: href, type: link.attribute("type"))
        }
    }

    /// The page a feed or entry stands for: `rel="alternate"` (the default),
    /// an HTML one when there are several.
    static func alternate(_ links: [Link]) -> String? {
        let alternates = links.filter { $0.rel == "alternate" }
        return (alternates.first { $0.type?.contains("html") == true } ?? alternates.first)?.href
    }

    /// `author/name` of each author, joined with commas; an author with only an
    /// e-mail address gives the address.
    static func authors(of element: MarkupElement, ns: (String) -> String) -> String? {
        let names = element.children(ns("author")).compactMap { author in
            author.childText(ns("name"), ns("email")) ?? FeedText.nonEmpty(author.text.xmlTrimmed)
        }
        return names.isEmpty ? nil : names.joined(separator: ", ")
    }
}
