extension ImportFormat {
    /// The reader for this format.
    /// - Throws: `ImportError.badOption` when the options do not fit the format.
    func makeReader(options: ImportOptions) throws(ImportError) -> any FormatReader {
        switch self {
        case .reddit: return RedditReader()
        case .pushshift: return PushshiftReader()
        case .hackernews: return HackerNewsReader()
        case .algolia: return AlgoliaReader()
        case .bluesky: return BlueskyReader()
        case .jetstream: return JetstreamReader()
        case .mastodon: return MastodonReader()
        case .feed: return FeedReader()
        case .article: return ArticleReader()
        case .jsonl:
            if let mapping = options.mapping { return MappedJSONLReader(mapping: mapping) }
            return BeatJSONLReader()
        case .csv: return CSVRecordReader(mapping: options.mapping)
        }
    }
}
