/// The valence of each token in context: `sentiment_valence` of the reference
/// implementation with the rules it applies word by word (boosters, negation,
/// capitals, special idioms, "least").
struct ValenceRating {
    let tokens: SentimentTokens
    /// `allcap_differential`: some tokens, not all, are ALL CAPS.
    private let capsStandOut: Bool

    init(tokens: SentimentTokens) {
        self.tokens = tokens
        let capitalised = tokens.isUpper.lazy.filter { $0 }.count
        capsStandOut = capitalised > 0 && capitalised < tokens.count
    }

    /// The valence of every token, 0 for tokens that carry none.
    func valences() -> [Double] {
        let lowered = tokens.lowered
        var valences = [Double](repeating: 0, count: tokens.count)
        for index in valences.indices {
            // Boosters and "kind of" modify the next word and rate nothing themselves.
            if tokens.words[index].booster != 0 { continue }
            if index + 1 < lowered.count && lowered[index] == "kind" && lowered[index + 1] == "of" { continue }
            valences[index] = valence(at: index)
        }
        return valences
    }

    private func isInLexicon(_ index: Int) -> Bool { tokens.words[index].valence != nil }

    private func valence(at index: Int) -> Double {
        guard let base = tokens.words[index].valence else { return 0 }
        let lowered = tokens.lowered
        var valence = base
        // "no" before another lexicon word negates it rather than rating itself.
        if lowered[index] == "no" && index + 1 < lowered.count && isInLexicon(index + 1) {
            valence = 0
        }
        if (index > 0 && lowered[index - 1] == "no") || (index > 1 && lowered[index - 2] == "no")
            || (index > 2 && lowered[index - 3] == "no" && (lowered[index - 1] == "or" || lowered[index - 1] == "nor"))
        {
            valence = base * VaderConstants.negationScalar
        }
        if tokens.isUpper[index] && capsStandOut {
            valence += valence > 0 ? VaderConstants.capsIncrement : -VaderConstants.capsIncrement
        }
        // The three words before: boosters fade with distance (x1, x0.95, x0.9),
        // and a negation among them flips the valence, unless an idiom says otherwise.
        for distance in 1...3 where index >= distance && !isInLexicon(index - distance) {
            var scalar = boosterScalar(at: index - distance, valence: valence)
            if distance == 2 && scalar != 0 { scalar *= 0.95 }
            if distance == 3 && scalar != 0 { scalar *= 0.9 }
            valence += scalar
            valence = negated(valence, at: index, distance: distance)
            if distance == 3 { valence = idiomValence(valence, at: index) }
        }
        return leastChecked(valence, at: index)
    }

    /// `scalar_inc_dec`: the booster's increment, signed as the valence it
    /// modifies, and raised again when the booster alone is in capitals.
    private func boosterScalar(at index: Int, valence: Double) -> Double {
        var scalar = tokens.words[index].booster
        if scalar == 0 { return 0 }
        if valence < 0 { scalar = -scalar }
        if tokens.isUpper[index] && capsStandOut {
            scalar += valence > 0 ? VaderConstants.capsIncrement : -VaderConstants.capsIncrement
        }
        return scalar
    }

    /// `negated([word])`: a negation word, or any word with "n't".
    private func isNegation(_ index: Int) -> Bool { tokens.words[index].isNegation }

    /// `_negation_check` for the word `distance` before the lexicon word, with the
    /// reference's exceptions: "never so/this good" intensifies (x1.25), and
    /// "without a doubt" does not negate.
    private func negated(_ valence: Double, at index: Int, distance: Int) -> Double {
        let lowered = tokens.lowered
        func word(_ back: Int) -> String { lowered[index - back] }
        switch distance {
        case 1:
            return isNegation(index - 1) ? valence * VaderConstants.negationScalar : valence
        case 2:
            if word(2) == "never" && (word(1) == "so" || word(1) == "this") { return valence * 1.25 }
            if word(2) == "without" && word(1) == "doubt" { return valence }
            return isNegation(index - 2) ? valence * VaderConstants.negationScalar : valence
        default:
            // As the reference groups it: "so" or "this" just before the word
            // intensifies it whatever the third word back is. Grouped as
            // "never" and then "so"/"this", it measured worse on all four sets.
            if (word(3) == "never" && (word(2) == "so" || word(2) == "this")) || word(1) == "so" || word(1) == "this" {
                return valence * 1.25
            }
            if word(3) == "without" && (word(2) == "doubt" || word(1) == "doubt") { return valence }
            return isNegation(index - 3) ? valence * VaderConstants.negationScalar : valence
        }
    }

    /// `_special_idioms_check`: a special-case phrase around the word sets its
    /// valence, and "kind of"/"sort of"/"just enough" before it dampens it.
    private func idiomValence(_ valence: Double, at index: Int) -> Double {
        let lowered = tokens.lowered
        let window = (index - 3)...min(index + 2, lowered.count - 1)
        guard window.contains(where: { tokens.words[$0].isIdiomWord }) else { return valence }
        // The reference joins the words with spaces and looks the string up; no
        // token holds a space, so comparing word by word finds the same phrases
        // without building strings.
        func value(of offsets: [Int], in phrases: [(words: [String], value: Double)]) -> Double? {
            phrases.first { phrase in
                phrase.words.count == offsets.count
                    && zip(phrase.words, offsets).allSatisfy { word, offset in lowered[index + offset] == word }
            }?.value
        }
        let special = VaderConstants.specialCasePhrases, boosters = VaderConstants.boosterPhrases
        var valence = valence
        let oneZero = [-1, 0], twoOneZero = [-2, -1, 0], twoOne = [-2, -1], threeTwoOne = [-3, -2, -1], threeTwo = [-3, -2]
        for sequence in [oneZero, twoOneZero, twoOne, threeTwoOne, threeTwo] {
            if let found = value(of: sequence, in: special) {
                valence = found
                break
            }
        }
        if index + 1 < lowered.count, let found = value(of: [0, 1], in: special) { valence = found }
        if index + 2 < lowered.count, let found = value(of: [0, 1, 2], in: special) { valence = found }
        for sequence in [threeTwoOne, threeTwo, twoOne] {
            if let booster = value(of: sequence, in: boosters) { valence += booster }
        }
        return valence
    }

    /// `_least_check`: "least good" negates, "at least" and "very least" do not.
    private func leastChecked(_ valence: Double, at index: Int) -> Double {
        let lowered = tokens.lowered
        guard index > 0, lowered[index - 1] == "least", !isInLexicon(index - 1) else { return valence }
        if index > 1 && (lowered[index - 2] == "at" || lowered[index - 2] == "very") { return valence }
        return valence * VaderConstants.negationScalar
    }
}
