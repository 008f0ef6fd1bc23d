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
        return text.withUTF8 { bytes in
            var normalizer = Normalizer(capacity: bytes.count)
            normalizer.run(bytes)
            return String(decoding: normalizer.output, as: UTF8.self)
        }
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
