/// The constants and word lists of the VADER method, as the reference
/// implementation (`vaderSentiment` 3.3.2, `vaderSentiment/vaderSentiment.py`,
/// Hutto & Gilbert, ICWSM 2014) defines them. Names follow that file's.
enum VaderConstants {
    /// `B_INCR`, `B_DECR`: the empirically derived mean change of rating a
    /// booster ("very") or dampener ("slightly") word brings.
    static let boosterIncrement = 0.293
    static let boosterDecrement = -0.293
    /// `C_INCR`: the mean change an ALL-CAPS word brings in mixed-case text.
    static let capsIncrement = 0.733
    /// `N_SCALAR`: a negated valence is multiplied by this.
    static let negationScalar = -0.74
    /// `normalize(score, alpha=15)`: the compound is `sum / sqrt(sum² + alpha)`.
    static let normalizationAlpha = 15.0
    /// `_amplify_ep`: each "!" adds this, up to four of them.
    static let exclamationIncrement = 0.292
    static let exclamationLimit = 4
    /// `_amplify_qm`: two or three "?" add this each; more add `questionCeiling`.
    static let questionIncrement = 0.18
    static let questionCeiling = 0.96
    /// `_but_check`: valences before the first "but" are scaled by the first
    /// factor, valences after it by the second.
    static let beforeContrast = 0.5
    static let afterContrast = 1.5

    /// `NEGATE`: words that negate a valence up to three words after them.
    static let negations: Set<String> = [
        "aint", "arent", "cannot", "cant", "couldnt", "darent", "didnt", "doesnt",
        "ain't", "aren't", "can't", "couldn't", "daren't", "didn't", "doesn't",
        "dont", "hadnt", "hasnt", "havent", "isnt", "mightnt", "mustnt", "neither",
        "don't", "hadn't", "hasn't", "haven't", "isn't", "mightn't", "mustn't",
        "neednt", "needn't", "never", "none", "nope", "nor", "not", "nothing", "nowhere",
        "oughtnt", "shant", "shouldnt", "uhuh", "wasnt", "werent",
        "oughtn't", "shan't", "shouldn't", "uh-uh", "wasn't", "weren't",
        "without", "wont", "wouldnt", "won't", "wouldn't", "rarely", "seldom", "despite",
    ]

    /// `BOOSTER_DICT`: degree adverbs that raise or lower the valence that follows.
    static let boosters: [String: Double] = {
        let up = boosterIncrement, down = boosterDecrement
        var words: [String: Double] = [:]
        for word in [
            "absolutely", "amazingly", "awfully", "completely", "considerable", "considerably",
            "decidedly", "deeply", "effing", "enormous", "enormously", "entirely", "especially",
            "exceptional", "exceptionally", "extreme", "extremely", "fabulously", "flipping",
            "flippin", "frackin", "fracking", "fricking", "frickin", "frigging", "friggin", "fully",
            "fuckin", "fucking", "fuggin", "fugging", "greatly", "hella", "highly", "hugely",
            "incredible", "incredibly", "intensely", "major", "majorly", "more", "most",
            "particularly", "purely", "quite", "really", "remarkably", "so", "substantially",
            "thoroughly", "total", "totally", "tremendous", "tremendously", "uber", "unbelievably",
            "unusually", "utter", "utterly", "very",
        ] { words[word] = up }
        for word in [
            "almost", "barely", "hardly", "just enough", "kind of", "kinda", "kindof", "kind-of",
            "less", "little", "marginal", "marginally", "occasional", "occasionally", "partly",
            "scarce", "scarcely", "slight", "slightly", "somewhat", "sort of", "sorta", "sortof",
            "sort-of",
        ] { words[word] = down }
        return words
    }()

    /// `SPECIAL_CASES`: phrases whose valence replaces that of the lexicon word in them.
    static let specialCases: [String: Double] = [
        "the shit": 3, "the bomb": 3, "bad ass": 1.5, "badass": 1.5, "bus stop": 0.0,
        "yeah right": -2, "kiss of death": -1.5, "to die for": 3, "beating heart": 3.5,
    ]

    /// The special cases and boosters of more than one word, split into words.
    /// The reference only ever looks up phrases of two or three words, so the
    /// one-word special case "badass" never applies, and it is left out here too.
    static let specialCasePhrases = phrases(of: specialCases)
    static let boosterPhrases = phrases(of: boosters)

    private static func phrases(of table: [String: Double]) -> [(words: [String], value: Double)] {
        table.filter { $0.key.contains(" ") }.map { (words: $0.key.split(separator: " ").map(String.init), value: $0.value) }
    }

    /// Every word of a special case or of a booster phrase: a lexicon word with
    /// none of these around it cannot be part of an idiom, which spares joining
    /// the neighbouring words to look.
    static let idiomWords: Set<String> = {
        let phrases = specialCases.keys.filter { $0.contains(" ") } + boosters.keys.filter { $0.contains(" ") }
        return Set(phrases.flatMap { $0.split(separator: " ").map(String.init) })
    }()
}
