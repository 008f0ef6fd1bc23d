/// Normalisation applied to every stored text, whatever its source markup.
public enum PlainText {
    /// Line endings become `\n` (CRLF, CR, U+2028 and U+2029 included), control
    /// characters other than tab and newline are dropped, trailing spaces on
    /// each line and blank lines beyond one between paragraphs are removed, and
    /// the text is trimmed. Non-breaking spaces become plain spaces so that
    /// quotes copied from a page match what is stored.
    public static func normalize(_ text: String) -> String {
        var output = String.UnicodeScalarView()
        var line = String.UnicodeScalarView()
        var blankLines = 0
        var previousWasCR = false

        func endLine() {
            while let last = line.last, last == " " || last == "\t" { line.removeLast() }
            if line.isEmpty {
                blankLines += 1
                return
            }
            if !output.isEmpty { output.append(contentsOf: (blankLines > 0 ? "\n\n" : "\n").unicodeScalars) }
            output.append(contentsOf: line)
            line = String.UnicodeScalarView()
            blankLines = 0
        }

        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch scalar.value {
            case 0x0A where previousWasCR: continue
            case 0x0A, 0x0D, 0x2028, 0x2029, 0x0B, 0x0C: endLine()
            case 0x09: line.append(scalar)
            case 0x00...0x1F, 0x7F, 0xFEFF: continue
            case 0xA0, 0x202F: line.append(" ")
            case 0x20 where line.isEmpty && output.isEmpty: continue
            default: line.append(scalar)
            }
        }
        endLine()
        return String(output)
    }
}
