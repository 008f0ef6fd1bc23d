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
    ///
    /// A token that is a run of the text's own bytes (nearly every one) is kept
    /// as that range of `source`; only a token that gains other bytes (an emoji's
    /// description, a replaced apostrophe) is copied into `bytes`.
    struct Builder {
        let table: [String: SentimentWord]
        let unicodePunctuation: Bool
        let handles: Bool
        var tokens = SentimentTokens()
        /// The text's bytes, valid while the tokenizer scans them.
        var source = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
        /// The token being read when it is a run of `source`.
        private var run: Range<Int>?
        /// The token being read when it is not; reused from token to token.
        private var bytes: [UInt8] = []
        private var lowerBytes: [UInt8] = []

        /// Appends bytes of the text itself, `range` of `source`.
        mutating func appendSource(_ range: Range<Int>) {
            if bytes.isEmpty {
                guard let current = run else {
                    run = range
                    return
                }
                if current.upperBound == range.lowerBound {
                    run = current.lowerBound..<range.upperBound
                    return
                }
            }
            materialize()
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[range]))
        }

        /// Appends bytes that are not the text's own at this place.
        mutating func append(contentsOf other: some Collection<UInt8>) {
            materialize()
            bytes.append(contentsOf: other)
        }

        private mutating func materialize() {
            if let current = run {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[current]))
                run = nil
            }
        }

        init(words: [String: SentimentWord], unicodePunctuation: Bool, handles: Bool) {
            self.table = words
            self.unicodePunctuation = unicodePunctuation
            self.handles = handles
            lowerBytes.reserveCapacity(32)
        }

        /// Ends the token being read, if any, and appends it.
        mutating func endToken() {
            if let current = run {
                run = nil
                endToken(UnsafeBufferPointer(rebasing: source[current]))
            } else if !bytes.isEmpty {
                let copied = bytes
                bytes.removeAll(keepingCapacity: true)
                copied.withUnsafeBufferPointer { endToken($0) }
            }
        }

        private mutating func endToken(_ whole: UnsafeBufferPointer<UInt8>) {
            let (start, end) = strippedBounds(whole)
            if handles && start > 0 && whole[start - 1] == UInt8(ascii: "@") {
                // An @handle names someone; the word in it is no sentiment of the writer's.
                tokens.append(lowered: "", isUpper: false, word: SentimentWord())
                return
            }
            let token = UnsafeBufferPointer(rebasing: whole[start..<end])
            var isASCII = true
            var cased = false, hasLower = false, hasApostrophe = false
            for byte in token {
                if byte >= 0x80 {
                    isASCII = false
                    break
                }
                if byte >= 0x41 && byte <= 0x5A {
                    cased = true
                } else if byte >= 0x61 && byte <= 0x7A {
                    hasLower = true
                } else if byte == UInt8(ascii: "'") {
                    hasApostrophe = true
                }
            }
            let lowered: String
            let isUpper: Bool
            if isASCII {
                isUpper = cased && !hasLower
                if cased {
                    // Lower-cased byte by byte: the same as `str.lower()` for ASCII.
                    lowerBytes.removeAll(keepingCapacity: true)
                    for byte in token { lowerBytes.append(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte) }
                    lowered = String(decoding: lowerBytes, as: UTF8.self)
                } else {
                    lowered = String(decoding: token, as: UTF8.self)
                }
            } else {
                let text = String(decoding: token, as: UTF8.self)
                lowered = text.lowercased()
                isUpper = Self.isPythonUpper(text)
            }
            var word = table[lowered] ?? SentimentWord()
            if word.valence == nil && !word.isNegation && (hasApostrophe || !isASCII) && Self.hasNT(lowered) {
                word.isNegation = true
            }
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
