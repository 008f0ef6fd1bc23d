/// One `app.bsky.feed.post` record with what its container tells about it,
/// turned into a post record. Shared by the AppView and Jetstream readers so
/// that a post reads the same whichever way it arrived.
struct BlueskyPost {
    /// Every Bluesky post gets this venue. A handle's domain names the person
    /// (`shinyakato.dev`), not a place the post was published, and the PDS
    /// host is not in the data; the network, as users know it, is the venue.
    static let venue = "bsky.social"

    /// The post's address; its full text is the stored `sourceID`.
    var uri: ATURI
    /// The record itself: text, createdAt, langs, reply, facets, embed.
    var record: JSONValue
    /// The author's handle, when the container carries a profile.
    var handle: String?
    /// The date to use when `createdAt` is unreadable: `indexedAt` of a view,
    /// `time_us` of a Jetstream event.
    var fallbackDate: JSONValue?
    var likeCount: JSONValue?
    /// The native object the post was read from, stored as `raw`.
    var native: JSONValue

    /// Why a post record cannot be imported.
    struct Problem: Error {
        let reason: String
    }

    func postRecord() throws(Problem) -> PostRecord {
        var text = ""
        if let value = record["text"], !value.isNull {
            guard let string = value.string else { throw Problem(reason: "'text' of \(uri.string) is not a string") }
            text = FacetLinks.expandingShortenedLinks(in: string, facets: record["facets"])
        }
        // createdAt is set by the client and is sometimes malformed; the
        // server's indexedAt (or the event time) is the next best date.
        guard
            let published = record["createdAt"].flatMap(DateParser.seconds(from:))
                ?? fallbackDate.flatMap(DateParser.seconds(from:))
        else {
            let shown = record["createdAt"].map { JSONWriter.serialize($0) } ?? "missing"
            throw Problem(
                reason:
                    "post \(uri.string) has no usable date: createdAt is \(shown) and there is no indexedAt or event time to fall back on")
        }
        // The AppView reports a handle that no longer verifies as `handle.invalid`.
        let knownHandle = handle.flatMap { $0.isEmpty || $0 == "handle.invalid" ? nil : $0 }
        let author = knownHandle ?? uri.authority
        return PostRecord(
            source: SourceKind.bluesky.rawValue,
            sourceID: uri.string,
            venue: Self.venue,
            author: author,
            publishedAt: published,
            text: PlainText.normalize(text),
            url: "https://bsky.app/profile/\(author)/post/\(uri.rkey)",
            parent: record["reply"]?["parent"]?["uri"]?.nonEmptyText,
            thread: record["reply"]?["root"]?["uri"]?.nonEmptyText,
            score: likeCount?.int64,
            lang: record["langs"]?.array?.first?.nonEmptyText,
            raw: JSONWriter.serialize(native))
    }
}
