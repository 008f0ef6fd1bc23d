/// The input formats `import` reads, by the name `--as` takes.
public enum ImportFormat: String, CaseIterable, Sendable {
    /// Reddit API JSON: Listings of t3/t1 things, comment pages, morechildren answers.
    case reddit
    /// Pushshift / Arctic-Shift dump lines (NDJSON) of Reddit comments and submissions.
    case pushshift
    /// Hacker News Firebase API items: one object, an array, or NDJSON.
    case hackernews
    /// Hacker News Algolia search API responses (`hits`) and `/items` trees.
    case algolia
    /// Bluesky `app.bsky.feed.post` records in AppView responses or listRecords output.
    case bluesky
    /// Bluesky Jetstream event lines.
    case jetstream
    /// Mastodon statuses: one object, an array, NDJSON, or a thread context.
    case mastodon
    /// RSS 2.0, RSS 1.0 (RDF), Atom and JSON Feed.
    case feed
    /// A plain-text or Markdown article, one record per file, with optional front matter.
    case article
    /// Beat's own JSONL, or any JSONL with `--map`.
    case jsonl
    /// CSV with a header row, mapped by name or with `--map`.
    case csv

    /// One line describing the format, for help and errors.
    public var summary: String {
        switch self {
        case .reddit: return "Reddit API JSON (Listings, comment trees, morechildren)"
        case .pushshift: return "Pushshift/Arctic-Shift Reddit dump lines (NDJSON)"
        case .hackernews: return "Hacker News Firebase items (object, array or NDJSON)"
        case .algolia: return "Hacker News Algolia search API JSON"
        case .bluesky: return "Bluesky AppView JSON (feeds, threads, search, listRecords)"
        case .jetstream: return "Bluesky Jetstream event lines"
        case .mastodon: return "Mastodon statuses (object, array, NDJSON, context)"
        case .feed: return "RSS 2.0, RSS 1.0, Atom or JSON Feed"
        case .article: return "a text or Markdown article with optional front matter"
        case .jsonl: return "Beat JSONL, or any JSONL with --map"
        case .csv: return "CSV with a header row (fields by name or --map)"
        }
    }
}
