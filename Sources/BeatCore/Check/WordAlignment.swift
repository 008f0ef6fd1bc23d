/// The best alignment of a quotation's words against a stretch of a post's
/// words: an edit distance over folded words that is free to start and end
/// anywhere in the post (a quotation is a part of it) and free to skip post
/// words where the story marks a gap (an ellipsis or an editorial insertion).
///
/// Each story word replaced, added or dropped (outside a marked gap) costs
/// one. The similarity is the share of matched words in the alignment:
/// `matched / (story words + post words dropped outside gaps)`, 1 only when
/// every word the story attributes to the speaker is there in order.
struct WordAlignment {
    /// Story words found in place.
    var matched: Int
    /// The post words the alignment spans (the passage), as indices into them.
    var span: Range<Int>
    /// Runs of story words against post words that differ, each as post word
    /// indices (`old`) and story word indices (`new`), either possibly empty.
    var differences: [(old: Range<Int>, new: Range<Int>)]
    var similarity: Double

    /// Aligns `quote` (with `gapBefore[i]` true where the story marks a gap
    /// before word `i`) against `post`; nil when no word matches at all.
    init?(quote: [String], gapBefore: [Bool], post: [String]) {
        let rows = quote.count, columns = post.count
        guard rows > 0, columns > 0 else { return nil }
        let width = columns + 1
        // cost[i * width + j]: the least cost of aligning quote[0..<i] with post words ending at j.
        var cost = [Int32](repeating: 0, count: (rows + 1) * width)
        for i in 1...rows {
            cost[i * width] = Int32(i)
            // Skipping post words between story words i-1 and i is free where the story marks a gap.
            let skip: Int32 = i < rows && gapBefore[i] ? 0 : 1
            for j in 1...columns {
                let diagonal = cost[(i - 1) * width + j - 1] + (quote[i - 1] == post[j - 1] ? 0 : 1)
                let added = cost[(i - 1) * width + j] + 1
                let dropped = cost[i * width + j - 1] + skip
                cost[i * width + j] = min(diagonal, added, dropped)
            }
        }
        var end = 0
        for j in 0...columns where cost[rows * width + j] < cost[rows * width + end] { end = j }

        // Walk back from the best end, preferring matches, to list what differs.
        var i = rows, j = end
        var matched = 0, droppedOutsideGaps = 0
        var differences: [(old: Range<Int>, new: Range<Int>)] = []
        var pendingOld: Range<Int>?, pendingNew: Range<Int>?
        func flush() {
            if pendingOld != nil || pendingNew != nil {
                differences.append((pendingOld ?? j..<j, pendingNew ?? i..<i))
            }
            pendingOld = nil
            pendingNew = nil
        }
        func widen(_ range: Range<Int>?, with index: Int) -> Range<Int> {
            guard let range else { return index..<(index + 1) }
            return index..<range.upperBound
        }
        var spanEnd = end, spanStart = end
        var sawPostWord = false
        while i > 0 {
            let here = cost[i * width + j]
            let skip: Int32 = i < rows && gapBefore[i] ? 0 : 1
            if j > 0, quote[i - 1] == post[j - 1], here == cost[(i - 1) * width + j - 1] {
                flush()
                matched += 1
                i -= 1
                j -= 1
                if !sawPostWord { spanEnd = j + 1; sawPostWord = true }
                spanStart = j
            } else if j > 0, here == cost[(i - 1) * width + j - 1] + 1 {
                pendingOld = widen(pendingOld, with: j - 1)
                pendingNew = widen(pendingNew, with: i - 1)
                i -= 1
                j -= 1
                if !sawPostWord { spanEnd = j + 1; sawPostWord = true }
                spanStart = j
            } else if j > 0, here == cost[i * width + j - 1] + skip {
                if skip == 0 {
                    flush()
                } else {
                    pendingOld = widen(pendingOld, with: j - 1)
                    droppedOutsideGaps += 1
                }
                j -= 1
                if !sawPostWord { spanEnd = j + 1; sawPostWord = true }
                spanStart = j
            } else {
                pendingNew = widen(pendingNew, with: i - 1)
                i -= 1
            }
        }
        flush()
        guard matched > 0 else { return nil }
        differences.reverse()
        self.matched = matched
        self.span = spanStart..<spanEnd
        self.differences = differences
        self.similarity = Double(matched) / Double(rows + droppedOutsideGaps)
    }
}
