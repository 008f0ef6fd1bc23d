import BeatSQLite

/// Finds the words and two-word phrases a beat's posts use more than the rest
/// of the corpus in the same window: at least 1.5 times as often per post,
/// ranked by G2.
///
/// Candidates come from a sample of the beat's posts, ranked by G2 against a
/// sample of the corpus in the window; only the best few are then counted
/// exactly in the full-text index (see `TermCounter`), so `KeyTerm.posts` is
/// what `count` of the beat's query and the term gives, and `otherPosts` is
/// the term's count in the window less that.
struct KeyTermFinder {
    let counter: TermCounter
    /// Words of the query itself (`open`, `weights` for `"open weights"`): every
    /// post of the beat has them, so they say nothing about it.
    let queryWords: Set<String>
    /// Opens a second connection, so that the candidates are counted on two cores (nil: one).
    var openHelper: HelperOpener? = nil

    func keyTerms(
        beat: TermFrequencies, background: TermFrequencies, scan: SummaryScan, side: CountedSide, corpusPosts: Int,
        count: Int, candidates: Int
    ) throws -> [KeyTerm] {
        let restPosts = corpusPosts - scan.posts
        // A beat that is every post of the window has nothing to be distinctive against.
        guard count > 0, scan.posts > 0, restPosts > 0, beat.documents > 0 else { return [] }
        let chosen = candidateTerms(beat: beat, against: background, limit: candidates)
        var result: [KeyTerm] = []
        let counts = try counter.counts(of: chosen, in: side, sharingWith: openHelper)
        for (term, (inBeat, inWindow)) in zip(chosen, counts) {
            guard inBeat > 0 else { continue }
            let other = inWindow - inBeat
            guard Self.ratio(inBeat, of: scan.posts, other, of: restPosts) >= Self.smallestRatio else { continue }
            let score = LogLikelihood.g2(inBeat, of: scan.posts, other, of: restPosts)
            result.append(KeyTerm(term: term, posts: inBeat, otherPosts: other, score: score))
        }
        return Array(result.sorted { ($0.score, $1.term) > ($1.score, $0.term) }.prefix(count))
    }

    /// The sample's terms most over-represented against the background sample,
    /// best first; a term must be in a few sampled posts to be a candidate.
    func candidateTerms(beat: TermFrequencies, against background: TermFrequencies, limit: Int) -> [String] {
        let fewest = max(2, beat.documents / 250)
        var scored: [(term: String, score: Double)] = []
        for (term, inBeat) in beat.counts where inBeat >= fewest && !isQueryWording(term) {
            let inBackground = background[term]
            guard Self.ratio(inBeat, of: beat.documents, inBackground, of: background.documents) >= Self.smallestRatio
            else { continue }
            scored.append((term, LogLikelihood.g2(inBeat, of: beat.documents, inBackground, of: background.documents)))
        }
        return scored.sorted { ($0.score, $1.term) > ($1.score, $0.term) }.prefix(limit).map(\.term)
    }

    /// How many times more often (per post) a term must be used in the beat
    /// than in the rest to be distinctive. G2 alone measures how sure the
    /// difference is, and for a word in a fifth of all posts a difference of a
    /// few percent is very sure; this is the effect size it also needs.
    static let smallestRatio = 1.5

    /// The ratio of the two rates, each smoothed by half a post so that a
    /// term absent from one side has a finite ratio.
    static func ratio(_ a: Int, of n1: Int, _ b: Int, of n2: Int) -> Double {
        ((Double(a) + 0.5) / Double(n1 + 1)) / ((Double(b) + 0.5) / Double(n2 + 1))
    }

    private func isQueryWording(_ term: String) -> Bool {
        term.split(separator: " ").allSatisfy { queryWords.contains(String($0)) }
    }
}
