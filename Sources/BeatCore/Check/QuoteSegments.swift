/// Splits a quotation into the speaker's words, omissions (`...`, `…`, `[...]`,
/// `[…]`, `. . .`) and the story's own insertions (`[the company]`, `[sic]`).
enum QuoteSegments {
    static func split(_ quote: String) -> [QuoteSegment] {
        let characters = Array(quote)
        var segments: [QuoteSegment] = []
        var words = ""
        func flush() {
            let part = words.trimmingWhitespace
            if !part.isEmpty { segments.append(.text(part)) }
            words = ""
        }
        var i = 0
        while i < characters.count {
            if let end = ellipsis(characters, at: i) {
                flush()
                if segments.last != .omission { segments.append(.omission) }
                i = end
            } else if characters[i] == "[", let close = characters[(i + 1)...].firstIndex(of: "]") {
                let inside = String(characters[(i + 1)..<close]).trimmingWhitespace
                flush()
                if inside.isEmpty || ellipsis(Array(inside), at: 0) == inside.count {
                    if segments.last != .omission { segments.append(.omission) }
                } else {
                    segments.append(.editorial(inside))
                }
                i = close + 1
            } else {
                words.append(characters[i])
                i += 1
            }
        }
        flush()
        return segments
    }

    /// The index after an ellipsis starting at `start` (`…`, three or more dots, `. . .`), or nil.
    private static func ellipsis(_ characters: [Character], at start: Int) -> Int? {
        if characters[start] == "…" { return start + 1 }
        var i = start
        var dots = 0
        while i < characters.count {
            if characters[i] == "." {
                dots += 1
                i += 1
            } else if characters[i] == " ", i + 1 < characters.count, characters[i + 1] == ".", dots > 0 {
                i += 1
            } else {
                break
            }
        }
        return dots >= 3 ? i : nil
    }
}
