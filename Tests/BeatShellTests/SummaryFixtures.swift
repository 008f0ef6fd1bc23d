import BeatCore

/// Hand-built summaries for the summary renderers: an ordinary 30-day beat with a burst, the same
/// with a comparison against the previous 30 days, an empty 48-hour window on an empty corpus
/// (every share a division by zero), and a beat whose every stored text is hostile.
/// Times are written with their ISO 8601 form (computed apart from Beat, with Python's calendar.timegm).
enum SummaryFixtures {
    typealias F = RenderFixtures

    static let day: Int64 = 86_400
    /// 2026-10-22T00:00:00Z ..< 2026-11-21T00:00:00Z.
    static let window = SummaryWindow(start: 1_792_627_200, end: 1_795_219_200)
    /// 2026-09-22T00:00:00Z ..< 2026-10-22T00:00:00Z.
    static let previousWindow = SummaryWindow(start: 1_790_035_200, end: 1_792_627_200)

    static let burstPost = PostSummary(
        id: "hackernews:46601122", source: "hackernews", venue: "HN", author: "pg-fan",
        publishedAt: 1_793_629_860,  // 2026-11-02T14:31:00Z
        title: "Aurora-70B weights leaked", url: "https://news.ycombinator.com/item?id=46601122")

    static let burstQuote = Quote(
        text: "The weights are out, and so is the licence nobody read.", post: burstPost, count: 4,
        alsoIn: ["reddit:1p7aa01", "bluesky:3m7zzq2kq2s2a", "mastodon:115800000000000001"])

    /// 30 days; posts per day rise and fall, day 11 (2026-11-02) is the burst, day 5 is empty.
    static let dailyCounts = [
        31, 28, 35, 40, 38, 0, 29, 33, 36, 41, 44, 198, 100, 83, 39, 35, 30, 28, 33, 37, 36, 34, 31, 29, 30, 32, 35, 38, 12, 19,
    ]
    /// Every post of the corpus per day: an ordinary weekday and weekend rhythm.
    static let dailyCorpus = (0..<30).map { 900 + ($0 % 7 >= 5 ? -250 : 40 * ($0 % 3)) }

    static let buckets: [TimeBucket] = dailyCounts.indices.map { i in
        TimeBucket(
            start: window.start + Int64(i) * day, end: window.start + Int64(i + 1) * day, count: dailyCounts[i],
            corpusCount: dailyCorpus[i], isBurst: i == 11)
    }

    static let burst = Burst(start: 1_793_577_600, end: 1_793_664_000, count: 198, baseline: 34.5, score: 12.75, quote: burstQuote)

    static let sources: [SummaryShare] = [
        SummaryShare(key: "reddit", source: nil, count: 512, share: 512.0 / 1234),
        SummaryShare(key: "hackernews", source: nil, count: 301, share: 301.0 / 1234),
        SummaryShare(key: "bluesky", source: nil, count: 240, share: 240.0 / 1234),
        SummaryShare(key: "mastodon", source: nil, count: 130, share: 130.0 / 1234),
        SummaryShare(key: "news", source: nil, count: 51, share: 51.0 / 1234),
    ]

    static let venues: [SummaryShare] = [
        SummaryShare(key: "LocalLLaMA", source: "reddit", count: 388, share: 388.0 / 1234),
        SummaryShare(key: "HN", source: "hackernews", count: 301, share: 301.0 / 1234),
        SummaryShare(key: "bsky.social", source: "bluesky", count: 201, share: 201.0 / 1234),
        SummaryShare(key: "MachineLearning", source: "reddit", count: 124, share: 124.0 / 1234),
        SummaryShare(key: "hachyderm.io", source: "mastodon", count: 77, share: 77.0 / 1234),
        SummaryShare(key: "mastodon.social", source: "mastodon", count: 53, share: 53.0 / 1234),
        SummaryShare(key: "reuters.com", source: "news", count: 30, share: 30.0 / 1234),
        SummaryShare(key: "theverge.com", source: "news", count: 21, share: 21.0 / 1234),
        SummaryShare(key: nil, source: "bluesky", count: 39, share: 39.0 / 1234),
    ]

