/// The place a story's reader carries into a quotation from above it: the lead of its paragraph
/// ("On r/technology the story was the companies. …") or, failing that, the heading of its section
/// ("r/worldnews reacts", "## On Bluesky"). A heading that names no place ends the previous one;
/// one that says the section is away from a place ("Off Reddit", "Beyond Bluesky") names none.
enum StorySection {
    /// A heading is a paragraph of one short line without a sentence's closing punctuation.
    private static let headingLength = 80
    private static let leads: Set<String> = ["on", "in", "over", "across", "back", "elsewhere", "meanwhile", "among", "at"]
    private static let away: Set<String> = ["off", "beyond", "outside", "away", "elsewhere", "not"]

    /// The place and the words naming it, for a quotation starting at `position`.
    static func place(before position: Int, in text: StoryText) -> (StoryVenueReader.Place, String)? {
        var start = paragraphStart(before: position, in: text)
        // The paragraph's first sentence, when the quotation is not in it.
        if let leadEnd = sentenceEnd(from: start, before: position, in: text) {
            let lead = text.collapsed(start..<leadEnd)
            let words = lead.split(whereSeparator: \.isWhitespace).map(String.init)
            if let first = words.first?.lowercased(), leads.contains(first), let place = named(words) { return (place, lead) }
        }
        // The nearest heading above.
        while start > 0 {
            let end = start
            start = paragraphStart(before: max(0, end - 2), in: text)
            let paragraph = text.collapsed(start..<end)
            guard isHeading(paragraph, in: text, from: start, to: end) else { continue }
            let words = paragraph.split(whereSeparator: \.isWhitespace).map(String.init)
            if let first = words.first?.lowercased(), away.contains(first) { return nil }
            return named(words).map { ($0, paragraph) }
        }
        return nil
    }

    private static func named(_ words: [String]) -> StoryVenueReader.Place? {
        let place = StoryVenueReader.place(in: words, author: nil)
        return place.source == nil && place.venue == nil ? nil : place
    }

    private static func isHeading(_ paragraph: String, in text: StoryText, from start: Int, to end: Int) -> Bool {
        guard !paragraph.isEmpty, paragraph.count <= headingLength, let last = paragraph.last, !".!?:;,\"”’)".contains(last) else {
            return false
        }
        // One line of the file.
        let visible = (start..<end).filter { !text.characters[$0].isWhitespace }
        guard let first = visible.first, let final = visible.last else { return false }
        return text.lines[first] == text.lines[final] && !paragraph.contains("\"") && !paragraph.contains("“")
    }

    /// Where the paragraph holding `position` starts.
    private static func paragraphStart(before position: Int, in text: StoryText) -> Int {
        var index = min(position, text.count)
        while index > 0 {
            if text.isParagraphBreak(at: index - 1) { break }
            index -= 1
        }
        while index < position, text.characters[index].isWhitespace { index += 1 }
        return index
    }

    /// The end of the sentence starting at `start`, when it ends before `position`.
    private static func sentenceEnd(from start: Int, before position: Int, in text: StoryText) -> Int? {
        var index = start
        while index < position {
            if ".!?".contains(text.characters[index]), index + 1 < text.count, text.characters[index + 1].isWhitespace {
                return index + 1
            }
            index += 1
        }
        return nil
    }
}
