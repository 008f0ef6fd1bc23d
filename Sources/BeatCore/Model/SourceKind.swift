/// The platforms a post can come from.
public enum SourceKind: String, CaseIterable, Sendable {
    case reddit, hackernews, bluesky, mastodon, news, web, other

    /// Reads a platform name, accepting common spellings (`hn`, `bsky`, `rss`).
    public init?(name: String) {
        let key = name.lowercased().filter { $0 != "-" && $0 != "_" && $0 != " " }
        switch key {
        case "reddit": self = .reddit
        case "hackernews", "hn", "ycombinator": self = .hackernews
        case "bluesky", "bsky", "atproto": self = .bluesky
        case "mastodon", "fediverse", "toot": self = .mastodon
        case "news", "rss", "atom", "feed": self = .news
        case "web": self = .web
        case "other": self = .other
        default: return nil
        }
    }
}
