/// Finds the inline quotations of a story's visible text: straight and curly
/// double quotes, and single-quoted passages, told apart from apostrophes
/// (don't, the '90s, users' posts, rock 'n' roll). A quotation ends in its
/// paragraph; an opening mark without a closing one there is not a quotation.
/// Marks inside a quotation belong to it.
enum QuoteScanner {
    /// One quotation: the indexes of its opening and closing marks in the visible text.
    struct Found {
        var open: Int
        var close: Int
        var kind: QuoteKind
    }

    /// Elisions that start with an apostrophe: `'em`, `'tis`, `'cause`.
    private static let elisions: Set<String> = ["em", "tis", "twas", "cause", "cos", "til", "bout", "round", "n", "s", "t"]

    static func quotes(in text: StoryText) -> [Found] {
        var found: [Found] = []
        var paragraphEnd = -1
        // After a search for a closing mark failed, no later opening mark of the
        // same kind in that paragraph can succeed: this keeps long unbalanced text linear.
        var doubleFailsUntil = -1
        var singleFailsUntil = -1
        var i = 0
        let characters = text.characters
        while i < characters.count {
            if i > paragraphEnd { paragraphEnd = nextParagraphEnd(text, from: i) }
            let character = characters[i]
            guard !text.inert[i] else { i += 1; continue }
            if character == "\u{201C}" || character == "\"" && opensStraight(text, at: i), i >= doubleFailsUntil {
                if let close = closingDouble(text, open: i, limit: paragraphEnd) {
                    found.append(Found(open: i, close: close, kind: .doubleQuoted))
                    i = close + 1
                    continue
                }
                doubleFailsUntil = paragraphEnd
            } else if character == "\u{2018}" || character == "'" || character == "\u{2019}", opensSingle(text, at: i) {
                if let skip = elisionEnd(text, at: i) {
                    i = skip
                    continue
                }
                if i >= singleFailsUntil {
                    if let close = closingSingle(text, open: i, limit: paragraphEnd) {
                        found.append(Found(open: i, close: close, kind: .singleQuoted))
                        i = close + 1
                        continue
                    }
                    singleFailsUntil = paragraphEnd
                }
            }
            i += 1
        }
        return found
    }

    /// The index of the paragraph break at or after `start` (or the end of the text).
    private static func nextParagraphEnd(_ text: StoryText, from start: Int) -> Int {
        var i = start
        while i < text.count {
            if text.isParagraphBreak(at: i) { return i }
            i += 1
        }
        return text.count
    }

    private static func character(_ text: StoryText, _ index: Int) -> Character? {
        index >= 0 && index < text.count ? text.characters[index] : nil
    }

    /// A straight `"` opens when a word follows it and no letter or digit comes right before it (5'10").
    private static func opensStraight(_ text: StoryText, at index: Int) -> Bool {
        guard let next = character(text, index + 1), !next.isWhitespace else { return false }
        guard let previous = character(text, index - 1) else { return true }
        return !(previous.isLetter || previous.isNumber)
    }

    private static func closingDouble(_ text: StoryText, open: Int, limit: Int) -> Int? {
        let curly = text.characters[open] == "\u{201C}"
        var i = open + 1
        while i < limit {
            let character = text.characters[i]
            if !text.inert[i] {
                if curly, character == "\u{201D}" { return i }
                if !curly, character == "\"", let previous = self.character(text, i - 1), !previous.isWhitespace { return i }
            }
            i += 1
        }
        return nil
    }

    /// A single mark opens when it starts a word and nothing but space or opening punctuation is before it.
    private static func opensSingle(_ text: StoryText, at index: Int) -> Bool {
        guard let next = character(text, index + 1), next.isLetter || next.isNumber else { return false }
        guard let previous = character(text, index - 1) else { return true }
        return previous.isWhitespace || "([{—–-/\"“:".contains(previous)
    }

    /// The index after an apostrophe that starts an elision ('90s, 'em, rock 'n' roll), or nil.
    private static func elisionEnd(_ text: StoryText, at index: Int) -> Int? {
        var end = index + 1
        while end < text.count, text.characters[end].isLetter || text.characters[end].isNumber { end += 1 }
        let word = String(text.characters[(index + 1)..<end]).lowercased()
        // '90s, '24: a decade or a year cut short.
        if let first = word.first, first.isNumber, word.count <= 3, word.prefix(2).allSatisfy(\.isNumber) {
            if word.count == 2 || word.hasSuffix("s") { return end }
        }
        guard elisions.contains(word) else { return nil }
        // 'n' closes itself.
        if let after = character(text, end), after == "'" || after == "\u{2019}", word == "n" { return end + 1 }
        guard let after = character(text, end), !(after == "'" || after == "\u{2019}") else { return nil }
        return end
    }

    /// The closing mark of a single-quoted passage. A mark with a letter after it is an
    /// apostrophe (don't); one after an `s` and before a space may be a plural possessive
    /// (users' posts), so it closes only when no clearer closing mark follows before the
    /// next passage opens.
    private static func closingSingle(_ text: StoryText, open: Int, limit: Int) -> Int? {
        var possessive: Int?
        var i = open + 1
        while i < limit {
            let character = text.characters[i]
            if !text.inert[i], character == "'" || character == "\u{2019}" {
                let previous = self.character(text, i - 1)
                let next = self.character(text, i + 1)
                let closes = previous.map { !$0.isWhitespace } == true && !(next.map { $0.isLetter || $0.isNumber } ?? false)
                if closes {
                    let ambiguous = (previous == "s" || previous == "S") && next.map { $0.isWhitespace } == true
                    if !ambiguous { return i }
                    if possessive == nil { possessive = i }
                } else if let possessive, opensSingle(text, at: i), elisionEnd(text, at: i) == nil {
                    return possessive
                }
            } else if !text.inert[i], character == "\u{2018}", let possessive {
                return possessive
            }
            i += 1
        }
        return possessive
    }
}
