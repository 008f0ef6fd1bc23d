/// Turns a Reddit comment (`t1`) or submission (`t3`) into a post record,
/// from the fields of an API thing's `data`, which Pushshift dump lines share.
enum RedditThing {
    enum Kind {
        case comment, submission

        /// The kind named by an API thing (`t1`, `t3`), or nil for any other kind.
        init?(apiKind: String) {
            switch apiKind {
            case "t1": self = .comment
            case "t3": self = .submission
            default: return nil
            }
        }

        var noun: String { self == .comment ? "comment" : "submission" }
    }

    /// The post record for `data`, keeping `raw` as its native form; nil after
    /// rejecting the record when its id, date or text is missing.
    static func record(
        _ kind: Kind, data: JSONObject, raw: JSONValue, at location: RecordLocation, into output: RecordOutput
    ) -> PostRecord? {
        guard let id = data["id"]?.nonEmptyText ?? data["name"]?.nonEmptyText.map(RedditText.id(fromFullname:)) else {
            output.reject(at: location, "\(kind.noun) without an 'id'")
            return nil
        }
        // `created` is in the server's zone in old API versions; only `created_utc` is UTC.
        guard let dateValue = data["created_utc"], !dateValue.isNull else {
            output.reject(at: location, "\(kind.noun) \(id) has no 'created_utc'")
            return nil
        }
        // Always epoch seconds (number or numeric string), so `--date-format` does not apply.
        guard let published = DateParser.seconds(from: dateValue) else {
            output.reject(at: location, "\(kind.noun) \(id): 'created_utc' \(JSONWriter.serialize(dateValue)) is not epoch seconds")
            return nil
        }
        let subreddit = data["subreddit"]?.nonEmptyText
        var record = PostRecord(
            source: SourceKind.reddit.rawValue, sourceID: id, venue: subreddit, author: author(data["author"]),
            publishedAt: published, text: "", score: (data["score"] ?? data["ups"])?.int64,
            raw: JSONWriter.serialize(raw))
        let permalink = data["permalink"]?.string.flatMap(RedditPermalink.absolute)

        switch kind {
        case .comment:
            guard let body = data["body"]?.string else {
                output.reject(at: location, "comment \(id) has no 'body'")
                return nil
            }
            // `[deleted]` and `[removed]` bodies are kept: they are what Reddit shows.
            record.text = PlainText.normalize(RedditText.unescape(body))
            record.parent = data["parent_id"]?.nonEmptyText.map(RedditText.id(fromFullname:))
            record.thread = data["link_id"]?.nonEmptyText.map(RedditText.id(fromFullname:))
            record.url = permalink ?? record.thread.map { RedditPermalink.comment(id: id, thread: $0, subreddit: subreddit) }
        case .submission:
            guard let title = data["title"]?.text else {
                output.reject(at: location, "submission \(id) has no 'title'")
                return nil
            }
            let plainTitle = PlainText.normalize(RedditText.unescape(title))
            record.title = plainTitle.isEmpty ? nil : plainTitle
            // Link posts have an empty selftext; the link itself stays in `raw` (`url`).
            record.text = PlainText.normalize(RedditText.unescape(data["selftext"]?.string ?? ""))
            record.thread = id
            record.url = permalink ?? RedditPermalink.submission(id: id, subreddit: subreddit)
        }
        return record
    }

    /// The author's name; nil for deleted accounts, which Reddit shows as `[deleted]`.
    private static func author(_ value: JSONValue?) -> String? {
        guard let name = value?.nonEmptyText, name != "[deleted]" else { return nil }
        return name
    }
}
