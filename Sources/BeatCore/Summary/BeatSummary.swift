/// What `summary` reports about a beat (or any query) over a window of time:
/// every figure is a count of stored posts that `count` reproduces, and every
/// quote is a verbatim substring of a stored post with its public id.
public struct BeatSummary: Sendable, Equatable {
    /// What was summarised, as the user named it: `beat open-source-ai` or the query text.
    public var label: String
    /// The compiled query in words (`CompiledQuery.description`).
    public var query: String
    /// The time summarised.
    public var window: SummaryWindow
    /// How many posts match, and their share of the corpus.
    public var volume: SummaryVolume
    /// Posts by source, most first: share is of the beat's posts in the window.
    public var sources: [SummaryShare]
    /// The ten venues with most posts (`key` is the venue, `source` its source).
    public var venues: [SummaryShare]
    /// Posts per bucket of time, and the bursts.
    public var timeline: SummaryTimeline
    /// Words and two-word phrases the beat uses more than the rest of the corpus.
    public var terms: [KeyTerm]
    /// Authors with most posts in the beat.
    public var voices: [Voice]
    /// Sentences central to the beat and different from each other.
    public var quotes: [Quote]
    /// Nil when the window holds no posts.
    public var sentiment: SentimentEstimate?
    /// `--vs previous` or `--vs BEAT`.
    public var comparison: SummaryComparison?
    /// Copies among the posts: distinct voices beside raw volume, and the largest groups.
    public var spread = SummarySpread()

    /// A `BeatSummary` made of the values given.
    public init(
        label: String, query: String, window: SummaryWindow, volume: SummaryVolume, sources: [SummaryShare],
        venues: [SummaryShare], timeline: SummaryTimeline, terms: [KeyTerm], voices: [Voice], quotes: [Quote],
        sentiment: SentimentEstimate?, comparison: SummaryComparison?
    ) {
        self.label = label
        self.query = query
        self.window = window
        self.volume = volume
        self.sources = sources
        self.venues = venues
        self.timeline = timeline
        self.terms = terms
        self.voices = voices
        self.quotes = quotes
        self.sentiment = sentiment
        self.comparison = comparison
    }
}

/// A span of time, `start ..< end` in unix seconds UTC.
public struct SummaryWindow: Sendable, Equatable {
    /// Unix seconds of the first moment in the window.
    public var start: Int64
    /// Unix seconds just after the window (exclusive).
    public var end: Int64
    /// A `SummaryWindow` made of the values given.
    public init(start: Int64, end: Int64) {
        self.start = start
        self.end = end
    }
    /// The window's length in seconds.
    public var seconds: Int64 { end - start }
}

/// The headline numbers.
public struct SummaryVolume: Sendable, Equatable {
    /// The beat's posts in the window.
    public var posts: Int
    /// The beat's posts in the last 24 hours of the window.
    public var lastDay: Int
    /// All posts in the corpus in the window (the denominator of `share`).
    public var corpusPosts: Int
    /// A `SummaryVolume` made of the values given.
    public init(posts: Int, lastDay: Int, corpusPosts: Int) {
        self.posts = posts
        self.lastDay = lastDay
        self.corpusPosts = corpusPosts
    }
    /// The beat's share of all posts in the window, 0...1 (0 for an empty window).
    public var share: Double { corpusPosts == 0 ? 0 : Double(posts) / Double(corpusPosts) }
}

/// One row of a breakdown: a source or a venue with its count.
public struct SummaryShare: Sendable, Equatable {
    /// The source name, or the venue name (nil venue: posts without one).
    public var key: String?
    /// For venues: the source the venue belongs to.
    public var source: String?
    /// Posts from it.
    public var count: Int
    /// Of the beat's posts in the window, 0...1.
    public var share: Double
    /// A `SummaryShare` made of the values given.
    public init(key: String?, source: String?, count: Int, share: Double) {
        self.key = key
        self.source = source
        self.count = count
        self.share = share
    }
}

