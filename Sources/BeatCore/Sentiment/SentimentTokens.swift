/// The tokens of one text, as parallel arrays: the scorer looks at neighbours
/// by index many times, so each token's lower-case form, case and entry in the
/// word table are found once.
struct SentimentTokens {
    /// `str.lower()` of each token; empty for a token that is no word (an @handle).
    var lowered: [String] = []
    /// `str.isupper()` of each token: it has cased letters and all are capitals.
    var isUpper: [Bool] = []
    /// The token's entry in the word table; an empty entry for other words.
    var words: [SentimentWord] = []

    var count: Int { lowered.count }

    /// How many "!" and "?" the text has (`_punctuation_emphasis` counts them
    /// in the whole text).
    var exclamations = 0
    var questions = 0

    /// Collects the UTF-8 bytes of one token at a time and ends it at white space.
    struct Builder {
        let table: [String: SentimentWord]
        let unicodePunctuation: Bool
        let handles: Bool
        var tokens = SentimentTokens()
        /// The token being read; reused from token to token.
        var bytes: [UInt8] = []
        private var lowerBytes: [UInt8] = []

        init(words: [String: SentimentWord], unicodePunctuation: Bool, handles: Bool) {
            self.table = words
            self.unicodePunctuation = unicodePunctuation
            self.handles = handles
            bytes.reserveCapacity(32)
            lowerBytes.reserveCapacity(32)
        }

        /// Ends the token being read, if any, and appends it.
        mutating func endToken() {
            guard !bytes.isEmpty else { return }
            let (start, end) = bytes.withUnsafeBufferPointer { strippedBounds($0) }
            if handles && start > 0 && bytes[start - 1] == UInt8(ascii: "@") {
                // An @handle names someone; the word in it is no sentiment of the writer's.
                tokens.append(lowered: "", isUpper: false, word: SentimentWord())
                bytes.removeAll(keepingCapacity: true)
                return
            }
            var isASCII = true
            var cased = false, hasLower = false
            lowerBytes.removeAll(keepingCapacity: true)
            for index in start..<end {
                var byte = bytes[index]
                if byte >= 0x80 {
                    isASCII = false
                    break
                }
                // Lower-cased byte by byte: the same as `str.lower()` for ASCII.
                if byte >= 0x41 && byte <= 0x5A {
                    cased = true
                    byte += 0x20
                } else if byte >= 0x61 && byte <= 0x7A {
                    hasLower = true
                }
                lowerBytes.append(byte)
            }
            let lowered: String
            let isUpper: Bool
            if isASCII {
                lowered = String(decoding: lowerBytes, as: UTF8.self)
                isUpper = cased && !hasLower
            } else {
                let token = String(decoding: bytes[start..<end], as: UTF8.self)
                lowered = token.lowercased()
                isUpper = Self.isPythonUpper(token)
            }
            bytes.removeAll(keepingCapacity: true)
            var word = table[lowered] ?? SentimentWord()
            if word.valence == nil && !word.isNegation && Self.hasNT(lowered) { word.isNegation = true }
            tokens.append(lowered: lowered, isUpper: isUpper, word: word)
        }

        /// `_strip_punc_if_word`: the byte bounds of `token.strip(string.punctuation)`,
        /// or of the whole token when that leaves two characters or fewer.
        private func strippedBounds(_ token: UnsafeBufferPointer<UInt8>) -> (Int, Int) {
            var start = 0, end = token.count
            while start < end {
                if token[start] < 0x80 {
                    guard Self.asciiPunctuation[Int(token[start])] else { break }
                    start += 1
                } else {
                    let (scalar, length) = UTF8Scalar.decode(token, at: start)
                    guard isUnicodePunctuation(scalar) else { break }
                    start += length
                }
            }
            while end > start {
                if token[end - 1] < 0x80 {
                    guard Self.asciiPunctuation[Int(token[end - 1])] else { break }
                    end -= 1
                } else {
                    var first = end - 1
                    while UTF8Scalar.isContinuation(token[first]) { first -= 1 }
                    guard isUnicodePunctuation(UTF8Scalar.decode(token, at: first).0) else { break }
                    end = first
                }
            }
            if start == 0 && end == token.count { return (start, end) }
            var scalars = 0
            for index in start..<end where !UTF8Scalar.isContinuation(token[index]) {
                scalars += 1
                if scalars > 2 { return (start, end) }
            }
            return (0, token.count)
        }

        private func isUnicodePunctuation(_ scalar: Unicode.Scalar) -> Bool {
            guard unicodePunctuation else { return false }
            switch scalar.properties.generalCategory {
            case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
                .initialPunctuation, .finalPunctuation, .otherPunctuation:
                return true
            default:
                return false
            }
        }

        /// Python's `string.punctuation`, indexed by ASCII code.
        private static let asciiPunctuation: [Bool] = {
            var table = [Bool](repeating: false, count: 128)
            for byte in "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".utf8 { table[Int(byte)] = true }
            return table
        }()

        /// `"n't" in word`.
        private static func hasNT(_ word: String) -> Bool {
            var previous: (UInt8, UInt8) = (0, 0)
            for byte in word.utf8 {
                if previous == (UInt8(ascii: "n"), UInt8(ascii: "'")) && byte == UInt8(ascii: "t") { return true }
                previous = (previous.1, byte)
            }
            return false
        }

        /// Python's `str.isupper()`: at least one cased character and no lower-case
        /// or title-case one.
        private static func isPythonUpper(_ token: String) -> Bool {
            var cased = false
            for scalar in token.unicodeScalars {
                let properties = scalar.properties
                if properties.isLowercase || properties.generalCategory == .titlecaseLetter { return false }
                if properties.isUppercase { cased = true }
            }
            return cased
        }
    }

    private mutating func append(lowered: String, isUpper: Bool, word: SentimentWord) {
        self.lowered.append(lowered)
        self.isUpper.append(isUpper)
        self.words.append(word)
    }
}
