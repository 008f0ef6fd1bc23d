/// Reads an HTML story into `StoryText`: tags removed, entities decoded, each
/// visible character placed at its line and column in the HTML source.
/// `<blockquote>` elements are block quotes (their text read by `HTMLText`),
/// `<q>` elements quotations, `<code>` and `<pre>` hold none, attributes (titles,
/// alt text) are not text, and the last `<ol>` naming urls or public ids is the
/// reference list that `<sup>` markers point at.
enum HTMLStory {
    private static let skipped: Set<String> = ["script", "style", "head", "title", "noscript", "template", "svg"]
    private static let paragraphs: Set<String> = [
        "p", "div", "blockquote", "ul", "ol", "dl", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "table",
        "section", "article", "header", "footer", "aside", "figure", "figcaption", "hr", "address", "main", "nav",
    ]
    private static let lineBreaks: Set<String> = ["br", "li", "tr", "dt", "dd"]

    private struct OpenBlockQuote {
        var tagStart: Int
        var contentStart: Int
        var visibleStart: Int
        var attributionParts: [Range<Int>] = []
        var attributionStart: Int?
        var attributionVisibleStart: Int?
        var attributionText: [String] = []
        /// The block's latest paragraph that opens with a dash (`<p>— name</p>`), with where
        /// it ends in the source: an attribution when nothing but space follows it.
        var dashParagraph: (range: Range<Int>, text: String)?
        var paragraphStart: (source: Int, visible: Int)?
    }

    private struct OpenList {
        var visibleStart: Int
        var items: [(visible: Range<Int>, href: String?)] = []
        var itemStart: Int?
        var itemHref: String?
    }

    static func read(_ html: String) -> StoryText {
        let source = Array(html)
        var lines = [Int](repeating: 1, count: source.count + 1)
        var columns = [Int](repeating: 1, count: source.count + 1)
        var line = 1
        var column = 1
        for (index, character) in source.enumerated() {
            lines[index] = line
            columns[index] = column
            if character.isNewline { line += 1; column = 1 } else { column += 1 }
        }
        lines[source.count] = line
        columns[source.count] = column

        var text = StoryText()
        var codeDepth = 0
        var preDepth = 0
        var quotes: [OpenBlockQuote] = []
        var lists: [OpenList] = []
        var finishedLists: [OpenList] = []

        func emit(_ character: Character, at index: Int, width: Int = 1) {
            text.append(character, line: lines[index], column: columns[index], inert: codeDepth > 0 || !quotes.isEmpty, width: width)
        }
        func space(at index: Int) {
            guard let last = text.characters.last, !last.isWhitespace else { return }
            emit(" ", at: index)
        }
        func breakLine(at index: Int, paragraph: Bool) {
            while text.characters.last == " " { text.removeLast() }
            guard !text.characters.isEmpty else { return }
            let wanted = paragraph ? 2 : 1
            var trailing = 0
            for character in text.characters.reversed() { if character == "\n" { trailing += 1 } else { break } }
            for _ in trailing..<max(trailing, wanted) { emit("\n", at: index) }
        }
        func closeItem(in list: inout OpenList) {
            if let start = list.itemStart { list.items.append((start..<text.count, list.itemHref)) }
            list.itemStart = nil
            list.itemHref = nil
        }

        var i = 0
        while i < source.count {
            let character = source[i]
            if character == "&", let (decoded, end) = entity(source, at: i) {
                for decodedCharacter in decoded { emit(decodedCharacter, at: i, width: end - i) }
                i = end
                continue
            }
            // A comment is skipped whole: a `>` inside it does not end it.
            if character == "<", source[i...].starts(with: "<!--") {
                i = find(source, "-->", from: i + 4).map { $0 + 3 } ?? source.count
                continue
            }
            guard character == "<", let tag = HTMLTag.parse(source, at: i) else {
                if character.isWhitespace && preDepth == 0 { space(at: i) } else { emit(character, at: i) }
                i += 1
                continue
            }
            if skipped.contains(tag.name), !tag.isClosing, !tag.isSelfClosing {
                i =
                    find(source, "</" + tag.name, from: tag.end, caseInsensitive: true)
                    .flatMap { close in source[close...].firstIndex(of: ">").map { $0 + 1 } } ?? source.count
                continue
            }
            if paragraphs.contains(tag.name) { breakLine(at: i, paragraph: true) }
            if lineBreaks.contains(tag.name) { breakLine(at: i, paragraph: false) }
            switch (tag.name, tag.isClosing) {
            case ("code", false), ("pre", false), ("kbd", false), ("samp", false):
                codeDepth += 1
                if tag.name == "pre" { preDepth += 1 }
            case ("code", true), ("pre", true), ("kbd", true), ("samp", true):
                codeDepth = max(0, codeDepth - 1)
                if tag.name == "pre" { preDepth = max(0, preDepth - 1) }
            case ("blockquote", false):
                quotes.append(OpenBlockQuote(tagStart: i, contentStart: tag.end, visibleStart: text.count))
            case ("p", false) where quotes.count == 1:
                quotes[0].paragraphStart = (i, text.count)
            case ("p", true) where quotes.count == 1:
                if let start = quotes[0].paragraphStart {
                    let paragraph = text.collapsed(start.visible..<text.count)
                    if paragraph.first.map({ "—–―-".contains($0) }) == true {
                        quotes[0].dashParagraph = (start.source..<tag.end, paragraph)
                    }
                    quotes[0].paragraphStart = nil
                }
            case ("blockquote", true):
                guard var quote = quotes.popLast() else { break }
                // A blockquote inside another belongs to the outer one.
                guard quotes.isEmpty else { break }
                // A last paragraph of the form `— name` is the attribution, as a footer would be.
                if let dash = quote.dashParagraph,
                    source[dash.range.upperBound..<i].allSatisfy({ $0.isWhitespace })
                {
                    quote.attributionParts.append(dash.range)
                    quote.attributionText.append(dash.text)
                }
                var inner = ""
                var cursor = quote.contentStart
                for part in quote.attributionParts {
                    inner += String(source[cursor..<part.lowerBound])
                    cursor = part.upperBound
                }
                if cursor < i { inner += String(source[cursor..<i]) }
                let quoted = HTMLText.plainText(inner).split(whereSeparator: \.isWhitespace).joined(separator: " ")
                quote.attributionText = quote.attributionText.filter { !$0.isEmpty }
                if !quoted.isEmpty {
                    text.blockQuotes.append(
                        StoryBlockQuote(
                            text: quoted, line: lines[quote.tagStart], column: columns[quote.tagStart],
                            range: quote.visibleStart..<text.count, endLine: lines[tag.end], endColumn: columns[tag.end],
                            attributionLine: quote.attributionText.isEmpty ? nil : quote.attributionText.joined(separator: " ")))
                }
            case ("footer", false), ("cite", false):
                if !quotes.isEmpty, quotes[quotes.count - 1].attributionStart == nil {
                    quotes[quotes.count - 1].attributionStart = i
                    quotes[quotes.count - 1].attributionVisibleStart = text.count
                }
            case ("footer", true), ("cite", true):
                if !quotes.isEmpty, let start = quotes[quotes.count - 1].attributionStart,
                    let visible = quotes[quotes.count - 1].attributionVisibleStart
                {
                    quotes[quotes.count - 1].attributionParts.append(start..<tag.end)
                    quotes[quotes.count - 1].attributionText.append(text.collapsed(visible..<text.count))
                    quotes[quotes.count - 1].attributionStart = nil
                }
            case ("q", false):
                emit("\u{201C}", at: i)
            case ("q", true):
                emit("\u{201D}", at: i, width: tag.end - i)
            case ("sup", false):
                emit("[", at: i)
            case ("sup", true):
                emit("]", at: i)
            case ("ol", false):
                lists.append(OpenList(visibleStart: text.count))
            case ("ol", true):
                if var list = lists.popLast() {
                    closeItem(in: &list)
                    finishedLists.append(list)
                }
            case ("li", false):
                if !lists.isEmpty {
                    closeItem(in: &lists[lists.count - 1])
                    lists[lists.count - 1].itemStart = text.count
                }
            case ("li", true):
                if !lists.isEmpty { closeItem(in: &lists[lists.count - 1]) }
            case ("a", false):
                if !lists.isEmpty, lists[lists.count - 1].itemStart != nil, lists[lists.count - 1].itemHref == nil {
                    lists[lists.count - 1].itemHref = href(tag, in: source)
                }
            default:
                break
            }
            i = tag.end
        }
        readReferences(finishedLists, into: &text)
        return text
    }

