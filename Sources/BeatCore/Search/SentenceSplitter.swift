/// Splits stored plain text into sentences without changing a character of it:
/// every sentence is a range of the text's Unicode scalars, trimmed of the
/// whitespace around it, so a quote taken from it is an exact substring.
///
/// Boundaries: a line break (and so a paragraph break); `.`, `!`, `?` or `…`
/// (or a run of them, `?!`, `...`) followed by closing quotes or brackets and
/// then whitespace or the end; and the CJK full stops `。！？｡`, which need no
/// space after them (but one inside a closing quotation that the text goes
/// straight on from, `「本当に？」と聞いた。`, is not a boundary). A period is not a boundary after a title (`Dr.`), a Latin
/// abbreviation (`e.g.`, `vs.`), an initial (`John F. Kennedy`), an abbreviation
/// before a number (`No. 5`, `p. 12`), or an initialism or other ambiguous
/// abbreviation (`U.S.`, `etc.`, `Inc.`) unless the next word is a common
/// sentence opener (`The`, `But` …). An ellipsis ends a sentence only when
/// the next word does not start in lower case. Periods inside a token (`2.3`,
/// `example.com/a.b`) are never boundaries, since no space follows them.
public enum SentenceSplitter {
    /// The sentences of `text`, each exactly as it appears there.
    public static func sentences(in text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        return ranges(in: scalars).map { String(String.UnicodeScalarView(scalars[$0])) }
    }

    /// The sentences of `scalars` as ranges of scalar offsets, in order, without
    /// the whitespace between them.
    public static func ranges(in scalars: [Unicode.Scalar]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = 0
        var i = 0
        let count = scalars.count

        func end(at index: Int) {
            if let trimmed = trim(start..<index, in: scalars) { result.append(trimmed) }
            start = index
        }

        while i < count {
            let scalar = scalars[i]
            if scalar == "\n" {
                end(at: i)
                i += 1
                continue
            }
            if SentenceRules.isCJKStop(scalar) {
                var j = i + 1
                while j < count && (SentenceRules.isCJKStop(scalars[j]) || SentenceRules.isStop(scalars[j])) { j += 1 }
                let closersStart = j
                while j < count && SentenceRules.isCloser(scalars[j]) { j += 1 }
                // 「本当に？」と聞いた。: a stop inside a quotation that the text
                // goes straight on from does not end the sentence.
                if j == closersStart || j == count || SentenceRules.isSpace(scalars[j]) { end(at: j) }
                i = j
                continue
            }
            if SentenceRules.isStop(scalar) {
                var stopsEnd = i + 1
                while stopsEnd < count && SentenceRules.isStop(scalars[stopsEnd]) { stopsEnd += 1 }
                var j = stopsEnd
                while j < count && SentenceRules.isCloser(scalars[j]) { j += 1 }
                if (j == count || SentenceRules.isSpace(scalars[j]))
                    && SentenceRules.endsSentence(scalars, stops: i..<stopsEnd, after: j)
                {
                    end(at: j)
                }
                i = j
                continue
            }
            i += 1
        }
        end(at: count)
        return result
    }

    /// `range` without the whitespace at either end, or nil when nothing is left.
    static func trim(_ range: Range<Int>, in scalars: [Unicode.Scalar]) -> Range<Int>? {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper && SentenceRules.isSpace(scalars[lower]) { lower += 1 }
        while upper > lower && SentenceRules.isSpace(scalars[upper - 1]) { upper -= 1 }
        return lower < upper ? lower..<upper : nil
    }
}
