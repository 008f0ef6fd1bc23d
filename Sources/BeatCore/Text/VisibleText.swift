/// Stored text made safe to show: a post is hostile input, and an escape sequence or a bidi
/// override in it must not move the cursor, recolour the terminal or reorder the line. Controls
/// become visible stand-ins (ESC → `␛`, other C0 controls → their Control Pictures `␀`…`␟`, DEL →
/// `␡`, C1 controls and bidi embeddings, overrides and isolates → `<U+202E>`).
///
/// The renderers and the caret under a query error both use it, so that what the caret
/// points at is what the terminal shows.
public enum VisibleText {
    /// What happens to line breaks and tabs.
    public enum Layout: Sendable {
        /// Every run of whitespace, line breaks included, becomes one space; ends are trimmed.
        case oneLine
        /// Line breaks (LF, CR, CRLF, NEL, U+2028, U+2029) become `\n`; tabs become a space.
        case lines
        /// Line breaks and tabs are shown as their pictures too (`␊`, `␉`): every character
        /// stays one visible character, as a caret under a column needs.
        case pictures
    }

    /// `text` with its controls made visible and its whitespace laid out as `layout` says.
    public static func make(_ text: String, _ layout: Layout) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            let crlf = layout != .pictures && previousWasCR && scalar == "\n"
            previousWasCR = scalar == "\r"
            if crlf { continue }
            if layout != .pictures, isLineBreak(scalar) || isBlank(scalar) {
                switch layout {
                case .oneLine:
                    pendingSpace = !out.isEmpty
                case .lines, .pictures:
                    out.append(isLineBreak(scalar) ? "\n" : " ")
                }
                continue
            }
            if pendingSpace {
                out.append(" ")
                pendingSpace = false
            }
            append(scalar, to: &out)
        }
        return String(out)
    }

    /// One line of `text` for a table cell or a header: `make(text, .oneLine)`.
    public static func line(_ text: String) -> String { make(text, .oneLine) }

    private static func isLineBreak(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x0A, 0x0D, 0x85, 0x2028, 0x2029: return true
        default: return false
        }
    }

    /// Tab, vertical tab, form feed and the ASCII space.
    private static func isBlank(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x09, 0x0B, 0x0C, 0x20: return true
        default: return false
        }
    }

    private static func append(_ s: Unicode.Scalar, to out: inout String.UnicodeScalarView) {
        switch s.value {
        case 0x1B:
            out.append("\u{241B}")
        case 0x00...0x1F:
            out.append(Unicode.Scalar(0x2400 + s.value) ?? "?")
        case 0x7F:
            out.append("\u{2421}")
        case 0x80...0x9F, 0x202A...0x202E, 0x2066...0x2069:
            out.append(contentsOf: codePoint(s).unicodeScalars)
        default:
            out.append(s)
        }
    }

    /// `<U+202E>`.
    private static func codePoint(_ s: Unicode.Scalar) -> String {
        let hex = String(s.value, radix: 16, uppercase: true)
        return "<U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + ">"
    }
}
