import BeatCore
import BeatTestSupport
import Foundation
import Testing

/// Each rule of the VADER method, with the compound score the reference
/// implementation (`vaderSentiment` 3.3.2, unrounded) gives the same text.
@Suite struct SentimentRuleTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var rule: String
        var text: String
        var reference: Double
        var testDescription: String { "\(rule): \(text)" }
    }

    static let referenceCases: [Case] = [
        Case(rule: "lexicon word", text: "The book was good.", reference: 0.44043357076016854),
        Case(rule: "negation", text: "The book was not good.", reference: -0.3412376512543242),
        Case(rule: "negation with n't", text: "The book wasn't good.", reference: -0.3412376512543242),
        Case(rule: "negation with never", text: "The book was never good.", reference: -0.3412376512543242),
        Case(rule: "negation with without", text: "It works without problems.", reference: 0.3089262410530291),
        Case(rule: "negation by no", text: "no good", reference: -0.3412376512543242),
        Case(rule: "negation three words back", text: "Not bad at all", reference: 0.43102002306105164),
        Case(rule: "never so/this intensifies", text: "Sentiment analysis has never been this good!", reference: 0.5671530510378399),
        Case(rule: "without a doubt", text: "Without a doubt, excellent idea.", reference: 0.7012865169261457),
        Case(rule: "booster", text: "The book was very good.", reference: 0.4927250317396701),
        Case(rule: "booster in capitals", text: "The book was VERY good.", reference: 0.6027997661972946),
        Case(rule: "dampener idiom kind of", text: "The book was kind of good.", reference: 0.38324473176419577),
        Case(rule: "capitals in mixed case", text: "I am HAPPY", reference: 0.6633214077557368),
        Case(rule: "capitals everywhere are no emphasis", text: "VERY GOOD", reference: 0.4927250317396701),
        Case(rule: "capitals and booster", text: "The book was VERY GOOD.", reference: 0.686740818531573),
        Case(rule: "but", text: "The book is GOOD, but the ending is bad.", reference: -0.5320231848345631),
        Case(
            rule: "but with negation",
            text: "The plot was good, but the characters are uncompelling and the dialog is not great.",
            reference: -0.7041689565994302),
        Case(
            rule: "but weighs equal valences as the first",
            text: "This is really good and this is really good too, but I hate it", reference: -0.43234652607745033),
        Case(rule: "exclamation", text: "The book was good!", reference: 0.4925548702193134),
        Case(rule: "exclamations", text: "The book was good!!!", reference: 0.5825691219216325),
        Case(rule: "question marks", text: "Was the book good??", reference: 0.5039974284316168),
        Case(rule: "emoji", text: "I love it 😁", reference: 0.8019956080183264),
        Case(rule: "emoticons", text: "Make sure you :) or :D today!", reference: 0.8633021070236708),
        Case(rule: "least", text: "one of the least compelling variations", reference: -0.16947302270321746),
        Case(rule: "at least", text: "At least it isn't a horrible book.", reference: 0.43102002306105164),
        Case(rule: "special idiom", text: "With VADER, sentiment analysis is the shit!", reference: 0.6476443261853029),
        Case(rule: "slang in capitals", text: "Today SUX!", reference: -0.5461374667327111),
        Case(rule: "hashtag", text: "#fail again", reference: -0.5423261445466404),
        Case(rule: "no lexicon word", text: "The committee meets on Tuesday.", reference: 0),
        Case(rule: "empty", text: "", reference: 0),
    ]

    @Test(arguments: referenceCases)
    func referenceRules(_ example: Case) throws {
        let scorer = LexiconSentiment(lexicon: try .bundled(), refinements: .reference)
        #expect(abs(scorer.compound(example.text) - example.reference) < 1e-12)
    }

    /// Rules the standard scorer applies as the reference does.
    @Test(arguments: referenceCases.filter { $0.rule != "but weighs equal valences as the first" })
    func standardScorerKeepsTheReferenceRules(_ example: Case) throws {
        #expect(abs(try LexiconSentiment.shared.compound(example.text) - example.reference) < 1e-12)
    }

    /// Real post text the reference misreads, and the text it reads as meant.
    static let refinedCases: [(post: String, asMeant: String)] = [
        ("I don\u{2019}t like it", "I don't like it"),
        ("\u{201C}Great\u{201D} news", "Great news"),
        ("great\u{2026}", "great"),
        ("«excellent» idea", "excellent idea"),
        ("I \u{2764}\u{FE0F} you", "I red heart you"),
        ("@love you", "you"),
        ("thanks .@love!", "thanks!"),
    ]

    @Test(arguments: refinedCases.indices)
    func standardScorerReadsRealPostText(_ index: Int) throws {
        let (post, asMeant) = Self.refinedCases[index]
        let reference = LexiconSentiment(lexicon: try .bundled(), refinements: .reference)
        let standard = try LexiconSentiment.shared
        #expect(abs(standard.compound(post) - reference.compound(asMeant)) < 1e-12, "\(post)")
        #expect(abs(reference.compound(post) - reference.compound(asMeant)) > 0.1, "\(post): the reference reads it as meant")
    }

    @Test func contrastByPositionWeighsEveryValence() throws {
        let scorer = LexiconSentiment(lexicon: try .bundled(), refinements: .contrastByPosition)
        // good (1.9) twice before "but", each boosted by "really" to 2.193 and halved;
        // hate (-2.7) after it, raised by half.
        let sum = 2 * (1.9 + 0.293) * 0.5 - 2.7 * 1.5
        #expect(
            abs(
                scorer.compound("This is really good and this is really good too, but I hate it")
                    - sum / (sum * sum + 15).squareRoot()) < 1e-12)
    }

    @Test func classesUseTheConventionalCut() throws {
        let scorer = try LexiconSentiment.shared
        #expect(scorer.classify("Not bad at all") == .positive)
        #expect(scorer.classify("The book was not good.") == .critical)
        #expect(scorer.classify("The committee meets on Tuesday.") == .neutral)
        #expect(scorer.method.contains("lexicon"))
    }

    @Test func scoresAreWithinTheUnitRange() throws {
        let scorer = try LexiconSentiment.shared
        let furious = String(repeating: "HATE hate terrible awful!!!! ", count: 200)
        let delighted = String(repeating: "LOVE love wonderful :) 😁 ", count: 200)
        #expect(scorer.compound(furious) >= -1 && scorer.compound(furious) < -0.99)
        #expect(scorer.compound(delighted) <= 1 && scorer.compound(delighted) > 0.99)
    }

    @Test func sharedScorerIsTheSameOnEveryThread() async throws {
        let texts = try HumanRatedSet("tweets").sentences.prefix(200).map(\.text)
        let expected = try texts.map { try LexiconSentiment.shared.compound($0) }
        let results = try await withThrowingTaskGroup(of: [Double].self) { group in
            for _ in 0..<8 {
                group.addTask { try texts.map { try LexiconSentiment.shared.compound($0) } }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.count == 8)
        #expect(results.allSatisfy { $0 == expected })
    }

    @Test func malformedLexiconLineNamesTheLine() {
        #expect(
            throws: SentimentLexiconError.malformedLine(
                file: "vader_lexicon.txt", line: 2, reason: "expected a token, a tab and a number")
        ) {
            try SentimentLexicon(valenceText: "good\t1.9\t0.9\t[2]\nbad\tvery\n", emojiText: "")
        }
    }

    @Test func lexiconFromTextScoresWithItsOwnValences() throws {
        let lexicon = try SentimentLexicon(valenceText: "splendid\t3.0\t0\t[]\r\nno\t-1.2\r\n", emojiText: "🙂\tsplendid face\n")
        let scorer = LexiconSentiment(lexicon: lexicon, refinements: .reference)
        let one = 3.0 / (9.0 + 15).squareRoot()
        #expect(abs(scorer.compound("splendid") - one) < 1e-12)
        #expect(abs(scorer.compound("🙂") - one) < 1e-12)
        #expect(abs(scorer.compound("not splendid") + (3.0 * 0.74) / (3.0 * 0.74 * 3.0 * 0.74 + 15).squareRoot()) < 1e-12)
        #expect(lexicon.valences.count == 2)
    }
}
