/// Finds the words and two-word phrases a beat's posts use more than the rest
/// of the corpus in the same window.
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

    func keyTerms(
        beat: TermFrequencies, background: TermFrequencies, scan: SummaryScan, side: CountedSide, corpusPosts: Int,
        count: Int, candidates: Int
    ) throws -> [KeyTerm] {
        let restPosts = corpusPosts - scan.posts
        // A beat that is every post of the window has nothing to be distinctive against.
        guard count > 0, scan.posts > 0, restPosts > 0, beat.documents > 0 else { return [] }
        let chosen = candidateTerms(beat: beat, against: background, limit: candidates)
        var result: [KeyTerm] = []
        for term in chosen {
            let inBeat = try counter.posts(containing: term, in: side)
            guard inBeat > 0 else { continue }
            let other = try counter.posts(containing: term, in: side.window) - inBeat
            // Only terms the beat uses more than the rest, at a rate.
            guard Double(inBeat) / Double(scan.posts) > Double(other) / Double(restPosts) else { continue }
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
            guard background.documents == 0 || beat.rate(term) > background.rate(term) else { continue }
            scored.append((term, LogLikelihood.g2(inBeat, of: beat.documents, inBackground, of: background.documents)))
        }
        return scored.sorted { ($0.score, $1.term) > ($1.score, $0.term) }.prefix(limit).map(\.term)
    }

    private func isQueryWording(_ term: String) -> Bool {
        term.split(separator: " ").allSatisfy { queryWords.contains(String($0)) }
    }
}
