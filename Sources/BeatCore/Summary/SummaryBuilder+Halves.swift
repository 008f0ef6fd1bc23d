import BeatSQLite

/// The pass over a beat's posts reads a row of the facets index per post, and counts each
/// post's source, venue and author: 1.5 s for the million posts of a large beat's year at
/// ten million posts. When the window holds many posts of the corpus, the pass is made in
/// two halves at once, the newer on the corpus's second connection on the other core, and
/// the two joined (`SummaryScan.append`): every figure is what one pass gives.
///
/// Each half reads the corpus as last committed, as the term counts on two connections
/// do; with a transaction open (a writer's own uncommitted posts) the pass is made whole.
extension SummaryBuilder {
    /// The pass over `query` in `window` (see `SummaryScan`).
    func scan(_ query: CompiledQuery, in window: SummaryWindow) throws -> SummaryScan {
        let windowed = windowed(query, window)
        guard !windowed.isEmptyRange, !connection.isInTransaction, let range = windowed.idRange,
            let middle = try PostDays.middle(of: range, fewest: limits.halvingPosts, on: connection)
        else { return try SummaryScan(windowed, on: connection) }
        var older = windowed
        older.idRange = range.lowerBound...(middle - 1)
        let newer = {
            var half = windowed; half.idRange = middle...range.upperBound; return half
        }()
        let opener = corpus.readerOpener()
        let helper = BackgroundResult { () -> Result<SummaryScan, any Error> in
            Result { try opener.withConnection { try SummaryScan(newer, on: $0) } }
        }
        var scan: SummaryScan
        do {
            scan = try SummaryScan(older, on: connection)
        } catch {
            // Ctrl-C (or a failure here): the other half stops too, before its connection closes.
            corpus.helperInterrupts.interruptAll()
            _ = helper.value()
            throw error
        }
        switch helper.value() {
        case .success(let later): scan.append(later)
        case .failure(let error) where Corpus.isInterruption(error): throw error
        case .failure:
            // The second connection could not read (it could not open, say): this one reads the half.
            scan.append(try SummaryScan(newer, on: connection))
        }
        return scan
    }
}
