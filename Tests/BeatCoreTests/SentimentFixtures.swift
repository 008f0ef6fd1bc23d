import BeatCore
import BeatTestSupport
import Foundation

/// A human-rated set of `Fixtures/sentiment/` (see the PROVENANCE.md there): each
/// sentence with the mean rating of its human raters (-4...4) and the compound
/// score of the reference implementation (`vaderSentiment` 3.3.2, unrounded).
struct HumanRatedSet {
    struct Sentence {
        var id: String
        var humanMean: Double
        var text: String
        var referenceCompound: Double
    }

    var name: String
    var sentences: [Sentence]

    /// Reads `<name>_GroundTruth.txt` (`id<TAB>mean<TAB>text`, CRLF lines, maybe
    /// a BOM) and `<name>_reference.tsv` (`id<TAB>compound`), the same way
    /// `scripts/sentiment-reference.py` read them.
    init(_ name: String) throws {
        self.name = name
        let truth = try Self.lines(Fixtures.path("sentiment/\(name)_GroundTruth.txt"))
        let reference = try Self.lines(Fixtures.path("sentiment/\(name)_reference.tsv"))
        guard truth.count == reference.count else {
            throw FixtureError(
                "\(name): \(truth.count) rated sentences but \(reference.count) reference scores; run scripts/sentiment-reference.py")
        }
        sentences = try zip(truth, reference).map { line, scored in
            let fields = line.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false)
            let score = scored.split(separator: "\t")
            guard fields.count == 3, let mean = Double(fields[1]), score.count == 2,
                score[0] == fields[0], let compound = Double(score[1])
            else { throw FixtureError("\(name): cannot read '\(line)' with '\(scored)'") }
            return Sentence(id: String(fields[0]), humanMean: mean, text: String(fields[2]), referenceCompound: compound)
        }
    }

    /// The file's non-empty lines, split at "\n" with a trailing "\r" and a
    /// leading byte-order mark removed, as bytes: Swift reads "\r\n" as one character.
    private static func lines(_ path: String) throws -> [String] {
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        return bytes.split(separator: UInt8(ascii: "\n")).compactMap { line in
            let trimmed = line.last == UInt8(ascii: "\r") ? line.dropLast() : line[...]
            return trimmed.isEmpty ? nil : String(decoding: trimmed, as: UTF8.self)
        }
    }
}

struct FixtureError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// How well compound scores agree with the human ratings of a set.
///
/// The human label is the sign of the mean rating, as the VADER paper's
/// classification used it: above 0 positive, below 0 critical, exactly 0
/// neutral. A score is labelled with the scorer's own cut (±0.05, `classify`).
struct SentimentAgreement: CustomStringConvertible {
    /// Share of sentences whose score has the human label.
    var accuracy: Double
    /// The mean over the three classes of F1 (a class nobody chose counts 0).
    var macroF1: Double
    /// Pearson's correlation of the compound with the human mean.
    var correlation: Double

    init(humanMeans: [Double], compounds: [Double]) {
        precondition(humanMeans.count == compounds.count && !compounds.isEmpty)
        let truth = humanMeans.map(Self.humanLabel)
        let predicted = compounds.map(Self.scoreLabel)
        let n = Double(truth.count)
        accuracy = Double(zip(truth, predicted).filter { $0 == $1 }.count) / n
        var f1Sum = 0.0
        for label in SentimentClass.allCases {
            let truePositives = Double(zip(truth, predicted).filter { $0 == label && $1 == label }.count)
            let predictedCount = Double(predicted.filter { $0 == label }.count)
            let actualCount = Double(truth.filter { $0 == label }.count)
            let precision = predictedCount > 0 ? truePositives / predictedCount : 0
            let recall = actualCount > 0 ? truePositives / actualCount : 0
            f1Sum += precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0
        }
        macroF1 = f1Sum / Double(SentimentClass.allCases.count)
        let meanX = humanMeans.reduce(0, +) / n, meanY = compounds.reduce(0, +) / n
        var sxy = 0.0, sxx = 0.0, syy = 0.0
        for (x, y) in zip(humanMeans, compounds) {
            sxy += (x - meanX) * (y - meanY)
            sxx += (x - meanX) * (x - meanX)
            syy += (y - meanY) * (y - meanY)
        }
        correlation = sxy / (sxx * syy).squareRoot()
    }

    static func humanLabel(_ mean: Double) -> SentimentClass {
        mean > 0 ? .positive : mean < 0 ? .critical : .neutral
    }

    static func scoreLabel(_ compound: Double) -> SentimentClass {
        compound >= 0.05 ? .positive : compound <= -0.05 ? .critical : .neutral
    }

    var description: String {
        String(format: "accuracy %.4f, macro-F1 %.4f, r %.4f", accuracy, macroF1, correlation)
    }
}
