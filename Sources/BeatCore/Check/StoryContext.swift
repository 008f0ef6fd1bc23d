/// Cuts the words around a quotation out of the story's visible text: the
/// rest of its sentence on each side, and a dash line under it.
enum StoryContext {
    /// How far to look on each side, in characters: a sentence, not a page.
    private static let reach = 400

    /// The context of an inline quotation whose marks are at `open` and `close`; `floor`
    /// and `ceiling` are where the neighbouring quotations end and begin.
    static func around(
        _ text: StoryText, open: Int, close: Int, floor: Int, ceiling: Int, quote: String
    ) -> AttributionReader.Context {
        let before = text.collapsed(sentenceStart(text, before: open, floor: floor)..<open)
        let afterEnd = sentenceEnd(text, after: close + 1, ceiling: ceiling)
        var after = text.collapsed((close + 1)..<afterEnd)
        if let skip = Footnote.marker(in: text, at: close + 1) {
            after = skip.end < afterEnd ? text.collapsed(skip.end..<afterEnd) : ""
        }
        if endsSentence(quote), !continuesSentence(after) { after = "" }
        var dashLine: String?
        if restOfLineIsEmpty(text, from: close + 1), let line = followingLine(text, from: close + 1), DashLine.starts(line) {
            dashLine = DashLine.body(line)
        }
        var footnote = Footnote.marker(in: text, at: afterEnd)?.marker
        if footnote == nil, let line = dashLine { footnote = trailingMarker(line) }
        return AttributionReader.Context(before: before, after: after, dashLine: dashLine, footnote: footnote)
    }

    /// A footnote marker at the end of a line (`— avaer, on r/LocalLLaMA [2]`).
    private static func trailingMarker(_ line: String) -> String? {
        var text = StoryText()
        text.append(line.split(whereSeparator: \.isWhitespace).last.map(String.init) ?? "", line: 1, column: 1, inert: false)
        var index = 0
        while index < text.count, text.characters[index] != "[", !Footnote.isSuperscriptDigit(text.characters[index]) { index += 1 }
        return Footnote.marker(in: text, at: index)?.marker
    }

    /// The context of a block quote: a dash line in or under it, and a sentence
    /// introducing it ("As one observer put it:") just before.
    static func around(_ text: StoryText, block: StoryBlockQuote) -> AttributionReader.Context {
        var dashLine = block.attributionLine.map(DashLine.body)
        // The block's range may end after the break that closes it (HTML): the dash line is the next line from its last one.
        var blockEnd = block.range.upperBound
        while blockEnd > block.range.lowerBound, text.characters[blockEnd - 1].isWhitespace { blockEnd -= 1 }
        if dashLine == nil, let line = followingLine(text, from: blockEnd), DashLine.starts(line) {
            dashLine = DashLine.body(line)
        }
        var end = block.range.lowerBound
        while end > 0, text.characters[end - 1].isWhitespace { end -= 1 }
        var before = ""
        if end > 0, text.characters[end - 1] == ":" || text.characters[end - 1] == "," {
            before = text.collapsed(sentenceStart(text, before: end, floor: 0)..<end)
        }
        return AttributionReader.Context(before: before, after: "", dashLine: dashLine)
    }

    private static func sentenceStart(_ text: StoryText, before open: Int, floor: Int) -> Int {
        var start = open
        while start > floor, open - start < reach {
            let index = start - 1
            if text.isParagraphBreak(at: index) { break }
            let character = text.characters[index]
            if ".!?".contains(character), start < open, text.characters[start].isWhitespace { break }
            start = index
        }
        return start
    }

    private static func sentenceEnd(_ text: StoryText, after start: Int, ceiling: Int) -> Int {
        var end = start
        while end < ceiling, end < text.count, end - start < reach {
            if text.isParagraphBreak(at: end) { break }
            let character = text.characters[end]
            if ".!?".contains(character), end + 1 >= text.count || text.characters[end + 1].isWhitespace { break }
            // A footnote marker ends the sentence it follows: `said kim.[^1]`.
            if end > start, character == "[" || Footnote.isSuperscriptDigit(character), Footnote.marker(in: text, at: end) != nil { break }
            end += 1
        }
        return end
    }

    private static func endsSentence(_ quote: String) -> Bool {
        guard let last = quote.last else { return false }
        return ".!?…".contains(last)
    }

    /// After a quote that ends its sentence, the words that follow still belong to it
    /// when they credit it (`— avaer`, `said avaer`, `avaer wrote`) rather than start anew.
    private static func continuesSentence(_ after: String) -> Bool {
        let trimmed = after.trimmingWhitespace
        guard let first = trimmed.first else { return false }
        if first.isLowercase || DashLine.dashes.contains(first) || first == "," || first == "(" { return true }
        let words = trimmed.split(whereSeparator: \.isWhitespace).prefix(5).map { $0.lowercased().trimming(anyOf: ",.;:") }
        return words.contains { ["said", "says", "wrote", "writes", "posted", "added", "argued", "noted", "replied"].contains($0) }
    }

    private static func restOfLineIsEmpty(_ text: StoryText, from start: Int) -> Bool {
        var i = start
        if let marker = Footnote.marker(in: text, at: start) { i = marker.end }
        while i < text.count, !text.characters[i].isNewline {
            let character = text.characters[i]
            if !character.isWhitespace && !",.;:".contains(character) { return false }
            i += 1
        }
        return true
    }

    /// The next non-blank line after `start`'s line, trimmed.
    private static func followingLine(_ text: StoryText, from start: Int) -> String? {
        var i = start
        while i < text.count, !text.characters[i].isNewline { i += 1 }
        while i < text.count, text.characters[i].isWhitespace { i += 1 }
        guard i < text.count else { return nil }
        var end = i
        while end < text.count, !text.characters[end].isNewline { end += 1 }
        return String(text.characters[i..<end]).trimmingWhitespace
    }
}
