/// Normalisation applied to every stored text, whatever its source markup.
public enum PlainText {
    /// Line endings become `\n` (CRLF, CR, U+2028 and U+2029 included), control
    /// characters other than tab and newline are dropped, trailing spaces on
    /// each line and blank lines beyond one between paragraphs are removed, and
    /// the text is trimmed. Non-breaking spaces become plain spaces so that
    /// quotes copied from a page match what is stored.
    ///
    /// Works on UTF-8 bytes (every imported text goes through it); only whole
    /// characters are dropped or replaced, so the result is valid UTF-8.
    public static func normalize(_ text: String) -> String {
        var text = text
        // Most texts are normal already: one scan, and the same string back, uncopied.
        if text.withUTF8({ isNormal($0) }) { return text }
        return text.withUTF8 { bytes in
            var normalizer = Normalizer(capacity: bytes.count)
            normalizer.run(bytes)
            return String(decoding: normalizer.output, as: UTF8.self)
        }
    }

    /// True when `normalize` would give these bytes back unchanged: no line ending but `\n`, no
    /// control character but tab, no space or tab before a line's end or at either end of the
    /// text, no newline first or last, no more than one blank line in a row, and none of the
    /// characters `normalize` drops or replaces. (Valid UTF-8: a Swift string's own bytes.)
    static func isNormal(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = bytes.count
        guard count > 0 else { return true }
        let first = bytes[0], last = bytes[count - 1]
        if first == 0x20 || first == 0x0A || last == 0x20 || last == 0x09 || last == 0x0A { return false }
        var index = 0
        while index < count {
            let byte = bytes[index]
            if byte >= 0x20 && byte < 0x7F {
                index += 1
                continue
            }
            switch byte {
            case 0x09:
                break
            case 0x0A:
                // Checked above: a newline is never first, so `index - 1` is in the text.
                let before = bytes[index - 1]
                if before == 0x20 || before == 0x09 { return false }
                if before == 0x0A && index >= 2 && bytes[index - 2] == 0x0A { return false }
            case 0xC2:
                if index + 1 < count && bytes[index + 1] == 0xA0 { return false }
            case 0xE2:
                if index + 2 < count && bytes[index + 1] == 0x80 {
                    let third = bytes[index + 2]
                    if third == 0xA8 || third == 0xA9 || third == 0xAF { return false }
                }
            case 0xEF:
                if index + 2 < count && bytes[index + 1] == 0xBB && bytes[index + 2] == 0xBF { return false }
            case 0x80...:
                break
            default:
                return false  // another control character, or DEL
            }
            index += 1
        }
        return true
    }

    private struct Normalizer {
        var output: [UInt8] = []
        /// The line being read, without its line ending.
        var line: [UInt8] = []
        var blankLines = 0

        init(capacity: Int) {
            output.reserveCapacity(capacity)
            line.reserveCapacity(256)
        }

        mutating func run(_ bytes: UnsafeBufferPointer<UInt8>) {
            let count = bytes.count
            var index = 0
            var previousWasCR = false
            while index < count {
                let byte = bytes[index]
                if byte < 0x80 {
                    defer { previousWasCR = byte == 0x0D }
                    index += 1
                    switch byte {
                    case 0x0A where previousWasCR: continue
                    case 0x0A, 0x0D, 0x0B, 0x0C: endLine()
                    case 0x09: line.append(byte)
                    case 0x00...0x1F, 0x7F: continue
                    case 0x20 where line.isEmpty && output.isEmpty: continue
                    default: line.append(byte)
                    }
                    continue
                }
                previousWasCR = false
                let width = Self.width(ofLead: byte)
                guard index + width <= count else {
                    line.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index...]))
                    break
                }
                let second = width > 1 ? bytes[index + 1] : 0
                let third = width > 2 ? bytes[index + 2] : 0
                switch (byte, second, third) {
                case (0xE2, 0x80, 0xA8), (0xE2, 0x80, 0xA9): endLine()  // U+2028, U+2029
                case (0xEF, 0xBB, 0xBF): break  // U+FEFF
                case (0xC2, 0xA0, _), (0xE2, 0x80, 0xAF): line.append(0x20)  // U+00A0, U+202F
                default: line.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<(index + width)]))
                }
                index += width
            }
            endLine()
        }

        /// Ends the line read so far: trailing spaces and tabs go, a blank line is
        /// only counted, and a line with text follows the previous one after one
        /// newline, or two when blank lines came between.
        mutating func endLine() {
            while let last = line.last, last == 0x20 || last == 0x09 { line.removeLast() }
            if line.isEmpty {
                blankLines += 1
                return
            }
            if !output.isEmpty {
                output.append(0x0A)
                if blankLines > 0 { output.append(0x0A) }
            }
            output.append(contentsOf: line)
            line.removeAll(keepingCapacity: true)
            blankLines = 0
        }

        /// The bytes of the UTF-8 sequence that starts with `lead`.
        static func width(ofLead lead: UInt8) -> Int {
            switch lead {
            case 0xF0...: return 4
            case 0xE0...: return 3
            case 0xC0...: return 2
            default: return 1
            }
        }
    }
}
