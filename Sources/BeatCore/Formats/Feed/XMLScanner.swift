/// One piece of markup read by `XMLScanner`.
enum XMLToken: Equatable {
    /// `<name attr="value">`, or `<name/>` when `selfClosing`. Names keep their
    /// prefix as written (`dc:creator`); attribute values are entity-decoded.
    case startTag(name: String, attributes: [XMLAttribute], selfClosing: Bool)
    case endTag(name: String)
    /// Character data with entity references decoded.
    case text(String)
    /// The content of `<![CDATA[…]]>`, as written.
    case cdata(String)
    /// `<?target …?>`: the XML declaration or a stylesheet instruction.
    case processingInstruction(target: String, body: String)
    /// A comment or a `<!DOCTYPE …>`; their content is never needed.
    case ignorable
}

/// An attribute as written: name with its prefix, value with entities decoded.
struct XMLAttribute: Equatable, Sendable {
    var name: String
    var value: String
}

/// A lenient tokenizer for XML feeds and HTML pages.
///
/// Foundation's `XMLParser` stops at the first error, and real feeds have many:
/// a newline before the declaration, HTML entities such as `&nbsp;` that XML
/// does not define, a stray `<` in text, unclosed tags. This scanner never
/// fails: markup it cannot read is kept as text, an unterminated comment or
/// CDATA section runs to the end, and tag balance is left to `XMLTree`.
struct XMLScanner {
    let bytes: [UInt8]
    private(set) var position = 0
    /// Elements whose content is raw text up to their end tag (HTML `script`, `style`).
    var rawTextElements: Set<String> = []
    private var rawTextEnd: String?

    init(_ bytes: [UInt8], rawTextElements: Set<String> = []) {
        self.bytes = bytes
        self.rawTextElements = rawTextElements
    }

    /// The next token with the byte offsets where it starts and ends, or nil at the end.
    mutating func next() -> (token: XMLToken, start: Int, end: Int)? {
        guard position < bytes.count else { return nil }
        let start = position
        if let name = rawTextEnd {
            rawTextEnd = nil
            let end = findEndTag(name, from: position) ?? bytes.count
            position = end
            if end > start { return (.text(string(start, end)), start, end) }
            return next()
        }
        if bytes[position] == UInt8(ascii: "<"), let token = markup() {
            return (token, start, position)
        }
        return (.text(text()), start, position)
    }

    // MARK: - Text

    /// Character data up to the next `<` that opens markup; a `<` that opens
    /// nothing (`a < b`) is part of the text.
    private mutating func text() -> String {
        let start = position
        position += 1
        while position < bytes.count {
            if bytes[position] == UInt8(ascii: "<") && opensMarkup(at: position) { break }
            position += 1
        }
        return HTMLEntities.decode(string(start, position))
    }

    private func opensMarkup(at index: Int) -> Bool {
        guard index + 1 < bytes.count else { return false }
        let next = bytes[index + 1]
        if next == UInt8(ascii: "!") || next == UInt8(ascii: "?") { return true }
        if next == UInt8(ascii: "/") { return index + 2 < bytes.count && Self.isNameStart(bytes[index + 2]) }
        return Self.isNameStart(next)
    }

    // MARK: - Markup

    /// The markup at `position` (a `<`), or nil when it is text after all.
    private mutating func markup() -> XMLToken? {
        guard opensMarkup(at: position) else { return nil }
        let next = bytes[position + 1]
        if next == UInt8(ascii: "!") {
            if matches("<!--", at: position) {
                position = find("-->", from: position + 4).map { $0 + 3 } ?? bytes.count
                return .ignorable
            }
            if matches("<![CDATA[", at: position) {
                let contentStart = position + 9
                let end = find("]]>", from: contentStart) ?? bytes.count
                position = min(end + 3, bytes.count)
                return .cdata(string(contentStart, end))
            }
            skipDeclaration()
            return .ignorable
        }
        if next == UInt8(ascii: "?") {
            let bodyStart = position + 2
            var nameEnd = bodyStart
            while nameEnd < bytes.count, Self.isNameByte(bytes[nameEnd]) { nameEnd += 1 }
            let end = find("?>", from: nameEnd) ?? find(">", from: nameEnd) ?? bytes.count
            let target = string(bodyStart, nameEnd)
            let body = string(nameEnd, end)
            position = min(end + (matches("?>", at: end) ? 2 : 1), bytes.count)
            return .processingInstruction(target: target, body: body)
        }
        if next == UInt8(ascii: "/") {
            let nameStart = position + 2
            var i = nameStart
            while i < bytes.count, Self.isNameByte(bytes[i]) { i += 1 }
            guard let close = find(">", from: i) else { return nil }
            let name = string(nameStart, i)
            position = close + 1
            return .endTag(name: name)
        }
        return startTag()
    }

