/// Text made safe for Markdown: stored text must read as written, not turn into emphasis, links,
/// HTML or table cells.
enum MarkdownText {
    /// Inline text: controls made visible, one line, Markdown punctuation escaped.
    static func inline(_ text: String, atLineStart: Bool = true) -> String {
        escape(VisibleText.line(text), atLineStart: atLineStart)
    }

    /// Text already made visible, with the characters Markdown would read as markup escaped by a
    /// backslash (by scalar: a `*` followed by a combining mark is still a `*` to a Markdown parser).
    /// `#`, `>`, `+`, `-` and `=` only matter at the start of a line, where they are escaped too.
    static func escape(_ text: String, atLineStart: Bool = true) -> String {
        var out = String.UnicodeScalarView()
        var atLineStart = atLineStart
        for scalar in text.unicodeScalars {
            if "\\`*_[]<|~".unicodeScalars.contains(scalar) || (atLineStart && "#>+-=".unicodeScalars.contains(scalar)) {
                out.append("\\")
            }
            out.append(scalar)
            atLineStart = scalar == "\n" || (atLineStart && scalar == " ")
        }
        return String(out)
    }

    /// A code span that holds `text` whatever backticks it contains.
    static func code(_ text: String) -> String {
        let visible = VisibleText.line(text)
        var longestRun = 0
        var run = 0
        for scalar in visible.unicodeScalars {
            run = scalar == "`" ? run + 1 : 0
            longestRun = max(longestRun, run)
        }
        let fence = String(repeating: "`", count: longestRun + 1)
        let pad = visible.hasPrefix("`") || visible.hasSuffix("`") ? " " : ""
        return fence + pad + visible + pad + fence
    }

    /// `[label](url)`, or the label alone when there is no url. The url is percent-encoded where
    /// Markdown would end it early (spaces, parentheses, angle brackets, controls).
    static func link(_ label: String, url: String?) -> String {
        guard let url, !url.isEmpty else { return label }
        var encoded: [UInt8] = []
        for byte in url.utf8 {
            switch byte {
            case 0x00...0x20, 0x7F, UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "<"), UInt8(ascii: ">"):
                let hex = Array(String(byte, radix: 16, uppercase: true).utf8)
                encoded += [UInt8(ascii: "%")] + (hex.count == 1 ? [UInt8(ascii: "0")] + hex : hex)
            default:
                encoded.append(byte)
            }
        }
        return "[" + label + "](" + String(decoding: encoded, as: UTF8.self) + ")"
    }

    /// A Markdown table; cells are escaped inline text, numbers right-aligned.
    static func table(header: [String], rightAligned: Set<Int>, rows: [[String]]) -> [String] {
        func cell(_ text: String) -> String { inline(text, atLineStart: false) }
        var lines = ["| " + header.map(cell).joined(separator: " | ") + " |"]
        lines.append("|" + header.indices.map { rightAligned.contains($0) ? " ---: " : " --- " }.joined(separator: "|") + "|")
        for row in rows {
            lines.append("| " + row.map(cell).joined(separator: " | ") + " |")
        }
        return lines
    }
}
