import BeatSQLite

/// How `search` orders its hits.
public enum SearchSort: String, CaseIterable, Sendable {
    /// Best first by bm25 with the title weighted 3:1 (newest first for a filters-only query).
    case rank
    /// Newest first.
    case new
    /// Oldest first.
    case old
}

/// The statements that run a compiled query. Every one has the same shape:
///
/// - with words, `posts_fts f` drives: `posts_fts MATCH ?` first, then the date
///   span as `f.rowid >= ? AND f.rowid <= ?` inside the FTS5 index (post ids
///   follow time, see `Schema`), a source from the id's lane (`PostLane`), and
///   `posts p` is joined by its INTEGER PRIMARY KEY only when a condition or a
///   column needs it, through the `posts_facets` index when every column read is
///   a source, venue or author;
/// - filters only, `posts p` is read in id (time) order within the date span.
///
/// Time orders are rowid orders, so `--sort new` needs no sorting step, and
/// date buckets come from the id itself (`id >> 20` is `published_at`).
extension CompiledQuery {
    /// The FROM and WHERE every statement shares.
    struct Selection {
        /// `posts_fts f [JOIN posts p [INDEXED BY posts_facets] ON p.id = f.rowid]` or `posts p`.
        var from: String
        /// The WHERE expression.
        var filter: String
        var bindings: [SQLiteValue]
        /// The post id column: `f.rowid` or `p.id`.
        var id: String
    }

    func selection(joiningPosts: Bool) -> Selection {
        var clauses: [String] = isEmptyRange ? ["0"] : []
        var values: [SQLiteValue] = []
        let id: String
        let from: String
        var postsJoined = true
        if let match {
            id = "f.rowid"
            if conditions.allSatisfy(\.readsIDOnlyWhenTextDriven) && !joiningPosts {
                from = "posts_fts f"
                postsJoined = false
            } else if conditions.allSatisfy(\.readsFacetsOnly) {
                // The facets index holds every column these read (a post's row is 2 KB).
                from = "posts_fts f JOIN posts p INDEXED BY posts_facets ON p.id = f.rowid"
            } else {
                from = "posts_fts f JOIN posts p ON p.id = f.rowid"
            }
            clauses.append("posts_fts MATCH ?")
            values.append(.text(match))
        } else {
            id = "p.id"
            from = "posts p"
        }
        if let idRange {
            // Open ends are left out rather than bound as extremes: fewer constraints for the planner to weigh.
            if idRange.lowerBound != Int64.min {
                clauses.append("\(id) >= ?")
                values.append(.integer(idRange.lowerBound))
            }
            if idRange.upperBound != Int64.max {
                clauses.append("\(id) <= ?")
                values.append(.integer(idRange.upperBound))
            }
        }
        // With words the FTS5 index drives and the filters carry a unary `+` (see
        // `PostCondition`). Without words there is no text index to protect, and the `+`
        // would stop SQLite from using the author and venue indexes, which are
        // selective; the source index is not (a third of all posts), and scanning
        // ids in time order beats it for pages sorted by date.
        for condition in conditions {
            let (sql, bindings) =
                match != nil ? condition.textDrivenSQL(id: id, postsJoined: postsJoined) : condition.sql(textDriven: false)
            clauses.append("(" + sql + ")")
            values += bindings
        }
        return Selection(
            from: from, filter: clauses.isEmpty ? "1" : clauses.joined(separator: " AND "), bindings: values, id: id)
    }

    /// `SELECT count(*) …`: how many posts match. Without conditions on `p`,
    /// the FTS5 index alone answers (no join).
    public func countSQL() -> (sql: String, bindings: [SQLiteValue]) {
        let selection = selection(joiningPosts: false)
        return ("SELECT count(*) FROM \(selection.from) WHERE \(selection.filter)", selection.bindings)
    }

