/// A post as commands show it: its public id and attribution.
public struct PostSummary: Sendable, Equatable {
    /// `source:source_id`.
    public var id: String
    /// The platform: a `SourceKind` raw value.
    public var source: String
    /// Subreddit, `HN`, instance, feed or outlet.
    public var venue: String?
    /// The author as stored.
    public var author: String?
    /// Unix seconds, UTC.
    public var publishedAt: Int64
    /// The headline or post title, when there is one.
    public var title: String?
    /// Where the post is on the web.
    public var url: String?

    /// A `PostSummary` made of the values given.
    public init(id: String, source: String, venue: String?, author: String?, publishedAt: Int64, title: String?, url: String?) {
        self.id = id
        self.source = source
        self.venue = venue
        self.author = author
        self.publishedAt = publishedAt
        self.title = title
        self.url = url
    }
}

/// A run of text in which some parts matched the query.
public struct HighlightedText: Sendable, Equatable {
    /// A run of text, matched or not.
    public struct Segment: Sendable, Equatable {
        /// The text of the run.
        public var text: String
        /// True when the run matched the query.
        public var isMatch: Bool
        /// A `Segment` made of the values given.
        public init(text: String, isMatch: Bool) {
            self.text = text
            self.isMatch = isMatch
        }
    }

    /// The runs in order.
    public var segments: [Segment]
    /// A `HighlightedText` made of the values given.
    public init(segments: [Segment]) { self.segments = segments }

    /// The text without highlighting.
    public var plain: String { segments.map(\.text).joined() }
}

/// One hit of `search`.
public struct SearchHit: Sendable, Equatable {
    /// The post hit.
    public var post: PostSummary
    /// A short excerpt around the matches (or the start of the text for a filters-only query).
    public var snippet: HighlightedText
    /// bm25 with the title weighted higher; lower is better (as FTS5 returns it). Nil when sorted by date.
    public var rank: Double?
    /// The post's title with the query's matches marked, when the search matched words.
    public var title: HighlightedText?

    /// A `SearchHit` made of the values given.
    public init(post: PostSummary, snippet: HighlightedText, rank: Double?, title: HighlightedText? = nil) {
        self.post = post
        self.snippet = snippet
        self.rank = rank
        self.title = title
    }
}

/// A page of `search` results.
public struct SearchPage: Sendable, Equatable {
    /// The query as the page's header shows it.
    public var query: String
    /// Every post matching the query, not just this page.
    public var total: Int
    /// 0-based position of the first hit in the whole result list.
    public var offset: Int
    /// The hits of this page, in order.
    public var hits: [SearchHit]

    /// A `SearchPage` made of the values given.
    public init(query: String, total: Int, offset: Int, hits: [SearchHit]) {
        self.query = query
        self.total = total
        self.offset = offset
        self.hits = hits
    }
}

/// One row of a `count --by` breakdown.
public struct CountBucket: Sendable, Equatable {
    /// The source, venue or author, or the bucket's first day (`2026-04-13`) or month (`2026-04`).
    public var key: String
    /// Matching posts in the bucket.
    public var count: Int
    /// For a venue: the source it belongs to.
    public var source: String?
    /// A `CountBucket` made of the values given.
    public init(key: String, count: Int, source: String? = nil) {
        self.key = key
        self.count = count
        self.source = source
    }
}

/// A quotable sentence (or short run of sentences) of a post, verbatim.
public struct Quote: Sendable, Equatable {
    /// Exactly as stored in the post's text: a substring of it.
    public var text: String
    /// The post it is attributed to (the earliest, when several posts say the same).
    public var post: PostSummary
    /// How many matching posts contain this same sentence (reposts, cross-posts).
    public var count: Int
    /// The public ids of the other posts that contain it.
    public var alsoIn: [String]
    /// True when `text` is a clause (or run of words) cut from a sentence too
    /// long to quote whole: show it with an ellipsis.
    public var isPartial: Bool
    /// The sentences just before and after the quote in its post (a summary's quotes carry
    /// them), so a sentence the next one qualifies or reverses is read with it. Nil at the
    /// start or end of the post, and for quotes made without context.
    public var before: String?
    /// See `before`.
    public var after: String?
    /// True when `text` is the post's headline (its title, whole), quoted because the query
    /// matched there and nowhere in the post's text.
    public var isHeadline: Bool

    /// A `Quote` made of the values given.
    public init(
        text: String, post: PostSummary, count: Int, alsoIn: [String], isPartial: Bool = false,
        before: String? = nil, after: String? = nil, isHeadline: Bool = false
    ) {
        self.text = text
        self.post = post
        self.count = count
        self.alsoIn = alsoIn
        self.isPartial = isPartial
        self.before = before
        self.after = after
        self.isHeadline = isHeadline
    }
}

/// A full record with its thread context, for `show`.
public struct PostDetail: Sendable, Equatable {
    /// The post's attribution.
    public var post: PostSummary
    /// The post's whole text.
    public var text: String
    /// Votes, points or likes, as the platform counts them.
    public var score: Int64?
    /// The language the platform states, when it does.
    public var lang: String?
    /// Hashtags, flairs or categories.
    public var tags: [String]
    /// The post this one replies to, when it is in the corpus.
    public var parent: PostSummary?
    /// Replies present in the corpus, oldest first.
    public var replies: [PostSummary]
    /// The first post of the thread, when it is in the corpus and is not the parent.
    public var threadRoot: PostSummary?

    /// A `PostDetail` made of the values given.
    public init(
        post: PostSummary, text: String, score: Int64?, lang: String?, tags: [String], parent: PostSummary?,
        replies: [PostSummary], threadRoot: PostSummary?
    ) {
        self.post = post
        self.text = text
        self.score = score
        self.lang = lang
        self.tags = tags
        self.parent = parent
        self.replies = replies
        self.threadRoot = threadRoot
    }
}

/// What the corpus holds from one source and venue: its coverage.
public struct Coverage: Sendable, Equatable {
    /// The source (a `SourceKind` raw value).
    public var source: String
    /// The venue, nil for posts without one.
    public var venue: String?
    /// Posts stored from it.
    public var posts: Int
    /// Unix seconds of its first post.
    public var first: Int64
    /// Unix seconds of its newest post.
    public var last: Int64
    /// A `Coverage` made of the values given.
    public init(source: String, venue: String?, posts: Int, first: Int64, last: Int64) {
        self.source = source
        self.venue = venue
        self.posts = posts
        self.first = first
        self.last = last
    }
}

/// One row of `authors`.
public struct AuthorCount: Sendable, Equatable {
    /// The author as stored.
    public var author: String
    /// The source the author posted on most in the selection.
    public var source: String
    /// Their posts in the selection.
    public var posts: Int
    /// An `AuthorCount` made of the values given.
    public init(author: String, source: String, posts: Int) {
        self.author = author
        self.source = source
        self.posts = posts
    }
}
