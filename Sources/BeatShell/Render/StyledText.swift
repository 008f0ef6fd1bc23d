import BeatCore

/// Text as grapheme clusters, each marked when it belongs to a match, so it can be wrapped and
/// cut before the bold markers are written.
struct StyledText {
    struct Cell {
        var character: Character
        var isMatch: Bool
    }

    var cells: [Cell]

    init(cells: [Cell]) { self.cells = cells }

    /// Plain text (already made visible), no matches.
    init(plain text: String) {
        cells = text.map { Cell(character: $0, isMatch: false) }
    }

    /// A snippet on one logical line: controls made visible, whitespace runs made one space.
    init(oneLine highlighted: HighlightedText) {
        var cells: [Cell] = []
        for segment in highlighted.segments {
            for character in VisibleText.make(segment.text, .lines) {
                let isSpace = character == " " || character == "\n"
                if isSpace {
                    if let last = cells.last, last.character != " " {
                        cells.append(Cell(character: " ", isMatch: segment.isMatch))
                    }
                } else {
                    cells.append(Cell(character: character, isMatch: segment.isMatch))
                }
            }
        }
        if cells.last?.character == " " { cells.removeLast() }
        self.cells = cells
    }

    var width: Int { cells.reduce(0) { $0 + DisplayWidth.of($1.character) } }

    /// The text for the terminal: matches between bold on and bold off when `color`, the style
    /// closed at the end of the line so a cut line never leaves the terminal bold.
    func terminalText(color: Bool) -> String {
        var out = ""
        var bold = false
        for cell in cells {
            if color && cell.isMatch != bold {
                out += cell.isMatch ? ANSI.boldOn : ANSI.boldOff
                bold = cell.isMatch
            }
            out.append(cell.character)
        }
        if bold { out += ANSI.boldOff }
        return out
    }

    /// Lines of at most `width` columns, broken at spaces; a word wider than a line is broken
    /// where it reaches the edge. With `maxLines`, the last kept line ends in `…` when text was left out.
    func wrapped(width: Int, maxLines: Int? = nil) -> [StyledText] {
        let width = max(width, 2)
        var lines: [[Cell]] = []
        var line: [Cell] = []
        var lineWidth = 0
        for word in words() {
            let wordWidth = word.reduce(0) { $0 + DisplayWidth.of($1.character) }
            let gap = line.isEmpty ? 0 : 1
            if lineWidth + gap + wordWidth <= width {
                // A space inside a matched phrase stays bold, so "open weights" reads as one match.
                if gap == 1, let last = line.last, let next = word.first {
                    line.append(Cell(character: " ", isMatch: last.isMatch && next.isMatch))
                }
                line += word
                lineWidth += gap + wordWidth
                continue
            }
            if Self.isURL(word) {
                // A URL is never broken: one cut in two cannot be clicked or copied. One too
                // long for any line stands whole on a line of its own.
                if !line.isEmpty { lines.append(line) }
                if wordWidth > width {
                    lines.append(word)
                    line = []
                    lineWidth = 0
                } else {
                    line = word
                    lineWidth = wordWidth
                }
                continue
            }
            if wordWidth <= width || lineWidth + 2 > width {
                // Starts a new line, unless it is too long for any line and there is room to fill here.
                if !line.isEmpty { lines.append(line) }
                line = []
                lineWidth = 0
            } else if !line.isEmpty {
                line.append(Cell(character: " ", isMatch: false))
                lineWidth += 1
            }
            for cell in word {
                let w = DisplayWidth.of(cell.character)
                if lineWidth + w > width {
                    lines.append(line)
                    line = []
                    lineWidth = 0
                }
                line.append(cell)
                lineWidth += w
            }
        }
        if !line.isEmpty { lines.append(line) }
        var result = lines.map { StyledText(cells: $0) }
        if let maxLines, result.count > maxLines {
            result = Array(result.prefix(max(maxLines, 1)))
            result[result.count - 1] = result[result.count - 1].withEllipsis(width: width)
        }
        return result
    }

    /// Whether a word is a web address (`https://…`, `http://…`, `www.…`), possibly after an opening bracket.
    private static func isURL(_ word: [Cell]) -> Bool {
        let text = String(word.prefix(12).map(\.character)).drop { $0 == "(" || $0 == "<" || $0 == "[" }.lowercased()
        return text.hasPrefix("https://") || text.hasPrefix("http://") || text.hasPrefix("www.")
    }

    /// This line cut so that `…` fits after it within `width`.
    private func withEllipsis(width: Int) -> StyledText {
        var kept: [Cell] = []
        var used = 0
        for cell in cells {
            let w = DisplayWidth.of(cell.character)
            if used + w > width - 1 { break }
            kept.append(cell)
            used += w
        }
        if kept.last?.character == " " { kept.removeLast() }
        return StyledText(cells: kept + [Cell(character: "…", isMatch: false)])
    }

    /// Stored text with its line breaks, wrapped to `width`: each line of the text wrapped on its
    /// own, runs of blank lines kept as one.
    static func wrapLines(_ text: String, width: Int) -> [String] {
        var out: [String] = []
        for line in VisibleText.make(text, .lines).split(separator: "\n", omittingEmptySubsequences: false) {
            let pieces = StyledText(plain: String(line)).wrapped(width: width)
            if pieces.isEmpty {
                if let last = out.last, !last.isEmpty { out.append("") }
            } else {
                out += pieces.map { $0.terminalText(color: false) }
            }
        }
        while out.last == "" { out.removeLast() }
        return out
    }

    private func words() -> [[Cell]] {
        var words: [[Cell]] = []
        var word: [Cell] = []
        for cell in cells {
            if cell.character == " " {
                if !word.isEmpty { words.append(word) }
                word = []
            } else {
                word.append(cell)
            }
        }
        if !word.isEmpty { words.append(word) }
        return words
    }
}

/// The only escape sequences Beat writes itself.
enum ANSI {
    static let boldOn = "\u{1B}[1m"
    static let boldOff = "\u{1B}[22m"
    /// Foreground colours for `check` verdicts, and the default colour back.
    static let green = "\u{1B}[32m"
    static let yellow = "\u{1B}[33m"
    static let red = "\u{1B}[31m"
    static let magenta = "\u{1B}[35m"
    static let cyan = "\u{1B}[36m"
    static let defaultColor = "\u{1B}[39m"
}
