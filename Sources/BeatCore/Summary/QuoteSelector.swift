import Foundation

/// Chooses sentences central to a set of posts and different from each other.
///
/// Every quotable span of every post (a sentence, joined to its neighbour when
/// very short, or the clauses of a very long one: `QuoteLocator`'s rules) is a
/// candidate; the same sentence in several posts (reposts, compared by
/// `QuoteKey`) is one candidate. Each becomes a TF-IDF vector of its words
/// (stop words left out, inverse document frequencies from the beat's sample),
/// its centrality is its cosine with the centroid of all candidates, and the
/// choice is by maximal marginal relevance: centrality, less the similarity to
/// the quotes already chosen, skipping near-duplicates and a second quote of
/// the same post.
struct QuoteSelector {
    /// A candidate sentence: its wording in the earliest post saying it.
    struct Candidate {
        var postID: Int64
        var text: String
        var isPartial: Bool
        /// The sentences next to it in its post, when there are any.
        var before: String? = nil
        var after: String? = nil
        /// Every post (of those read) containing the sentence, ascending.
        var postIDs: [Int64]
        /// Unit-length TF-IDF weights by word.
        var vector: [String: Double]
    }

    /// Quotes must have this many words: shorter ones rarely say what a beat is about.
    static let fewestWords = 6
    /// The weight of centrality against novelty in the choice.
    static let relevanceWeight = 0.7
    /// Sentences at least this similar to a chosen quote are near-duplicates.
    static let nearDuplicate = 0.6
    /// Candidates considered for the choice, the most central first.
    static let shortlist = 300

    let frequencies: TermFrequencies

    /// The candidates of `posts` (in id order, so the earliest post's wording is kept).
    func candidates(from posts: [SampledPost]) -> [Candidate] {
        var byKey: [String: Int] = [:]
        var result: [Candidate] = []
        for post in posts {
            let scalars = Array(post.text.unicodeScalars)
            let sentences = SentenceSplitter.ranges(in: scalars)
            var seen = Set<Range<Int>>()
            for sentence in sentences {
                guard let span = QuoteLocator.span(around: sentence, in: scalars, sentences: sentences),
                    seen.insert(span.range).inserted
                else { continue }
                let key = QuoteKey.of(scalars[span.range])
                if let index = byKey[key] {
                    if result[index].postIDs.last != post.id { result[index].postIDs.append(post.id) }
                    continue
                }
                let text = String(String.UnicodeScalarView(scalars[span.range]))
                // Tokens with their gaps are about the words of the sentence.
                let tokens = SummaryTokenizer.tokens(text)
                guard tokens.count >= Self.fewestWords else { continue }
                let vector = weights(of: SummaryTokenizer.words(tokens))
                guard !vector.isEmpty else { continue }
                byKey[key] = result.count
                var candidate = Candidate(postID: post.id, text: text, isPartial: span.isPartial, postIDs: [post.id], vector: vector)
                (candidate.before, candidate.after) = Self.neighbours(of: span.range, sentences: sentences, in: scalars)
                result.append(candidate)
            }
        }
        return result
    }

    /// The sentences just before and just after `range` in the same paragraph (a blank line
    /// ends one), as stored.
    static func neighbours(of range: Range<Int>, sentences: [Range<Int>], in scalars: [Unicode.Scalar]) -> (String?, String?) {
        func text(_ r: Range<Int>) -> String { String(String.UnicodeScalarView(scalars[r])) }
        func sameParagraph(_ a: Int, _ b: Int) -> Bool {
            let between = String(String.UnicodeScalarView(scalars[min(a, b)..<max(a, b)]))
            return !between.contains("\n\n")
        }
        let before = sentences.last { $0.upperBound <= range.lowerBound }.flatMap {
            sameParagraph($0.upperBound, range.lowerBound) ? text($0) : nil
        }
        let after = sentences.first { $0.lowerBound >= range.upperBound }.flatMap {
            sameParagraph(range.upperBound, $0.lowerBound) ? text($0) : nil
        }
        return (before, after)
    }

    /// Up to `count` central, mutually different candidates, most central first.
    func choose(_ candidates: [Candidate], count: Int) -> [Candidate] {
        guard count > 0, !candidates.isEmpty else { return [] }
        var centroid: [String: Double] = [:]
        for candidate in candidates {
            for (word, weight) in candidate.vector { centroid[word, default: 0] += weight }
        }
        let norm = centroid.values.reduce(0) { $0 + $1 * $1 }.squareRoot()
        let centrality = candidates.map { Self.dot($0.vector, centroid) / max(norm, .leastNonzeroMagnitude) }
        // Ties go to the sentence said in more posts, then the earlier post: deterministic.
        let ranked = candidates.indices.sorted {
            (centrality[$0], candidates[$0].postIDs.count, candidates[$1].postID)
                > (centrality[$1], candidates[$1].postIDs.count, candidates[$0].postID)
        }.prefix(Self.shortlist)
        var chosen: [Int] = []
        var usedPosts = Set<Int64>()
        while chosen.count < count {
            var best: (index: Int, score: Double)?
            for index in ranked where !chosen.contains(index) && !usedPosts.contains(candidates[index].postID) {
                let similarity = chosen.map { Self.dot(candidates[index].vector, candidates[$0].vector) }.max() ?? 0
                guard similarity < Self.nearDuplicate else { continue }
                let score = Self.relevanceWeight * centrality[index] - (1 - Self.relevanceWeight) * similarity
                if best.map({ score > $0.score }) ?? true { best = (index, score) }
            }
            guard let best else { break }
            chosen.append(best.index)
            usedPosts.insert(candidates[best.index].postID)
        }
        return chosen.map { candidates[$0] }
    }

    /// The unit TF-IDF vector of a sentence's words.
    func weights(of words: [String]) -> [String: Double] {
        var counts: [String: Double] = [:]
        for word in words { counts[word, default: 0] += 1 }
        let documents = Double(max(frequencies.documents, 1))
        var vector: [String: Double] = [:]
        for (word, count) in counts {
            vector[word] = count * log(1 + documents / Double(max(frequencies[word], 1)))
        }
        let norm = vector.values.reduce(0) { $0 + $1 * $1 }.squareRoot()
        guard norm > 0 else { return [:] }
        return vector.mapValues { $0 / norm }
    }

    static func dot(_ a: [String: Double], _ b: [String: Double]) -> Double {
        let (small, large) = a.count <= b.count ? (a, b) : (b, a)
        var sum = 0.0
        for (word, weight) in small { if let other = large[word] { sum += weight * other } }
        return sum
    }
}
