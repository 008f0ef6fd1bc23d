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
///   - beats: `{"now", "beats": [{"name", "query", "last_24h", "last_7d", "previous_7d", "total",
///     "trend"}]}` (`trend` a signed whole percentage, null when the previous 7 days had no posts)
///   - beat show: `{"name", "query", "description", "created_at", "updated_at", "now", "last_24h",
///     "last_7d", "previous_7d", "total", "trend"}`
///   - check: `{"quotes": [{"quote", "line", "column", "attribution": null|{"author", "source", "venue",
///     "date"}, "verdict", "similarity", "match": null|{"id", "author", "source", "venue",
///     "published_at", "url", "text"}, "differences": [{"old", "new"}]}], "summary": {"verified",
///     "close", "misattributed", "not_found", "outside_coverage"}}` (`date` a day or a month in
///     ISO 8601, `similarity` rounded to 3 decimals, `text` the matching passage)
/// - `jsonl`: the elements of the json document's list, one object per line (a hit, quote, bucket,
///   source, author, beat or check finding); count, show and beat show write their single object.
/// - `csv`: RFC 4180: a header row named like the json keys, CRLF line ends, a field quoted when it
///   holds a comma, a quote or a line break; a missing value is an empty field. Text is verbatim.
/// - `md`: Markdown to paste into a draft: quotes as a citation list, search hits as a numbered list
///   with links, counts, sources, authors and beats as tables, a beat shown as a list.
/// - `html`: one self-contained page (inline CSS and SVG, no external reference); written by
///   `summary` only (`OutputFormat.htmlCommands`). Other commands refuse it with a usage error, so
///   their renderers are never asked for it.
///
/// The summary (`Render.summary`) in each format:
/// - table: one screen: headline, sources and venues with bars, a sparkline of volume per bucket
///   with its share of the corpus and the bursts marked, bursts with their quote, distinctive terms,
///   voices, quotes, the sentiment estimate and the comparison.
/// - json: `{"label", "query", "window": WINDOW, "volume": {"posts", "last_day", "corpus_posts",
///   "share"}, "sources": [{"source", "posts", "share"}], "venues": [{"venue", "source", "posts",
///   "share"}], "timeline": {"bucket_size", "buckets": [{"start", "end", "posts", "corpus_posts",
///   "share", "burst"}], "bursts": [{"start", "end", "posts", "baseline", "score", "quote":
///   QUOTE|null}]}, "terms": [{"term", "phrase", "posts", "other_posts", "score"}], "voices":
///   [{"author", "source", "posts"}], "quotes": [QUOTE], "sentiment": {"kind": "estimate", "method",
///   "sample_size", "population", "positive", "neutral", "critical"}|null, "comparison": {"label",
///   "window": WINDOW, "posts", "change", "rising_terms": [TERM], "falling_terms": [TERM],
///   "rising_voices": [VOICE], "falling_voices": [VOICE], "new_voices": [{"author", "source",
///   "posts"}]}|null}` where WINDOW is `{"start", "end"}` (ISO 8601, end exclusive), QUOTE is
///   `{"text", "id", "source", "venue", "author", "published_at", "url", "count"}` as `quotes`
///   writes it, TERM is `{"term", "before", "after"}`, VOICE is `{"author", "source", "before",
///   "after"}`, shares are fractions 0...1 and `change` is the relative change of posts against
///   the other side (null when it had none).
/// - jsonl: one object per item, each starting with `"section"`: `volume` (label, query, window,
///   volume), `source`, `venue`, `bucket`, `burst`, `term`, `voice`, `quote`, `sentiment`,
///   `comparison` (label, window, posts, change), `rising_term`, `falling_term`, `rising_voice`,
///   `falling_voice`, `new_voice`; each with the json document's keys for that item (a bucket also
///   names its `bucket_size`).
/// - csv: the timeline, one row per bucket: `start,end,posts,corpus_posts,share,burst`.
/// - md: a brief to paste: a headline sentence, tables, bursts and quotes as citation lists with
///   links and public ids.
/// - html: the same sections as a page, with an SVG chart of volume over time and bars of sources.
public enum OutputFormat: String, CaseIterable, Sendable {
    case table, json, jsonl, csv, md, html

    /// The commands that write `html`: those the command table declares `writesHTML`.
    public static var htmlCommands: [String] { CommandTable.all.filter(\.writesHTML).map(\.name) }

    /// The formats every command writes.
    public static let everyCommandFormats: [OutputFormat] = allCases.filter { $0 != .html }

    /// Whether `command` can write this format.
    public func isWritten(by command: String) -> Bool {
        self != .html || Self.htmlCommands.contains(command)
    }
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
    /// The session filters the result was made under (`filter source:reddit`); every json
    /// document names them as `"filters"` (null when none), so a figure travels with its conditions.
    public var filters: String
    /// Show the sentences around each of a summary's quotes (`summary --context`).
    public var quoteContext = false

    public init(width: Int = 80, color: Bool = false, now: Int64? = nil, filters: String = "") {
        self.width = width
        self.color = color
        self.now = now
        self.filters = filters
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

    /// Stops at a request for a format the command layer refuses (`Session.outputFormat(for:)`): reaching
    /// it is a bug in the caller, not a user's mistake.
    static func unsupported(_ format: OutputFormat, by command: String) -> Never {
        preconditionFailure("\(command) does not write \(format.rawValue); Session.outputFormat(for:) refuses it first")
    }
}
