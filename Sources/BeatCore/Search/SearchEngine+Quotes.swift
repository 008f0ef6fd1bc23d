import BeatSQLite

extension SearchEngine {
    /// The most posts `quotes` reads for one query: the best ranked (or, for
    /// a filters-only query, the newest). Counts of cross-posted sentences are
    /// counts among these.
    static let quoteCandidatePosts = 5_000

    /// Quotable sentences of the posts matching `query`.
    ///
    /// With words, each sentence of a post's text holding a match (located by
    /// FTS5's `highlight()`), or a run of two when it is shorter than 40
    /// characters, or the clauses around the match when it is longer than 400;
    /// a filters-only query quotes the first such sentence of each post.
    /// Quotes are exact substrings of the stored text. The same sentence in
    /// several posts (compared ignoring case, whitespace and curly quotes) is
    /// reported once, attributed to the earliest post, with a count. Order: by
    /// that count, then the relevance of the best post saying it (bm25; for a
    /// filters-only query, recency), then position in the post.
    public func quotes(for query: CompiledQuery, limit: Int = 20) throws -> [Quote] {
        guard limit > 0, !query.isEmptyRange else { return [] }
        var groups: [String: QuoteGroup] = [:]
        var order = 0
        try forEachQuoteCandidate(query) { postID, scalars, matches, headline in
            let sentences = SentenceSplitter.ranges(in: scalars)
            let spans =
                matches.map { QuoteLocator.spans(in: scalars, sentences: sentences, matches: $0) }
                ?? [QuoteLocator.firstSpan(in: scalars, sentences: sentences)].compactMap { $0 }
            for (position, span) in spans.enumerated() {
                let seen = QuoteGroup.Sighting(postID: postID, order: order, position: position)
                groups[QuoteKey.of(scalars[span.range]), default: QuoteGroup()].add(seen) {
                    QuoteGroup.Wording(text: String(String.UnicodeScalarView(scalars[span.range])), isPartial: span.isPartial)
                }
            }
            // A post the query found by its headline alone is quoted by its headline, whole.
            if matches?.isEmpty == true, let headline {
                let seen = QuoteGroup.Sighting(postID: postID, order: order, position: 0)
                groups[QuoteKey.of(Array(headline.unicodeScalars)[...]), default: QuoteGroup()].add(seen) {
                    QuoteGroup.Wording(text: headline, isPartial: false, isHeadline: true)
                }
            }
            order += 1
        }
        let chosen = groups.values.sorted(by: QuoteGroup.ranksBefore).prefix(limit)
        let summaries = try hits(ids: chosen.flatMap(\.postIDs))
        return chosen.compactMap { group in
            guard let earliest = group.earliest, let wording = group.wording, let post = summaries[earliest.postID] else {
                return nil
            }
            let others = group.postIDs.sorted().filter { $0 != earliest.postID }.compactMap { summaries[$0]?.id }
            return Quote(
                text: wording.text, post: post, count: group.postIDs.count, alsoIn: others, isPartial: wording.isPartial,
                isHeadline: wording.isHeadline)
        }
    }

