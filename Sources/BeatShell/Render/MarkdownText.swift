import BeatCore

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
    ///
    /// Two runs are left as written, since a backslash there would be shown or break them: a web
    /// address (`https://…` up to the next space, which Markdown links as it stands) and a code
    /// span of the stored text (`` `like_this` `` on one line), where Markdown reads nothing as
    /// markup. Only `|`, which would end a table cell, is escaped inside them.
    static func escape(_ text: String, atLineStart: Bool = true) -> String {
        var out = String.UnicodeScalarView()
        var atLineStart = atLineStart
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            if let end = verbatimRunEnd(scalars, from: index) {
                for scalar in scalars[index..<end] {
                    if scalar == "|" { out.append("\\") }
                    out.append(scalar)
                }
                index = end
                atLineStart = false
                continue
            }
            let scalar = scalars[index]
            if "\\`*_[]<|~".unicodeScalars.contains(scalar) || (atLineStart && "#>+-=".unicodeScalars.contains(scalar)) {
                out.append("\\")
            }
            out.append(scalar)
            atLineStart = scalar == "\n" || (atLineStart && scalar == " ")
            index += 1
        }
        return String(out)
    }

    /// The end of a URL or a one-line code span starting at `start`, nil when none starts there.
    private static func verbatimRunEnd(_ scalars: [Unicode.Scalar], from start: Int) -> Int? {
        let isSpace: (Unicode.Scalar) -> Bool = { $0 == " " || $0 == "\n" || $0 == "\t" }
        if start == 0 || isSpace(scalars[start - 1]) || scalars[start - 1] == "(" {
            let head = String(String.UnicodeScalarView(scalars[start..<min(scalars.count, start + 8)])).lowercased()
            if head.hasPrefix("https://") || head.hasPrefix("http://") {
                var end = start
                while end < scalars.count, !isSpace(scalars[end]), scalars[end] != "<" { end += 1 }
                // Closing punctuation after an address belongs to the sentence.
                while end > start, ".,;:!?)".unicodeScalars.contains(scalars[end - 1]) { end -= 1 }
                return end
            }
        }
        if scalars[start] == "`", start + 1 < scalars.count, scalars[start + 1] != "`" {
            var end = start + 1
            while end < scalars.count, scalars[end] != "`", scalars[end] != "\n" { end += 1 }
            if end < scalars.count, scalars[end] == "`", end > start + 1 { return end + 1 }
        }
        return nil
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
