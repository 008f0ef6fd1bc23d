/// A unit of markup text the tag reader can look at: a UTF-8 byte (the importers read
/// bytes, for speed) or a `Character` (a story keeps its character positions).
protocol MarkupUnit: Equatable {
    /// The unit's ASCII value, nil for anything else.
    var markupASCII: UInt8? { get }
}

extension UInt8: MarkupUnit {
    var markupASCII: UInt8? { self < 0x80 ? self : nil }
}

extension Character: MarkupUnit {
    var markupASCII: UInt8? { isASCII ? asciiValue : nil }
}

/// One start or end tag of HTML (or XML) as both readers of markup see it: the importers'
/// `HTMLText` and `check`'s `HTMLStory`.
struct HTMLTag {
    /// The lowercased element name; `!` for a declaration, comment or processing instruction.
    var name: String
    var isClosing: Bool
    var isSelfClosing: Bool
    /// The position just after the tag's `>`.
    var end: Int
    /// Where the attributes are: from after the name to before the `>`.
    var attributes: Range<Int>

    /// Reads a tag starting at `start` (a `<`), or nil when none starts there: "a < b" is text.
    /// A `>` inside a quoted attribute value does not end the tag.
    static func parse<Source: RandomAccessCollection>(_ source: Source, at start: Int) -> HTMLTag?
    where Source.Element: MarkupUnit, Source.Index == Int {
        var i = start + 1
        var closing = false
        if i < source.endIndex, source[i].markupASCII == UInt8(ascii: "/") {
            closing = true
            i += 1
        }
        if i < source.endIndex, source[i].markupASCII == UInt8(ascii: "!") || source[i].markupASCII == UInt8(ascii: "?") {
            // A declaration or processing instruction: skip it whole.
            guard let close = source[i...].firstIndex(where: { $0.markupASCII == UInt8(ascii: ">") }) else { return nil }
            return HTMLTag(name: "!", isClosing: false, isSelfClosing: true, end: close + 1, attributes: i..<close)
        }
        let nameStart = i
        var name = ""
        while i < source.endIndex, let byte = source[i].markupASCII, isNameByte(byte) {
            name.unicodeScalars.append(Unicode.Scalar(byte))
            i += 1
        }
        guard i > nameStart, let first = source[nameStart].markupASCII, isLetter(first) else { return nil }
        let attributesStart = i
        var quote: UInt8?
        while i < source.endIndex {
            let byte = source[i].markupASCII
            if let open = quote {
                if byte == open { quote = nil }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: ">") {
                let selfClosing = i > attributesStart && source[i - 1].markupASCII == UInt8(ascii: "/")
                return HTMLTag(
                    name: name.lowercased(), isClosing: closing, isSelfClosing: selfClosing, end: i + 1,
                    attributes: attributesStart..<i)
            }
            i += 1
        }
        return nil
    }

    static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }

    static func isNameByte(_ b: UInt8) -> Bool {
        isLetter(b) || (b >= 0x30 && b <= 0x39) || b == UInt8(ascii: "-") || b == UInt8(ascii: ":") || b == UInt8(ascii: "_")
    }
}