/// How long one bucket of the timeline is.
public enum BucketSize: String, Sendable, CaseIterable {
    case hour, day, week, month
}

/// Volume over time, in buckets that suit the window's length.
public struct SummaryTimeline: Sendable, Equatable {
    /// How long each bucket is.
    public var bucketSize: BucketSize
    /// Every bucket of the window, empty ones included, oldest first.
    public var buckets: [TimeBucket]
    /// Buckets far above the beat's own baseline, oldest first.
    public var bursts: [Burst]
    /// A `SummaryTimeline` made of the values given.
    public init(bucketSize: BucketSize, buckets: [TimeBucket], bursts: [Burst]) {
        self.bucketSize = bucketSize
        self.buckets = buckets
        self.bursts = bursts
    }
}

/// Posts in one bucket of time.
public struct TimeBucket: Sendable, Equatable {
    /// Unix seconds UTC of the bucket's first second (weeks start on Monday, months on the 1st).
    public var start: Int64
    /// Unix seconds just after the bucket (exclusive).
    public var end: Int64
    /// The beat's posts in the bucket.
    public var count: Int
    /// All posts in the corpus in the bucket.
    public var corpusCount: Int
    /// True when the bucket is part of a burst.
    public var isBurst: Bool
    /// A `TimeBucket` made of the values given.
    public init(start: Int64, end: Int64, count: Int, corpusCount: Int, isBurst: Bool) {
        self.start = start
        self.end = end
        self.count = count
        self.corpusCount = corpusCount
        self.isBurst = isBurst
    }
    /// The beat's share of the bucket's posts, 0...1.
    public var share: Double { corpusCount == 0 ? 0 : Double(count) / Double(corpusCount) }
}

/// A bucket far above the beat's baseline, with what was said in it.
public struct Burst: Sendable, Equatable {
    /// Unix seconds of the burst's first bucket.
    public var start: Int64
    /// Unix seconds just after its last bucket.
    public var end: Int64
    /// Posts in the burst.
    public var count: Int
    /// The typical bucket count the burst is measured against.
    public var baseline: Double
    /// How far above the baseline, in the detector's unit (documented where it is computed).
    public var score: Double
    /// The sentence that best represents the burst's posts.
    public var quote: Quote?
    /// A `Burst` made of the values given.
    public init(start: Int64, end: Int64, count: Int, baseline: Double, score: Double, quote: Quote?) {
        self.start = start
        self.end = end
        self.count = count
        self.baseline = baseline
        self.score = score
        self.quote = quote
    }
}

/// A distinctive word or two-word phrase.
public struct KeyTerm: Sendable, Equatable {
    /// As it would be searched: `weights`, `open weights`.
    public var term: String
    /// Posts of the beat (in the window) containing the term: `count` of the
    /// beat's query AND the term (the phrase, in quotes) gives the same number.
    public var posts: Int
    /// Posts of the rest of the corpus in the window containing it.
    public var otherPosts: Int
    /// The keyness statistic (log-likelihood G2; larger is more distinctive).
    public var score: Double
    /// A `KeyTerm` made of the values given.
    public init(term: String, posts: Int, otherPosts: Int, score: Double) {
        self.term = term
        self.posts = posts
        self.otherPosts = otherPosts
        self.score = score
    }
    /// True for a phrase of several words.
    public var isPhrase: Bool { term.contains(" ") }
}

/// An author and how many of the beat's posts they wrote.
public struct Voice: Sendable, Equatable {
    /// The author as stored.
    public var author: String
    /// The source they posted on most in the beat.
    public var source: String
    /// Their posts in the window.
    public var posts: Int
    /// A `Voice` made of the values given.
    public init(author: String, source: String, posts: Int) {
        self.author = author
        self.source = source
        self.posts = posts
    }
}

