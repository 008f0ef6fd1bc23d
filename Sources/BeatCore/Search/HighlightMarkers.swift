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
        // The markers are single ASCII bytes, never part of a multi-byte
        // character, so the UTF-8 view can be cut at them directly: this runs
        // for every hit of every page and must stay cheap.
        var segments: [Segment] = []
        var isMatch = false
        var runStart = marked.utf8.startIndex
        func add(upTo end: String.Index) {
            guard runStart < end else { return }
            let text = String(marked[runStart..<end])
            if let last = segments.last, last.isMatch == isMatch {
                segments[segments.count - 1].text += text
            } else {
                segments.append(Segment(text: text, isMatch: isMatch))
            }
        }
        var index = marked.utf8.startIndex
        while index < marked.utf8.endIndex {
            let byte = marked.utf8[index]
            if byte == 0x02 || byte == 0x03 {
                add(upTo: index)
                // A stray closing marker is dropped; a match left open runs to the end.
                isMatch = byte == 0x02
                runStart = marked.utf8.index(after: index)
            }
            index = marked.utf8.index(after: index)
        }
        add(upTo: marked.utf8.endIndex)
        self.init(segments: segments)
    }

    /// The text with U+0002 … U+0003 around each matching segment: the inverse of `init(marked:)`.
    public var marked: String {
        segments.map { $0.isMatch ? "\u{2}\($0.text)\u{3}" : $0.text }.joined()
    }
}
