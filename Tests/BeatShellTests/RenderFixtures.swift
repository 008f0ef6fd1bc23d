import BeatCore

/// Hand-built results with the text renderers find hard: accents, CJK, emoji sequences, a very
/// long word, a 3,000-character text, quotes and commas, and hostile control sequences.
/// Times are written with their ISO 8601 form (computed apart from Beat, with Python's calendar.timegm).
enum RenderFixtures {
    static let aurora = PostSummary(
        id: "reddit:1p49idc", source: "reddit", venue: "LocalLLaMA", author: "em-bee",
        publishedAt: 1_776_244_860,  // 2026-04-15T09:21:00Z
        title: "Aurora-70B is out: café talk in Zürich, naïve benchmarks",
        url: "https://www.reddit.com/r/LocalLLaMA/comments/1p49idc/")

    static let tanaka = PostSummary(
        id: "hackernews:46510410", source: "hackernews", venue: "HN", author: "田中太郎",
        publishedAt: 1_769_090_709,  // 2026-01-22T14:05:09Z
        title: "日本語の大規模言語モデルが公開された", url: "https://news.ycombinator.com/item?id=46510410")

    static let rocket = PostSummary(
        id: "bluesky:3m66e256mndz4", source: "bluesky", venue: "bsky.social", author: "astro👩‍💻.bsky.social",
        publishedAt: 1_772_366_400,  // 2026-03-01T12:00:00Z
        title: nil, url: "https://bsky.app/profile/astro.bsky.social/post/3m66e256mndz4")

    static let reuters = PostSummary(
        id: "news:technology/us-tightens-ai-chip-export-controls-2026-01-22", source: "news", venue: "reuters.com",
        author: "Karen Freifeld, \"Reuters\"",
        publishedAt: 1_769_090_709,  // 2026-01-22T14:05:09Z
        title: "U.S. tightens \"AI chip\" export controls, again",
        url: "https://www.reuters.com/technology/us-tightens-ai-chip-export-controls-2026-01-22/")

    /// Every field a terminal attack: clear screen, cursor home, a bidi override, a C1 CSI.
    static let hostile = PostSummary(
        id: "mastodon:115723043026815797", source: "mastodon", venue: "hachyderm.io", author: "\u{1B}[2J\u{1B}[Hroot",
        publishedAt: 1_772_321_400,  // 2026-02-28T23:30:00Z
        title: "\u{202E}txt.exe\u{202C} \u{9B}31mred", url: "https://hachyderm.io/@x/115723043026815797")

    /// No venue, author, title or url.
    static let bare = PostSummary(
        id: "mastodon:115732752344248424", source: "mastodon", venue: nil, author: nil,
        publishedAt: 1_776_189_753,  // 2026-04-14T18:02:33Z
        title: nil, url: nil)

    static let longWord = String(repeating: "Supercalifragilistic", count: 8)

    /// Exactly 3,000 characters: paragraphs of accented, CJK and quoted words, a paragraph break and a long URL.
    static let longText: String = {
        let sentence = "The committee heard évidence from Zürich and 東京 about open weights, licences and \"compute\" thresholds. "
        var text = String(repeating: sentence, count: 12) + "\n\nSee https://example.org/" + longWord + " for the record. "
        while text.count < 3000 { text += sentence }
        return String(text.prefix(3000))
    }()

    static func text(_ parts: [(String, Bool)]) -> HighlightedText {
        HighlightedText(segments: parts.map { HighlightedText.Segment(text: $0.0, isMatch: $0.1) })
    }

    static let hits: [SearchHit] = [
        SearchHit(
            post: aurora,
            snippet: text([
                ("…the new ", false), ("open weights", true),
                (
                    " model from the café in Zürich beats naïve baselines; see https://example.org/aurora_70b?x=1&y=2 for the numbers, the prompts and the evaluation harness…",
                    false
                ),
            ]), rank: -7.25),
        SearchHit(post: tanaka, snippet: text([("東京の研究所が", false), ("オープン", true), ("な重みを公開した。性能は🚀", false)]), rank: -6.5),
        SearchHit(
            post: rocket, snippet: text([("just shipped 🚀👩‍💻🇩🇪 ", false), ("open", true), (" ", false), ("weights", true), ("!!! ❤️", false)]),
            rank: -3.125),
        SearchHit(
            post: reuters, snippet: text([("He said, \"", false), ("open weights", true), ("\" matter, 5,000 chips, \"quoted\"", false)]),
            rank: -0.000001),
        SearchHit(
            post: hostile,
            snippet: text([
                ("\u{1B}[31mred\u{1B}[0m ", false), ("open", true),
                (" \u{1B}]8;;http://evil\u{07}click\u{1B}]8;;\u{07} \u{202E}evil\u{2066} \r\n second line\tTab", false),
            ]), rank: -1.5),
        SearchHit(post: bare, snippet: text([(longWord + " ", false), ("weights", true)]), rank: nil),
    ]

