/// A post as Beat stores it, whatever platform it came from.
///
/// Its public id is `source:sourceID` (e.g. `hackernews:8863`), and
/// `(source, sourceID)` identifies it across imports.
public struct PostRecord: Sendable, Equatable {
    /// The platform: a `SourceKind` raw value.
    public var source: String
    /// The platform's own id (Reddit base36 id, HN item id, at-URI, status id …).
    public var sourceID: String
    /// Subreddit, `HN`, Bluesky or Mastodon instance, feed or outlet.
    public var venue: String?
    /// The author's handle or name as the platform gives it.
    public var author: String?
    /// Unix seconds, UTC.
    public var publishedAt: Int64
    /// The headline or post title, when the post has one.
    public var title: String?
    /// Plain text: markup removed, entities decoded, paragraphs separated by a blank line.
    public var text: String
    /// Where the post is on the web.
    public var url: String?
    /// The `sourceID` of the post this one answers, on the same platform.
    public var parent: String?
    /// The `sourceID` of the first post of the thread.
    public var thread: String?
    /// Votes, points or likes, as the platform counts them.
    public var score: Int64?
    /// The language the platform states (BCP 47), when it does.
    public var lang: String?
    /// Hashtags, flairs or categories.
    public var tags: [String]?
    /// The native record as read, kept when it holds more than the fields above.
    public var raw: String?
    /// Line (or record number) in the input it came from.
    public var originLine: Int?

    /// A `PostRecord` made of the values given.
    public init(
        source: String, sourceID: String, venue: String? = nil, author: String? = nil, publishedAt: Int64,
        title: String? = nil, text: String, url: String? = nil, parent: String? = nil, thread: String? = nil,
        score: Int64? = nil, lang: String? = nil, tags: [String]? = nil, raw: String? = nil, originLine: Int? = nil
    ) {
        self.source = source
        self.sourceID = sourceID
        self.venue = venue
        self.author = author
        self.publishedAt = publishedAt
        self.title = title
        self.text = text
        self.url = url
        self.parent = parent
        self.thread = thread
        self.score = score
        self.lang = lang
        self.tags = tags
        self.raw = raw
        self.originLine = originLine
    }

    /// `source:sourceID`.
    public var publicID: String { "\(source):\(sourceID)" }
}
