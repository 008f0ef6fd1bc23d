import BeatTestSupport
import Foundation
import Testing

/// `count --by`: every day, week or month between the first and the last (the empty
/// ones too), a total, `--limit`, and venues named with their source.
@Suite struct CountBreakdownTests {
    private func json(_ arguments: [String], db: String, home: TemporaryCorpus) throws -> [String: Any] {
        let result = try BeatProcess.run(["--db", db, "--no-rc", "--format", "json"] + arguments, home: home.directory)
        #expect(result.status == 0, "\(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], "\(result.stdout)")
    }

    @Test(arguments: [("day", 86_400), ("week", 7 * 86_400)])
    func timeBucketsRunWithoutGaps(_ by: String, _ step: Int) throws {
        let (home, db) = try BeatProcess.demoCorpus()
        let document = try json(["count", "aurora", "--by", by], db: db, home: home)
        let buckets = try #require(document["buckets"] as? [[String: Any]])
        let days = buckets.compactMap { ($0["key"] as? String).flatMap { Self.day($0) } }
        #expect(days.count == buckets.count && days.count > 2)
        #expect(zip(days, days.dropFirst()).allSatisfy { $1 - $0 == step }, "\(days)")
        #expect(buckets.contains { $0["count"] as? Int == 0 })
        #expect(document["total"] as? Int == 53)
        #expect(buckets.reduce(0) { $0 + ($1["count"] as? Int ?? 0) } == 53)
        if by == "week" {
            // 1970-01-01 was a Thursday: a Monday's day number + 3 is a multiple of 7.
            #expect(days.allSatisfy { ($0 / 86_400 + 3) % 7 == 0 }, "\(days)")
        }
    }

    @Test func monthsRunWithoutGapsAndTheTableHasATotal() throws {
        let (home, db) = try BeatProcess.demoCorpus()
        let table = try BeatProcess.run(["--db", db, "count", "aurora", "--by", "month"], home: home.directory)
        let lines = table.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("2026-02      0") }, "\(table.stdout)")
        #expect(lines.contains { $0.hasPrefix("2026-03      0") }, "\(table.stdout)")
        #expect(lines.last?.range(of: #"^total +53$"#, options: .regularExpression) != nil, "\(table.stdout)")
    }

    @Test func limitKeepsTheLargestOrTheLatestAndSaysWhatItLeftOut() throws {
        let (home, db) = try BeatProcess.demoCorpus()
        let venues = try BeatProcess.run(["--db", db, "count", "aurora", "--by", "venue", "--limit", "3"], home: home.directory)
        let lines = venues.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 5, "\(venues.stdout)")
        #expect(lines.last?.hasSuffix("53   (17 in the venues not shown)") == true, "\(venues.stdout)")
        let months = try json(["count", "aurora", "--by", "month", "--limit", "2"], db: db, home: home)
        let keys = (months["buckets"] as? [[String: Any]])?.compactMap { $0["key"] as? String }
        #expect(keys == ["2026-09", "2026-10"], "\(months)")
        #expect(months["total"] as? Int == 53)
    }

    @Test func venuesAreNamedWithTheirSource() throws {
        let (home, db) = try BeatProcess.demoCorpus()
        let table = try BeatProcess.run(["--db", db, "count", "aurora", "--by", "venue"], home: home.directory)
        let lines = table.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.range(of: #"^venue +source +posts$"#, options: .regularExpression) != nil, "\(table.stdout)")
        #expect(lines.contains { $0.range(of: #"^LocalLLaMA +reddit +9 "#, options: .regularExpression) != nil }, "\(table.stdout)")
        let document = try json(["count", "aurora", "--by", "venue"], db: db, home: home)
        let first = (document["buckets"] as? [[String: Any]])?.first
        #expect(first?["key"] as? String == "bsky.social" && first?["source"] as? String == "bluesky", "\(document)")
    }

    static func day(_ key: String) -> Int? {
        let parts = key.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        var components = DateComponents()
        (components.year, components.month, components.day) = (parts[0], parts[1], parts[2])
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.date(from: components).map { Int($0.timeIntervalSince1970) }
    }
}