    static let terms: [KeyTerm] = [
        KeyTerm(term: "open weights", posts: 402, otherPosts: 61, score: 1893.4),
        KeyTerm(term: "llama", posts: 377, otherPosts: 120, score: 1410.25),
        KeyTerm(term: "licence", posts: 215, otherPosts: 340, score: 512.0),
        KeyTerm(term: "aurora-70b", posts: 190, otherPosts: 3, score: 988.7),
        KeyTerm(term: "fine tuning", posts: 122, otherPosts: 48, score: 301.06),
        KeyTerm(term: "gguf", posts: 88, otherPosts: 0, score: 402.5),
    ]

    static let voices: [Voice] = [
        Voice(author: "em-bee", source: "reddit", posts: 41),
        Voice(author: "田中太郎", source: "hackernews", posts: 17),
        Voice(author: "astro👩‍💻.bsky.social", source: "bluesky", posts: 12),
        Voice(author: "pg-fan", source: "hackernews", posts: 9),
    ]

    static let quotes: [Quote] = [F.quotes[2], F.quotes[0], F.quotes[1], burstQuote]

    static let sentiment = SentimentEstimate(
        positive: 131, neutral: 187, critical: 82, sampleSize: 400, population: 1234,
        method: "lexicon (VADER-style, with negation and intensifiers)")

    static let ordinary: BeatSummary = {
        var s = BeatSummary(
            label: "open-source-ai", query: "\"open weights\" OR llama OR mistral -source:news",
            window: window, volume: SummaryVolume(posts: 1234, lastDay: 19, corpusPosts: 25_880),
            sources: sources, venues: venues, timeline: SummaryTimeline(bucketSize: .day, buckets: buckets, bursts: [burst]),
            terms: terms, voices: voices, quotes: quotes, sentiment: sentiment, comparison: nil)
        // 198 posts are copies in 2 groups: 1,234 posts, 1,038 distinct.
        s.spread = SummarySpread(
            volume: DistinctVolume(posts: 1234, distinct: 1038, copies: 198),
            groups: [
                SpreadGroupSummary(
                    origin: quotes[3].post, excerpt: "The weights are out, and so is the licence nobody read.", matching: 150, size: 152,
                    sources: [SourceCount(source: "bluesky", posts: 90), SourceCount(source: "hackernews", posts: 62)],
                    latest: 1_793_664_000),
                SpreadGroupSummary(
                    origin: quotes[0].post, excerpt: "He said, \"open weights matter\", and left.", matching: 48, size: 48,
                    sources: [SourceCount(source: "reddit", posts: 48)], latest: 1_793_664_000),
            ])
        return s
    }()

    static let comparison = SummaryComparison(
        label: "previous 30 days (2026-09-22 – 2026-10-21)", window: previousWindow, posts: 980,
        risingTerms: [
            TermChange(term: "aurora-70b", before: 0, after: 190), TermChange(term: "open weights", before: 250, after: 402),
            TermChange(term: "gguf", before: 60, after: 88),
        ],
        fallingTerms: [TermChange(term: "mistral", before: 310, after: 140), TermChange(term: "fine tuning", before: 150, after: 122)],
        risingVoices: [VoiceChange(author: "em-bee", source: "reddit", before: 12, after: 41)],
        fallingVoices: [VoiceChange(author: "old-timer", source: "hackernews", before: 30, after: 4)],
        newVoices: [Voice(author: "pg-fan", source: "hackernews", posts: 9), Voice(author: "fresh👋", source: "bluesky", posts: 3)])

    static let compared: BeatSummary = {
        var s = ordinary
        s.comparison = comparison
        return s
    }()

    /// 2026-11-19T00:00:00Z ..< 2026-11-21T00:00:00Z, hourly, on an empty corpus.
    static let empty: BeatSummary = {
        let window = SummaryWindow(start: 1_795_046_400, end: 1_795_219_200)
        let buckets = (0..<48).map { i in
            TimeBucket(
                start: window.start + Int64(i) * 3600, end: window.start + Int64(i + 1) * 3600, count: 0, corpusCount: 0, isBurst: false)
        }
        return BeatSummary(
            label: "zugzwang", query: "zugzwang", window: window, volume: SummaryVolume(posts: 0, lastDay: 0, corpusPosts: 0),
            sources: [], venues: [], timeline: SummaryTimeline(bucketSize: .hour, buckets: buckets, bursts: []), terms: [],
            voices: [], quotes: [], sentiment: nil,
            comparison: SummaryComparison(
                label: "previous 48 hours", window: SummaryWindow(start: window.start - 2 * day, end: window.start), posts: 0,
                risingTerms: [], fallingTerms: [], risingVoices: [], fallingVoices: [], newVoices: []))
    }()