    /// `<!DOCTYPE …>` and other declarations, with an internal subset in brackets.
    private mutating func skipDeclaration() {
        var i = position + 2
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "[") {
                i = find("]", from: i + 1) ?? bytes.count
            } else if bytes[i] == UInt8(ascii: ">") {
                break
            }
            i += 1
        }
        position = min(i + 1, bytes.count)
    }

    /// A start tag; nil when its `>` never comes (the `<` is then text).
    private mutating func startTag() -> XMLToken? {
        var i = position + 1
        let nameStart = i
        while i < bytes.count, Self.isNameByte(bytes[i]) { i += 1 }
        let name = string(nameStart, i)
        var attributes: [XMLAttribute] = []
        while true {
            while i < bytes.count, Self.isSpace(bytes[i]) { i += 1 }
            guard i < bytes.count else { return nil }
            let byte = bytes[i]
            if byte == UInt8(ascii: ">") {
                position = i + 1
                if rawTextElements.contains(name.lowercased()) { rawTextEnd = name.lowercased() }
                return .startTag(name: name, attributes: attributes, selfClosing: false)
            }
            if byte == UInt8(ascii: "/") {
                if i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: ">") {
                    position = i + 2
                    return .startTag(name: name, attributes: attributes, selfClosing: true)
                }
                i += 1
                continue
            }
            // An attribute name runs to '=', space, '>' or '/'; anything else odd is skipped.
            let attrStart = i
            while i < bytes.count, !Self.isSpace(bytes[i]), ![UInt8(ascii: "="), UInt8(ascii: ">"), UInt8(ascii: "/")].contains(bytes[i]) {
                i += 1
            }
            let attrName = string(attrStart, i)
            while i < bytes.count, Self.isSpace(bytes[i]) { i += 1 }
            var value = ""
            if i < bytes.count, bytes[i] == UInt8(ascii: "=") {
                i += 1
                while i < bytes.count, Self.isSpace(bytes[i]) { i += 1 }
                guard i < bytes.count else { return nil }
                let quote = bytes[i]
                if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                    let valueStart = i + 1
                    guard let end = bytes[valueStart...].firstIndex(of: quote) else { return nil }
                    value = HTMLEntities.decode(string(valueStart, end))
                    i = end + 1
                } else {
                    let valueStart = i
                    while i < bytes.count, !Self.isSpace(bytes[i]), bytes[i] != UInt8(ascii: ">") { i += 1 }
                    value = HTMLEntities.decode(string(valueStart, i))
                }
            }
            if !attrName.isEmpty { attributes.append(XMLAttribute(name: attrName, value: value)) }
            if i == attrStart { i += 1 }
        }
    }

    // MARK: - Bytes

    /// The start of `</name` (any case) at or after `start`, for raw-text elements.
    private func findEndTag(_ name: String, from start: Int) -> Int? {
        let pattern = Array(("</" + name).utf8)
        var i = start
        while let open = bytes[i...].firstIndex(of: UInt8(ascii: "<")) {
            if open + pattern.count <= bytes.count,
                zip(bytes[open..<(open + pattern.count)], pattern).allSatisfy({ Self.lower($0) == $1 })
            {
                let after = open + pattern.count
                if after == bytes.count || !Self.isNameByte(bytes[after]) { return open }
            }
            i = open + 1
        }
        return nil
    }

    private func string(_ start: Int, _ end: Int) -> String {
        String(decoding: bytes[start..<max(start, end)], as: UTF8.self)
    }

    private func matches(_ literal: String, at index: Int) -> Bool {
        var i = index
        for b in literal.utf8 {
            guard i < bytes.count, bytes[i] == b else { return false }
            i += 1
        }
        return true
    }

    private func find(_ literal: String, from start: Int) -> Int? {
        guard let first = literal.utf8.first, start < bytes.count else { return nil }
        var i = start
        while let candidate = bytes[i...].firstIndex(of: first) {
            if matches(literal, at: candidate) { return candidate }
            i = candidate + 1
        }
        return nil
    }

    static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 || b == 0x0C }
    static func isNameStart(_ b: UInt8) -> Bool {
        ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A) || b == UInt8(ascii: "_") || b == UInt8(ascii: ":") || b >= 0x80
    }
    static func isNameByte(_ b: UInt8) -> Bool {
        isNameStart(b) || (b >= 0x30 && b <= 0x39) || b == UInt8(ascii: "-") || b == UInt8(ascii: ".")
    }
    static func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b | 0x20 : b }
}
