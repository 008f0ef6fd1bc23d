/// A node of a parsed XML document: an element or a run of text.
enum MarkupNode: Sendable {
    case element(MarkupElement)
    /// Character data and CDATA, decoded.
    case text(String)
}

/// An element with its attributes and content, and the byte offset of its `<`.
struct MarkupElement: Sendable {
    /// The name as written, prefix included (`content:encoded`).
    var name: String
    var attributes: [XMLAttribute]
    var children: [MarkupNode] = []
    var offset: Int

    /// The name without its namespace prefix.
    var localName: Substring {
        guard let colon = name.lastIndex(of: ":") else { return Substring(name) }
        return name[name.index(after: colon)...]
    }

    /// The namespace prefix as written, or nil.
    var prefix: Substring? {
        name.lastIndex(of: ":").map { name[..<$0] }
    }

    /// The value of an attribute, matching its name as written, then in any case.
    func attribute(_ name: String) -> String? {
        if let exact = attributes.first(where: { $0.name == name }) { return exact.value }
        return attributes.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    /// Child elements, in order.
    var elements: [MarkupElement] {
        children.compactMap { if case .element(let e) = $0 { return e } else { return nil } }
    }

    /// Child elements whose name, prefix included, is one of `names` (any case:
    /// real feeds write `pubdate` and `pubDate`).
    func children(_ names: String...) -> [MarkupElement] {
        let wanted = Set(names.map { $0.lowercased() })
        return elements.filter { wanted.contains($0.name.lowercased()) }
    }

    /// The first child element named one of `names` (any case).
    func child(_ names: String...) -> MarkupElement? {
        let wanted = names.map { $0.lowercased() }
        let children = elements
        for name in wanted {
            if let found = children.first(where: { $0.name.lowercased() == name }) { return found }
        }
        return nil
    }

    /// All text inside the element, child elements' included, in document order.
    var text: String {
        var out = ""
        appendText(to: &out)
        return out
    }

    private func appendText(to out: inout String) {
        for child in children {
            switch child {
            case .text(let s): out += s
            case .element(let e): e.appendText(to: &out)
            }
        }
    }

    /// The trimmed text of the first child named one of `names`, when not empty.
    func childText(_ names: String...) -> String? {
        let wanted = names.map { $0.lowercased() }
        for name in wanted {
            for element in elements where element.name.lowercased() == name {
                let value = element.text.xmlTrimmed
                if !value.isEmpty { return value }
            }
        }
        return nil
    }

    /// The content written back as markup, for XHTML content and for text that
    /// is HTML: text is escaped again so that an HTML reader sees what the feed held.
    var innerMarkup: String {
        var out = ""
        for child in children { Self.write(child, into: &out) }
        return out
    }

    private static func write(_ node: MarkupNode, into out: inout String) {
        switch node {
        case .text(let s):
            out += escape(s, quote: false)
        case .element(let e):
            out += "<" + e.name
            for attribute in e.attributes { out += " \(attribute.name)=\"\(escape(attribute.value, quote: true))\"" }
            if e.children.isEmpty {
                out += "/>"
            } else {
                out += ">"
                for child in e.children { write(child, into: &out) }
                out += "</" + e.name + ">"
            }
        }
    }

    static func escape(_ s: String, quote: Bool) -> String {
        guard s.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || (quote && $0 == 0x22) }) else { return s }
        var out = ""
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where quote: out += "&quot;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }
}

extension String {
    /// The text without leading and trailing XML whitespace (space, tab, CR,
    /// LF), judged per scalar: `"\r\n"` is one `Character`, so a
    /// character-based trim misses it in files with Windows line endings.
    var xmlTrimmed: String {
        let scalars = unicodeScalars
        let isSpace = { (s: Unicode.Scalar) in s == " " || s == "\t" || s == "\n" || s == "\r" }
        guard let first = scalars.firstIndex(where: { !isSpace($0) }),
            let last = scalars.lastIndex(where: { !isSpace($0) })
        else { return "" }
        return String(scalars[first...last])
    }
}
