/// Splits a post's text into the words and emoticons the lexicon scorer rates,
/// as the reference implementation's `SentiText` does: emoji replaced by their
/// descriptions, the text split at white space, and punctuation stripped from
/// both ends of a token unless that leaves two characters or fewer (then the
/// token is an emoticon such as `:)` or `<3` and is kept whole).
struct SentimentTokenizer: Sendable {
    let lexicon: SentimentLexicon
    let refinements: LexiconSentiment.Refinements

    /// The tokens of `text`, in order.
    func tokens(of text: String) -> SentimentTokens {
        var builder = SentimentTokens.Builder(
            words: lexicon.words, unicodePunctuation: refinements.contains(.unicodePunctuation),
            handles: refinements.contains(.handles))
        let presentation = refinements.contains(.emojiPresentation)
        let apostrophes = refinements.contains(.typographicApostrophes)
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                if Self.isPythonWhitespace(scalar) { builder.endToken() } else { builder.scalars.append(scalar) }
                continue
            }
            if let description = lexicon.emojiDescriptions[scalar] {
                // `polarity_scores` puts a space before the description unless one
                // is there already, and none after it: the description's last word
                // runs on into whatever follows the emoji.
                builder.endToken()
                for (offset, word) in description.enumerated() {
                    if offset > 0 { builder.endToken() }
                    builder.scalars.append(contentsOf: word)
                }
            } else if Self.isPythonWhitespace(scalar) {
                builder.endToken()
            } else if presentation && (scalar.value == 0xFE0F || scalar.value == 0xFE0E) {
                // A variation selector only picks the emoji's look; kept, it would
                // glue itself to the description's last word ("heart\u{FE0F}").
                continue
            } else if presentation && scalar.value == 0x200D {
                builder.endToken()
            } else if apostrophes && Self.typographicApostrophes.contains(scalar.value) {
                builder.scalars.append("'")
            } else {
                builder.scalars.append(scalar)
            }
        }
        builder.endToken()
        return builder.tokens
    }

    /// U+2019 and U+2018 (curly quotes), U+02BC (modifier apostrophe), U+FF07
    /// (fullwidth): what phones and editors type for "'" in "don't".
    static let typographicApostrophes: Set<UInt32> = [0x2019, 0x2018, 0x02BC, 0xFF07]

    /// `str.split()` breaks at the characters Python counts as white space.
    static func isPythonWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x1C...0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            return true
        default:
            return false
        }
    }
}
