import BeatCore
import BeatTestSupport
import Foundation
import Testing

/// The scorer against the human-rated sets and the reference implementation's
/// scores for the same sentences (`Fixtures/sentiment/`).
@Suite struct SentimentAccuracyTests {
    static let sets = ["tweets", "nytEditorialSnippets"]

    @Test(arguments: sets)
    func referenceRulesReproduceTheReferenceScores(_ name: String) throws {
        let set = try HumanRatedSet(name)
        let scorer = LexiconSentiment(lexicon: try .bundled(), refinements: .reference)
        var differing: [String] = []
        for sentence in set.sentences {
            let score = scorer.compound(sentence.text)
            if abs(score - sentence.referenceCompound) > 1e-9 {
                differing.append("\(sentence.id): \(score) vs \(sentence.referenceCompound): \(sentence.text)")
            }
        }
        #expect(set.sentences.count > 4000)
        #expect(differing.isEmpty, "\(differing.count) of \(set.sentences.count) differ:\n\(differing.prefix(10).joined(separator: "\n"))")
    }

    @Test(arguments: sets)
    func standardScorerIsNotWorseThanTheReference(_ name: String) throws {
        let set = try HumanRatedSet(name)
        let scorer = try LexiconSentiment.shared
        let humans = set.sentences.map(\.humanMean)
        let ours = SentimentAgreement(humanMeans: humans, compounds: set.sentences.map { scorer.compound($0.text) })
        let reference = SentimentAgreement(humanMeans: humans, compounds: set.sentences.map(\.referenceCompound))
        #expect(ours.accuracy >= reference.accuracy, "\(name): ours \(ours); reference \(reference)")
        #expect(ours.correlation >= reference.correlation, "\(name): ours \(ours); reference \(reference)")
        #expect(ours.macroF1 >= reference.macroF1, "\(name): ours \(ours); reference \(reference)")
        // Both sets are well above chance (a third) and no correlation: a broken
        // lexicon or tokenizer would fall far below these.
        #expect(ours.accuracy > 0.45 && ours.correlation > 0.45, "\(name): ours \(ours)")
    }

    @Test func agreementMetricsOnAKnownCase() {
        // Human labels: +, +, -, 0; score labels: +, 0, -, -.
        let agreement = SentimentAgreement(humanMeans: [2, 1, -1, 0], compounds: [0.5, 0.01, -0.3, -0.2])
        #expect(agreement.accuracy == 0.5)
        // F1: positive 2/3 (precision 1, recall 1/2), critical 2/3 (1/2, 1), neutral 0.
        #expect(abs(agreement.macroF1 - 4.0 / 9.0) < 1e-12)
        #expect(agreement.correlation > 0.8 && agreement.correlation < 1)
    }
}
