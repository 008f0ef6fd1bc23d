import BeatSQLite

/// A post read for the summary's samples: its id and text, tokenised once.
struct SampledPost {
    var id: Int64
    var title: String?
    var text: String

    /// The title and text as the scorer and the reader see them.
    var fullText: String {
        guard let title, !title.isEmpty else { return text }
        return title + "\n\n" + text
    }

    /// The distinct words and two-word phrases of the title and text (a
    /// phrase never spans the two), for document frequencies.
    func terms() -> Set<String> {
        var result = Set<String>()
        for part in [title ?? "", text] where !part.isEmpty {
            let tokens = SummaryTokenizer.tokens(part)
            result.formUnion(SummaryTokenizer.words(tokens))
            result.formUnion(SummaryTokenizer.phrases(tokens))
        }
        return result
    }

    /// The posts with these ids, in id order (ids not in the corpus are left out).
    static func load(_ ids: [Int64], on connection: Connection) throws -> [SampledPost] {
        guard !ids.isEmpty else { return [] }
        var result: [SampledPost] = []
        result.reserveCapacity(ids.count)
        // One bound JSON array, as SearchEngine.hits(ids:) does: any number of ids, one statement.
        let list = "[" + ids.map(String.init).joined(separator: ",") + "]"
        try connection.forEachRow(SummarySQL.textsByID, [.text(list)]) { row in
            result.append(SampledPost(id: row.int64(0), title: row.string(1), text: row.string(2) ?? ""))
        }
        return result.sorted { $0.id < $1.id }
    }
}

/// How many posts each part of a summary reads at most. Counts are always
/// exact; these bound only the text a summary reads and tokenises.
public struct SummaryLimits: Sendable, Equatable {
    /// Posts of the beat scored for the sentiment estimate.
    public var sentimentSample: Int
    /// Posts of the beat (and of the comparison's other side) whose words propose distinctive terms.
    public var termSample: Int
    /// Posts of the whole corpus in the window, the reference the candidates are first ranked against.
    public var backgroundSample: Int
    /// Posts of the beat whose sentences compete for the representative quotes.
    public var quoteSample: Int
    /// Posts of one burst's bucket whose sentences compete for its quote.
    public var burstSample: Int
    /// Candidate terms given an exact count (at least as many as the terms asked for):
    /// each costs two FTS5 counts, the beat's and the window's.
    public var candidateTerms: Int
    /// Groups of copies in the spread section.
    public var spreadGroups = 3
    /// Posts of the corpus in a window from which the pass over the beat's posts is made in
    /// two halves at once, on two cores (`SummaryBuilder.scan`): below it the pass takes a
    /// few milliseconds and a second connection is not worth its start.
    public var halvingPosts = 50_000

    /// A `SummaryLimits` made of the values given.
    public init(
        sentimentSample: Int = 1_000, termSample: Int = 300, backgroundSample: Int = 300, quoteSample: Int = 150,
        burstSample: Int = 100, candidateTerms: Int = 20
    ) {
        self.sentimentSample = sentimentSample
        self.termSample = termSample
        self.backgroundSample = backgroundSample
        self.quoteSample = quoteSample
        self.burstSample = burstSample
        self.candidateTerms = candidateTerms
    }
}
