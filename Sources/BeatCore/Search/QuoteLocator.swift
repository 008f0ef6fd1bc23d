/// A quotable stretch of one post's text, in scalar offsets.
struct QuoteSpan: Equatable {
    var range: Range<Int>
    /// True when it is a clause (or a run of words) cut from a sentence too long to quote whole.
    var isPartial: Bool
}

/// Finds what to quote around a match: the sentence holding it, with the next
/// (or else the previous) sentence of the same line when it is very short, or,
/// in a sentence too long to quote, the clauses around the match.
enum QuoteLocator {
    /// A sentence shorter than this is quoted with its neighbour.
    static let shortSentence = 40
    /// Longer sentences are cut to the clauses around the match.
    static let longest = 400
    /// Shorter stretches ("Yep.", a bare link) are not worth quoting.
    static let fewestWords = 3

    /// The spans holding `matches`, in text order, each once.
    static func spans(in scalars: [Unicode.Scalar], sentences: [Range<Int>], matches: [Range<Int>]) -> [QuoteSpan] {
        var result: [QuoteSpan] = []
        var seen: Set<Range<Int>> = []
        for match in matches {
            // Several matches in one sentence make one quote.
            if let last = result.last, last.range.contains(match.lowerBound), last.range.contains(match.upperBound - 1) { continue }
            guard let span = span(around: match, in: scalars, sentences: sentences) else { continue }
            if seen.insert(span.range).inserted { result.append(span) }
        }
        return result.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// The first quotable span of the text: what a filters-only query quotes.
    static func firstSpan(in scalars: [Unicode.Scalar], sentences: [Range<Int>]) -> QuoteSpan? {
        for sentence in sentences {
            if let span = span(around: sentence, in: scalars, sentences: sentences) { return span }
        }
        return nil
    }

    /// The span to quote for one match, or nil when it is not quotable.
    static func span(around match: Range<Int>, in scalars: [Unicode.Scalar], sentences: [Range<Int>]) -> QuoteSpan? {
        // Sentences are in order and do not overlap: find the first that ends
        // after the match starts by bisection, then walk while they overlap it.
        var low = 0, high = sentences.count
        while low < high {
            let middle = (low + high) / 2
            if sentences[middle].upperBound > match.lowerBound { high = middle } else { low = middle + 1 }
        }
        guard low < sentences.count, sentences[low].lowerBound < match.upperBound else { return nil }
        var first = low, last = low
        while last + 1 < sentences.count && sentences[last + 1].lowerBound < match.upperBound { last += 1 }
        if first == last && sentences[first].count < shortSentence {
            func fits(_ a: Int, _ b: Int) -> Bool {
                sameLine(scalars, sentences[a].upperBound, sentences[b].lowerBound)
                    && sentences[b].upperBound - sentences[a].lowerBound <= longest
            }
            if last + 1 < sentences.count && fits(last, last + 1) {
                last += 1
            } else if first > 0 && fits(first - 1, first) {
                first -= 1
            }
        }
        var span = QuoteSpan(range: sentences[first].lowerBound..<sentences[last].upperBound, isPartial: false)
        if span.range.count > longest {
            guard let cut = ClauseCutter.cut(span.range, around: match, in: scalars, limit: longest) else { return nil }
            span = QuoteSpan(range: cut, isPartial: true)
        }
        return wordCount(scalars[span.range]) >= fewestWords ? span : nil
    }

    private static func sameLine(_ scalars: [Unicode.Scalar], _ from: Int, _ to: Int) -> Bool {
        !scalars[from..<to].contains("\n")
    }

    /// Words, counting each Chinese or Japanese character as one (those
    /// scripts put no spaces between words).
    static func wordCount(_ scalars: ArraySlice<Unicode.Scalar>) -> Int {
        var count = 0
        var inWord = false
        var wordHasLetters = false
        for scalar in scalars {
            if SentenceRules.isSpace(scalar) {
                if inWord && wordHasLetters { count += 1 }
                inWord = false
                wordHasLetters = false
            } else if isCJK(scalar) {
                count += 1
            } else {
                inWord = true
                // ASCII first: its letters and digits are exactly A-Z, a-z and 0-9, without a property lookup.
                if scalar.isASCII {
                    if (0x41...0x5A).contains(scalar.value) || (0x61...0x7A).contains(scalar.value)
                        || (0x30...0x39).contains(scalar.value)
                    {
                        wordHasLetters = true
                    }
                } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                    wordHasLetters = true
                }
            }
        }
        if inWord && wordHasLetters { count += 1 }
        return count
    }

    private static func isCJK(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x3040...0x30FF, 0x31F0...0x31FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FFFF:
            return true
        default:
            return false
        }
    }
}
