import BeatCore
import BeatTestSupport
import Foundation
import Testing

/// A newcomer's first `summary open-source-ai` on the demo corpus, on any date: the demo is
/// re-dated to lead up to the day it is loaded, and the default window, too thin in its last
/// 30 days, reaches back to the beat's open-weights burst (its busiest week, 46 posts) and says
/// so; `beats` shows recent figures; explicit windows keep their meaning (issue 11).
@Suite struct DemoWindowTests {
    static let nows = ["2026-12-06T10:00:00Z", "2027-03-15T00:00:00Z", "2025-06-01T12:00:00Z", "2031-02-28T23:59:59Z"]

    @Test(arguments: nows) func firstSummaryHoldsTheBurst(_ now: String) throws {
        let home = try TemporaryCorpus()
        let result = try BeatProcess.run(["--now", now, "--format", "json", "summary", "open-source-ai"], home: home.directory)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("loaded the demo corpus"))
        #expect(result.stderr.contains("note: the last 30 days hold "), "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let timeline = try #require(object["timeline"] as? [String: Any])
        let bursts = try #require(timeline["bursts"] as? [[String: Any]])
        let busiest = try #require(bursts.max { ($0["posts"] as? Int ?? 0) < ($1["posts"] as? Int ?? 0) })
        #expect(busiest["posts"] as? Int == 46, "\(bursts)")
        let quote = try #require(busiest["quote"] as? [String: Any])
        #expect((quote["text"] as? String)?.isEmpty == false)
        #expect(!(object["quotes"] as? [Any] ?? []).isEmpty)
        // The window ends at now and says where it starts.
        let window = try #require(object["window"] as? [String: String])
        let end = try #require(DateParser.seconds(from: window["end"] ?? ""))
        let nowSeconds = try #require(DateParser.seconds(from: now))
        #expect(end >= nowSeconds - 86_400 && end <= nowSeconds + 86_400, "\(window)")

        let beats = try BeatProcess.run(["--now", now, "--format", "json", "beats"], home: home.directory)
        let list = try #require(
            (try JSONSerialization.jsonObject(with: Data(beats.stdout.utf8)) as? [String: Any])?["beats"] as? [[String: Any]])
        #expect(list.contains { ($0["last_7d"] as? Int ?? 0) > 0 }, "\(beats.stdout)")
    }

    @Test func explicitWindowsKeepTheirMeaning() throws {
        let home = try TemporaryCorpus()
        let now = "2026-12-06T10:00:00Z"
        let since = try BeatProcess.run(["--now", now, "summary", "open-source-ai", "--since", "30d"], home: home.directory)
        #expect(!since.stderr.contains("note: the last 30 days hold"), "\(since.stderr)")
        #expect(since.stdout.contains("in 30 days (2026-11-07 – 2026-12-06)"), "\(since.stdout)")
        let inQuery = try BeatProcess.run(["--now", now, "summary", "beat:open-source-ai since:30d"], home: home.directory)
        #expect(!inQuery.stderr.contains("note: the last 30 days hold"), "\(inQuery.stderr)")
    }

    @Test func redatingKeepsOrderSpacingAndWeekdays() throws {
        let text = """
            {"id": "a", "published_at": "2026-04-13T09:00:00Z", "text": "x"}
            {"id": "b", "published_at": "2026-11-19T15:00:32Z", "text": "y"}
            """
        let now = try #require(DateParser.seconds(from: "2026-12-06T10:00:00Z"))
        let (moved, weeks, newest) = DemoCorpus.redated(text, now: now)
        #expect(weeks == 2)
        #expect(moved.contains("\"published_at\": \"2026-04-27T09:00:00Z\""), "\(moved)")
        #expect(moved.contains("\"published_at\": \"2026-12-03T15:00:32Z\""), "\(moved)")
        #expect(newest <= now && now - newest < 7 * 86_400)
        let (back, backWeeks, _) = DemoCorpus.redated(text, now: try #require(DateParser.seconds(from: "2026-01-01T00:00:00Z")))
        #expect(backWeeks < 0)
        #expect(back.contains("\"published_at\": \"2025-12-25T15:00:32Z\""), "\(back)")
    }
}
