/// What two quotes must share to count as the same sentence: the text with
/// whitespace runs collapsed to one space, case folded, and curly quotes and
/// apostrophes made straight. A repost that retypes the quote marks or wraps
/// the line differently is still the same sentence.
enum QuoteKey {
    static func of(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in scalars {
            if SentenceRules.isSpace(scalar) {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace {
                out.append(" ")
                pendingSpace = false
            }
            switch scalar {
            case "\u{2018}", "\u{2019}", "\u{201A}", "\u{201B}", "\u{2032}", "\u{FF07}": out.append("'")
            case "\u{201C}", "\u{201D}", "\u{201E}", "\u{201F}", "\u{2033}", "\u{00AB}", "\u{00BB}", "\u{FF02}": out.append("\"")
            default: out.append(scalar)
            }
        }
        return String(out).lowercased()
    }
}
