/// Finds the posts in one Bluesky JSON value, whatever response it is.
///
/// AppView responses nest post views at many places: `feed[].post`,
/// `feed[].reply.root/parent`, thread `post`/`parent`/`replies` to any depth,
/// `posts[]`, `notifications[]`, and quoted posts inside `embed` views
/// (`record#viewRecord`, also under `recordWithMedia`). Rather than follow each
/// lexicon, the finder walks the whole value and takes every object that *is*
/// a post: an at-URI in the `app.bsky.feed.post` collection together with an
/// `app.bsky.feed.post` record (`record` in views and notifications, `value` in
/// listRecords items and quoted views). Stubs (`notFoundPost`, `blockedPost`),
/// strong references (`{uri, cid}`), likes, follows and reposts carry no post
/// record and are passed over.
struct BlueskyPostFinder {
    let output: RecordOutput
    /// Handles known for DIDs from the document itself (automod captures name
    /// their account in `accountMeta.Identity`); used for records without a view.
    var handles: [String: String] = [:]
    /// Post URIs already met in this document: a post quoted or replied to
    /// several times is emitted once, from its first full copy.
    private(set) var seen: Set<String> = []
    /// True once any post at-URI was met, a stub or reference included.
    private(set) var sawPostURI = false

    init(output: RecordOutput) {
        self.output = output
    }

    mutating func visit(_ value: JSONValue, at location: RecordLocation) {
        switch value {
        case .array(let elements):
            for (index, element) in elements.enumerated() {
                if output.isCancelled { return }
                visit(element, at: location.element(index))
            }
        case .object(let object):
            guard let uri = object["uri"]?.string.flatMap(ATURI.init), uri.isPost else {
                for member in object.members { visit(member.value, at: location.member(member.key)) }
                return
            }
            sawPostURI = true
            guard let record = Self.postRecord(in: object) else { return }
            guard seen.insert(uri.string).inserted else { return }
            take(uri: uri, record: record, object: object, at: location)
            // Quoted posts live in the view's `embed` (PostView) or `embeds` (viewRecord).
            if let embed = object["embed"] { visit(embed, at: location.member("embed")) }
            if let embeds = object["embeds"] { visit(embeds, at: location.member("embeds")) }
        default:
            return
        }
    }

    /// The post record an object carries, under `record` or `value`.
    private static func postRecord(in object: JSONObject) -> JSONValue? {
        for key in ["record", "value"] {
            guard let record = object[key], let fields = record.object else { continue }
            switch fields["$type"]?.string {
            case ATURI.postCollection?: return record
            case nil where fields["text"] != nil || fields["createdAt"] != nil: return record
            default: continue
            }
        }
        return nil
    }

    private func take(uri: ATURI, record: JSONValue, object: JSONObject, at location: RecordLocation) {
        let post = BlueskyPost(
            uri: uri, record: record,
            handle: object["author"]?["handle"]?.string ?? handles[uri.authority],
            fallbackDate: object["indexedAt"],
            likeCount: object["likeCount"],
            native: .object(object))
        do throws(BlueskyPost.Problem) {
            output.emit(try post.postRecord(), at: location)
        } catch {
            output.reject(at: location, error.reason)
        }
    }
}
