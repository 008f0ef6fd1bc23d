import BeatCore
import BeatTestSupport
import Testing

/// Inputs that `scripts/fuzz` found crashing a parser, each kept so the crash stays fixed.
@Suite struct FuzzRegressionTests {
    /// The date target: an epoch number too large for Int64 trapped in the conversion
    /// (`Double value cannot be converted to Int64`), from `--now`, `set now` and every
    /// importer's dates alike.
    @Test(arguments: ["1e300", "-1e300", "9e18", "99999999999999999999999", "1e19", "-9.3e18"])
    func hugeEpochNumbersAreNotDates(_ text: String) {
        #expect(DateParser.seconds(from: text) == nil)
        #expect(DateParser.seconds(from: .number(text)) == nil)
    }

    @Test func epochNumbersInRangeStillParse() {
        #expect(DateParser.seconds(from: "1700000000") == 1_700_000_000)
        #expect(DateParser.seconds(from: "1700000000000") == 1_700_000_000)
        #expect(DateParser.seconds(from: .number("1.7e9")) == 1_700_000_000)
    }

    @Test func aRecordWithAHugeDateIsSkippedNotACrash() throws {
        let home = try TemporaryCorpus()
        let file = try home.write(
            "huge.jsonl",
            """
            {"id":"a","source":"news","published_at":1e300,"text":"far future"}
            {"id":"b","source":"news","published_at":"2026-01-01T00:00:00Z","text":"fine"}

            """)
        let outcome = try home.importFiles([file])
        #expect(outcome.summary.added == 1)
        #expect(outcome.summary.skipped == 1)
    }
}
