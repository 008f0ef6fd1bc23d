import BeatTestSupport
import Foundation
import Testing

/// Long output through the real `less` on a pseudo-terminal: the pager owns the
/// terminal while it runs, every line can be paged to, and `q` gives the prompt back.
@Suite struct PagerTerminalTests {
    @Test(.enabled(if: TerminalDriver.hasLess, "less is not installed (scripts/ensure-dependencies installs it)"))
    func everyHitIsReachableThroughLessAndQReturnsToThePrompt() throws {
        let (home, db) = try BeatProcess.demoCorpus()
        let result = try TerminalDriver.run(
            ["--db", db], home: home.directory, environment: ["PAGER": "less -FRX"], rows: 24, columns: 100,
            steps: [
                .expect("demo> "),
                .send("search \"open weights\"\r"),
                .expect("20 of 33 posts"),
                .send(" "), .send(" "), .send(" "), .send(" "), .send(" "), .send(" "),
                .expect("(END)"),
                .send("q"),
                .expect("demo> "),
                .send("count aurora\r"),
                .expect("posts matching aurora"),
                .expect("demo> "),
                // Beat has the terminal and its Ctrl-C handling back.
                .send("\u{03}"),
                .expect("(type quit or press Ctrl-D to leave)"),
                .expect("demo> "),
                .send("\u{04}"),
                .exit,
            ])
        let plain = result.plain
        #expect(!result.timedOut, "\(plain)")
        #expect(result.exitStatus == 0, "\(plain)")
        for number in 1...20 {
            let label = number < 10 ? " \(number)  " : "\(number)  "
            #expect(plain.contains("\n" + label), "hit \(number) never shown:\n\(plain)")
        }
        #expect(plain.contains("reddit:o3csrpz"), "\(plain)")
    }

    @Test func outputThatIsNotATerminalIsNeverPaged() throws {
        let (home, db) = try BeatProcess.demoCorpus()
        let out = home.directory + "/out.txt"
        // The keyboard is a terminal, standard output a file: nothing goes through the pager.
        let result = try TerminalDriver.run(
            ["/bin/sh", "-c", "exec \"$0\" --db \"$1\" > \"$2\"", BeatProcess.executable.path, db, out],
            home: home.directory, environment: ["PAGER": "sed s/^/PAGED:/"], program: "/bin/sh",
            steps: [
                // The prompt goes where standard output goes (the file); the banner to the terminal.
                .expect("Ctrl-D to leave."),
                .send("search \"open weights\"\r"),
                .send("count aurora\r"),
                .send("\u{04}"),
                .exit,
            ])
        #expect(result.exitStatus == 0, "\(result.plain)")
        let written = try String(contentsOfFile: out, encoding: .utf8)
        #expect(written.contains("20 of 33 posts"), "\(written)")
        #expect(!written.contains("PAGED:"), "\(written)")
    }
}
