import BeatShell
import Foundation
import Testing

/// The reader of piped input and scripts on standard input: lines across reads,
/// line ends, and lines over the limit passed over without being kept.
@Suite struct PlainLineReaderTests {
    /// Every line a reader gives for `bytes`, read from a file as from a pipe.
    private func lines(of bytes: [UInt8], limit: Int) throws -> [LineInput] {
        let path = NSTemporaryDirectory() + "beat-lines-" + UUID().uuidString
        FileManager.default.createFile(atPath: path, contents: Data(bytes))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let descriptor = open(path, O_RDONLY)
        try #require(descriptor >= 0)
        defer { close(descriptor) }
        let reader = PlainLineReader(descriptor: descriptor, lineLimit: limit)
        var result: [LineInput] = []
        while true {
            let input = reader.readLine(prompt: "")
            if input == .end { return result }
            result.append(input)
        }
    }

    @Test func linesEndAtNewlinesWithOrWithoutCarriageReturns() throws {
        let text = "count a\r\nsearch b\n\ncount \"é\"\nlast without newline"
        #expect(
            try lines(of: Array(text.utf8), limit: 100)
                == [.line("count a"), .line("search b"), .line(""), .line("count \"é\""), .line("last without newline")])
        #expect(try lines(of: [], limit: 100) == [])
    }

    @Test func aLineLongerThanTheLimitIsPassedOverAndTheNextOneRead() throws {
        // Longer than one 64 KiB read, so the long line arrives in pieces.
        let long = String(repeating: "x", count: 200_000)
        let text = "count a\nsearch \(long)\ncount b\n\(long)"
        #expect(try lines(of: Array(text.utf8), limit: 1000) == [.line("count a"), .tooLong, .line("count b"), .tooLong])
        // At the limit exactly, the line is still read.
        let fits = String(repeating: "y", count: 1000)
        #expect(try lines(of: Array("\(fits)\nz\n".utf8), limit: 1000) == [.line(fits), .line("z")])
        #expect(try lines(of: Array("\(fits)y\nz\n\(fits)y".utf8), limit: 1000) == [.tooLong, .line("z"), .tooLong])
    }

    @Test func entryLineNamesTheFirstLineOfTheEntry() throws {
        let path = NSTemporaryDirectory() + "beat-lines-" + UUID().uuidString
        FileManager.default.createFile(atPath: path, contents: Data("a\nb\nc\n".utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let descriptor = open(path, O_RDONLY)
        try #require(descriptor >= 0)
        defer { close(descriptor) }
        let reader = PlainLineReader(descriptor: descriptor)
        _ = reader.readLine(prompt: "")
        reader.remember("a")
        _ = reader.readLine(prompt: "")
        _ = reader.readLine(prompt: "")
        #expect(reader.entryLine == 2)
    }
}
