import BeatSQLite

/// The posts that carry a quotation: those found holding its words, and the copies of them the
/// spread index grouped (`SearchEngine.copies(ofRowID:)`): a post edited and cross-posted, an
/// article quoting it. A copy counts only when the quotation's words align with its text as a near
/// match would (an article quoting a post is grouped with it, but its other paragraphs are not the
/// poster's words). Earliest first: the first is the quotation's origin.
struct QuoteHolders {
    /// One post carrying the quotation.
    struct Holder {
        var candidate: CandidatePost
        /// True when it holds the words as quoted.
        var exact: Bool
        /// Where the words align with its text, for a holder that is not exact.
        var near: (field: CandidateField, alignment: WordAlignment)?

        var post: PostSummary { candidate.post }
    }

    /// Groups looked up per quotation at most: those of the earliest holders.
    static let groupLookups = 12
    /// Copies whose text is read and aligned with the quotation per quotation at most, earliest first.
    static let copiesAligned = 24

    /// Earliest first; never empty.
    var all: [Holder]

    /// The first post carrying the words.
    var first: Holder { all[0] }

    /// The origin and the others, for the finding; nil when one post alone carries the words.
    var origin: QuoteOrigin? {
        guard all.count > 1 else { return nil }
        return QuoteOrigin(
            post: first.post, others: all.count - 1, edited: !first.exact,
            holders: all.dropFirst().prefix(QuoteOrigin.shownHolders).map { QuoteHolder(post: $0.post, exact: $0.exact) })
    }

    /// `1 other post holds them`, `3 other posts hold them`.
    var othersText: String {
        all.count == 2 ? "1 other post holds them" : "\(all.count - 1) other posts hold them"
    }

    /// The holders of a quotation found in `found` (time order), with the copies of them the spread
    /// index grouped. `exact` says whether the found posts hold the words as quoted.
    /// - Parameter align: the quotation's words aligned with a copy's, nil when they are not there.
    init(
        found: [CandidatePost], exact: Bool, corpus: Corpus,
        align: (CandidatePost) -> (field: CandidateField, alignment: WordAlignment)?
    ) throws {
        all = found.map { Holder(candidate: $0, exact: exact, near: nil) }
        var known = Set(found.map(\.rowid))
        var copies: [(rowID: Int64, post: PostSummary)] = []
        let engine = SearchEngine(corpus: corpus)
        for candidate in found.prefix(Self.groupLookups) {
            guard let group = try engine.copies(ofRowID: candidate.rowid) else { continue }
            for member in group where known.insert(member.rowID).inserted { copies.append(member) }
        }
        for copy in copies.sorted(by: { $0.rowID < $1.rowID }).prefix(Self.copiesAligned) {
            guard let candidate = try QuoteCandidates.record(corpus.connection, publicID: copy.post.id),
                let near = align(candidate)
            else { continue }
            all.append(Holder(candidate: candidate, exact: near.alignment.similarity >= 1, near: near))
        }
        all.sort { $0.candidate.rowid < $1.candidate.rowid }
    }
}
