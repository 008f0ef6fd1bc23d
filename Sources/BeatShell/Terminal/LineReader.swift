/// What reading one line of input gave.
public enum LineInput: Equatable {
    case line(String)
    /// Ctrl-C at the prompt: discard the line, stay in the shell.
    case interrupted
    /// Ctrl-D or the end of piped input.
    case end
}

/// A source of command lines: libedit at a terminal, plain reads otherwise.
public protocol LineReader: AnyObject {
    func readLine(prompt: String) -> LineInput
    /// Records a complete (possibly multi-line) entry in the history.
    func remember(_ entry: String)
    /// The lines read since the last entry were no entry (a `#` comment): the next line starts one.
    func skipEntry()
}

extension LineReader {
    public func skipEntry() {}
}

/// Reads lines from standard input without editing, for pipes and scripts.
public final class PlainLineReader: LineReader {
    private var linesRead = 0
    private var entryStart: Int?
    /// The 1-based line where the entry being read (or last read) began, for `-:LINE` in errors.
    public private(set) var entryLine = 0

    public init() {}

    public func readLine(prompt: String) -> LineInput {
        guard let line = Swift.readLine(strippingNewline: true) else { return .end }
        linesRead += 1
        if entryStart == nil { entryStart = linesRead }
        entryLine = entryStart ?? linesRead
        return .line(line)
    }

    public func remember(_ entry: String) { entryStart = nil }
    public func skipEntry() { entryStart = nil }
}

/// Reads lines from a string, for `-c` and tests.
public final class StringLineReader: LineReader {
    private var lines: [Substring]

    public init(_ text: String) {
        lines = text.split(separator: "\n", omittingEmptySubsequences: false).reversed()
    }

    public func readLine(prompt: String) -> LineInput {
        guard let line = lines.popLast() else { return .end }
        return .line(String(line))
    }

    public func remember(_ entry: String) {}
}
