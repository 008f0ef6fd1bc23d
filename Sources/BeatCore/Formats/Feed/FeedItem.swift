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

    /// Checks the item and emits it as a `news` record, or rejects it with a reason.
    func emit(channel: FeedChannel, at location: RecordLocation, into output: RecordOutput) {
        var dateText = date
        var field = dateField
        if dateText == nil, let fallback = channel.fallbackDate {
            dateText = fallback
            field = channel.fallbackDateField
        }
        guard let dateText else {
            output.reject(at: location, "the item has no date (\(dateFields)) and the feed has no \(channel.fallbackDateField) to fall back on")
            return
        }
        guard let published = output.date(from: .string(dateText)) else {
            output.reject(at: location, "\(field) '\(dateText)' is not a date Beat reads (RFC 822 or ISO 8601); use --date-format for other forms")
            return
        }
        let title = title.flatMap { $0.isEmpty ? nil : $0 }
        guard title != nil || !text.isEmpty else {
            output.reject(at: location, "the item has neither a title nor any text")
            return
        }
        // An item with neither guid nor link still gets an id that a re-import
        // reproduces: a hash of what it says.
        let sourceID = id ?? url ?? "sha1-" + SHA1.hex(of: (title ?? "") + "\n" + text)
        let record = PostRecord(
            source: "news", sourceID: sourceID, venue: channel.venue, author: author ?? channel.author,
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
