/// FTS5 `highlight()` and `snippet()` output as Beat asks for it: each match
/// wrapped in U+0002 … U+0003, characters stored text never holds (the
/// importers drop control characters).
enum HighlightMarkers {
    static let open: Unicode.Scalar = "\u{2}"
    static let close: Unicode.Scalar = "\u{3}"

    /// The text without markers, as scalars, and the ranges of scalar offsets
    /// that were marked. A match left open runs to the end; a stray closing
    /// marker is dropped.
    static func parse(_ marked: String) -> (plain: [Unicode.Scalar], matches: [Range<Int>]) {
        var plain: [Unicode.Scalar] = []
        plain.reserveCapacity(marked.unicodeScalars.count)
        var matches: [Range<Int>] = []
        var openedAt: Int?
        for scalar in marked.unicodeScalars {
            switch scalar {
            case open:
                if openedAt == nil { openedAt = plain.count }
            case close:
                if let start = openedAt, start < plain.count { matches.append(start..<plain.count) }
                openedAt = nil
            default:
                plain.append(scalar)
            }
        }
        if let start = openedAt, start < plain.count { matches.append(start..<plain.count) }
        return (plain, matches)
    }
}

extension HighlightedText {
    /// Segments from text with U+0002 … U+0003 around each match, as
    /// `highlight(posts_fts, col, char(2), char(3))` and `snippet()` return it.
    /// Adjacent segments of the same kind are merged and empty ones dropped.
    public init(marked: String) {
        let (plain, matches) = HighlightMarkers.parse(marked)
        var segments: [Segment] = []
        func add(_ range: Range<Int>, isMatch: Bool) {
            guard !range.isEmpty else { return }
            let text = String(String.UnicodeScalarView(plain[range]))
            if let last = segments.last, last.isMatch == isMatch {
                segments[segments.count - 1].text += text
            } else {
                segments.append(Segment(text: text, isMatch: isMatch))
            }
        }
        var position = 0
        for match in matches {
            add(position..<match.lowerBound, isMatch: false)
            add(match, isMatch: true)
            position = match.upperBound
        }
        add(position..<plain.count, isMatch: false)
        self.init(segments: segments)
    }

    /// The text with U+0002 … U+0003 around each matching segment: the inverse of `init(marked:)`.
    public var marked: String {
        segments.map { $0.isMatch ? "\u{2}\($0.text)\u{3}" : $0.text }.joined()
    }
}
