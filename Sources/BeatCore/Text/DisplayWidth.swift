/// How many terminal columns text takes: East Asian wide characters and emoji take 2, combining
/// marks and other zero-width characters 0, everything else 1. Measured per grapheme cluster, so an
/// accent composed with its letter, a flag or a ZWJ emoji sequence counts once.
public enum DisplayWidth {
    /// The columns `text` takes on one line.
    public static func of(_ text: String) -> Int {
        text.reduce(0) { $0 + of($1) }
    }

    /// The columns one grapheme cluster takes (0, 1 or 2).
    public static func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        if first.isASCII {
            // A cluster such as "e" + U+0301 is as wide as its base.
            return first.value < 0x20 || first.value == 0x7F ? 0 : 1
        }
        if first.properties.isEmojiPresentation || isWide(first.value) { return 2 }
        // A text-style emoji followed by VS16 (U+FE0F) is drawn as a picture: "❤️".
        if first.properties.isEmoji && scalars.contains(where: { $0.value == 0xFE0F }) { return 2 }
        switch first.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control: return 0
        default: return 1
        }
    }

    /// East Asian Wide and Fullwidth ranges (Unicode's EastAsianWidth.txt, W and F), the blocks
    /// that occur in text: Hangul, CJK, kana, fullwidth forms. Emoji are found by their
    /// Emoji_Presentation property instead.
    private static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF,
            0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3,
            0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
            0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }

    /// `text` cut to at most `width` columns, ending in `…` when something was cut.
    public static func truncate(_ text: String, to width: Int) -> String {
        guard of(text) > width else { return text }
        guard width > 0 else { return "" }
        var out = ""
        var used = 0
        for character in text {
            let w = of(character)
            if used + w > width - 1 { break }
            out.append(character)
            used += w
        }
        return out + "…"
    }

    /// `text` cut to `width` columns and padded with spaces to exactly `width`, on the left when
    /// `alignRight` (numbers).
    public static func fit(_ text: String, to width: Int, alignRight: Bool = false) -> String {
        let cut = truncate(text, to: width)
        let padding = String(repeating: " ", count: max(0, width - of(cut)))
        return alignRight ? padding + cut : cut + padding
    }
}
