/// Bluesky `app.bsky.feed.post` records as the AppView and the repository API
/// return them: `getTimeline`/`getAuthorFeed`/`getListFeed` (`feed`),
/// `getPostThread` (`thread`), `getPosts`/`searchPosts` (`posts`),
/// `listNotifications` (`notifications`), `com.atproto.repo.listRecords`
/// (`records`, and automod captures' `postRecords`), a single post view, or
/// one of these per line.
///
/// Each post is stored under its full at-URI; its author is the handle when
/// the data carries a profile, else the DID from the URI. A repost is stored as
/// the original post, attributed to its own author, never to the reposter.
struct BlueskyReader: JSONRecordReader {
    /// Top-level keys of the responses above: a document holding one of them
    /// is Bluesky data even when it holds no post (an empty page).
    static let containerKeys = ["feed", "thread", "posts", "notifications", "records", "postRecords"]

    func records(in value: JSONValue, at location: RecordLocation, into output: RecordOutput) throws {
        if value["uri"] == nil, value["$type"]?.string == ATURI.postCollection {
            output.reject(
                at: location,
                "a bare app.bsky.feed.post record has no at-URI to identify it; import it as com.atproto.repo.listRecords returns it ({uri, cid, value})"
            )
            return
        }
        if value["ops"] != nil, value["blocks"] != nil {
            output.reject(
                at: location,
                "a firehose commit holds its records only as CAR bytes, which Beat does not decode; import the Jetstream rendering of the stream (--as jetstream) instead"
            )
            return
        }
        var finder = BlueskyPostFinder(output: output)
        if let identity = value["accountMeta"]?["Identity"], let did = identity["DID"]?.string,
            let handle = identity["Handle"]?.nonEmptyText
        {
            finder.handles[did] = handle
        }
        finder.visit(value, at: location)
        let isContainer = Self.containerKeys.contains { value[$0] != nil }
        if !finder.sawPostURI && !isContainer && value.array?.isEmpty != true {
            output.reject(
                at: location,
                "no Bluesky post here: expected an AppView response (feed, thread, posts, notifications), listRecords output (records) or a post view with uri and record"
            )
        }
    }
}