    static let script = "<script>alert(\"x\" & 'y')</script>"

    /// A post whose url is a script: it must never become a link.
    static let scriptPost = PostSummary(
        id: "web:<b>1</b>", source: "web", venue: "evil.example & \"co\"", author: script,
        publishedAt: 1_790_812_800,  // 2026-10-01T00:00:00Z
        title: script, url: "javascript:alert(1)")

    /// Month buckets 2026-06 .. 2026-11, and every stored text hostile: markup, quotes and `&`,
    /// terminal escapes, a bidi override, a very long word, CJK and emoji.
    static let hostile: BeatSummary = {
        let starts: [Int64] = [1_780_272_000, 1_782_864_000, 1_785_542_400, 1_788_220_800, 1_790_812_800, 1_793_491_200, 1_796_083_200]
        let counts = [3, 5, 2, 40, 6, 4]
        let buckets = counts.indices.map { i in
            TimeBucket(start: starts[i], end: starts[i + 1], count: counts[i], corpusCount: 100, isBurst: i == 3)
        }
        let quote = Quote(
            text: script + " \u{1B}[2J & \"quoted\" </blockquote> " + F.longWord, post: scriptPost, count: 1, alsoIn: [], isPartial: true)
        return BeatSummary(
            label: "<b>beat</b> & \"co\"\u{1B}[31m", query: "\"</code>\" OR \u{202E}evil",
            window: SummaryWindow(start: starts[0], end: starts[6]),
            volume: SummaryVolume(posts: 60, lastDay: 1, corpusPosts: 600),
            sources: [
                SummaryShare(key: "web", source: nil, count: 40, share: 40.0 / 60),
                SummaryShare(key: "\u{1B}[5m<i>x</i>", source: nil, count: 20, share: 20.0 / 60),
            ],
            venues: [
                SummaryShare(key: "evil.example & \"co\"", source: "web", count: 40, share: 40.0 / 60),
                SummaryShare(key: F.longWord, source: "\u{1B}[2J<u>", count: 12, share: 12.0 / 60),
                SummaryShare(key: "日本語のフォーラム🚀", source: "web", count: 8, share: 8.0 / 60),
            ],
            timeline: SummaryTimeline(
                bucketSize: .month, buckets: buckets,
                bursts: [Burst(start: starts[3], end: starts[4], count: 40, baseline: 4, score: 9.5, quote: quote)]),
            terms: [
                KeyTerm(term: "<script>", posts: 30, otherPosts: 0, score: 99.5),
                KeyTerm(term: "a & b", posts: 12, otherPosts: 1, score: 20),
                KeyTerm(term: F.longWord, posts: 5, otherPosts: 0, score: 7.25),
            ],
            voices: [
                Voice(author: script, source: "web", posts: 30), Voice(author: "\u{1B}[2J\u{1B}[Hroot", source: "mastodon", posts: 2),
            ],
            quotes: [quote, F.quotes[4], F.quotes[3]],
            sentiment: SentimentEstimate(
                positive: 1, neutral: 0, critical: 59, sampleSize: 60, population: 60, method: "<lexicon> & \"rules\""),
            comparison: SummaryComparison(
                label: "beat <i>other</i> & \"co\"", window: SummaryWindow(start: starts[0], end: starts[6]), posts: 12,
                risingTerms: [TermChange(term: "</table>", before: 1, after: 30)], fallingTerms: [],
                risingVoices: [VoiceChange(author: script, source: "web", before: 0, after: 30)],
                fallingVoices: [], newVoices: [Voice(author: "\u{202E}txt.exe", source: "web", posts: 2)]))
    }()
}
