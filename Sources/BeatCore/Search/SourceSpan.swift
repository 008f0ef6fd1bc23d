import BeatSQLite

/// When a source's posts begin and end in the corpus, and how many it holds: what the
/// corpus covers, so that an empty result or a comparison can say when it reaches
/// beyond the collected posts.
public struct SourceSpan: Sendable, Equatable {
    /// The source (a `SourceKind` raw value).
    public var source: String
    /// Its posts in the corpus.
    public var posts: Int
    /// Unix seconds of its first and newest post.
    public var first: Int64
    /// See `first`.
    public var last: Int64

    /// A `SourceSpan` made of the values given.
    public init(source: String, posts: Int, first: Int64, last: Int64) {
        self.source = source
        self.posts = posts
        self.first = first
        self.last = last
    }

    /// Posts per day over the days from its first post to its newest (at least one day).
    public var postsPerDay: Double {
        Double(posts) / Double(max(1, (last - first + 86_399) / 86_400))
    }

    /// Whether collection looks to have stopped: its newest post is more than a week older
    /// than the corpus's newest, and older than five of its usual gaps between posts
    /// (a source posting weekly is not stopped after ten quiet days).
    public func looksStopped(corpusNewest: Int64) -> Bool {
        let silence = Double(corpusNewest - last)
        let usualGap = 86_400 / max(postsPerDay, 1e-9)
        return silence > 7 * 86_400 && silence > 5 * usualGap
    }

    /// Every source's span, by source name.
    public static func all(in corpus: Corpus) throws -> [SourceSpan] {
        var spans: [SourceSpan] = []
        try corpus.connection.forEachRow(
            "SELECT source, count(*), min(published_at), max(published_at) FROM posts GROUP BY source ORDER BY source"
        ) { row in
            spans.append(SourceSpan(source: row.string(0) ?? "", posts: Int(row.int64(1)), first: row.int64(2), last: row.int64(3)))
        }
        return spans
    }
}

/// Why a window holds fewer posts than it might: the sources it asks for whose collection
/// ends before the window starts, or begins after it ends.
public struct CoverageGap: Sendable, Equatable {
    /// Which end of the window the source does not reach.
    public enum Kind: Sendable, Equatable {
        /// The source's newest post is before the window.
        case endsBefore
        /// The source's first post is after the window's start (it covers part of it, or none).
        case beginsAfter
    }
    /// The source and what it holds.
    public var span: SourceSpan
    /// How it falls short of the window.
    public var kind: Kind

    /// The gaps of `spans` (restricted to `sources` when given) for the window `start ..< end`.
    public static func find(in spans: [SourceSpan], sources: Set<String>? = nil, start: Int64, end: Int64) -> [CoverageGap] {
        spans.compactMap { span in
            if let sources, !sources.contains(span.source) { return nil }
            if span.last < start { return CoverageGap(span: span, kind: .endsBefore) }
            if span.first > start { return CoverageGap(span: span, kind: .beginsAfter) }
            return nil
        }
    }
}

extension CompiledQuery {
    /// The first and last second the query's dates allow (`since:`, `until:`, `on:`), nil
    /// for an unbounded side.
    public var timeBounds: (start: Int64?, end: Int64?) {
        guard let range = idRange else { return (nil, nil) }
        let start = range.lowerBound == Int64.min ? nil : range.lowerBound >> Schema.sequenceBits
        let end = range.upperBound == Int64.max ? nil : (range.upperBound >> Schema.sequenceBits) + 1
        return (start, end)
    }
}
