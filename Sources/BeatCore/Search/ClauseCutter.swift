/// Cuts a sentence too long to quote down to the clauses around a match:
/// pieces end after `,` `;` `:` `—` `–` followed by a space; when even the
/// clause holding the match is too long, whole words around it are taken.
/// The result is a range of the same text, so still an exact substring.
enum ClauseCutter {
    static func cut(
        _ range: Range<Int>, around match: Range<Int>, in scalars: [Unicode.Scalar], limit: Int
    ) -> Range<Int>? {
        let match = max(match.lowerBound, range.lowerBound)..<min(match.upperBound, range.upperBound)
        for pieces in [clauses(of: range, in: scalars), words(of: range, in: scalars)] {
            if let grown = grow(pieces, around: match, limit: limit) { return trimEnd(grown, in: scalars, keeping: match) }
        }
        return nil
    }

    /// The smallest run of pieces covering `match`, widened a piece at a time
    /// (after, then before) while it stays within `limit`.
    private static func grow(_ pieces: [Range<Int>], around match: Range<Int>, limit: Int) -> Range<Int>? {
        guard let first = pieces.firstIndex(where: { $0.upperBound > match.lowerBound }),
            let last = pieces.lastIndex(where: { $0.lowerBound < match.upperBound }), first <= last
        else { return nil }
        var low = first, high = last
        func length(_ a: Int, _ b: Int) -> Int { pieces[b].upperBound - pieces[a].lowerBound }
        guard length(low, high) <= limit else { return nil }
        var grew = true
        while grew {
            grew = false
            if high + 1 < pieces.count && length(low, high + 1) <= limit {
                high += 1
                grew = true
            }
            if low > 0 && length(low - 1, high) <= limit {
                low -= 1
                grew = true
            }
        }
        return pieces[low].lowerBound..<pieces[high].upperBound
    }

    private static func clauses(of range: Range<Int>, in scalars: [Unicode.Scalar]) -> [Range<Int>] {
        split(range, in: scalars) { index in
            index + 1 < range.upperBound && SentenceRules.isSpace(scalars[index + 1])
                && ",;:\u{2014}\u{2013}".unicodeScalars.contains(scalars[index])
        }
    }

    private static func words(of range: Range<Int>, in scalars: [Unicode.Scalar]) -> [Range<Int>] {
        split(range, in: scalars) { index in
            index + 1 < range.upperBound && SentenceRules.isSpace(scalars[index + 1])
        }
    }

    /// Pieces of `range` ending after each index where `endsPiece` holds, trimmed of whitespace.
    private static func split(
        _ range: Range<Int>, in scalars: [Unicode.Scalar], endsPiece: (Int) -> Bool
    ) -> [Range<Int>] {
        var pieces: [Range<Int>] = []
        var start = range.lowerBound
        for index in range where endsPiece(index) {
            if let piece = SentenceSplitter.trim(start..<(index + 1), in: scalars) { pieces.append(piece) }
            start = index + 1
        }
        if let piece = SentenceSplitter.trim(start..<range.upperBound, in: scalars) { pieces.append(piece) }
        return pieces
    }

    /// Drops a trailing comma, semicolon, colon or dash left by the cut.
    private static func trimEnd(_ range: Range<Int>, in scalars: [Unicode.Scalar], keeping match: Range<Int>) -> Range<Int> {
        var upper = range.upperBound
        while upper > max(range.lowerBound, match.upperBound),
            ",;:\u{2014}\u{2013}".unicodeScalars.contains(scalars[upper - 1]) || SentenceRules.isSpace(scalars[upper - 1])
        {
            upper -= 1
        }
        return range.lowerBound..<upper
    }
}
