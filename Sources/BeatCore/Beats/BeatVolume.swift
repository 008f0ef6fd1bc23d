import Foundation

/// How much a beat is talked about: posts in the last 24 hours, the last 7
/// days, the 7 days before those, and in total, counted back from a "now".
///
/// Each figure is the count of a query: `beat:NAME` with the span's filters
/// (`spanFilters`), under the session's filters, so `count beat:NAME since:7d`
/// gives the same number.
public struct BeatVolume: Sendable, Equatable {
    /// Posts in the 24 hours up to now.
    public var lastDay: Int
    /// Posts in the 7 days up to now.
    public var lastWeek: Int
    /// Posts in the 7 days before those.
    public var previousWeek: Int
    /// Posts at any time.
    public var total: Int

    /// A `BeatVolume` made of the values given.
    public init(lastDay: Int, lastWeek: Int, previousWeek: Int, total: Int) {
        self.lastDay = lastDay
        self.lastWeek = lastWeek
        self.previousWeek = previousWeek
        self.total = total
    }

    /// The filters that bound each figure, added to `beat:NAME`: `since:24h`,
    /// `since:7d`, `since:14d -since:7d` (from 14 days ago up to, not
    /// including, 7 days ago) and none for the total.
    public enum Span: String, CaseIterable, Sendable {
        case lastDay = "since:24h"
        case lastWeek = "since:7d"
        case previousWeek = "since:14d -since:7d"
        case total = ""
    }

    /// The last 7 days against the 7 before, as a signed whole percentage
    /// (`+25`, `-40`, `0`); nil when the 7 days before had no posts.
    public var trendPercent: Int? {
        guard previousWeek > 0 else { return nil }
        return Int((Double(lastWeek - previousWeek) * 100 / Double(previousWeek)).rounded())
    }

    /// The trend in words for tables: `+25%`, `-40%`, `0%`, `new` when posts
    /// appeared after 7 days without any, `-` when both weeks are empty.
    public var trendLabel: String {
        guard let percent = trendPercent else { return lastWeek > 0 ? "new" : "-" }
        return percent > 0 ? "+\(percent)%" : "\(percent)%"
    }
}

/// A beat with its volume, as `beats` and `beat show` report it.
public struct BeatReport: Sendable, Equatable {
    /// The beat as stored.
    public var beat: BeatDefinition
    /// The query in words (`CompiledQuery.description` of the beat's own query).
    public var description: String
    /// Its posts, counted back from `now`.
    public var volume: BeatVolume
    /// The moment the spans count back from.
    public var now: Int64

    /// A `BeatReport` made of the values given.
    public init(beat: BeatDefinition, description: String, volume: BeatVolume, now: Int64) {
        self.beat = beat
        self.description = description
        self.volume = volume
        self.now = now
    }
}

extension BeatStore {
    /// The report of one beat at `now`, its figures under `sessionFilters`.
    /// - Throws: `BeatError.notFound`; `SQLiteError` (`SQLITE_INTERRUPT` when cancelled).
    public func report(_ name: String, sessionFilters: String = "", now: Int64) throws -> BeatReport {
        try report(try require(name), sessionFilters: sessionFilters, context: try queryContext(now: now))
    }

    /// The reports of every beat, by name.
    public func reports(sessionFilters: String = "", now: Int64) throws -> [BeatReport] {
        let context = try queryContext(now: now)
        return try list().map { try report($0, sessionFilters: sessionFilters, context: context) }
    }

    private func report(_ beat: BeatDefinition, sessionFilters: String, context: QueryContext) throws -> BeatReport {
        let own: CompiledQuery
        do throws(QueryError) {
            own = try QueryCompiler.compile(beat.query, asBeat: beat.name, context: context)
        } catch {
            throw BeatError.badQuery(name: beat.name, query: beat.query, error: error)
        }
        func count(_ span: BeatVolume.Span) throws -> Int {
            let text = "beat:\(beat.name) \(span.rawValue)".trimmingCharacters(in: .whitespaces)
            let query = try QueryCompiler.compile(text, sessionFilters: sessionFilters, context: context)
            let (sql, bindings) = query.countSQL()
            return Int(try corpus.connection.scalar(sql, bindings)?.int64Value ?? 0)
        }
        let volume = BeatVolume(
            lastDay: try count(.lastDay), lastWeek: try count(.lastWeek), previousWeek: try count(.previousWeek),
            total: try count(.total))
        return BeatReport(beat: beat, description: own.description, volume: volume, now: context.now)
    }
}
