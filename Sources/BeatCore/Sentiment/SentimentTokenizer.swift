/// Splits a post's text into the words and emoticons the lexicon scorer rates,
/// as the reference implementation's `SentiText` does: emoji replaced by their
/// descriptions, the text split at white space, and punctuation stripped from
/// both ends of a token unless that leaves two characters or fewer (then the
/// token is an emoticon such as `:)` or `<3` and is kept whole).
///
/// It reads the text's UTF-8 bytes: nearly all of a post is ASCII, which needs
/// no decoding, and a token's bytes become its lower-case form directly.
struct SentimentTokenizer: Sendable {
    let lexicon: SentimentLexicon
    let refinements: LexiconSentiment.Refinements

    /// The tokens of `text`, in order.
    func tokens(of text: String) -> SentimentTokens {
        var builder = SentimentTokens.Builder(
            words: lexicon.words, unicodePunctuation: refinements.contains(.unicodePunctuation),
            handles: refinements.contains(.handles))
        var text = text
        text.withUTF8 { bytes in
            builder.source = bytes
            scan(bytes, into: &builder)
            builder.endToken()
            builder.source = UnsafeBufferPointer(start: nil, count: 0)
        }
        return builder.tokens
    }

    private func scan(_ bytes: UnsafeBufferPointer<UInt8>, into builder: inout SentimentTokens.Builder) {
        let presentation = refinements.contains(.emojiPresentation)
        let apostrophes = refinements.contains(.typographicApostrophes)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                if Self.isASCIIWhitespace(byte) {
                    builder.endToken()
                } else {
                    if byte == UInt8(ascii: "!") {
                        builder.tokens.exclamations += 1
                    } else if byte == UInt8(ascii: "?") {
                        builder.tokens.questions += 1
                    }
                    builder.appendSource(index..<(index + 1))
                }
                index += 1
                continue
            }
            let (scalar, length) = UTF8Scalar.decode(bytes, at: index)
            defer { index += length }
            if let description = lexicon.emojiDescriptions[scalar] {
                // `polarity_scores` puts a space before the description unless one
                // is there already, and none after it: the description's last word
                // runs on into whatever follows the emoji.
                builder.endToken()
                for (offset, word) in description.enumerated() {
                    if offset > 0 { builder.endToken() }
                    builder.append(contentsOf: word)
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
                builder.append(contentsOf: CollectionOfOne(UInt8(ascii: "'")))
            } else {
                builder.appendSource(index..<(index + length))
            }
        }
    }

    /// U+2019 and U+2018 (curly quotes), U+02BC (modifier apostrophe), U+FF07
    /// (fullwidth): what phones and editors type for "'" in "don't".
    static let typographicApostrophes: Set<UInt32> = [0x2019, 0x2018, 0x02BC, 0xFF07]

    /// The ASCII characters `str.split()` breaks at.
    static func isASCIIWhitespace(_ byte: UInt8) -> Bool {
        (byte >= 0x09 && byte <= 0x0D) || (byte >= 0x1C && byte <= 0x20)
    }

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

/// Decoding one scalar of valid UTF-8 (a Swift string's bytes always are).
enum UTF8Scalar {
    /// The scalar whose first byte is at `index`, and its length in bytes.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (Unicode.Scalar, Int) {
        let lead = UInt32(bytes[index])
        let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        var value = length == 1 ? lead : lead & (0xFF >> (length + 1))
        for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }

    /// Whether `byte` continues a scalar rather than starting one.
    static func isContinuation(_ byte: UInt8) -> Bool { byte & 0xC0 == 0x80 }
}
