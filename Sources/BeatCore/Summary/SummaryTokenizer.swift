import Foundation

/// Splits text into words the way the full-text index does (`unicode61
/// remove_diacritics 2 tokenchars '+'`: letters, digits and `+`, case and
/// accents folded), for choosing a summary's candidate terms and comparing
/// sentences. Final figures never come from here: they are FTS5 counts.
///
/// Most text is ASCII, so each step has an ASCII path that needs no Unicode
/// property lookup; those lookups would otherwise be most of a summary's time.
enum SummaryTokenizer {
    /// The index's tokens of `text`, in order, with nil in place of a token
    /// that carries no meaning of its own: a stop word, a number, a single
    /// character, or any token of a URL. Keeping the gaps means two words
    /// are only a phrase when they are next to each other in the text.
    static func tokens(_ text: String) -> [String?] {
        var result: [String?] = []
        var chunk: [Unicode.Scalar] = []
        var token: [UInt8] = []
        var tokenScalars = 0
        var tokenHasLetter = false

        func flushToken() {
            guard !token.isEmpty else { return }
            if tokenScalars > 1 && tokenHasLetter {
                let word = String(decoding: token, as: UTF8.self)
                result.append(StopWords.english.contains(word) ? nil : word)
            } else {
                result.append(nil)
            }
            token.removeAll(keepingCapacity: true)
            tokenScalars = 0
            tokenHasLetter = false
        }

        func flushChunk() {
            guard !chunk.isEmpty else { return }
            defer { chunk.removeAll(keepingCapacity: true) }
            if isURL(chunk) {
                // One gap for the whole address: its pieces are tokens in the index.
                result.append(nil)
                return
            }
            for scalar in chunk {
                let value = scalar.value
                if value < 0x80 {
                    switch value {
                    case 0x61...0x7A:
                        token.append(UInt8(value))
                        tokenHasLetter = true
                    case 0x41...0x5A:
                        token.append(UInt8(value + 0x20))
                        tokenHasLetter = true
                    case 0x30...0x39, 0x2B:
                        token.append(UInt8(value))
                    default:
                        flushToken()
                        // Punctuation that ends a clause ends a phrase too: "weights, state" is not one.
                        if Self.clauseEnds.contains(value) && result.last.map({ $0 != nil }) == true { result.append(nil) }
                        continue
                    }
                    tokenScalars += 1
                } else if scalar.properties.generalCategory == .nonspacingMark {
                    // A combining accent belongs to its letter and folds away.
                    continue
                } else if FTSText.isTokenCharacter(scalar) {
                    for folded in folded(scalar) { token.append(contentsOf: String(folded).utf8) }
                    tokenScalars += 1
                    if scalar.properties.isAlphabetic { tokenHasLetter = true }
                } else {
                    flushToken()
                }
            }
            flushToken()
        }

        for scalar in text.unicodeScalars {
            if SentenceRules.isSpace(scalar) {
                flushChunk()
            } else {
                chunk.append(scalar)
            }
        }
        flushChunk()
        return result
    }

    /// `, . ; : ! ? ( ) [ ] " { }`, as scalar values.
    private static let clauseEnds: Set<UInt32> = [0x2C, 0x2E, 0x3B, 0x3A, 0x21, 0x3F, 0x28, 0x29, 0x5B, 0x5D, 0x22, 0x7B, 0x7D]

    /// The words of `tokens` (gaps skipped).
    static func words(_ tokens: [String?]) -> [String] { tokens.compactMap { $0 } }

    /// Two-word phrases of neighbouring words (no gap between them).
    static func phrases(_ tokens: [String?]) -> [String] {
        guard tokens.count > 1 else { return [] }
        var result: [String] = []
        for index in 1..<tokens.count {
            if let first = tokens[index - 1], let second = tokens[index] { result.append(first + " " + second) }
        }
        return result
    }

    /// Every token of `text` as the index makes it, stop words included:
    /// the words a query's own match text names.
    static func allTokens(_ text: String) -> Set<String> {
        var words = Set<String>()
        var token = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                switch scalar.value {
                case 0x61...0x7A, 0x30...0x39, 0x2B: token.append(scalar)
                case 0x41...0x5A: token.append(Unicode.Scalar(scalar.value + 0x20) ?? scalar)
                default:
                    if !token.isEmpty { words.insert(String(token)) }
                    token = String.UnicodeScalarView()
                }
            } else if FTSText.isTokenCharacter(scalar) {
                token.append(contentsOf: folded(scalar))
            } else if !token.isEmpty {
                words.insert(String(token))
                token = String.UnicodeScalarView()
            }
        }
        if !token.isEmpty { words.insert(String(token)) }
        return words
    }

    // MARK: - Characters

    /// A non-ASCII token character lower-cased and without its accents.
    private static func folded(_ scalar: Unicode.Scalar) -> [Unicode.Scalar] {
        var result: [Unicode.Scalar] = []
        for lower in scalar.properties.lowercaseMapping.unicodeScalars {
            // The canonical decomposition, less its combining marks: é is e and U+0301.
            let decomposed = String(lower).decomposedStringWithCanonicalMapping.unicodeScalars
            result.append(contentsOf: decomposed.filter { $0.properties.generalCategory != .nonspacingMark })
        }
        return result
    }

    /// Whether a run of non-space characters is a web address: `scheme://…` or `www.…`.
    private static func isURL(_ chunk: [Unicode.Scalar]) -> Bool {
        guard chunk.count >= 4 else { return false }
        let start = chunk[0] == "(" || chunk[0] == "<" ? 1 : 0
        if chunk.count >= start + 4 {
            let www: [UInt32] = [0x77, 0x77, 0x77, 0x2E]
            if (0..<4).allSatisfy({ lowerASCII(chunk[start + $0]) == www[$0] }) { return true }
        }
        for index in 1..<(chunk.count - 2) where chunk[index] == ":" && chunk[index + 1] == "/" && chunk[index + 2] == "/" {
            return true
        }
        return false
    }

    private static func lowerASCII(_ scalar: Unicode.Scalar) -> UInt32 {
        (0x41...0x5A).contains(scalar.value) ? scalar.value + 0x20 : scalar.value
    }
}