    static let page = SearchPage(query: "\"open weights\" source:reddit,bluesky", total: 1234, offset: 0, hits: hits)
    static let laterPage = SearchPage(query: "weights", total: 26, offset: 20, hits: Array(hits.prefix(2)))
    static let emptyPage = SearchPage(query: "zxqv", total: 0, offset: 0, hits: [])

    static let crossPosted =
        "The U.S. will require licences for any AI data center with more than 50,000 advanced chips outside a list of close allies, the Commerce Department said on Thursday."

    static let quotes: [Quote] = [
        Quote(text: crossPosted, post: reuters, count: 3, alsoIn: ["bluesky:3m67e6btaaq7i", "mastodon:115732752344248424"]),
        Quote(text: "東京の研究所がオープンな重みを公開した。", post: tanaka, count: 1, alsoIn: []),
        Quote(text: "He said, \"open weights matter\", and left.", post: aurora, count: 1, alsoIn: []),
        Quote(text: "just shipped 🚀👩‍💻🇩🇪 open weights!!! ❤️", post: rocket, count: 1, alsoIn: []),
        Quote(text: "\u{1B}[2J wipe \u{202E}reversed\u{202C} *not bold* [link](x)", post: hostile, count: 1, alsoIn: []),
        Quote(text: longText, post: bare, count: 2, alsoIn: ["reddit:nqky4bv"]),
    ]

    static let detail = PostDetail(
        post: aurora, text: longText, score: 412, lang: "en", tags: ["open-source-ai", "benchmarks"], parent: tanaka,
        replies: [rocket, hostile, bare], threadRoot: reuters)

    static let bareDetail = PostDetail(
        post: bare, text: "Short reply.\nSecond line.", score: nil, lang: nil, tags: [], parent: nil, replies: [], threadRoot: nil)

    static let coverage: [Coverage] = [
        // 2025-11-20 .. 2026-11-20T23:59:59Z
        Coverage(source: "reddit", venue: "LocalLLaMA", posts: 40, first: 1_763_596_800, last: 1_795_219_199),
        Coverage(source: "reddit", venue: "日本語", posts: 3, first: 1_769_090_709, last: 1_776_244_860),
        Coverage(source: "hackernews", venue: "HN", posts: 84, first: 1_763_596_800, last: 1_776_189_753),
        Coverage(source: "mastodon", venue: nil, posts: 1, first: 1_772_321_400, last: 1_772_321_400),
        Coverage(source: "news", venue: "reuters.com, \"wire\"", posts: 1_234_567, first: 1_769_090_709, last: 1_772_366_400),
        Coverage(source: "web", venue: "\u{1B}[5mblink", posts: 2, first: 1_772_366_400, last: 1_776_325_500),  // last 2026-04-16T07:45:00Z
    ]

    static let authors: [AuthorCount] = [
        AuthorCount(author: "em-bee", source: "reddit", posts: 12_345),
        AuthorCount(author: "田中太郎", source: "hackernews", posts: 9),
        AuthorCount(author: "astro👩‍💻.bsky.social", source: "bluesky", posts: 7),
        AuthorCount(author: "Freifeld, \"K.\"", source: "news", posts: 5),
        AuthorCount(author: "\u{1B}[2J\u{1B}[Hroot", source: "mastodon", posts: 1),
        AuthorCount(author: "a-very-long-author-name-that-goes-on-and-on-" + longWord, source: "web", posts: 1),
    ]

    static let sourceBuckets: [CountBucket] = [
        CountBucket(key: "reddit", count: 121), CountBucket(key: "hackernews", count: 84),
        CountBucket(key: "bluesky", count: 60), CountBucket(key: "mastodon", count: 41), CountBucket(key: "news", count: 1),
    ]

    static let authorBuckets: [CountBucket] = [
        CountBucket(key: "em-bee", count: 12_345), CountBucket(key: "田中太郎", count: 9),
        CountBucket(key: "Freifeld, \"K.\"", count: 5), CountBucket(key: "\u{1B}[2J\u{1B}[Hroot", count: 1),
        CountBucket(key: longWord, count: 0),
    ]

    /// 2026-11-22T12:00:00Z, for relative ages.
    static let now: Int64 = 1_795_348_800
}
