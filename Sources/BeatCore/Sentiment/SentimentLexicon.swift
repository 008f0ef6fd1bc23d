import Foundation

/// The word valences and emoji descriptions a `LexiconSentiment` reads: VADER's
/// `vader_lexicon.txt` (token, mean human rating from -4 to 4, ...) and
/// `emoji_utf8_lexicon.txt` (emoji, English description), bundled with BeatCore
/// under `Resources/sentiment/` with their provenance and licence.
public struct SentimentLexicon: Sendable {
    /// The mean valence of each token, keyed as written in the file.
    public let valences: [String: Double]
    /// The words of the description of each emoji that is one Unicode scalar: the
    /// reference implementation replaces text one code point at a time, so only
    /// these match.
    let emojiDescriptions: [Unicode.Scalar: [[UInt8]]]
    /// The lexicon's words with the rules' word lists folded in, for one look-up per token.
    let words: [String: SentimentWord]

    /// Parses the two lexicon files.
    /// - Parameters:
    ///   - valenceText: the contents of `vader_lexicon.txt`: `token<TAB>mean<TAB>…` per line.
    ///   - emojiText: the contents of `emoji_utf8_lexicon.txt`: `emoji<TAB>description` per line.
    /// - Throws: `SentimentLexiconError.malformedLine` naming the file and line at fault.
    public init(valenceText: String, emojiText: String) throws {
        var valences: [String: Double] = [:]
        try Self.forEachRecord(valenceText, file: Self.valenceFile) { fields, line in
            guard fields.count >= 2, let mean = Double(fields[1]) else {
                throw SentimentLexiconError.malformedLine(
                    file: Self.valenceFile, line: line, reason: "expected a token, a tab and a number")
            }
            valences[fields[0]] = mean
        }
        var emoji: [Unicode.Scalar: [[UInt8]]] = [:]
        try Self.forEachRecord(emojiText, file: Self.emojiFile) { fields, line in
            guard fields.count >= 2 else {
                throw SentimentLexiconError.malformedLine(
                    file: Self.emojiFile, line: line, reason: "expected an emoji, a tab and its description")
            }
            let scalars = fields[0].unicodeScalars
            if scalars.count == 1, let scalar = scalars.first {
                emoji[scalar] = fields[1].split(separator: " ").map { Array($0.utf8) }
            }
        }
        self.valences = valences
        self.emojiDescriptions = emoji
        self.words = SentimentWord.table(valences: valences)
    }

    /// The lexicon bundled with BeatCore, read once on first use.
    /// - Throws: `SentimentLexiconError` when the bundled files are missing or damaged.
    public static func bundled() throws -> SentimentLexicon { try loadedBundle.get() }

    static let valenceFile = "vader_lexicon.txt"
    static let emojiFile = "emoji_utf8_lexicon.txt"

    // A static let is initialised once, on first use, under a lock the runtime
    // holds: every thread sees the same parsed lexicon.
    private static let loadedBundle = Result<SentimentLexicon, any Error> {
        try SentimentLexicon(valenceText: readBundled(valenceFile), emojiText: readBundled(emojiFile))
    }

    private static func readBundled(_ name: String) throws -> String {
        let resource = "sentiment/" + name
        guard let path = BundledResource.path(resource) else {
            throw SentimentLexiconError.missing(resource: resource, searched: BundledResource.candidates(resource))
        }
        do {
            return try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw SentimentLexiconError.unreadable(path: path, reason: error.localizedDescription)
        }
    }

    /// Calls `body` with the tab-separated fields of each non-empty line, the
    /// line trimmed of surrounding spaces and CR as the reference reader does.
    /// Read as UTF-8 bytes: splitting on Characters would be slower and would
    /// see "\r\n" as one character.
    private static func forEachRecord(
        _ text: String, file: String, _ body: ([String], Int) throws -> Void
    ) throws {
        var lineNumber = 0
        let isBlank = { (byte: UInt8) in byte == 0x20 || byte == 0x0D || byte == 0x0B || byte == 0x0C }
        for line in text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false) {
            lineNumber += 1
            var trimmed = line[...]
            while let first = trimmed.first, isBlank(first) || first == 0x09 { trimmed.removeFirst() }
            while let last = trimmed.last, isBlank(last) || last == 0x09 { trimmed.removeLast() }
            if trimmed.isEmpty { continue }
            let fields = trimmed.split(separator: 0x09, omittingEmptySubsequences: false).map {
                String(decoding: $0, as: UTF8.self)
            }
            try body(fields, lineNumber)
        }
    }
}

/// Why the sentiment lexicon could not be loaded.
public enum SentimentLexiconError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The resource is not installed beside the executable.
    case missing(resource: String, searched: [String])
    /// The file exists but could not be read as UTF-8 text.
    case unreadable(path: String, reason: String)
    /// A line of a lexicon file is not in its format.
    case malformedLine(file: String, line: Int, reason: String)

    /// The problem with the lexicon file, with its line.
    public var description: String {
        switch self {
        case .missing(let resource, let searched):
            return "the sentiment lexicon \(resource) is not installed beside the beat executable "
                + "(looked in \(searched.joined(separator: ", "))); reinstall Beat with its Beat_BeatCore resources folder"
        case .unreadable(let path, let reason):
            return "\(path): cannot read the sentiment lexicon: \(reason); reinstall Beat"
        case .malformedLine(let file, let line, let reason):
            return "\(file):\(line): \(reason); the bundled lexicon is damaged, reinstall Beat"
        }
    }
}
