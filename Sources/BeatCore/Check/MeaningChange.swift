/// Edits that change what a quotation says, whatever their similarity: a negation added or dropped,
/// a number or date changed, a word replaced by its opposite. "Aurora-70B is not open weights."
/// against "Aurora-70B is open weights." is one added word, and the opposite claim.
enum MeaningChange {
    private static let negations: Set<String> = [
        "not", "no", "never", "nobody", "nothing", "none", "neither", "nor", "nowhere", "cannot", "without",
    ]
    private static let numberWords: Set<String> = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "twenty", "thirty", "forty", "fifty", "hundred", "hundreds", "thousand", "thousands", "million", "millions",
        "billion", "billions", "trillion", "dozen", "dozens", "few", "half", "double", "triple", "first", "second",
        "third", "last",
    ]
    private static let dateWords: Set<String> = [
        "today", "tomorrow", "yesterday", "tonight", "week", "weeks", "month", "months", "year", "years", "decade",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
        "april", "may", "june", "july", "august", "september", "october", "november", "december", "spring", "summer",
        "autumn", "fall", "winter", "morning", "evening", "night", "next", "ago",
    ]
    /// Words and their opposites, both ways.
    private static let opposites: [String: Set<String>] = {
        let pairs: [(String, String)] = [
            ("before", "after"), ("upheld", "rejected"), ("upheld", "overturned"), ("upheld", "struck"), ("likely", "unlikely"),
            ("increase", "decrease"), ("increased", "decreased"), ("more", "less"), ("more", "fewer"), ("rise", "fall"),
            ("rose", "fell"), ("win", "lose"), ("won", "lost"), ("accept", "reject"), ("accepted", "rejected"),
            ("allow", "ban"), ("allowed", "banned"), ("support", "oppose"), ("supports", "opposes"), ("approve", "reject"),
            ("approved", "rejected"), ("true", "false"), ("always", "never"), ("best", "worst"), ("open", "closed"),
            ("legal", "illegal"), ("safe", "unsafe"), ("success", "failure"), ("good", "bad"), ("better", "worse"),
            ("love", "hate"), ("agree", "disagree"), ("possible", "impossible"), ("easy", "hard"), ("cheap", "expensive"),
            ("up", "down"), ("higher", "lower"), ("high", "low"), ("passed", "failed"), ("defeated", "passed"),
            ("guilty", "innocent"), ("above", "below"), ("with", "without"), ("can", "cannot"), ("will", "won"),
            ("resisted", "helped"), ("first", "last"), ("early", "late"), ("earlier", "later"), ("strong", "weak"),
        ]
        var map: [String: Set<String>] = [:]
        for (a, b) in pairs {
            map[a, default: []].insert(b)
            map[b, default: []].insert(a)
        }
        return map
    }()

    /// Why the story's words change the meaning of the post's, or nil. `story` and `post` are the
    /// folded words of the quotation and of the passage it was aligned with; `differences` the runs
    /// that differ, as (post words, story words).
    static func reason(story: [String], post: [String], differences: [(old: [String], new: [String])]) -> String? {
        let storyNegations = negationCount(story), postNegations = negationCount(post)
        if storyNegations > postNegations { return "a negation added" }
        if storyNegations < postNegations { return "a negation dropped" }
        for difference in differences {
            let old = difference.old, new = difference.new
            let oldNumbers = old.filter(isNumber), newNumbers = new.filter(isNumber)
            if oldNumbers != newNumbers, !(oldNumbers.isEmpty && newNumbers.isEmpty) {
                return "a number changed: \(describe(old)) became \(describe(new))"
            }
            let oldDates = old.filter(dateWords.contains), newDates = new.filter(dateWords.contains)
            if oldDates != newDates, !oldDates.isEmpty, !newDates.isEmpty {
                return "a date changed: \(describe(old)) became \(describe(new))"
            }
            for word in new {
                if let opposite = old.first(where: { opposites[word]?.contains($0) == true }) {
                    return "a word replaced by its opposite: \(opposite) became \(word)"
                }
            }
        }
        return nil
    }

    /// Negations in `words`: `not`, `never`, and the `n't` of `don't` (folded to `don` `t`).
    static func negationCount(_ words: [String]) -> Int {
        var count = 0
        for (index, word) in words.enumerated() {
            if negations.contains(word) { count += 1 }
            if word == "t", index > 0, words[index - 1].hasSuffix("n") { count += 1 }
            if word.hasSuffix("nt"), ["dont", "doesnt", "isnt", "cant", "wont", "didnt", "arent", "wasnt"].contains(word) { count += 1 }
        }
        return count
    }

    private static func isNumber(_ word: String) -> Bool {
        word.contains(where: \.isNumber) || numberWords.contains(word)
    }

    private static func describe(_ words: [String]) -> String { words.isEmpty ? "nothing" : words.joined(separator: " ") }
}
