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

    /// Collects the scalars of one token at a time and ends it at white space.
    struct Builder {
        let table: [String: SentimentWord]
        let unicodePunctuation: Bool
        let handles: Bool
        var tokens = SentimentTokens()
        /// The token being read; reused from token to token.
        var scalars: [Unicode.Scalar] = []
        private var bytes: [UInt8] = []

        init(words: [String: SentimentWord], unicodePunctuation: Bool, handles: Bool) {
            self.table = words
            self.unicodePunctuation = unicodePunctuation
            self.handles = handles
            scalars.reserveCapacity(32)
            bytes.reserveCapacity(32)
        }

        /// Ends the token being read, if any, and appends it.
        mutating func endToken() {
            guard !scalars.isEmpty else { return }
            defer { scalars.removeAll(keepingCapacity: true) }
            let (start, end) = strippedBounds()
            if handles && start > 0 && scalars[start - 1] == "@" && start < end {
                // An @handle names someone; the word in it is no sentiment of the writer's.
                tokens.append(lowered: "", isUpper: false, word: SentimentWord())
                return
            }
            var isASCII = true
            for index in start..<end where !scalars[index].isASCII {
                isASCII = false
                break
            }
            let lowered: String
            let isUpper: Bool
            if isASCII {
                // Lower-cased byte by byte: the same as `str.lower()` for ASCII, and
                // no trip through Unicode's case tables.
                bytes.removeAll(keepingCapacity: true)
                var cased = false, hasLower = false
                for index in start..<end {
                    var byte = UInt8(truncatingIfNeeded: scalars[index].value)
                    if byte >= 0x41 && byte <= 0x5A {
                        cased = true
                        byte += 0x20
                    } else if byte >= 0x61 && byte <= 0x7A {
                        hasLower = true
                    }
                    bytes.append(byte)
                }
                lowered = String(decoding: bytes, as: UTF8.self)
                isUpper = cased && !hasLower
            } else {
                var token = String.UnicodeScalarView()
                token.append(contentsOf: scalars[start..<end])
                lowered = String(token).lowercased()
                isUpper = Self.isPythonUpper(scalars[start..<end])
            }
            var word = table[lowered] ?? SentimentWord()
            if word.valence == nil && !word.isNegation && lowered.utf8.count >= 3 && Self.hasNT(lowered) {
                word.isNegation = true
            }
            tokens.append(lowered: lowered, isUpper: isUpper, word: word)
        }

        /// `_strip_punc_if_word`: the bounds of `token.strip(string.punctuation)`,
        /// or of the whole token when that leaves two characters or fewer.
        private func strippedBounds() -> (Int, Int) {
            var start = 0, end = scalars.count
            while start < end && isPunctuation(scalars[start]) { start += 1 }
            while end > start && isPunctuation(scalars[end - 1]) { end -= 1 }
            return end - start <= 2 ? (0, scalars.count) : (start, end)
        }

        private func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
            if scalar.isASCII { return Self.asciiPunctuation[Int(scalar.value)] }
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
        private static func isPythonUpper(_ scalars: ArraySlice<Unicode.Scalar>) -> Bool {
            var cased = false
            for scalar in scalars {
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
