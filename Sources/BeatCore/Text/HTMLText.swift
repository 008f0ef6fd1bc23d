/// Turns an HTML fragment (a Mastodon status, an HN comment, a feed item)
/// into the plain text Beat stores: tags removed, entities decoded, blocks and
/// `<br>` kept as paragraph and line breaks, other whitespace collapsed as a
/// browser would.
public enum HTMLText {
    /// Elements whose start and end mark a paragraph.
    private static let blockElements: Set<String> = [
        "p", "div", "blockquote", "ul", "ol", "dl", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "table",
        "section", "article", "header", "footer", "aside", "figure", "figcaption", "hr", "address", "main", "nav",
    ]
    /// Elements that start a new line.
    private static let lineElements: Set<String> = ["br", "li", "tr", "dt", "dd"]
    /// Elements whose content is never text.
    private static let skippedElements: Set<String> = ["script", "style", "head", "title", "noscript", "template", "svg"]

    /// True when `text` holds at least one real tag, so it should be read as
    /// HTML (a `<` in "a < b" or in Markdown is not one).
    public static func containsMarkup(_ text: String) -> Bool {
        guard text.utf8.contains(UInt8(ascii: "<")) else { return false }
        let bytes = Array(text.utf8)
        for index in bytes.indices where bytes[index] == UInt8(ascii: "<") {
            if let tag = HTMLTag.parse(bytes, at: index), tag.name != "!" { return true }
        }
        return false
    }

    /// The plain text of `html`.
    public static func plainText(_ html: String) -> String {
        guard html.utf8.contains(UInt8(ascii: "<")) || html.utf8.contains(UInt8(ascii: "&")) else {
            return PlainText.normalize(html)
        }
        var builder = TextBuilder()
        let bytes = Array(html.utf8)
        var i = 0
        var preDepth = 0
        while i < bytes.count {
            let byte = bytes[i]
            guard byte == UInt8(ascii: "<") else {
                builder.append(byte, preserveWhitespace: preDepth > 0)
                i += 1
                continue
            }
            if matches(bytes, at: i, "<!--") {
                i = find(bytes, "-->", from: i + 4).map { $0 + 3 } ?? bytes.count
                continue
            }
            if matches(bytes, at: i, "<![CDATA[") {
                let end = find(bytes, "]]>", from: i + 9) ?? bytes.count
                for b in bytes[(i + 9)..<end] { builder.append(b, preserveWhitespace: preDepth > 0) }
                i = min(end + 3, bytes.count)
                continue
            }
            guard let tag = HTMLTag.parse(bytes, at: i) else {
                // A '<' that does not open a tag ("a < b") is text.
                builder.append(byte, preserveWhitespace: preDepth > 0)
                i += 1
                continue
            }
            i = tag.end
            if skippedElements.contains(tag.name), !tag.isClosing, !tag.isSelfClosing {
                i = findClosingTag(bytes, name: tag.name, from: i) ?? bytes.count
                continue
            }
            if tag.name == "pre" { preDepth = max(0, preDepth + (tag.isClosing ? -1 : 1)) }
            if blockElements.contains(tag.name) {
                builder.breakLine(paragraph: true)
            } else if lineElements.contains(tag.name) {
                // `</li>` ends nothing the next `<li>` does not; `<br></br>` is one break.
                if !tag.isClosing { builder.breakLine(paragraph: false) }
            } else if tag.name == "td" || tag.name == "th", !tag.isClosing {
                builder.space()
            }
        }
        return PlainText.normalize(HTMLEntities.decode(builder.string))
    }

    private static func findClosingTag(_ bytes: [UInt8], name: String, from start: Int) -> Int? {
        var i = start
        while let open = bytes[i...].firstIndex(of: UInt8(ascii: "<")) {
            if let tag = HTMLTag.parse(bytes, at: open), tag.isClosing, tag.name == name { return tag.end }
            i = open + 1
        }
        return nil
    }

    static func matches(_ bytes: [UInt8], at index: Int, _ literal: String) -> Bool {
        let pattern = Array(literal.utf8)
        guard index + pattern.count <= bytes.count else { return false }
        for (offset, b) in pattern.enumerated() where bytes[index + offset] != b { return false }
        return true
    }

    static func find(_ bytes: [UInt8], _ literal: String, from start: Int) -> Int? {
        var i = start
        while i < bytes.count {
            if matches(bytes, at: i, literal) { return i }
            i += 1
        }
        return nil
    }
}

/// Accumulates text with HTML whitespace rules: runs of whitespace become one
/// space, and line or paragraph breaks are emitted only between words.
struct TextBuilder {
    private var bytes: [UInt8] = []
    private var pendingSpace = false
    private var pendingBreak = 0  // 0 none, 1 line, 2 paragraph

    var string: String { String(decoding: bytes, as: UTF8.self) }

    mutating func append(_ byte: UInt8, preserveWhitespace: Bool) {
        if preserveWhitespace {
            flush()
            bytes.append(byte)
            return
        }
        if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C {
            pendingSpace = true
            return
        }
        flush()
        bytes.append(byte)
    }

    mutating func space() { pendingSpace = true }

    /// A second line break in a row (`<br><br>`) makes a paragraph break.
    mutating func breakLine(paragraph: Bool) {
        pendingBreak = paragraph || pendingBreak >= 1 ? 2 : 1
    }

    private mutating func flush() {
        if !bytes.isEmpty {
            if pendingBreak == 2 {
                bytes.append(0x0A); bytes.append(0x0A)
            } else if pendingBreak == 1 {
                bytes.append(0x0A)
            } else if pendingSpace {
                bytes.append(0x20)
            }
        }
        pendingBreak = 0
        pendingSpace = false
    }
}
