/// Scores the sentiment of one post's text. The summary's estimate is built on
/// this, so tests and other methods can stand in for the lexicon scorer.
public protocol SentimentScoring: Sendable {
    /// How the scores are made, in words, for the label next to the estimate:
    /// `lexicon (VADER-style, with negation and intensifiers)`.
    var method: String { get }
    /// A normalised score in -1...1: below `criticalBelow` is critical, above
    /// `positiveAbove` positive, the rest neutral.
    func compound(_ text: String) -> Double
}

/// The three classes of the estimate.
public enum SentimentClass: String, Sendable, CaseIterable, Equatable {
    case positive, neutral, critical
}

extension SentimentScoring {
    /// The conventional cut-offs for VADER's compound score (±0.05).
    public var positiveAbove: Double { 0.05 }
    /// Scores below this count as critical (VADER's usual threshold).
    public var criticalBelow: Double { -0.05 }

    /// The class of `text` by its compound score.
    public func classify(_ text: String) -> SentimentClass {
        let score = compound(text)
        if score >= positiveAbove { return .positive }
        if score <= criticalBelow { return .critical }
        return .neutral
    }
}
