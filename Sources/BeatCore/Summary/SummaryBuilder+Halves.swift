import BeatSQLite

/// The pass over a beat's posts reads a row of the facets index per post, and counts each
/// post's source, venue and author: 1.5 s for the million posts of a large beat's year at
/// ten million posts. When the window holds many posts of the corpus, the pass is made in
/// two halves at once, the newer on the corpus's second connection on the other core
/// (`Corpus.inHalves`, as a ranked page's), and the two joined (`SummaryScan.append`): every
/// figure is what one pass gives.
///
/// Both halves read the same state of the corpus, also while an import commits
/// (`Corpus.inHalves`); in a summary, the state every other section reads too
/// (`Corpus.inOneSnapshot`). With a writer's transaction open (its own uncommitted posts)
/// the pass is made whole.
extension SummaryBuilder {
    /// The pass over `query` in `window` (see `SummaryScan`).
    func scan(_ query: CompiledQuery, in window: SummaryWindow) throws -> SummaryScan {
        let windowed = windowed(query, window)
        guard !windowed.isEmptyRange, corpus.splitsReads, let range = windowed.idRange,
            let middle = try PostDays.middle(of: range, fewest: limits.halvingPosts, on: connection)
        else { return try SummaryScan(windowed, on: connection) }
        var older = windowed
        older.idRange = range.lowerBound...(middle - 1)
        let newer = {
            var half = windowed; half.idRange = middle...range.upperBound; return half
        }()
        let halves = try corpus.inHalves(
            older: { try SummaryScan(older, on: connection) }, newer: { try SummaryScan(newer, on: $0) })
        var scan = halves.older
        scan.append(halves.newer)
        return scan
    }
}
