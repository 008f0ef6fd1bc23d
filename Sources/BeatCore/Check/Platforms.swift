/// Platforms and publications stories quote that Beat has no collector for, and the ways stories
/// name them: "a tweet", "on X (formerly Twitter)", "in a LinkedIn post", "a YouTube video",
/// "a Telegram channel", "@handle on Threads", "a preprint on arXiv", "in his Substack newsletter".
/// A quote credited to one of them is `outside_coverage` when it is not found: the corpus holds no
/// posts from there.
enum Platforms {
    /// Source key, the name a report uses, and the words (folded, lowercased) that name it.
    private static let known: [(key: String, name: String, words: Set<String>)] = [
        ("twitter", "X/Twitter", ["twitter", "tweet", "tweets", "tweeted", "retweet", "retweeted", "retweets", "twitter's"]),
        ("threads", "Threads", []),
        ("linkedin", "LinkedIn", ["linkedin"]),
        ("facebook", "Facebook", ["facebook"]),
        ("instagram", "Instagram", ["instagram"]),
        ("tiktok", "TikTok", ["tiktok"]),
        ("youtube", "YouTube", ["youtube", "youtuber"]),
        ("telegram", "Telegram", ["telegram"]),
        ("truthsocial", "Truth Social", []),
        ("weibo", "Weibo", ["weibo"]),
        ("newsletter", "newsletters", ["newsletter", "substack"]),
        ("arxiv", "arXiv", ["arxiv", "preprint"]),
    ]

    /// The name a report uses for a source key Beat does not collect, nil for others.
    static func displayName(_ key: String) -> String? {
        known.first { $0.key == key }?.name
    }

    /// The uncollected platform `words` name (as written: `Threads` counts only capitalised, `X`
    /// only as "on X" or "X (formerly Twitter)"), nil when they name none.
    static func named(in words: [String]) -> String? {
        let cleaned = words.map { $0.trimming(anyOf: ",.;:!?()\"'“”‘’*") }
        let lower = cleaned.map { $0.lowercased() }
        for (index, word) in lower.enumerated() {
            let previous = index > 0 ? lower[index - 1] : ""
            let next = index + 1 < lower.count ? lower[index + 1] : ""
            if word == "x", cleaned[index] == "X", ["on", "to", "from"].contains(previous) || next == "formerly" { return "twitter" }
            if cleaned[index] == "Threads" { return "threads" }
            if word == "truth", next == "social" { return "truthsocial" }
            if word.hasPrefix("x.com/") || word.hasPrefix("twitter.com/") { return "twitter" }
            for platform in known where platform.words.contains(word) { return platform.key }
        }
        return nil
    }
}
