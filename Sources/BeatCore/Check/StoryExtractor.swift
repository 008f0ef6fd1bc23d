/// Finds the quotations of a machine-written story (text, Markdown or HTML)
/// with what the story says about their origin, for `check`.
///
/// ```swift
/// let story = try StoryInput.text(from: bytes, path: path)
/// let quotes = StoryExtractor.quotes(in: story, format: StoryExtractor.format(of: story, path: path), includeShort: false)
/// ```
public enum StoryExtractor {
    /// Detects the format from the content (and the file extension when given).
    public static func format(of story: String, path: String?) -> StoryFormat {
        StoryFormat.detect(story, path: path)
    }

    /// Every quotation of the story in order; scare quotes of one or two words only when `includeShort`.
    ///
    /// Double-quoted, single-quoted (several words) and block quotations are found;
    /// marks in code, in attributes (titles, alt text) and in the reference list are not
    /// quotation marks. Each quotation keeps the line and column of its opening mark in
    /// the file, its omissions and insertions as segments, and the attribution the story
    /// states: author, platform, venue, date and footnote reference.
    public static func quotes(in story: String, format: StoryFormat, includeShort: Bool) -> [StoryQuote] {
        let text = format == .html ? HTMLStory.read(story) : MarkdownStory.read(story, markdown: format == .markdown)
        let dateline = dateline(of: text)
        var located: [(start: Int, quote: StoryQuote)] = []
        let inline = QuoteScanner.quotes(in: text)
        for (index, found) in inline.enumerated() {
            let words = text.collapsed((found.open + 1)..<found.close)
            guard !words.isEmpty else { continue }
            if !includeShort, isShort(words) { continue }
            // `'n'` and other one-letter passages are never quotations.
            if found.kind == .singleQuoted, words.count <= 2 { continue }
            let floor = index > 0 ? inline[index - 1].close + 1 : 0
            let ceiling = index + 1 < inline.count ? inline[index + 1].open : text.count
            let context = StoryContext.around(text, open: found.open, close: found.close, floor: floor, ceiling: ceiling, quote: words)
            var attribution = completed(AttributionReader.read(context), context: context, text: text, at: found.open, dateline: dateline)
            if let marker = Footnote.marker(in: text, at: found.close + 1)?.marker ?? context.footnote {
                attribution = linked(attribution, marker: marker, references: text.references)
            }
            let quote = StoryQuote(
                text: words, segments: QuoteSegments.split(words), line: text.lines[found.open],
                column: text.columns[found.open], kind: found.kind, attribution: attribution,
                endLine: text.lines[found.close], endColumn: text.endColumns[found.close])
            located.append((found.open, quote))
        }
        for block in text.blockQuotes {
            var words = block.text
            var marker: String?
            if let (stripped, found) = trailingMarker(words) {
                words = stripped
                marker = found
            }
            guard !words.isEmpty else { continue }
            let context = StoryContext.around(text, block: block)
            var attribution = completed(
                AttributionReader.read(context), context: context, text: text, at: block.range.lowerBound, dateline: dateline)
            if marker == nil, let line = context.dashLine, let (_, found) = trailingMarker(line) { marker = found }
            if let marker { attribution = linked(attribution, marker: marker, references: text.references) }
            let quote = StoryQuote(
                text: words, segments: QuoteSegments.split(words), line: block.line, column: block.column,
                kind: .blockQuote, attribution: attribution, endLine: block.endLine, endColumn: block.endColumn)
            located.append((block.range.lowerBound, quote))
        }
        return located.sorted { $0.start < $1.start }.map(\.quote)
    }

    /// The date the story gives itself: the first date in its opening lines (a dateline, a
    /// `<time>` element, "Published July 26, 2013"), before its first quotation.
    public static func dateline(in story: String, format: StoryFormat) -> StoryDate? {
        dateline(of: format == .html ? HTMLStory.read(story) : MarkdownStory.read(story, markdown: format == .markdown))
    }

    private static func dateline(of text: StoryText) -> StoryDate? {
        var end = min(text.count, 600)
        if let first = QuoteScanner.quotes(in: text).first { end = min(end, first.open) }
        let opening = text.collapsed(0..<end)
        return StoryDateReader.date(in: opening.split(whereSeparator: \.isWhitespace).map(String.init))
    }

    /// The attribution with what the story says around the quote's sentence: a day named without
    /// its year takes the dateline's, and a heading or paragraph lead naming a platform or venue
    /// ("r/worldnews reacts", "On Bluesky, …") applies when the sentence names none.
    private static func completed(
        _ attribution: StoryAttribution?, context: AttributionReader.Context, text: StoryText, at position: Int, dateline: StoryDate?
    ) -> StoryAttribution? {
        var result = attribution
        let words = (context.before + " " + context.after + " " + (context.dashLine ?? "")).split(whereSeparator: \.isWhitespace).map(
            String.init)
        if result?.date == nil, let dateline, let day = StoryDateReader.yearlessDay(in: words, dateline: dateline) {
            var dated = result ?? StoryAttribution(evidence: day.text)
            dated.date = day
            result = dated
        }
        if result?.source == nil, result?.venue == nil, let (place, evidence) = StorySection.place(before: position, in: text) {
            var placed = result ?? StoryAttribution(evidence: evidence)
            placed.source = place.source
            placed.venue = place.venue
            result = placed
        }
        return result
    }

    /// One or two words: a scare quote ("so-called 'open' models").
    private static func isShort(_ words: String) -> Bool {
        words.split(whereSeparator: \.isWhitespace).count <= 2
    }

    /// The attribution with the footnote's reference added (or one holding only the reference).
    private static func linked(
        _ attribution: StoryAttribution?, marker: String, references: [String: StoryReference]
    ) -> StoryAttribution? {
        guard let reference = references[Footnote.key(marker)] else { return attribution }
        var result = attribution ?? StoryAttribution(evidence: "[\(marker)]")
        result.reference = StoryReference(marker: marker, url: reference.url, publicID: reference.publicID, text: reference.text)
        return result
    }

    /// A footnote marker ending a block quote's text (`…it works.[1]`, `…it works.¹`): the text without it and the marker.
    private static func trailingMarker(_ words: String) -> (String, String)? {
        let characters = Array(words)
        var end = characters.count
        while end > 0, characters[end - 1] == "]" { end -= 1 }
        if end < characters.count {
            var start = end
            while start > 0, characters[start - 1].isNumber || characters[start - 1].isLetter { start -= 1 }
            let marker = String(characters[start..<end])
            var open = start
            if open > 0, characters[open - 1] == "^" { open -= 1 }
            guard open > 0, characters[open - 1] == "[", !marker.isEmpty, marker.allSatisfy(\.isNumber) || open < start
            else { return nil }
            while open > 0, characters[open - 1] == "[" { open -= 1 }
            return (String(characters[..<open]).trimmingWhitespace, marker)
        }
        var start = end
        while start > 0, Footnote.isSuperscriptDigit(characters[start - 1]) { start -= 1 }
        guard start < end, start > 0 else { return nil }
        return (String(characters[..<start]).trimmingWhitespace, String(characters[start..<end]))
    }
}
