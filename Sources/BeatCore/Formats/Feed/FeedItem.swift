/// What a feed says once for all of its items.
struct FeedChannel {
    /// The site's host (`example.com`, without `www.`), else the feed's title.
    var venue: String?
    var lang: String?
    /// The feed's own date as written (`lastBuildDate`, Atom `updated`), for items that have none.
    var fallbackDate: String?
    var fallbackDateField = "lastBuildDate"
    /// The feed-level author, which Atom and JSON Feed give to entries that name none.
    var author: String?
    /// The platform a feed of a platform belongs to (Hacker News's RSS, a subreddit's): its
    /// items are that platform's posts, filed under its source and venue rather than `news`.
    var platform: (source: String, venue: String?)?
}

/// Feeds that platforms publish of their own posts, known by the site they link to.
enum PlatformFeed {
    /// The source and venue for a feed whose site is `siteLink`, nil for other sites.
    static func platform(ofSite siteLink: String?) -> (source: String, venue: String?)? {
        guard let siteLink, let host = FeedLinks.host(of: siteLink)?.lowercased() else { return nil }
        if host == "news.ycombinator.com" || host == "hnrss.org" { return ("hackernews", "HN") }
        if host == "reddit.com" || host.hasSuffix(".reddit.com") {
            let parts = siteLink.split(separator: "/")
            let subreddit = parts.firstIndex(of: "r").flatMap { $0 + 1 < parts.count ? String(parts[$0 + 1]) : nil }
            return ("reddit", subreddit)
        }
        return nil
    }

    /// The platform's own id of an item from one of its links (`news.ycombinator.com/item?id=N`,
    /// `reddit.com/r/X/comments/ID/…`), so the item is the same post as in the platform's API data.
    static func itemID(source: String, links: [String?]) -> String? {
        for case let link? in links {
            switch source {
            case "hackernews":
                guard link.contains("news.ycombinator.com/item"), let range = link.range(of: "id=") else { continue }
                let id = link[range.upperBound...].prefix { $0.isNumber }
                if !id.isEmpty { return String(id) }
            case "reddit":
                let parts = link.split(separator: "/")
                if let at = parts.firstIndex(of: "comments"), at + 1 < parts.count { return String(parts[at + 1]) }
            default: continue
            }
        }
        return nil
    }
}

/// One item of a feed, its fields extracted but not yet checked.
struct FeedItem {
    /// guid, Atom id or JSON Feed id.
    var id: String?
    var url: String?
    var title: String?
    var text = ""
    var author: String?
    /// The date as written, and the field it came from, for messages.
    var date: String?
    var dateField = "pubDate"
    /// The fields a date is looked for in, for the message when there is none.
    var dateFields = "pubDate or dc:date"
    var lang: String?
    /// The item as JSON: the native JSON Feed item, or the XML element converted by `FeedRaw`.
    var raw: String?
    /// The item's discussion page (RSS `comments`), where a platform's feed names the post itself.
    var comments: String?

    /// Checks the item and emits it as a `news` record, or rejects it with a reason.
    func emit(channel: FeedChannel, at location: RecordLocation, into output: RecordOutput) {
        var dateText = date
        var field = dateField
        if dateText == nil, let fallback = channel.fallbackDate {
            dateText = fallback
            field = channel.fallbackDateField
        }
        guard let dateText else {
            output.reject(
                at: location, "the item has no date (\(dateFields)) and the feed has no \(channel.fallbackDateField) to fall back on")
            return
        }
        guard let published = output.date(from: .string(dateText)) else {
            output.reject(
                at: location, "\(field) '\(dateText)' is not a date Beat reads (RFC 822 or ISO 8601); use --date-format for other forms")
            return
        }
        let title = title.flatMap { $0.isEmpty ? nil : $0 }
        guard title != nil || !text.isEmpty else {
            output.reject(at: location, "the item has neither a title nor any text")
            return
        }
        // An item with neither guid nor link still gets an id that a re-import
        // reproduces: a hash of what it says.
        var sourceID = id ?? url ?? "sha1-" + SHA1.hex(of: (title ?? "") + "\n" + text)
        if let platform = channel.platform, let platformID = PlatformFeed.itemID(source: platform.source, links: [comments, id, url]) {
            sourceID = platformID
        }
        let record = PostRecord(
            source: channel.platform?.source ?? "news", sourceID: sourceID, venue: channel.platform.map { $0.venue } ?? channel.venue,
            author: author ?? channel.author,
            publishedAt: published, title: title, text: text, url: url,
            lang: (lang ?? channel.lang)?.lowercased(), raw: raw)
        output.emit(record, at: location)
    }
}

/// Line numbers of byte offsets visited in increasing order, counted incrementally.
struct LineCounter {
    let bytes: [UInt8]
    private var offset = 0
    private var line = 1

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// The 1-based line of `target`; offsets must not decrease between calls.
    mutating func line(at target: Int) -> Int {
        let end = min(target, bytes.count)
        while offset < end {
            if bytes[offset] == 0x0A { line += 1 }
            offset += 1
        }
        return line
    }
}
