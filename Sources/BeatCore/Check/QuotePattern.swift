/// A quotation as something to look for: the runs of words the story
/// attributes to the speaker, in order, split where the story marks a gap.
///
/// An omission (`...`) stands for words left out, an editorial insertion
/// (`[the company]`) for the story's own words in place of the speaker's:
/// both match any number of words of the post in their place, or none, and
/// the editorial words themselves are never looked for.
struct QuotePattern {
    /// Runs of the speaker's words; between two runs the story marks a gap.
    var runs: [[FoldedWord]]

    init(_ quote: StoryQuote) {
        var runs: [[FoldedWord]] = []
        var current: [FoldedWord] = []
        for segment in quote.segments {
            switch segment {
            case .text(let text):
                current += QuoteWords.words(in: text)
            case .omission, .editorial:
                if !current.isEmpty { runs.append(current) }
                current = []
            }
        }
        if !current.isEmpty { runs.append(current) }
        self.runs = runs
    }

    /// Every word the story attributes to the speaker, in order.
    var words: [FoldedWord] { runs.flatMap { $0 } }

    /// For each word, true when the story marks a gap just before it.
    var gapBefore: [Bool] {
        var result: [Bool] = []
        for (index, run) in runs.enumerated() {
            result += run.indices.map { $0 == run.startIndex && index > 0 }
        }
        return result
    }

    /// True when the quotation has no word the index could find.
    var isEmpty: Bool { runs.isEmpty }

    /// The FTS5 expression every post holding the quotation matches: each
    /// run as a phrase, all of them required. Words go in folded, each run
    /// inside one FTS5 string (see `FTSText.quoted`), so no story text is
    /// read as FTS5 syntax.
    var phraseExpression: String {
        FTSExpression.all(
            runs.map { run in
                .phrase(run.map(\.folded).joined(separator: " "), prefix: false, inTitle: false)
            }
        ).rendered
    }

    /// Where the runs occur in `words` in order, each run's words adjacent:
    /// from the first word of the first run to one past the last word of the
    /// last run, the shortest such stretch (the earliest among equals); nil
    /// when the runs do not all occur.
    func occurrence(in words: [FoldedWord]) -> Range<Int>? {
        let folded = words.map(\.folded)
        let runs = self.runs.map { $0.map(\.folded) }
        guard let first = runs.first else { return nil }
        var best: Range<Int>?
        var start = 0
        while let firstAt = Self.find(first, in: folded, from: start) {
            // After a given start, taking each later run at its earliest place
            // gives the shortest stretch; if a run is missing there, it is
            // missing after any later start too.
            var end = firstAt + first.count
            for run in runs.dropFirst() {
                guard let at = Self.find(run, in: folded, from: end) else { return best }
                end = at + run.count
            }
            if best.map({ end - firstAt < $0.count }) ?? true { best = firstAt..<end }
            start = firstAt + 1
        }
        return best
    }

    /// The first index at or after `start` where `run` occurs in `words`.
    private static func find(_ run: [String], in words: [String], from start: Int) -> Int? {
        guard !run.isEmpty, words.count - start >= run.count else { return nil }
        var at = start
        while at + run.count <= words.count {
            if words[at] == run[0] && words[at..<(at + run.count)].elementsEqual(run) { return at }
            at += 1
        }
        return nil
    }
}