    /// The last ordered list whose entries name urls or public ids is the reference list.
    private static func readReferences(_ lists: [OpenList], into text: inout StoryText) {
        for list in lists.reversed() {
            let entries = list.items.enumerated().map { offset, item -> StoryReference in
                var entry = ReferenceList.entry(marker: String(offset + 1), text: text.collapsed(item.visible))
                if entry.url == nil, let href = item.href, href.hasPrefix("http") { entry.url = href }
                return entry
            }
            guard entries.contains(where: { $0.url != nil || $0.publicID != nil }) else { continue }
            for entry in entries { text.references[entry.marker] = entry }
            let end = list.items.last?.visible.upperBound ?? list.visibleStart
            for index in list.visibleStart..<end { text.inert[index] = true }
            return
        }
    }

    /// The character reference at `start` (`&amp;`, `&#8220;`) decoded, and the index after it.
    private static func entity(_ source: [Character], at start: Int) -> (String, Int)? {
        var end = start + 1
        while end < source.count, end - start < 40, source[end] != ";", source[end].isLetter || source[end].isNumber || source[end] == "#" {
            end += 1
        }
        guard end < source.count, source[end] == ";", end > start + 1 else { return nil }
        let reference = String(source[start...end])
        let decoded = HTMLEntities.decode(reference)
        return decoded == reference ? nil : (decoded, end + 1)
    }

    private static func find(_ source: [Character], _ literal: String, from start: Int, caseInsensitive: Bool = false) -> Int? {
        let target = Array(caseInsensitive ? literal.lowercased() : literal)
        guard !target.isEmpty, start + target.count <= source.count else { return nil }
        var i = start
        while i + target.count <= source.count {
            var matched = true
            for (offset, wanted) in target.enumerated() {
                let character = caseInsensitive ? Character(source[i + offset].lowercased()) : source[i + offset]
                if character != wanted { matched = false; break }
            }
            if matched { return i }
            i += 1
        }
        return nil
    }

    /// The `href` of a tag's attributes, entities decoded.
    private static func href(_ tag: HTMLTag, in source: [Character]) -> String? {
        href(in: String(source[tag.attributes]))
    }

    private static func href(in attributes: String) -> String? {
        guard let range = attributes.firstRange(of: "href=") else { return nil }
        var value = attributes[range.upperBound...]
        guard let quote = value.first else { return nil }
        if quote == "\"" || quote == "'" {
            value = value.dropFirst()
            return value.firstIndex(of: quote).map { HTMLEntities.decode(String(value[..<$0])) }
        }
        return String(value.prefix(while: { !$0.isWhitespace }))
    }
}
