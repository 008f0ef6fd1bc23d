/// Reads a query file line by line, remembering where the current entry
/// started so that errors can name `FILE:LINE`.
final class FileLineReader: LineReader {
    private var lines: [Substring]
    private var next = 0
    private var entryStart: Int?
    /// The 1-based line where the entry being read (or last read) began.
    private(set) var entryLine = 0

    init(text: String) {
        lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" { lines.removeLast() }
    }

    func readLine(prompt: String) -> LineInput {
        guard next < lines.count else { return .end }
        if entryStart == nil { entryStart = next + 1 }
        entryLine = entryStart ?? next + 1
        let line = lines[next]
        next += 1
        return .line(String(line.hasSuffix("\r") ? line.dropLast() : line))
    }

    /// Called once an entry is complete: the next line starts a new one.
    func remember(_ entry: String) { entryStart = nil }
    func skipEntry() { entryStart = nil }
}
