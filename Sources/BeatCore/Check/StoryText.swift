/// A story reduced to the text a reader sees, each character remembering
/// where it stands in the story file, so quotes found in the text are
/// reported at their place in the file (in the HTML source, for HTML).
struct StoryText {
    /// The visible characters: markup removed, paragraphs separated by a blank line.
    var characters: [Character] = []
    /// 1-based line and column (in characters) of each visible character in the file.
    var lines: [Int] = []
    var columns: [Int] = []
    /// The column just after the file's characters each visible character stands for
    /// (an HTML entity or a `<q>` tag stands for several).
    var endColumns: [Int] = []
    /// Characters that cannot open or close a quotation: code, block quotes
    /// (found as a whole), the reference list.
    var inert: [Bool] = []
    var blockQuotes: [StoryBlockQuote] = []
    /// The reference list's entries by marker, digits as ASCII (`1` for `¹`).
    var references: [String: StoryReference] = [:]

    mutating func append(_ character: Character, line: Int, column: Int, inert isInert: Bool, width: Int = 1) {
        characters.append(character)
        lines.append(line)
        columns.append(column)
        endColumns.append(column + width)
        inert.append(isInert)
    }

    mutating func removeLast() {
        characters.removeLast()
        lines.removeLast()
        columns.removeLast()
        endColumns.removeLast()
        inert.removeLast()
    }

    mutating func append(_ text: String, line: Int, column: Int, inert isInert: Bool) {
        for character in text { append(character, line: line, column: column, inert: isInert) }
    }

    var count: Int { characters.count }

    /// The visible text between two indexes, whitespace (line breaks too) collapsed to single spaces.
    func collapsed(_ range: Range<Int>) -> String {
        var out = ""
        var pendingSpace = false
        for index in range {
            let character = characters[index]
            if character.isWhitespace {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" ") }
                pendingSpace = false
                out.append(character)
            }
        }
        return out
    }

    /// True when a paragraph ends at `index`: a line break followed by a blank line.
    func isParagraphBreak(at index: Int) -> Bool {
        guard characters[index].isNewline else { return false }
        var next = index + 1
        while next < count, characters[next].isWhitespace, !characters[next].isNewline { next += 1 }
        return next >= count || characters[next].isNewline
    }
}

/// A block quotation (`>` lines, `<blockquote>`), found whole.
struct StoryBlockQuote {
    var text: String
    var line: Int
    var column: Int
    /// The visible characters the block occupies, for the words around it.
    var range: Range<Int>
    /// Just after the last quoted line (or the closing tag) in the file.
    var endLine: Int
    var endColumn: Int
    /// An attribution line inside the block (`<footer>`, `<cite>`, a last `— name` line).
    var attributionLine: String?
}