    /// Calls `body` with each candidate post's id, its text as scalars, where
    /// the query matched in it (nil for a filters-only query), and its title
    /// when the query matched there, best first.
    private func forEachQuoteCandidate(
        _ query: CompiledQuery, _ body: (Int64, [Unicode.Scalar], [Range<Int>]?, String?) throws -> Void
    ) throws {
        let ids = query.idsSQL()
        guard let match = query.match else {
            let sql = "SELECT p.id, p.text FROM posts p WHERE p.id IN (\(ids.sql)) ORDER BY p.id DESC LIMIT ?"
            try eachRow(sql, ids.bindings + [.integer(Int64(Self.quoteCandidatePosts))]) { row in
                try body(row.int64(0), Array((row.string(1) ?? "").unicodeScalars), nil, nil)
            }
            return
        }
        // Two steps, so that each full-text cursor does what it is good at: the
        // inner one ranks every match once (bm25 needs statistics over all of
        // them) and keeps the best; the outer one seeks to each of those by
        // rowid for highlight(), which needs a cursor that ran the MATCH.
        // The unary + keeps SQLite from driving the ranking cursor from the
        // list of ids, which would restart it (and bm25's statistics) per id;
        // CROSS JOIN fixes the join order so that highlight() runs only for
        // the posts kept.
        var ranking = "SELECT f.rowid AS id, rank AS score FROM posts_fts f WHERE posts_fts MATCH ?"
        var bindings: [SQLiteValue] = [.text(match)]
        if let range = query.idRange {
            ranking += " AND f.rowid BETWEEN ? AND ?"
            bindings += [.integer(range.lowerBound), .integer(range.upperBound)]
        }
        if !query.conditions.isEmpty {
            // Without conditions the ids are exactly the match within the range, as above.
            ranking += " AND +f.rowid IN (\(ids.sql))"
            bindings += ids.bindings
        }
        ranking += " ORDER BY rank, f.rowid DESC LIMIT ?"
        bindings += [.integer(Int64(Self.quoteCandidatePosts)), .text(match)]
        let sql = """
            SELECT best.id, p.text, highlight(posts_fts, 1, char(2), char(3)), p.title, highlight(posts_fts, 0, char(2), char(3))
            FROM (\(ranking)) best CROSS JOIN posts_fts CROSS JOIN posts p
            WHERE posts_fts MATCH ? AND posts_fts.rowid = best.id AND p.id = best.id
            ORDER BY best.score, best.id DESC
            """
        try eachRow(sql, bindings) { row in
            let text = row.string(1) ?? ""
            let (plain, matches) = HighlightMarkers.parse(row.string(2) ?? "")
            // Locations are only trusted when the marked text is the stored text.
            guard String(String.UnicodeScalarView(plain)) == text else { return }
            // The title as stored, when the query matched in it (its highlight holds a marker).
            let title = row.string(3).flatMap { title in
                (row.string(4) ?? "").unicodeScalars.contains("\u{2}") && title.unicodeScalars.contains { !$0.properties.isWhitespace }
                    ? title : nil
            }
            try body(row.int64(0), plain, matches, title)
        }
    }
}

/// Every sighting of one sentence (by its `QuoteKey`) among the candidate posts.
struct QuoteGroup {
    struct Sighting {
        var postID: Int64
        /// The post's place among the candidates: by relevance, or newest first.
        var order: Int
        /// The quote's place among the post's quotes.
        var position: Int
    }

    /// The sentence as one post words it.
    struct Wording {
        var text: String
        var isPartial: Bool
        /// The post's headline rather than a sentence of its text.
        var isHeadline = false
    }

    /// The earliest post saying it (ids are time-ordered), whose wording is reported.
    private(set) var earliest: Sighting?
    private(set) var wording: Wording?
    /// The best placed sighting, which ranks the group.
    private(set) var best: Sighting?
    private(set) var postIDs: [Int64] = []

    /// Records a sighting; `wording` is only made for the earliest post so far.
    mutating func add(_ sighting: Sighting, wording: () -> Wording) {
        if !postIDs.contains(sighting.postID) { postIDs.append(sighting.postID) }
        if earliest.map({ sighting.postID < $0.postID }) ?? true {
            earliest = sighting
            self.wording = wording()
        }
        if best.map({ (sighting.order, sighting.position) < ($0.order, $0.position) }) ?? true { best = sighting }
    }

    /// Sentences of the texts before headlines, then more posts first, then the better placed
    /// best sighting.
    static func ranksBefore(_ a: QuoteGroup, _ b: QuoteGroup) -> Bool {
        let (aHeadline, bHeadline) = (a.wording?.isHeadline ?? false, b.wording?.isHeadline ?? false)
        if aHeadline != bHeadline { return bHeadline }
        if a.postIDs.count != b.postIDs.count { return a.postIDs.count > b.postIDs.count }
        let x = a.best.map { ($0.order, $0.position) } ?? (Int.max, Int.max)
        let y = b.best.map { ($0.order, $0.position) } ?? (Int.max, Int.max)
        if x != y { return x < y }
        return (a.earliest?.postID ?? 0) < (b.earliest?.postID ?? 0)
    }
}
