/// The sentiment scorer of Beat's estimates: the VADER method (Hutto & Gilbert,
/// "VADER: A Parsimonious Rule-based Model for Sentiment Analysis of Social Media
/// Text", ICWSM 2014), following its reference implementation (`vaderSentiment`
/// 3.3.2) rule for rule, with a few refinements for real post text.
///
/// The compound score sums each word's valence from the human-rated lexicon,
/// adjusted for the boosters and dampeners before it ("very", "kind of"),
/// negation within three words ("not", "n't", "never", "without"), ALL CAPS in
/// mixed-case text, "least", special idioms ("the bomb"), the contrast of "but"
/// and "!"/"?" emphasis, then normalises the sum into -1...1.
///
/// ```swift
/// let scorer = try LexiconSentiment.shared
/// scorer.classify("Not bad at all")   // .positive
/// ```
public struct LexiconSentiment: SentimentScoring {
    /// Departures from the reference implementation, each measured on the human-rated
    /// sets (see the README's "Sentiment estimate"); `.reference` has none.
    public struct Refinements: OptionSet, Sendable, Hashable {
        /// The refinements as bits.
        public let rawValue: Int
        /// A `Refinements` made of the values given.
        public init(rawValue: Int) { self.rawValue = rawValue }

        /// "don’t" and "it’s" read as "don't" and "it's": typographic
        /// apostrophes (U+2019, U+2018, U+02BC, U+FF07) become "'".
        public static let typographicApostrophes = Refinements(rawValue: 1 << 0)
        /// Curly quotes, "…", "«»" and other non-ASCII punctuation are stripped
        /// from the ends of a word as ASCII punctuation is ("“great”" is "great").
        public static let unicodePunctuation = Refinements(rawValue: 1 << 1)
        /// A variation selector after an emoji is dropped and a zero-width joiner
        /// separates words, so "❤️" rates as "red heart".
        public static let emojiPresentation = Refinements(rawValue: 1 << 2)
        /// An @handle is a name, not a word: "@love" and "@goodvibes" rate nothing.
        public static let handles = Refinements(rawValue: 1 << 3)
        /// HTML character references are read as the characters they stand for,
        /// as a reader of the page saw them: "&lt;3" is the emoticon "<3".
        public static let htmlEntities = Refinements(rawValue: 1 << 4)
        /// Every valence before the first "but" is halved and every one after it
        /// raised by half; the reference finds each valence by value
        /// (`sentiments.index`), so equal valences are weighted as the first one.
        public static let contrastByPosition = Refinements(rawValue: 1 << 5)

        /// The reference implementation, rule for rule.
        public static let reference: Refinements = []
        /// The refinements `shared` uses: those that read real post text as a
        /// person does and were measured not to lower accuracy, macro-F1 or
        /// correlation on any human-rated set. `contrastByPosition` is left out:
        /// it lowers all three a little on the movie-review set.
        public static let standard: Refinements = [
            .typographicApostrophes, .unicodePunctuation, .emojiPresentation, .handles, .htmlEntities,
        ]
    }

    /// The scorer with the bundled lexicon and the standard refinements, loaded once.
    /// - Throws: `SentimentLexiconError` when the bundled lexicon is missing or damaged.
    public static var shared: LexiconSentiment {
        get throws { try LexiconSentiment(lexicon: .bundled(), refinements: .standard) }
    }

    /// The word valences scores are made from.
    public let lexicon: SentimentLexicon
    /// The rules applied on top of the word valences.
    public let refinements: Refinements
    let tokenizer: SentimentTokenizer

    /// A scorer over `lexicon` with the given departures from the reference.
    public init(lexicon: SentimentLexicon, refinements: Refinements = .standard) {
        self.lexicon = lexicon
        self.refinements = refinements
        self.tokenizer = SentimentTokenizer(lexicon: lexicon, refinements: refinements)
    }

    /// How scores are made, in words, for reports.
    public var method: String { "lexicon (VADER-style, with negation and intensifiers)" }

    /// The compound score of `text` in -1...1 (`polarity_scores(text)["compound"]`
    /// of the reference, unrounded).
    public func compound(_ text: String) -> Double {
        let text = refinements.contains(.htmlEntities) && Self.mayHaveReferences(text) ? HTMLEntities.decode(text) : text
        let tokens = tokenizer.tokens(of: text)
        if tokens.count == 0 { return 0 }
        var valences = ValenceRating(tokens: tokens).valences()
        applyContrast(to: &valences, tokens: tokens)
        let emphasis = Self.punctuationEmphasis(exclamations: tokens.exclamations, questions: tokens.questions)
        return Self.normalized(valences.reduce(0, +), emphasis: emphasis)
    }

    // MARK: - Sentence-level rules

    /// `_but_check`: the clause after "but" outweighs the one before it.
    private func applyContrast(to valences: inout [Double], tokens: SentimentTokens) {
        guard let but = tokens.lowered.firstIndex(of: "but") else { return }
        if refinements.contains(.contrastByPosition) {
            for index in valences.indices where index != but {
                valences[index] *= index < but ? VaderConstants.beforeContrast : VaderConstants.afterContrast
            }
            return
        }
        // The reference walks the list and rescales `sentiments.index(value)`,
        // the first valence equal to the current one. A zero stays zero and a
        // scaled valence never becomes zero, so only the others are walked and searched.
        let nonZero = valences.indices.filter { valences[$0] != 0 }
        for position in nonZero {
            let value = valences[position]
            guard let first = nonZero.first(where: { valences[$0] == value }) else { continue }
            if first < but {
                valences[first] = value * VaderConstants.beforeContrast
            } else if first > but {
                valences[first] = value * VaderConstants.afterContrast
            }
        }
    }

    /// Whether `text` has an "&", looked for in its bytes at once: most posts have none.
    private static func mayHaveReferences(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { $0.contains(UInt8(ascii: "&")) } ?? true
    }

    /// `_punctuation_emphasis`: "!" (up to four) and "??"... add intensity.
    static func punctuationEmphasis(exclamations: Int, questions: Int) -> Double {
        let exclamation = Double(min(exclamations, VaderConstants.exclamationLimit)) * VaderConstants.exclamationIncrement
        var question = 0.0
        if questions > 1 {
            question = questions <= 3 ? Double(questions) * VaderConstants.questionIncrement : VaderConstants.questionCeiling
        }
        return exclamation + question
    }

    /// `score_valence` and `normalize`: the emphasis goes the way of the sum,
    /// then `sum / sqrt(sum² + 15)` brings it into -1...1.
    static func normalized(_ sum: Double, emphasis: Double) -> Double {
        var total = sum
        if total > 0 { total += emphasis } else if total < 0 { total -= emphasis }
        let score = total / (total * total + VaderConstants.normalizationAlpha).squareRoot()
        return min(1, max(-1, score))
    }
}
