import Foundation

/// Splits a post's text into the words and emoticons the lexicon scorer rates,
/// as the reference implementation's `SentiText` does: emoji replaced by their
/// descriptions, the text split at white space, and punctuation stripped from
/// both ends of a token unless that leaves two characters or fewer (then the
/// token is an emoticon such as `:)` or `<3` and is kept whole).
struct SentimentTokenizer: Sendable {
    let emojiDescriptions: [Unicode.Scalar: String]
    let refinements: LexiconSentiment.Refinements

    /// The tokens of `text`, in order.
    func tokens(of text: String) -> SentimentTokens {
        var result = SentimentTokens()
        var current = String.UnicodeScalarView()
        func flush() {
            if !current.isEmpty {
                result.append(rawToken: String(current), refinements: refinements)
                current = String.UnicodeScalarView()
            }
        }
        let presentation = refinements.contains(.emojiPresentation)
        let apostrophes = refinements.contains(.typographicApostrophes)
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                if Self.isPythonWhitespace(scalar) { flush() } else { current.append(scalar) }
                continue
            }
            if let description = emojiDescriptions[scalar] {
                // `polarity_scores` puts a space before the description unless one
                // is there already, and none after it: the description's last word
                // runs on into whatever follows the emoji.
                flush()
                var words = description.split(separator: " ")
                let last = words.popLast()
                for word in words { result.append(rawToken: String(word), refinements: refinements) }
                if let last { current.append(contentsOf: last.unicodeScalars) }
            } else if Self.isPythonWhitespace(scalar) {
                flush()
            } else if presentation && (scalar.value == 0xFE0F || scalar.value == 0xFE0E) {
                // A variation selector only picks the emoji's look; kept, it would
                // glue itself to the description's last word ("heart\u{FE0F}").
                continue
            } else if presentation && scalar.value == 0x200D {
                flush()
            } else if apostrophes && Self.typographicApostrophes.contains(scalar.value) {
                current.append("'")
            } else {
                current.append(scalar)
            }
        }
        flush()
        return result
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

/// The tokens of one text, as parallel arrays: the scorer looks at neighbours
/// by index many times, so each token's lower-case form and case are computed once.
struct SentimentTokens {
    /// The tokens as written.
    var texts: [String] = []
    /// `str.lower()` of each token; empty for a token that is no word (an @handle).
    var lowered: [String] = []
    /// `str.isupper()` of each token: it has cased letters and all are capitals.
    var isUpper: [Bool] = []

    var count: Int { texts.count }

    mutating func append(rawToken: String, refinements: LexiconSentiment.Refinements) {
        let token = Self.strippingPunctuation(rawToken, unicode: refinements.contains(.unicodePunctuation))
        let lower = token.lowercased()
        texts.append(token)
        if refinements.contains(.handles) && Self.isHandle(raw: rawToken, stripped: token) {
            lowered.append("")
            isUpper.append(false)
        } else {
            lowered.append(lower)
            isUpper.append(Self.isPythonUpper(token))
        }
    }

    /// `_strip_punc_if_word`: `token.strip(string.punctuation)`, unless that
    /// leaves two characters or fewer.
    static func strippingPunctuation(_ token: String, unicode: Bool) -> String {
        let scalars = token.unicodeScalars
        func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
            if scalar.isASCII { return asciiPunctuation.contains(UInt8(scalar.value)) }
            guard unicode else { return false }
            switch scalar.properties.generalCategory {
            case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
                .initialPunctuation, .finalPunctuation, .otherPunctuation:
                return true
            default:
                return false
            }
        }
        guard let first = scalars.firstIndex(where: { !isPunctuation($0) }) else { return token }
        guard let last = scalars.lastIndex(where: { !isPunctuation($0) }) else { return token }
        if first == scalars.startIndex && last == scalars.index(before: scalars.endIndex) { return token }
        let stripped = scalars[first...last]
        if stripped.count <= 2 { return token }
        return String(String.UnicodeScalarView(stripped))
    }

    /// Python's `string.punctuation`.
    static let asciiPunctuation: Set<UInt8> = Set(Array("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".utf8))

    /// An `@name` names someone; the word in it ("@love", "@happyhour") is no
    /// sentiment of the writer's. The "@" is stripped as punctuation, so the
    /// handle is a word whose stripped part follows an "@".
    static func isHandle(raw: String, stripped: String) -> Bool {
        guard raw.utf8.contains(UInt8(ascii: "@")), stripped.unicodeScalars.count > 2,
            let start = raw.range(of: stripped)
        else { return false }
        return start.lowerBound > raw.startIndex && raw[raw.index(before: start.lowerBound)] == "@"
    }

    /// Python's `str.isupper()`: at least one cased character and no lower-case
    /// or title-case one.
    static func isPythonUpper(_ token: String) -> Bool {
        var cased = false
        for byte in token.utf8 {
            if byte >= 0x80 { return isPythonUpperUnicode(token) }
            if byte >= 0x61 && byte <= 0x7A { return false }
            if byte >= 0x41 && byte <= 0x5A { cased = true }
        }
        return cased
    }

    private static func isPythonUpperUnicode(_ token: String) -> Bool {
        var cased = false
        for scalar in token.unicodeScalars {
            let properties = scalar.properties
            if properties.isLowercase || properties.generalCategory == .titlecaseLetter { return false }
            if properties.isUppercase { cased = true }
        }
        return cased
    }
}
