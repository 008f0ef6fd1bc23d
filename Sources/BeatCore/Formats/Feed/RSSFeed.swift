/// RSS 2.0 (items inside `channel`) and RSS 1.0 / RDF (items beside it, dates in `dc:date`).
enum RSSFeed {
    static func read(root: MarkupElement, lines: inout LineCounter, into output: RecordOutput) {
        let channel = root.child("channel") ?? root.elements.first { $0.localName.lowercased() == "channel" }
        let siteLink = channel?.childText("link")
        var info = FeedChannel()
        info.venue = FeedLinks.host(of: siteLink) ?? channel?.childText("title").map { FeedText.singleLine(HTMLText.plainText($0)) }
        info.platform = PlatformFeed.platform(ofSite: siteLink)
        info.lang = channel?.childText("language", "dc:language") ?? channel?.attribute("xml:lang") ?? root.attribute("xml:lang")
        if let date = channel?.childText("lastBuildDate") {
            info.fallbackDate = date
        } else if let date = channel?.childText("pubDate", "dc:date") {
            info.fallbackDate = date
            info.fallbackDateField = "the channel's pubDate"
        }

        // RSS 2.0 items are children of channel; RSS 1.0 (and 0.90) items are
        // children of the root. An `<item/>` nested inside an item is not one.
        let items = (channel?.children("item") ?? []) + root.elements.filter { $0.localName.lowercased() == "item" }
        for element in items {
            if output.isCancelled { return }
            let location = RecordLocation(line: lines.line(at: element.offset))
            item(element, siteLink: siteLink).emit(channel: info, at: location, into: output)
        }
    }

    static func item(_ element: MarkupElement, siteLink: String?) -> FeedItem {
        var item = FeedItem()
        let guid = element.child("guid")
        let guidText = guid.map { $0.text.xmlTrimmed }.flatMap(FeedText.nonEmpty)
        let link = element.childText("link").map { FeedLinks.resolve($0, against: siteLink) }
        // FeedBurner rewrites `link` to a tracking redirect and keeps the real address in origLink.
        let original = element.childText("feedburner:origLink")
        var url = original ?? link
        if url == nil, let guidText, guid?.attribute("isPermaLink")?.lowercased() != "false",
            guidText.hasPrefix("http://") || guidText.hasPrefix("https://")
        {
            url = guidText
        }
        item.url = url
        item.id = guidText ?? url ?? element.attribute("rdf:about").flatMap(FeedText.nonEmpty)
        item.title = element.child("title").map { FeedText.singleLine(FeedText.html($0)) }.flatMap(FeedText.nonEmpty)
        // The full text when the feed carries it, else the summary.
        let body = ["content:encoded", "yandex:full-text", "description", "dc:description", "media:description"].lazy
            .compactMap { name in element.child(name) }
            .first { !$0.text.xmlTrimmed.isEmpty || !$0.elements.isEmpty }
        item.text = body.map(FeedText.html) ?? ""
        if let creator = element.childText("dc:creator") {
            item.author = creator
        } else if let author = element.childText("author") {
            item.author = FeedLinks.personName(author)
        } else if let author = element.childText("itunes:author") {
            item.author = author
        }
        if let date = element.childText("pubDate") {
            item.date = date
        } else if let date = element.childText("dc:date") {
            item.date = date
            item.dateField = "dc:date"
        }
        item.lang = element.attribute("xml:lang") ?? element.childText("dc:language")
        item.raw = FeedRaw.json(element)
        item.comments = element.childText("comments")
        return item
    }
}
