/// Footnote markers right after a quotation: `[1]`, `[^1]`, `¹`, and `<sup>1</sup>`
/// (which the HTML reader turns into `[1]`).
enum Footnote {
    private static let superscripts: [Character: Character] = [
        "⁰": "0", "¹": "1", "²": "2", "³": "3", "⁴": "4", "⁵": "5", "⁶": "6", "⁷": "7", "⁸": "8", "⁹": "9",
    ]

    static func isSuperscriptDigit(_ character: Character) -> Bool { superscripts[character] != nil }

    /// The marker as a lookup key: superscript digits as ASCII digits, lowercased.
    static func key(_ marker: String) -> String {
        String(marker.map { superscripts[$0] ?? $0 }).lowercased()
    }

    /// The marker that starts at `index` of `text` (after any closing punctuation), and the index after it.
    static func marker(in text: StoryText, at index: Int) -> (marker: String, end: Int)? {
        var i = index
        while i < text.count, ",.;:!?".contains(text.characters[i]) { i += 1 }
        guard i < text.count else { return nil }
        if Footnote.isSuperscriptDigit(text.characters[i]) {
            var end = i
            while end < text.count, Footnote.isSuperscriptDigit(text.characters[end]) { end += 1 }
            return (String(text.characters[i..<end]), end)
        }
        guard text.characters[i] == "[" else { return nil }
        // `[[1]]` comes from `<sup>[1]</sup>`.
        var open = i
        while open < text.count, text.characters[open] == "[" { open += 1 }
        var start = open
        if start < text.count, text.characters[start] == "^" { start += 1 }
        var end = start
        while end < text.count, end - start < 20,
            text.characters[end].isLetter || text.characters[end].isNumber || text.characters[end] == "-"
        {
            end += 1
        }
        guard end > start, end < text.count, text.characters[end] == "]" else { return nil }
        let marker = String(text.characters[start..<end])
        // `[the company]` after a quote is not a marker: markers are numbers or `^names`.
        guard start > open || marker.allSatisfy(\.isNumber) else { return nil }
        var after = end
        while after < text.count, text.characters[after] == "]", after - end < open - i { after += 1 }
        return (marker, after)
    }
}
