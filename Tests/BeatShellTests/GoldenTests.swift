import BeatTestSupport
import Foundation
import Testing

/// The golden-file helper itself: a mismatch, a missing file and a re-record all fail.
@Suite struct GoldenTests {
    let directory: String

    init() throws {
        directory = NSTemporaryDirectory() + "beat-golden-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    @Test func recordingWritesTheFileAndFails() throws {
        withKnownIssue { Golden.check("one\ntwo\n", "a.txt", directory: directory, recording: true) }
        #expect(FileManager.default.contents(atPath: directory + "/a.txt") == Data("one\ntwo\n".utf8))
        Golden.check("one\ntwo\n", "a.txt", directory: directory, recording: false)
    }

    @Test func aMissingFileFails() {
        withKnownIssue { Golden.check("x", "missing.txt", directory: directory, recording: false) }
    }

    @Test func aDifferenceFailsWithALineDiff() throws {
        try Data("a\nb\nc\nd\n".utf8).write(to: URL(fileURLWithPath: directory + "/d.txt"))
        withKnownIssue { Golden.check("a\nB\nc\nd\n", "d.txt", directory: directory, recording: false) }
        #expect(Golden.diff("a\nb\nc\nd\ne\nf\n", "a\nB\nc\nd\ne\nf\n") == "  a\n- b\n+ B\n  c")
        #expect(Golden.diff("x\u{1B}[1m\r\n", "x\n") == "- x\\e[1m\\r\n+ x\n  ")
    }
}
