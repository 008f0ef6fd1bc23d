import BeatTestSupport
import Foundation
import Testing

/// `kill -9` at random moments of imports, a schema migration and `beat add`,
/// through `scripts/crash-trials` (which checks integrity, committed batches and
/// a clean re-import after each). The suite runs a few seeded trials;
/// `BEAT_CRASH_TRIALS=50` runs as many as the script does on its own.
@Suite struct CrashTests {
    @Test func killedImportsMigrationsAndBeatAddsLeaveAWholeCorpus() throws {
        let trials = ProcessInfo.processInfo.environment["BEAT_CRASH_TRIALS"].flatMap(Int.init) ?? 3
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let home = try TemporaryCorpus()
        let result = try BeatProcess.shell(
            "python3 '\(root.path)/scripts/crash-trials' --trials \(trials) --seed 11 --posts 3000 --beat \"$BEAT\"",
            home: home.directory)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("\(trials) trials, 0 failed"), "\(result.stdout)")
    }
}
