/// What `spread TARGET` looks for.
public enum SpreadTarget: Equatable, Sendable {
    /// A post's public id (`reddit:1h3kx9a`): the copies of its text.
    case post(String)
    /// A sentence as quoted: the posts that hold it, edited or not.
    case sentence(String)
    /// A web address: the posts that share it, in any of its forms.
    case link(String)
}

/// One post that carries the target.
public struct SpreadMember: Sendable, Equatable {
    /// The post: id, platform, venue, author and date.
    public var post: PostSummary
    /// The opening of its text, for a reader to recognise it.
    public var excerpt: String
    /// The platform's score (upvotes, likes, favourites), where the format has one.
    public var score: Int64?
    /// Replies stored in the corpus.
    public var replies: Int
    /// Shingle overlap with the origin (Jaccard), 1 for the origin; nil for a shared link.
    public var similarity: Double?
    /// Shingle containment: how much of the shorter of it and the origin the other holds.
    public var containment: Double?
    /// Words of the origin it lacks, and words it adds, in text order, each once (at most `SpreadReport.shownWords`).
    public var removed: [String]
    /// Words it adds to the origin's, in text order, each once.
    public var added: [String]
    /// How many distinct words it lacks and adds in all.
    public var removedCount: Int
    /// How many distinct words it adds in all.
    public var addedCount: Int

    /// Score and replies: how far the post itself carried the text.
    public var reach: Int64 { (score ?? 0) + Int64(replies) }
}

/// Posts of one platform in one stretch of the spread's timeline.
public struct SpreadBucket: Sendable, Equatable {
    /// The platform (`reddit`, `bluesky`, ...).
    public var source: String
    /// Unix seconds: the start of the hour or day.
    public var start: Int64
    /// Posts of that platform in that stretch.
    public var posts: Int
}

/// The answer to `spread TARGET`: every post that carries it, earliest first.
public struct SpreadReport: Sendable, Equatable {
    /// What was looked for, as given.
    public var target: SpreadTarget
    /// The canonical form of a link target.
    public var canonicalLink: String?
    /// Earliest first; the first is the origin.
    public var members: [SpreadMember]
    /// 3,600 (hours) when the spread lasted three days or less, else 86,400 (days).
    public var bucketSeconds: Int64
    /// Per platform and bucket, platforms in order of their first post.
    public var timeline: [SpreadBucket]

    /// The earliest post that carries the target.
    public var origin: SpreadMember? { members.first }

    /// The members that carried it furthest (score and replies), most first, at most five, only those with any.
    public var carriers: [SpreadMember] {
        Array(members.filter { $0.reach > 0 }.sorted { ($0.reach, $1.post.publishedAt) > ($1.reach, $0.post.publishedAt) }.prefix(5))
    }

    /// Platforms in order of their first post, with their post counts.
    public var platforms: [(source: String, posts: Int)] {
        var order: [String] = []
        var counts: [String: Int] = [:]
        for member in members {
            if counts[member.post.source] == nil { order.append(member.post.source) }
            counts[member.post.source, default: 0] += 1
        }
        return order.map { ($0, counts[$0]!) }
    }

    static let shownWords = 6
}

/// One group of copies among a query's matches (`spread QUERY --top N`).
public struct SpreadGroupSummary: Sendable, Equatable {
    /// The group's earliest post.
    public var origin: PostSummary
    /// The opening of the origin's text.
    public var excerpt: String
    /// Members among the query's matches.
    public var matching: Int
    /// Members in the whole corpus.
    public var size: Int
    /// Members per platform (whole group), most first.
    public var sources: [SourceCount]
    /// Unix seconds of the latest member.
    public var latest: Int64

    /// A group summary made of the values given.
    public init(origin: PostSummary, excerpt: String, matching: Int, size: Int, sources: [SourceCount], latest: Int64) {
        self.origin = origin
        self.excerpt = excerpt
        self.matching = matching
        self.size = size
        self.sources = sources
        self.latest = latest
    }
}

/// A count of posts on one platform.
public struct SourceCount: Sendable, Equatable {
    /// The platform.
    public var source: String
    /// Its posts.
    public var posts: Int
    /// A count made of the values given.
    public init(source: String, posts: Int) {
        self.source = source
        self.posts = posts
    }
}

/// A canonical link and who shared it among a query's matches (`links QUERY`).
public struct SharedLink: Sendable, Equatable {
    /// The canonical form of the link.
    public var url: String
    /// Matching posts that share it.
    public var posts: Int
    /// Per platform, most first.
    public var sources: [SourceCount]
    /// The earliest post sharing it.
    public var first: PostSummary
}

/// Raw volume and the same volume with copies collapsed: a group of copies is one voice.
public struct DistinctVolume: Sendable, Equatable {
    /// Matching posts, copies included.
    public var posts: Int
    /// Posts that are not copies of another match, plus one per group of copies.
    public var distinct: Int
    /// Matches that belong to a group of copies.
    public var copies: Int

    /// A volume made of the values given.
    public init(posts: Int, distinct: Int, copies: Int) {
        self.posts = posts
        self.distinct = distinct
        self.copies = copies
    }
}
