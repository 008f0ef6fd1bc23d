import Foundation

/// Splits text into words the way the full-text index does (`unicode61
/// remove_diacritics 2 tokenchars '+'`: letters, digits and `+`, case and
/// accents folded), for choosing a summary's candidate terms and comparing
/// sentences. Final figures never come from here: they are FTS5 counts.
enum SummaryTokenizer {
    /// The index's tokens of `text`, in order, with nil in place of a token
    /// that carries no meaning of its own: a stop word, a number, a single
    /// character, or any token of a URL. Keeping the gaps means two words
    /// are only a phrase when they are next to each other in the text.
    static func tokens(_ text: String) -> [String?] {
        var result: [String?] = []
        var chunk: [Unicode.Scalar] = []
        func flushChunk() {
            guard !chunk.isEmpty else { return }
            defer { chunk.removeAll(keepingCapacity: true) }
            if isURL(chunk) {
                // One gap for the whole address: its pieces are tokens in the index.
                result.append(nil)
                return
            }
            var token = String.UnicodeScalarView()
            func flushToken() {
                guard !token.isEmpty else { return }
                result.append(meaningful(String(token)))
                token = String.UnicodeScalarView()
            }
            for scalar in chunk {
                if let ascii = asciiToken(scalar) {
                    token.append(ascii)
                } else if scalar.isASCII {
                    flushToken()
                } else if scalar.properties.generalCategory == .nonspacingMark {
                    // A combining accent belongs to its letter and folds away.
                    continue
                } else if FTSText.isTokenCharacter(scalar) {
                    token.append(contentsOf: folded(scalar))
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
            if let ascii = asciiToken(scalar) {
                token.append(ascii)
            } else if !scalar.isASCII && FTSText.isTokenCharacter(scalar) {
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

    /// An ASCII token character, lower-cased, or nil.
    private static func asciiToken(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        switch scalar.value {
        case 0x61...0x7A, 0x30...0x39, 0x2B: return scalar
        case 0x41...0x5A: return Unicode.Scalar(scalar.value + 0x20)
        default: return nil
        }
    }

    /// A non-ASCII token character lower-cased and without its accents.
    private static func folded(_ scalar: Unicode.Scalar) -> String.UnicodeScalarView {
        let decomposed = String(scalar).lowercased().decomposedStringWithCanonicalMapping.unicodeScalars
        return String.UnicodeScalarView(decomposed.filter { $0.properties.generalCategory != .nonspacingMark })
    }

    private static func isURL(_ chunk: [Unicode.Scalar]) -> Bool {
        let text = String(String.UnicodeScalarView(chunk)).lowercased()
        return text.contains("://") || text.hasPrefix("www.") || text.hasPrefix("(www.")
    }

    /// The token, or nil when it is a stop word, has no letter, or is one character long.
    private static func meaningful(_ token: String) -> String? {
        guard token.unicodeScalars.count > 1, !StopWords.english.contains(token) else { return nil }
        guard token.unicodeScalars.contains(where: { $0.properties.isAlphabetic }) else { return nil }
        return token
    }
}
