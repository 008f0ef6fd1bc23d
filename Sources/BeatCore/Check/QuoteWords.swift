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
            guard isWordStart(scalars[index]) else {
                scalars.formIndex(after: &index)
                continue
            }
            let start = index
            // Combining marks after a letter stay in the word (they fold away),
            // as the tokenizer keeps `e` + U+0301 together.
            while index < scalars.endIndex, isWordStart(scalars[index]) || (!scalars[index].isASCII && isCombiningMark(scalars[index])) {
                scalars.formIndex(after: &index)
            }
            let original = text[start..<index]
            result.append(FoldedWord(folded: fold(original), original: original))
        }
        return result
    }

    /// A character the index's tokenizer keeps in a word. ASCII is answered
    /// here: most text is ASCII, and the Unicode tables are slow to consult.
    private static func isWordStart(_ scalar: Unicode.Scalar) -> Bool {
        guard scalar.isASCII else { return FTSText.isTokenCharacter(scalar) }
        switch scalar.value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x2B: return true
        default: return false
        }
    }

    /// Case and diacritics folded the way the index folds them.
    static func fold(_ word: Substring) -> String {
        // ASCII has no diacritics to remove: only the case to fold.
        if word.utf8.allSatisfy({ $0 < 0x80 }) { return word.lowercased() }
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
