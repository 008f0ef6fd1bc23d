/// What the scorer knows about one lower-case word, looked up once per token:
/// its lexicon valence and its part in the rules.
struct SentimentWord: Sendable {
    /// The lexicon's mean valence, nil when the word is not in the lexicon.
    var valence: Double?
    /// The booster or dampener increment (`BOOSTER_DICT`), 0 for other words.
    var booster: Double = 0
    /// In `NEGATE`, or has "n't".
    var isNegation = false
    /// Part of a special-case phrase or a booster phrase ("kind of").
    var isIdiomWord = false

    /// The words of the lexicon and of the rules' lists, keyed by lower-case text.
    static func table(valences: [String: Double]) -> [String: SentimentWord] {
        var table: [String: SentimentWord] = [:]
        for (word, valence) in valences { table[word, default: SentimentWord()].valence = valence }
        for (word, booster) in VaderConstants.boosters { table[word, default: SentimentWord()].booster = booster }
        for word in VaderConstants.negations { table[word, default: SentimentWord()].isNegation = true }
        for word in VaderConstants.idiomWords { table[word, default: SentimentWord()].isIdiomWord = true }
        for word in table.keys where word.contains("n't") { table[word]?.isNegation = true }
        return table
    }
}