    /// Rows `(key, count)`: matching posts per source, venue, author, day, week or month;
    /// for venues `(key, count, source)`, a venue per source.
    ///
    /// Sources, venues and authors come most frequent first, then by key (a
    /// NULL venue or author sorts first among equals); days (`2026-04-18`),
    /// weeks (keyed by their Monday, `2026-04-13`) and months (`2026-04`) come
    /// in date order. Dates come from the post id, without reading `p`.
    public func groupCountSQL(by dimension: CountDimension) -> (sql: String, bindings: [SQLiteValue]) {
        let byColumn = dimension == .source || dimension == .venue || dimension == .author
        let selection = selection(joiningPosts: byColumn)
        let base = "FROM \(selection.from) WHERE \(selection.filter)"
        if dimension == .venue {
            // A venue is named with its source: `general` on two instances is two venues.
            return (
                "SELECT +p.venue AS key, count(*) AS count, p.source AS source \(base) GROUP BY p.venue, p.source ORDER BY 2 DESC, 1, 3",
                selection.bindings
            )
        }
        if byColumn {
            // The plus keeps SQLite from walking posts_source_id for the GROUP BY order and
            // then fetching every row it lists (1M lookups: 2.5 s instead of 0.24 s for author:x by source).
            return (
                "SELECT +p.\(dimension.rawValue) AS key, count(*) AS count \(base) GROUP BY 1 ORDER BY 2 DESC, 1",
                selection.bindings
            )
        }
        let day: String
        switch dimension {
        case .week:
            // 'weekday 0' moves forward to Sunday (or stays on it); six days back is that week's Monday.
            day = "date(day * 86400, 'unixepoch', 'weekday 0', '-6 days')"
        case .month: day = "strftime('%Y-%m', day * 86400, 'unixepoch')"
        default: day = "date(day * 86400, 'unixepoch')"
        }
        // Counting per day number first and naming the few buckets after halves the time on
        // a word in most posts: the date functions run once per day, not once per post.
        let seconds = "(\(selection.id) >> \(Schema.sequenceBits))"
        let dayNumber = "(\(seconds) - ((\(seconds) % 86400) + 86400) % 86400) / 86400"
        return (
            "SELECT \(day) AS key, sum(posts) AS count FROM (SELECT \(dayNumber) AS day, count(*) AS posts \(base) GROUP BY 1) "
                + "GROUP BY 1 ORDER BY 1",
            selection.bindings
        )
    }

    /// Rows `(id, rank, snippet)` of one page of hits.
    ///
    /// `rank` is `bm25(posts_fts, 3.0, 1.0)` (title weighted 3:1; lower is
    /// better) when sorted by rank, else NULL; for a query of one phrase (`ranksWithoutIDF`) it
    /// is that divided by the phrase's IDF, which orders the same: `beat_bm25_per_idf`, which only
    /// a `BeatSQLite.Connection` has. Multiplied by `PhraseIDF.idf` of the index's rows
    /// (`Connection.rankedTableRows`) and the phrase's (`PhraseIDF.matches`), it is bm25's value.
    /// `snippet` is FTS5's best
    /// excerpt of up to 24 tokens with matches between U+0002 and U+0003 and
    /// `…` where text was cut. `new` and `old` follow the rowid (time) order of
    /// the FTS5 index, so they need no sort. A filters-only query lists posts
    /// newest first (oldest for `old`) with the first 200 characters of their text.
    /// A fourth column, `title`, is the title with its matches marked the same way
    /// (NULL for a filters-only query, which matches no words).
    ///
    /// With `tallied`, a ranked page with words wraps its sort key in `beat_tally()`, which
    /// counts every matching row as SQLite ranks it (`Connection.tally`): the total comes
    /// from the same pass as the page. The connection must be a `BeatSQLite.Connection`.
    public func searchSQL(sort: SearchSort, limit: Int, offset: Int = 0, tallied: Bool = false) -> (sql: String, bindings: [SQLiteValue]) {
        let selection = selection(joiningPosts: false)
        let page = [SQLiteValue.integer(Int64(max(0, limit))), .integer(Int64(max(0, offset)))]
        let direction = sort == .old ? "ASC" : "DESC"
        guard match != nil else {
            return (
                "SELECT p.id AS id, NULL AS rank, substr(p.text, 1, 200) AS snippet, NULL AS title FROM \(selection.from) "
                    + "WHERE \(selection.filter) ORDER BY p.id \(direction) LIMIT ? OFFSET ?",
                selection.bindings + page
            )
        }
        // The text column: a title match is shown by the title itself.
        let snippet = "snippet(posts_fts, 1, char(2), char(3), '…', 24)"
        let score = ranksWithoutIDF ? "beat_bm25_per_idf(posts_fts, 3.0, 1.0)" : "bm25(posts_fts, 3.0, 1.0)"
        let rank = sort != .rank ? "NULL" : tallied ? "beat_tally(\(score))" : score
        let order = sort == .rank ? "rank, f.rowid DESC" : "f.rowid \(direction)"
        return (
            "SELECT f.rowid AS id, \(rank) AS rank, \(snippet) AS snippet, "
                + "highlight(posts_fts, 0, char(2), char(3)) AS title FROM \(selection.from) "
                + "WHERE \(selection.filter) ORDER BY \(order) LIMIT ? OFFSET ?",
            selection.bindings + page
        )
    }

    /// Whether a page by relevance ranks by bm25 without the IDF (`beat_bm25_per_idf`): the
    /// query has one phrase, whose IDF multiplies every score alike. bm25 would count the
    /// phrase in the whole index in every statement for it; the caller counts it once.
    public var ranksWithoutIDF: Bool { match.map(FTSText.isOnePhrase) ?? false }

    /// Whether `searchSQL(sort:limit:offset:tallied:)` counts the matches as it ranks them:
    /// a page ranked by relevance of a query with words, whose sort sees every match.
    public func talliesMatches(sort: SearchSort) -> Bool { sort == .rank && match != nil }
}
