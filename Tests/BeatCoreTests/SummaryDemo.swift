import BeatCore
import BeatSQLite
import BeatTestSupport
import Testing

/// A sentiment scorer for the summary tests: a handful of words, each worth
/// one point either way, so a test can recompute every class by hand.
struct WordCountScorer: SentimentScoring {
    static let positiveWords: Set<String> = ["great", "impressive", "love", "excellent", "better", "win", "welcome"]
    static let criticalWords: Set<String> = ["bad", "worse", "risk", "broken", "fail", "concern", "worried", "unfair"]

    var method: String { "test word counts" }

    func compound(_ text: String) -> Double {
        var score = 0
        for word in text.lowercased().split(whereSeparator: { !$0.isLetter }) {
            if Self.positiveWords.contains(String(word)) { score += 1 }
            if Self.criticalWords.contains(String(word)) { score -= 1 }
        }
        return Double(max(-1, min(1, score)))
    }
}

/// The demo corpus, windows over it, and independent counts for the summary tests.
enum SummaryDemo {
    static func day(_ year: Int, _ month: Int, _ day: Int) -> Int64 {
        CivilTime.seconds(year: year, month: month, day: day) ?? 0
    }

    /// A year and a week: every demo post (2025-11-21 … 2026-11-19), in weekly buckets.
    static let year = SummaryWindow(start: day(2025, 11, 17), end: day(2026, 11, 23))
    /// Sixty days around the Aurora-70B release, in daily buckets.
    static let spring = SummaryWindow(start: day(2026, 3, 20), end: day(2026, 5, 19))
    /// Two days around the release, in hourly buckets.
    static let release = SummaryWindow(start: day(2026, 4, 14), end: day(2026, 4, 16))
    /// Long before the first demo post.
    static let empty = SummaryWindow(start: day(2020, 1, 1), end: day(2020, 3, 1))

    static func compile(_ text: String) throws -> CompiledQuery {
        try QueryCompiler.compile(text, context: QueryDemo.context)
    }

    static func summary(
        _ text: String, _ window: SummaryWindow, in corpus: TemporaryCorpus, comparison: SummaryComparisonRequest? = nil,
        limits: SummaryLimits = SummaryLimits()
    ) throws -> BeatSummary {
        let request = SummaryRequest(label: text, query: try compile(text), window: window, comparison: comparison)
        return try SummaryBuilder(corpus: corpus.corpus, scorer: WordCountScorer(), limits: limits).summary(for: request)
    }

    /// `count` of `query` within `window`, as the count command runs it.
    static func count(_ query: CompiledQuery, _ window: SummaryWindow, in corpus: TemporaryCorpus) throws -> Int {
        let statement = query.combined(with: window.query).countSQL()
        return Int(try corpus.integer(statement.sql, statement.bindings) ?? -1)
    }

    /// Posts of `query` within `window` whose `column` is `value` (IS, so nil counts posts without one).
    static func count(
        _ query: CompiledQuery, _ window: SummaryWindow, where conditions: [(column: String, value: String?)],
        in corpus: TemporaryCorpus
    ) throws -> Int {
        let ids = query.combined(with: window.query).idsSQL()
        let filter = conditions.map { "p.\($0.column) IS ?" }.joined(separator: " AND ")
        return Int(
            try corpus.integer(
                "SELECT count(*) FROM posts p WHERE p.id IN (\(ids.sql)) AND \(filter)",
                ids.bindings + conditions.map { $0.value.sqliteValue }) ?? -1)
    }

    /// The phrase as a user would count it: `count '"open weights"'`.
    static func phrase(_ term: String) throws -> CompiledQuery {
        try compile("\"\(term)\"")
    }
}
