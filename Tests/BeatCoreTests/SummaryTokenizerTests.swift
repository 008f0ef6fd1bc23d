import BeatSQLite
import BeatTestSupport
import Testing

@testable import BeatCore

/// The summary's tokenizer finds the words the index finds, and leaves out
/// what says nothing (stop words, numbers, single letters, URLs).
@Suite struct SummaryTokenizerTests {
    @Test func tokensFoldCaseAndAccentsAndKeepPlus() {
        let tokens = SummaryTokenizer.tokens("Café CULTURE in Zürich: C++ and naïve e\u{301}tudes")
        #expect(tokens == ["cafe", "culture", nil, "zurich", nil, "c++", nil, "naive", "etudes"])
    }

    @Test func numbersLettersStopWordsAndURLsAreGaps() {
        let tokens = SummaryTokenizer.tokens("See https://example.com/a-b www.Example.org 2026 x 4k the model (https://x.y)")
        #expect(tokens == [nil, nil, nil, nil, nil, "4k", nil, "model", nil])
        #expect(
            SummaryTokenizer.phrases(SummaryTokenizer.tokens("open weights, state of the art models")) == ["open weights", "art models"])
    }

    @Test func everyWordIsFoundByTheIndexAsWritten() throws {
        let corpus = try QueryDemo.corpus()
        var checked = 0
        for row in try corpus.rows("SELECT id, text FROM posts ORDER BY id LIMIT 40") {
            let id = row[0].int64Value ?? 0
            for word in Set(SummaryTokenizer.words(SummaryTokenizer.tokens(row[1].stringValue ?? ""))) {
                let found = try corpus.integer(
                    "SELECT count(*) FROM posts_fts WHERE posts_fts MATCH ?1 AND rowid = ?2",
                    [.text(FTSText.quoted(word)), .integer(id)])
                #expect(found == 1, "\(word) in post \(id)")
                checked += 1
            }
        }
        #expect(checked > 500)
    }
}
