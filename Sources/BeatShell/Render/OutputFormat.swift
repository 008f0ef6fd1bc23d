/// How a command's result is written: the `--format` option and the shell's `format` command.
///
/// - `table`: for people at a terminal. Aligned columns fitted to `RenderSettings.width` in display
///   columns, long text wrapped or cut with `…`, control characters in stored text made visible, and
///   matches in bold only when `RenderSettings.color` is on.
/// - `json`: one JSON document on one line, keys in a fixed order, separators `", "` and `": "` (as
///   Python's `json.dumps` writes them), `null` for a missing value, dates as ISO 8601 UTC
///   (`2026-04-15T09:21:00Z`), snippets as plain text. The documents:
///   - count: `{"count": N}`
///   - count --by: `{"by": "source", "buckets": [{"key", "count"}]}`
///   - search: `{"query", "total", "hits": [{"id", "source", "venue", "author", "published_at",
///     "title", "url", "snippet", "rank"}]}` (`rank` is bm25, lower is better, null when sorted by date)
///   - quotes: `{"quotes": [{"text", "id", "source", "venue", "author", "published_at", "url", "count"}]}`
///   - show: `{"id", "source", "venue", "author", "published_at", "title", "url", "text", "score",
///     "lang", "tags": [...], "parent": POST|null, "thread_root": POST|null, "replies": [POST]}` where
///     POST is `{"id", "source", "venue", "author", "published_at", "title", "url"}`
///   - sources: `{"sources": [{"source", "venue", "posts", "first", "last"}]}`
///   - authors: `{"authors": [{"author", "source", "posts"}]}`
///   - check: `{"quotes": [{"quote", "line", "column", "attribution": null|{"author", "source", "venue",
///     "date"}, "verdict", "similarity", "match": null|{"id", "author", "source", "venue",
///     "published_at", "url", "text"}, "differences": [{"old", "new"}]}], "summary": {"verified",
///     "close", "misattributed", "not_found", "outside_coverage"}}` (`date` a day or a month in
///     ISO 8601, `similarity` rounded to 3 decimals, `text` the matching passage)
/// - `jsonl`: the elements of the json document's list, one object per line (a hit, quote, bucket,
///   source, author or check finding); count and show write their single object.
/// - `csv`: RFC 4180: a header row named like the json keys, CRLF line ends, a field quoted when it
///   holds a comma, a quote or a line break; a missing value is an empty field. Text is verbatim.
/// - `md`: Markdown to paste into a draft: quotes as a citation list, search hits as a numbered list
///   with links, counts, sources and authors as tables.
public enum OutputFormat: String, CaseIterable, Sendable {
    case table, json, jsonl, csv, md
}

/// What a renderer needs to know about where its text goes. The caller decides every value
/// (a renderer never reads the environment or asks the terminal).
public struct RenderSettings: Sendable, Equatable {
    /// Terminal columns for `table` (80 when unknown).
    public var width: Int
    /// Bold matches; only on a terminal and never when `NO_COLOR` is set (the caller's decision).
    public var color: Bool
    /// The current time in unix seconds, for relative ages ("2d ago"); nil leaves them out, which
    /// keeps output reproducible.
    public var now: Int64?

    public init(width: Int = 80, color: Bool = false, now: Int64? = nil) {
        self.width = width
        self.color = color
        self.now = now
    }

    /// The width tables are laid out in: narrow terminals still get a readable minimum.
    var tableWidth: Int { max(width, 24) }
}

/// Renders the shared result types of `BeatCore` (search pages, counts, quotes, posts, coverage,
/// authors) in every `OutputFormat`. Each function writes whole lines, each ending in a newline,
/// through `write`, and never prints.
public enum Render {
    /// Collects what `body` writes into one string, for tests and for callers that want text.
    public static func string(_ body: ((String) -> Void) -> Void) -> String {
        var text = ""
        body { text += $0 }
        return text
    }
}
