/// A story file split into lines of characters, line breaks (`\n`, `\r\n`, `\r`) removed.
struct StoryLines {
    var lines: [[Character]] = []

    init(_ story: String) {
        var current: [Character] = []
        for character in story {
            if character.isNewline {
                lines.append(current)
                current = []
            } else {
                current.append(character)
            }
        }
        lines.append(current)
    }

    /// The line without its leading and trailing whitespace.
    static func trimmed(_ line: [Character]) -> String {
        String(line).trimmingWhitespace
    }
}
