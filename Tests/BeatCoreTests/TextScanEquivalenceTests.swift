import Testing

@testable import BeatCore

/// The byte-level scanners that every import runs (`PlainText.normalize`,
/// `CanonicalLink.addresses`) give what their definitions by whole characters
/// give, on seeded random text built from the characters they treat apart.
@Suite struct TextScanEquivalenceTests {
    /// Characters with a rule of their own, and ordinary ones around them.
    static let alphabet: [String] = [
        "a", "Z", "7", " ", " ", "\t", "\n", "\r", "\r\n", "\u{0B}", "\u{0C}", "\u{00}", "\u{1F}", "\u{7F}", "\u{FEFF}",
        "\u{A0}", "\u{202F}", "\u{2028}", "\u{2029}", "\u{0085}", "\u{1680}", "\u{2003}", "\u{205F}", "\u{3000}",
        "é", "ß", "漢", "😀", "e\u{301}", "<", ">", "\"", "http", "https://", "http://", "x.org/", "?q=1", "h", "tt",
    ]

    /// Mostly what stored text is made of, with now and then a character `normalize` changes:
    /// texts that are normal already, or one character away from it.
    static let nearlyNormalAlphabet: [String] = [
        "a", "b", "Z", "7", ".", " ", " ", " ", "\n", "\n", "\t", "é", "漢", "😀", "\u{2003}", "\u{0085}", "\u{A0}",
        "\u{202F}", "\u{2028}", "\u{FEFF}", "\r", "\u{7F}",
    ]

    static func randomTexts(seed: UInt64, count: Int, from alphabet: [String] = alphabet) -> [String] {
        var state = seed
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: state >> 33)
        }
        return (0..<count).map { _ in
            let length = next() % 40
            return (0..<length).map { _ in alphabet[next() % alphabet.count] }.joined()
        }
    }

    @Test func normalizeMatchesTheCharacterDefinition() {
        for text in Self.randomTexts(seed: 11, count: 5_000) {
            #expect(PlainText.normalize(text) == Self.referenceNormalize(text), "\(Array(text.unicodeScalars))")
        }
    }

    /// The scan that lets a normal text through uncopied agrees with the definition: a text it
    /// calls normal is one `normalize` gives back unchanged, and the texts it sends on to the
    /// full pass come out as defined.
    @Test func aTextCalledNormalIsOneNormalizeLeavesAsItIs() {
        var normal = 0
        for text in Self.randomTexts(seed: 13, count: 20_000, from: Self.nearlyNormalAlphabet) {
            var bytes = text
            let isNormal = bytes.withUTF8 { PlainText.isNormal($0) }
            let reference = Self.referenceNormalize(text)
            if isNormal {
                normal += 1
                #expect(reference == text, "called normal: \(Array(text.unicodeScalars))")
            }
            #expect(PlainText.normalize(text) == reference, "\(Array(text.unicodeScalars))")
        }
        #expect(normal > 1_000, "the seeded texts exercise the scan's normal answer (\(normal))")
        #expect(normal < 19_000, "and its other answer")
    }

    @Test func normalizeExamples() {
        #expect(PlainText.normalize("  one  \r\n\r\n\r\n two\u{A0}\u{2028}three\u{FEFF}\u{7}  ") == "one\n\n two\nthree")
        #expect(PlainText.normalize("\u{A0}lead") == " lead")
        #expect(PlainText.normalize("a\rb\n\rc") == "a\nb\n\nc")
        #expect(PlainText.normalize("") == "")
    }

    @Test func addressesMatchTheCharacterDefinition() {
        for text in Self.randomTexts(seed: 12, count: 5_000) {
            #expect(CanonicalLink.addresses(in: text) == Self.referenceAddresses(text), "\(Array(text.unicodeScalars))")
        }
    }

    /// `PlainText.normalize` as defined on Unicode scalars.
    static func referenceNormalize(_ text: String) -> String {
        var output = String.UnicodeScalarView()
        var line = String.UnicodeScalarView()
        var blankLines = 0
        var previousWasCR = false
        func endLine() {
            while let last = line.last, last == " " || last == "\t" { line.removeLast() }
            if line.isEmpty {
                blankLines += 1
                return
            }
            if !output.isEmpty { output.append(contentsOf: (blankLines > 0 ? "\n\n" : "\n").unicodeScalars) }
            output.append(contentsOf: line)
            line = String.UnicodeScalarView()
            blankLines = 0
        }
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch scalar.value {
            case 0x0A where previousWasCR: continue
            case 0x0A, 0x0D, 0x2028, 0x2029, 0x0B, 0x0C: endLine()
            case 0x09: line.append(scalar)
            case 0x00...0x1F, 0x7F, 0xFEFF: continue
            case 0xA0, 0x202F: line.append(" ")
            case 0x20 where line.isEmpty && output.isEmpty: continue
            default: line.append(scalar)
            }
        }
        endLine()
        return String(output)
    }

    /// `CanonicalLink.addresses` as defined on scalars: from each `http` to the
    /// next white space, `<`, `>` or `"`.
    static func referenceAddresses(_ text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        var found: [String] = []
        var index = 0
        while index + 4 <= scalars.count {
            guard String(String.UnicodeScalarView(scalars[index..<(index + 4)])) == "http" else {
                index += 1
                continue
            }
            var end = index + 4
            while end < scalars.count, !scalars[end].properties.isWhitespace, !"<>\"".unicodeScalars.contains(scalars[end]) {
                end += 1
            }
            let candidate = String(String.UnicodeScalarView(scalars[index..<end]))
            if candidate.hasPrefix("http://") || candidate.hasPrefix("https://"), !found.contains(candidate) {
                found.append(candidate)
            }
            index = end
        }
        return found
    }
}
