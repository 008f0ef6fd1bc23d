import Foundation

/// A word of a text as the full-text index sees it: the token FTS5's
/// `unicode61 remove_diacritics 2 tokenchars '+'` tokenizer would produce,
/// folded, with the stretch of the original text it came from.
///
/// Comparing quotations word by word makes every difference the index ignores
/// irrelevant to the comparison too: case, runs of whitespace, quote marks
/// (“ ” „ ‘ ’ ‚ « » ' "), dashes (‐ ‑ ‒ – — ― -), apostrophes, ellipsis
/// characters and other punctuation separate words and are never part of one.
/// Punctuation is deliberately not compared: quoting style moves commas and
/// full stops inside the quote marks, and a quote is judged by its words.
struct FoldedWord: Equatable {
    /// Lowercased, diacritics removed: `café` and `CAFE` both fold to `cafe`.
    var folded: String
    /// The word as written, a slice of the text it was read from (its indices
    /// are the text's: the map from a word back to the verbatim text).
    var original: Substring
}

enum QuoteWords {
    /// The words of `text` in order.
    static func words(in text: String) -> [FoldedWord] {
        var result: [FoldedWord] = []
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        while index < scalars.endIndex {
            guard FTSText.isTokenCharacter(scalars[index]) else {
                scalars.formIndex(after: &index)
                continue
            }
            let start = index
            // Combining marks after a letter stay in the word (they fold away),
            // as the tokenizer keeps `e` + U+0301 together.
            while index < scalars.endIndex, FTSText.isTokenCharacter(scalars[index]) || isCombiningMark(scalars[index]) {
                scalars.formIndex(after: &index)
            }
            let original = text[start..<index]
            result.append(FoldedWord(folded: fold(original), original: original))
        }
        return result
    }

    /// Case and diacritics folded the way the index folds them.
    static func fold(_ word: Substring) -> String {
        var result = String.UnicodeScalarView()
        for scalar in String(word).decomposedStringWithCanonicalMapping.unicodeScalars where !isCombiningMark(scalar) {
            result.append(scalar)
        }
        return String(result).lowercased()
    }

    static func isCombiningMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }
}