/// Shares of positive, neutral and critical posts, from a lexicon scorer on a sample.
public struct SentimentEstimate: Sendable, Equatable {
    /// Sampled posts scored positive.
    public var positive: Int
    /// Sampled posts scored neutral.
    public var neutral: Int
    /// Sampled posts scored critical.
    public var critical: Int
    /// Posts scored (positive + neutral + critical).
    public var sampleSize: Int
    /// The beat's posts in the window the sample was drawn from.
    public var population: Int
    /// How the figures were made, in words, for the label next to them.
    public var method: String
    /// A `SentimentEstimate` made of the values given.
    public init(positive: Int, neutral: Int, critical: Int, sampleSize: Int, population: Int, method: String) {
        self.positive = positive
        self.neutral = neutral
        self.critical = critical
        self.sampleSize = sampleSize
        self.population = population
        self.method = method
    }
}

/// What changed against the previous window or another beat.
public struct SummaryComparison: Sendable, Equatable {
    /// `previous 30 days (2026-09-22 – 2026-10-22)` or `beat ai-geopolitics`.
    public var label: String
    /// The other side's window: the previous one, or this one when the other side is a beat.
    public var window: SummaryWindow
    /// The other side's posts (same query in the previous window, or the other beat in this window).
    public var posts: Int
    /// Terms that rose and fell most (this side's count against the other's).
    public var risingTerms: [TermChange]
    /// Terms used less on this side than on the other.
    public var fallingTerms: [TermChange]
    /// Authors whose post counts rose and fell most.
    public var risingVoices: [VoiceChange]
    /// Authors posting less on this side than on the other.
    public var fallingVoices: [VoiceChange]
    /// Authors with posts here and none on the other side, most posts first.
    public var newVoices: [Voice]
    /// For `--vs previous`: sources with posts in this window whose collection does not
    /// cover the previous one (it began after its start, or ended before it). A change
    /// against a window the corpus does not cover is no change in the discourse.
    public var uncovered: [CoverageGap] = []
    /// True when the other side is covered by the corpus for every source of this side.
    public var isCovered: Bool { uncovered.isEmpty }
    /// A `SummaryComparison` made of the values given.
    public init(
        label: String, window: SummaryWindow, posts: Int, risingTerms: [TermChange], fallingTerms: [TermChange],
        risingVoices: [VoiceChange], fallingVoices: [VoiceChange], newVoices: [Voice]
    ) {
        self.label = label
        self.window = window
        self.posts = posts
        self.risingTerms = risingTerms
        self.fallingTerms = fallingTerms
        self.risingVoices = risingVoices
        self.fallingVoices = fallingVoices
        self.newVoices = newVoices
    }
}

/// A key term's use on both sides of a comparison.
public struct TermChange: Sendable, Equatable {
    /// The term or phrase.
    public var term: String
    /// Posts containing it on the other side (previous window / other beat).
    public var before: Int
    /// Posts containing it on this side.
    public var after: Int
    /// A `TermChange` made of the values given.
    public init(term: String, before: Int, after: Int) {
        self.term = term
        self.before = before
        self.after = after
    }
}

/// An author's posts on both sides of a comparison.
public struct VoiceChange: Sendable, Equatable {
    /// The author as stored.
    public var author: String
    /// The source they posted on most.
    public var source: String
    /// Posts on the other side (the previous window, or the other beat).
    public var before: Int
    /// Posts on this side.
    public var after: Int
    /// A `VoiceChange` made of the values given.
    public init(author: String, source: String, before: Int, after: Int) {
        self.author = author
        self.source = source
        self.before = before
        self.after = after
    }
}

/// The summary's spread section: how much of the volume is the same text posted again.
public struct SummarySpread: Sendable, Equatable {
    /// The window's posts with each group of copies counted once.
    public var volume = DistinctVolume(posts: 0, distinct: 0, copies: 0)
    /// The largest groups with at least two posts in the window, most first.
    public var groups: [SpreadGroupSummary] = []

    /// A spread section made of the values given.
    public init(volume: DistinctVolume = DistinctVolume(posts: 0, distinct: 0, copies: 0), groups: [SpreadGroupSummary] = []) {
        self.volume = volume
        self.groups = groups
    }
}
