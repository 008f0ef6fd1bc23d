import BeatTestSupport
import Foundation
import Testing

/// The corpus says what it covers: an empty result reaching past a source's newest post
/// says so, a comparison with a window the corpus does not cover gives no percentage,
/// and `sources` shows each source's newest post, its rate and whether collection stopped.
/// (In the demo corpus, reddit and hackernews end on 2026-10-08; mastodon begins on
/// 2025-12-15 and news on 2026-01-20.)
@Suite struct CorpusCoverageTests {
    @Test func anEmptyResultPastASourcesNewestPostSaysSo() throws {
        let (home, db) = try BeatProcess.demoCorpus()
        let count = try BeatProcess.run(["--db", db, "count", "source:reddit since:2026-11-05"], home: home.directory)
        #expect(count.status == 0)
        #expect(count.stdout == "0 posts matching source:reddit since:2026-11-05\n", "\(count.stdout)")
        #expect(
            count.stderr == "note: 0 posts from reddit since 2026-11-05; the newest reddit post is from 2026-10-08\n", "\(count.stderr)")
        let search = try BeatProcess.run(["--db", db, "--now", "2026-12-20T00:00:00Z", "search", "since:7d"], home: home.directory)
        #expect(
            search.stderr.contains("note: 0 posts since 2026-12-13; the newest post in the corpus is from 2026-11-19"), "\(search.stderr)")
        // A result the corpus covers gets no note.
        let covered = try BeatProcess.run(["--db", db, "count", "source:mastodon since:2026-11-05"], home: home.directory)
        #expect(covered.stderr.isEmpty, "\(covered.stderr)")
    }

    @Test func aComparisonWithAnUncoveredWindowIsNotAPercentage() throws {
        let (home, db) = try BeatProcess.demoCorpus()
        let arguments = ["--db", db, "--now", "2026-11-20T00:00:00Z", "summary", "aurora", "--since", "2026-06", "--vs", "previous"]
        let table = try BeatProcess.run(arguments, home: home.directory)
        #expect(table.status == 0, "\(table.stderr)")
        let flat = table.stdout.replacingOccurrences(of: "\n", with: " ")
        #expect(
            flat.contains(
                "23 posts against 30 in 2025-12-11 – 2026-05-31 (not comparable: the corpus's posts of mastodon (from 2025-12-15) and news (from 2026-01-20) begin after that window starts)"
            ), "\(table.stdout)")
        #expect(!flat.contains("-23%"), "\(table.stdout)")
        let json = try BeatProcess.run(["--format", "json"] + arguments, home: home.directory)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let comparison = try #require(document["comparison"] as? [String: Any])
        #expect(comparison["change"] is NSNull)
        #expect((comparison["uncovered"] as? [[String: Any]])?.compactMap { $0["source"] as? String } == ["mastodon", "news"])
        // A window the corpus covers keeps its percentage.
        let covered = try BeatProcess.run(
            [
                "--db", db, "--now", "2026-11-20T00:00:00Z", "summary", "aurora", "--since", "2026-09-01", "--until", "2026-09-30", "--vs",
                "previous",
            ],
            home: home.directory)
        #expect(
            !covered.stdout.contains("not comparable") && covered.stdout.contains("17 posts against 0 (new) in 2026-08-02 – 2026-08-31"),
            "\(covered.stdout)")
    }

    @Test func sourcesShowNewestPostRateAndStoppedCollection() throws {
        let (home, db) = try BeatProcess.demoCorpus()
        let table = try BeatProcess.run(["--db", db, "sources"], home: home.directory)
        let lines = table.stdout.split(separator: "\n").map(String.init)
        #expect(
            lines.contains { $0.range(of: #"^source +posts +per day +newest +collection$"#, options: .regularExpression) != nil },
            "\(table.stdout)")
        #expect(
            lines.contains {
                $0.range(of: #"^reddit +122 +0\.4 +2026-10-08 +stopped\? nothing for 41 days"#, options: .regularExpression) != nil
            }, "\(table.stdout)")
        #expect(
            lines.contains { $0.range(of: #"^mastodon +43 +0\.1 +2026-11-19$"#, options: .regularExpression) != nil }, "\(table.stdout)")
        let json = try BeatProcess.run(["--db", db, "--format", "json", "sources"], home: home.directory)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let bySource = try #require(document["by_source"] as? [[String: Any]])
        let stopped = bySource.filter { $0["stopped"] as? Bool == true }.compactMap { $0["source"] as? String }
        #expect(stopped == ["hackernews", "reddit"], "\(bySource)")
        #expect(bySource.first { $0["source"] as? String == "news" }?["newest"] as? String == "2026-11-10T12:15:34Z")
    }
}
