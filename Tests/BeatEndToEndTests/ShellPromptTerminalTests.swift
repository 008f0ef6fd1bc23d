import BeatTestSupport
import Foundation
import Testing

/// Entries typed at the shell on a pseudo-terminal: continued lines, leaving an open
/// quote, Ctrl-C at a continuation prompt, confirmations, `set now` in the prompt,
/// and history without repeats.
@Suite struct ShellPromptTerminalTests {
    @Test func aBackslashContinuesAndCtrlCAtAContinuationGivesACleanPrompt() throws {
        let (home, db) = try BeatProcess.demoCorpus()
        let result = try TerminalDriver.run(
            ["--db", db, "--no-pager"], home: home.directory,
            steps: [
                .expect("demo> "),
                .send("search aurora \\\r"),
                .expect("...> "),
                .send("--limit 1\r"),
                .expect("1 of 53 posts matching aurora"),
                .expect("demo> "),
                // An open quote says how to leave it; Ctrl-C drops the entry.
                .send("count \"open\r"),
                .expect("press Ctrl-C to drop the entry)"),
                .expect("...> "),
                .send("\u{03}"),
                .expect("(entry dropped)"),
                .expect("demo> "),
                .send("count aurora\r"),
                .expect("53 posts matching aurora"),
                .expect("demo> "),
                .send("\u{04}"),
                .exit,
            ])
        let plain = result.plain
        #expect(!result.timedOut && result.exitStatus == 0, "\(plain)")
        // The dropped entry never ran, and nothing failed with it.
        #expect(!plain.contains("error:"), "\(plain)")
        #expect(plain.contains(" ...> \n(entry dropped)\ndemo> count aurora"), "\(plain)")
        #expect(!plain.contains("matching \"open"), "\(plain)")
    }

    @Test func formatAndSetNowConfirmAndNowShowsInThePrompt() throws {
        let (home, db) = try BeatProcess.demoCorpus()
        let result = try TerminalDriver.run(
            ["--db", db, "--no-pager"], home: home.directory,
            steps: [
                .expect("demo> "),
                .send("format md\r"),
                .expect("format md"),
                .expect("demo> "),
                .send("format table\r"),
                .expect("demo> "),
                .send("set now 2026-04-21\r"),
                .expect("set now 2026-04-21T00:00:00Z"),
                .expect("demo @2026-04-21> "),
                .send("count aurora since:7d\r"),
                .expect("posts matching aurora since:7d"),
                .expect("demo @2026-04-21> "),
                .send("\u{04}"),
                .exit,
            ])
        #expect(!result.timedOut && result.exitStatus == 0, "\(result.plain)")
        let direct = try BeatProcess.run(
            ["--db", db, "--now", "2026-04-21T00:00:00Z", "count", "aurora since:7d"], home: home.directory)
        #expect(result.plain.contains(direct.stdout.trimmingCharacters(in: .whitespacesAndNewlines)), "\(result.plain)")
    }

    @Test func historyKeepsEachCommandOnceAtItsLatestPlace() throws {
        let (home, db) = try BeatProcess.demoCorpus()
        let steps: [TerminalDriver.Step] = [
            .expect("demo> "), .send("count \"open weights\"\r"),
            .expect("demo> "), .send("count aurora\r"),
            .expect("demo> "), .send("count \"open weights\"\r"),
            .expect("demo> "), .send("history\r"),
            .expect("demo> "), .send("\u{04}"), .exit,
        ]
        let result = try TerminalDriver.run(["--db", db, "--no-pager"], home: home.directory, steps: steps)
        #expect(!result.timedOut && result.exitStatus == 0, "\(result.plain)")
        #expect(result.plain.contains("1  count aurora\n2  count \"open weights\"\n3  history\n"), "\(result.plain)")
        let stored = try String(contentsOfFile: home.directory + "/state/beat/history", encoding: .utf8)
        #expect(stored.components(separatedBy: "open\\040weights").count == 2, "\(stored)")
    }
}
