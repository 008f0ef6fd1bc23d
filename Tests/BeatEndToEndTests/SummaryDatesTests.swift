import BeatTestSupport
import Foundation
import Testing

/// A summary's windows in dates and whole units: one length for the same window
/// everywhere, weeks named by their Monday, never a number of seconds.
@Suite struct SummaryDatesTests {
    /// A now in the middle of an afternoon, as a person's clock gives it.
    static let now = "2026-11-20T16:29:17Z"

    private func summary(_ arguments: [String], home: TemporaryCorpus, db: String) throws -> String {
        let result = try BeatProcess.run(["--db", db, "--no-rc", "--now", Self.now, "summary"] + arguments, home: home.directory)
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout
    }

    @Test func theDefaultWindowIsThirtyWholeDaysEverywhere() throws {
        let (home, db) = try BeatProcess.demoCorpus()
        let text = try summary(["aurora", "--vs", "previous"], home: home, db: db)
        #expect(text.contains("in 30 days (2026-10-22 – 2026-11-20)"), "\(text)")
        #expect(text.contains("30 days from 2026-10-22 to 2026-11-20"), "\(text)")
        #expect(text.contains("Compared with previous 30 days (2026-09-22 – 2026-10-21)"), "\(text)")
        #expect(!text.contains("31 days"), "\(text)")
    }

    @Test func longWindowsAreNotSecondsOrThousandsOfDaysAndWeeksStartOnMonday() throws {
        let (home, db) = try BeatProcess.demoCorpus()
        let year = try summary(["aurora", "--since", "2026-01-01", "--vs", "previous"], home: home, db: db)
        #expect(!year.contains("second"), "\(year)")
        #expect(year.contains("in 324 days (2026-01-01 – 2026-11-20)"), "\(year)")
        #expect(year.contains("Compared with previous 324 days ("), "\(year)")
        // 2026-01-01 is a Thursday; its week is named by the Monday before.
        #expect(year.contains("Volume per week (from Monday)\n2025-12-29  posts"), "\(year)")
        #expect(year.contains(" weeks from 2025-12-29 to 2026-11-16"), "\(year)")
        let long = try summary(["aurora", "--since", "2005-01-01"], home: home, db: db)
        #expect(long.contains("in about 22 years (2005-01-01 – 2026-11-20)"), "\(long)")
        let months = try summary(["aurora", "--since", "2026-04", "--until", "2026-06"], home: home, db: db)
        #expect(months.contains("in 3 months (2026-04-01 – 2026-06-30)"), "\(months)")
    }
}
