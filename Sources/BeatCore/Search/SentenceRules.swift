/// The character classes and abbreviation lists `SentenceSplitter` decides by.
enum SentenceRules {
    static func isStop(_ s: Unicode.Scalar) -> Bool {
        s == "." || s == "!" || s == "?" || s == "\u{2026}" || s == "\u{203C}" || s == "\u{2047}"
    }

    /// Full stops of Chinese and Japanese text, which are not followed by a space.
    static func isCJKStop(_ s: Unicode.Scalar) -> Bool {
        s == "\u{3002}" || s == "\u{FF01}" || s == "\u{FF1F}" || s == "\u{FF61}"
    }

    /// Quotes and brackets that may close a sentence after its stop: `."`, `.)`, `。」`.
    static func isCloser(_ s: Unicode.Scalar) -> Bool {
        closers.contains(s)
    }

    private static let closers: Set<Unicode.Scalar> = [
        "\"", "'", "\u{201D}", "\u{2019}", "\u{00BB}", "\u{203A}", ")", "]", "}",
        "\u{FF09}", "\u{300D}", "\u{300F}", "\u{3011}", "\u{3015}", "\u{3009}", "\u{300B}", "\u{FF02}", "\u{FF07}",
    ]

    /// Quotes and brackets that may open a word: `("Stop`, `“The`.
    static func isOpener(_ s: Unicode.Scalar) -> Bool {
        openers.contains(s)
    }

    private static let openers: Set<Unicode.Scalar> = [
        "\"", "'", "\u{201C}", "\u{2018}", "\u{201E}", "\u{00AB}", "\u{2039}", "(", "[", "{", "\u{00BF}", "\u{00A1}",
        "*", "_",
    ]

    static func isSpace(_ s: Unicode.Scalar) -> Bool {
        // ASCII first: the Unicode property lookup costs more than the rest of the splitting.
        // Its White_Space characters in ASCII are exactly tab to carriage return and the space.
        if s.isASCII { return s == " " || (0x09...0x0D).contains(s.value) }
        return s == "\u{3000}" || s.properties.isWhitespace
    }

    /// Whether the stops at `stops`, whose closers end before `after` (a space
    /// or the end of the text), end the sentence.
    static func endsSentence(_ scalars: [Unicode.Scalar], stops: Range<Int>, after: Int) -> Bool {
        // What follows: the end, a line break (a boundary anyway) or the next word.
        var next = after
        while next < scalars.count && isSpace(scalars[next]) {
            if scalars[next] == "\n" { return true }
            next += 1
        }
        if next == scalars.count { return true }
        let following = word(in: scalars, from: next)
        let firstOfNext = following.first(where: { $0.properties.isAlphabetic || $0.properties.numericType != nil })

        let marks = scalars[stops]
        if marks.contains(where: { $0 != "." && $0 != "\u{2026}" }) { return true }
        if marks.count > 1 || marks.first == "\u{2026}" {
            // An ellipsis trails off mid-sentence ("measured on... wikitext")
            // unless a capital starts the next one.
            guard let firstOfNext else { return true }
            return !firstOfNext.properties.isLowercase && firstOfNext.properties.numericType == nil
        }

        let before = wordBefore(scalars, stop: stops.lowerBound)
        if before.isEmpty { return true }
        let lower = String(String.UnicodeScalarView(before)).lowercased()
        if neverFinal.contains(lower) { return false }
        if beforeNumbers.contains(lower) { return firstOfNext?.properties.numericType == nil }
        // A single capital is an initial: "John F. Kennedy".
        if before.count == 1, before[0].properties.isUppercase { return false }
        if isInitialism(before) || ambiguous.contains(lower) {
            return sentenceOpeners.contains(String(String.UnicodeScalarView(following)).lowercased())
        }
        return true
    }

    /// The word ending just before `stop`, without the quotes or brackets opening it.
    private static func wordBefore(_ scalars: [Unicode.Scalar], stop: Int) -> [Unicode.Scalar] {
        var start = stop
        while start > 0 && !isSpace(scalars[start - 1]) { start -= 1 }
        while start < stop && isOpener(scalars[start]) { start += 1 }
        return Array(scalars[start..<stop])
    }

    /// The word starting at `index`, without opening quotes or brackets and
    /// without trailing punctuation.
    private static func word(in scalars: [Unicode.Scalar], from index: Int) -> [Unicode.Scalar] {
        var start = index
        while start < scalars.count && isOpener(scalars[start]) { start += 1 }
        var end = start
        while end < scalars.count && !isSpace(scalars[end]) { end += 1 }
        while end > start && !(scalars[end - 1].properties.isAlphabetic || scalars[end - 1].properties.numericType != nil) {
            end -= 1
        }
        return Array(scalars[start..<end])
    }

    /// Letters separated by periods: `U.S`, `a.m`, `Ph.D` (the final period is the stop).
    private static func isInitialism(_ word: [Unicode.Scalar]) -> Bool {
        guard word.contains(".") else { return false }
        let parts = word.split(separator: ".", omittingEmptySubsequences: false)
        return parts.allSatisfy { part in
            (1...2).contains(part.count) && part.allSatisfy { $0.properties.isAlphabetic }
        }
    }

    /// Abbreviations a sentence does not end with: titles before a name, and
    /// Latin abbreviations that introduce something.
    private static let neverFinal: Set<String> = [
        "mr", "mrs", "ms", "mx", "dr", "prof", "st", "sen", "rep", "gov", "gen", "col", "capt", "lt", "sgt", "rev",
        "hon", "pres", "supt", "det", "insp", "fr", "mt", "messrs", "e.g", "i.e", "cf", "vs", "viz", "approx", "ca",
        "incl", "esp", "resp", "w.r.t", "a.k.a",
    ]

    /// Abbreviations that end no sentence when a number follows: `No. 5`, `p. 12`, `Jan. 5`.
    private static let beforeNumbers: Set<String> = [
        "no", "nos", "p", "pp", "vol", "vols", "fig", "figs", "art", "sec", "ch", "op", "eq", "ref", "para", "nr",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    ]

    /// Abbreviations that may or may not end a sentence: they do when a common
    /// sentence opener follows (`… in the U.S. The rule …`).
    private static let ambiguous: Set<String> = [
        "etc", "inc", "ltd", "co", "corp", "jr", "sr", "bros", "llc", "plc", "dept", "est", "univ", "govt", "assn",
    ]

    /// Words that usually start a sentence rather than continue a name.
    private static let sentenceOpeners: Set<String> = [
        "the", "this", "that", "these", "those", "there", "then", "they", "their", "it", "its", "it's", "i", "i'm",
        "i've", "we", "he", "she", "you", "but", "and", "so", "yet", "or", "in", "on", "at", "as", "if", "when",
        "while", "after", "before", "a", "an", "my", "our", "your", "what", "why", "how", "who", "which", "not",
        "yes", "also", "however", "meanwhile", "still", "now", "here", "for", "to", "with",
    ]
}
