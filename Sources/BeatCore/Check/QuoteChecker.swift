import BeatSQLite

/// Finds each quotation of a story in the corpus and gives its verdict.
///
/// For one quotation:
/// 1. **Exact match.** The posts holding the quotation's rarest words (or,
///    when its words are all common, each run of the speaker's words, split at
///    ellipses and editorial insertions, as an FTS5 phrase) are read in time
///    order and the runs looked for, in order, in each post's words (`QuoteWords`: case, diacritics, quote marks, dashes,
///    apostrophes and punctuation folded as the index folds them).
///    Among several posts holding the words (cross-posts, quotes of quotes),
///    the one a footnote names comes first, then the earliest that agrees
///    with the story's attribution, then the earliest.
/// 2. **Near match**, when no post holds the words exactly: the posts ranking
///    best by bm25 for the quotation's rarest words, each aligned word by word
///    (`WordAlignment`). A similarity of at least `closeThreshold` makes the
///    quote `close`, with the differing words.
/// 3. **Attribution**: a match (exact or close) whose record contradicts the
///    story's author, source, venue or date is `misattributed`, because a
///    wrong speaker is the error an editor must fix first; a close match keeps
///    its similarity and differences in the finding.
/// 4. **Coverage**, when nothing matches: `outside_coverage` when the corpus
///    has no posts from the stated source or venue, or none around the stated
///    date; `not_found` otherwise.
///
/// Only index lookups: FTS5 MATCH queries, the unique index on public ids,
/// the venue index and the table's own key. Not `Sendable`: it uses the corpus's connection, on the
/// thread that opened it.
public final class QuoteChecker {
    /// The least similarity for `close`, calibrated on the labelled evaluation
    /// set (`Tests/BeatCoreTests/Fixtures/check`): there, edited quotations
    /// (a changed or added word, dropped words without an ellipsis, rewritten
    /// numbers) align at 0.70 to 0.96, while paraphrases and invented quotes
    /// reach at most 0.40 against the posts sharing their rarest words; the
    /// threshold sits between the two.
    public static let closeThreshold = 0.55
    /// A near match needs at least this many of the story's words in place
    /// (fewer only when the quotation is shorter).
    static let leastMatchedWords = 3
    /// Posts read for an exact match, earliest first.
    static let exactCandidateLimit = 200
    /// Posts aligned for a near match, best by bm25 first.
    static let nearCandidateLimit = 24
    /// The rarest words of the quotation that pick near-match candidates.
    static let rareWordCount = 6
    /// The rarest words of the quotation that pick exact-match candidates.
    static let exactWordCount = 3
    /// Words in more posts than this do not pick candidates: they say little
    /// about which post a quote came from, and their long postings make FTS5
    /// slow to intersect and rank.
    static let commonWordDocuments = 5_000

    /// The posts quotations are looked for in.
    public let corpus: Corpus
    private var connection: Connection { corpus.connection }
    private let coverage: QuoteCoverage
    private var documentCounts: [String: Int] = [:]

    /// A checker of quotations against the posts of `corpus`.
    public init(corpus: Corpus) throws {
        self.corpus = corpus
        coverage = QuoteCoverage(connection: corpus.connection)
    }

    /// Quotes of at most this many words are judged by their words alone only when exact: a near
    /// match of so few words says nothing about where they came from.
    static let shortQuoteWords = 5
    /// A near match needs this many of the quotation's distinctive words (not function words) in place.
    static let leastDistinctiveWords = 3
    /// A quotation held by several posts is a repost of the earliest only when it is this long;
    /// shorter ones are common phrasing.
    static let repostWords = 6

    /// A phrase of at most this many words can be a term rather than a quotation.
    static let termWords = 4
    /// A short phrase held by this many posts is in use, not one poster's words.
    static let termPosts = 2

    /// True when the quotation is a term in quotation marks (‘open source AI’): a short phrase the
    /// story credits to no one and that several posts use. `check` skips terms, as it skips scare
    /// quotes of one or two words, unless `--all`.
    public func isTerm(_ quote: StoryQuote) throws -> Bool {
        guard quote.kind != .blockQuote else { return false }
        if let stated = quote.attribution, stated.author != nil || stated.speakerCredited || stated.reference != nil { return false }
        let pattern = QuotePattern(quote)
        guard !pattern.isEmpty, pattern.words.count <= Self.termWords,
            try !wordCounts(pattern.words).contains(where: { $0.documents == 0 })
        else { return false }
        var holding = 0
        try QuoteCandidates.inTimeOrder(connection, match: pattern.phraseExpression, limit: Self.exactCandidateLimit) { candidate in
            if holding < Self.termPosts, candidate.fields.contains(where: { pattern.occurrence(in: $0.words) != nil }) { holding += 1 }
        }
        return holding >= Self.termPosts
    }

    /// The verdict on one quotation of a story dated `dateline` (undated quotes can only come from
    /// the days before it). Throws only on SQLite errors (including an interrupt from Ctrl-C).
    public func check(_ quote: StoryQuote, dateline: StoryDate? = nil) throws -> CheckFinding {
        let pattern = QuotePattern(quote)
        guard !pattern.isEmpty else {
            return CheckFinding(
                quote: quote, verdict: .notFound, similarity: 0, match: nil, differences: [], conflicts: [],
                reason: "no words to look for: the quotation holds only punctuation or symbols")
        }
        let reference = try referencedRecord(quote.attribution?.reference)
        let attribution = Self.attribution(quote.attribution, completedFrom: reference)
        if var finding = try exactFinding(quote, pattern, attribution, reference) {
            try noteUnknownAuthor(&finding, attribution)
            return finding
        }
        if pattern.words.count > Self.shortQuoteWords, var finding = try nearFinding(quote, pattern, attribution, reference) {
            try noteUnknownAuthor(&finding, attribution)
            return finding
        }
        let judgement = try coverage.judge(attribution, dateline: dateline)
        var finding: CheckFinding
        if let gap = judgement.gap {
            finding = CheckFinding(
                quote: quote, verdict: .outsideCoverage, similarity: 0, match: nil, differences: [], conflicts: [], reason: gap)
        } else {
            var reason = "no post in the corpus holds these words or words close to them"
            if pattern.words.count <= Self.shortQuoteWords { reason = "no post in the corpus holds these words exactly" }
            if let reference { reason += "; \(reference.post.id), which the reference names, does not" }
            finding = CheckFinding(
                quote: quote, verdict: .notFound, similarity: 0, match: nil, differences: [], conflicts: [], reason: reason)
        }
        finding.evidence = judgement.evidence
        try noteUnknownAuthor(&finding, attribution)
        return finding
    }

    /// Says so when the author the story names has no posts in the corpus at all.
    private func noteUnknownAuthor(_ finding: inout CheckFinding, _ attribution: StoryAttribution?) throws {
        guard let author = attribution?.author, try !corpusHolds(author: author) else { return }
        finding.reason += "; \(author) has no posts in the corpus at all"
    }

    private func corpusHolds(author stated: String) throws -> Bool {
        var name = stated.trimmingCharacters(in: .whitespaces)
        for prefix in ["/u/", "u/", "@"] where name.lowercased().hasPrefix(prefix) {
            name = String(name.dropFirst(prefix.count))
            break
        }
        let forms = [name, name + ".bsky.social", name.lowercased().hasSuffix(".bsky.social") ? String(name.dropLast(12)) : name]
        for form in forms where try connection.scalar("SELECT 1 FROM posts WHERE author = ? COLLATE NOCASE LIMIT 1", [.text(form)]) != nil {
            return true
        }
        // A Mastodon account named without its instance: `kim` for `kim@hachyderm.io`.
        return try connection.scalar(
            "SELECT 1 FROM posts WHERE author >= ? COLLATE NOCASE AND author < ? COLLATE NOCASE LIMIT 1",
            [.text(name + "@"), .text(name + "A")]) != nil
    }

    // MARK: - Exact

    private func exactFinding(
        _ quote: StoryQuote, _ pattern: QuotePattern, _ attribution: StoryAttribution?, _ reference: CandidatePost?
    ) throws -> CheckFinding? {
        var found: [(candidate: CandidatePost, match: QuoteMatch)] = []
        func consider(_ candidate: CandidatePost) {
            for field in candidate.fields {
                guard let span = pattern.occurrence(in: field.words) else { continue }
                found.append((candidate, QuoteMatch(post: candidate.post, passage: field.passage(span))))
                return
            }
        }
        if let reference { consider(reference) }
        let counted = try wordCounts(pattern.words)
        // A word no post holds: no post holds the quotation.
        if counted.contains(where: { $0.documents == 0 }) && found.isEmpty { return nil }
        // Posts holding the quotation hold its rarest words: an AND of those
        // selects candidates from the index alone, fast (a fraction of a
        // millisecond on a million posts, where a phrase of common words takes
        // a hundred), unless it selects too many to read; then the quotation's
        // phrases select exactly the posts holding them.
        let rare = counted.prefix(Self.exactWordCount)
        var read = 0
        if !rare.isEmpty {
            let expression = FTSExpression.all(rare.map { .phrase($0.word, prefix: false, inTitle: false) }).rendered
            try QuoteCandidates.inTimeOrder(connection, match: expression, limit: Self.exactCandidateLimit) {
                read += 1
                if $0.rowid != reference?.rowid { consider($0) }
            }
        }
        if rare.isEmpty || read == Self.exactCandidateLimit {
            found.removeAll { $0.candidate.rowid != reference?.rowid }
            try QuoteCandidates.inTimeOrder(connection, match: pattern.phraseExpression, limit: Self.exactCandidateLimit) {
                if $0.rowid != reference?.rowid { consider($0) }
            }
        }
        let referenceURL = quote.attribution?.reference?.url
        let inTimeOrder = found.sorted { $0.candidate.rowid < $1.candidate.rowid }
        guard let earliest = inTimeOrder.first else { return nil }
        let holders = try QuoteHolders(found: inTimeOrder.map(\.candidate), exact: true, corpus: corpus) {
            Self.nearAlignment(pattern, in: $0)
        }
        let first = holders.first
        let isRepost = holders.all.count > 1 && pattern.words.count >= Self.repostWords
        func agrees(_ post: PostSummary) -> Bool { AttributionComparison.conflicts(attribution, with: post).isEmpty }
        let chosen: (candidate: CandidatePost, match: QuoteMatch)
        let choice: String
        var named = false
        if let cited = found.first(where: {
            $0.candidate.rowid == reference?.rowid || Self.sameURL($0.candidate.post.url, referenceURL)
        }) {
            (chosen, choice, named) = (cited, "the one the reference names", true)
        } else if isRepost {
            // Reposts, cross-posts and quote-posts repeat the words: they are the first poster's.
            (chosen, choice) = (earliest, first.exact ? "the earliest" : "the earliest holding them as quoted")
        } else if let agreeing = inTimeOrder.first(where: { agrees($0.candidate.post) }) {
            (chosen, choice) = (
                agreeing, agreeing.candidate.rowid == earliest.candidate.rowid ? "the earliest" : "the earliest agreeing with the story"
            )
        } else {
            (chosen, choice) = (earliest, "the earliest")
        }
        var conflicts = AttributionComparison.conflicts(attribution, with: chosen.candidate.post)
        var others = holders.all.count > 1 ? " (\(holders.all.count) posts hold it; this is \(choice))" : ""
        if isRepost, !named {
            // The words are the first poster's, even when a copy edited them: the story's
            // attribution is judged against the first post.
            let reposter = holders.all.dropFirst().first { agrees($0.post) }
            if first.exact {
                if !conflicts.isEmpty, let reposter {
                    let kind = reposter.exact ? "a repost" : "an edited copy"
                    others =
                        "; the story credits \(kind) (\(reposter.post.id)): the words first appear in \(first.post.id), \(holders.othersText)"
                }
            } else if agrees(first.post) {
                // The story credits the first poster with a later copy's wording: close to what they wrote.
                if !conflicts.isEmpty, var finding = firstVersionFinding(quote, pattern, first, attribution) {
                    finding.reason += "; the words as quoted are in a later copy (\(earliest.candidate.post.id))"
                    finding.origin = holders.origin
                    return finding
                }
            } else {
                conflicts = AttributionComparison.conflicts(attribution, with: first.post)
                if let reposter {
                    let kind = reposter.exact ? "a later copy" : "an edited copy"
                    others =
                        "; the story credits \(kind) (\(reposter.post.id)): the words first appear, edited, in \(first.post.id), "
                        + holders.othersText
                } else {
                    others = "; the words first appear, edited, in \(first.post.id), \(holders.othersText)"
                }
            }
        }
        if let reference, chosen.candidate.rowid != reference.rowid {
            conflicts.append(AttributionConflict(field: .reference, stated: reference.post.id, recorded: chosen.candidate.post.id))
        }
        var reason = conflicts.isEmpty ? "exact match\(others)" : Self.describe(conflicts) + others
        if let speaker = QuotedSpeaker.quotedBy(chosen.candidate.fields.map(\.text), passage: chosen.match.passage),
            Self.creditsPoster(attribution, chosen.candidate.post)
        {
            conflicts.append(AttributionConflict(field: .author, stated: attribution?.author ?? "the poster", recorded: speaker))
            reason = "the post quotes these words from someone else (\(speaker)): its author is not the speaker" + others
        }
        var finding = CheckFinding(
            quote: quote, verdict: conflicts.isEmpty ? .verified : .misattributed, similarity: 1, match: chosen.match,
            differences: [], conflicts: conflicts, reason: reason)
        finding.origin = holders.origin
        return finding
    }

    /// True when the story makes the post's author the speaker: it names them, or credits an
    /// unnamed user of the post's platform (`one commenter wrote`).
    static func creditsPoster(_ attribution: StoryAttribution?, _ post: PostSummary) -> Bool {
        guard let attribution else { return false }
        if let author = attribution.author {
            guard let recorded = post.author else { return false }
            return AttributionComparison.sameAuthor(author, recorded)
        }
        return attribution.speakerCredited
    }

    // MARK: - Near

    private func nearFinding(
        _ quote: StoryQuote, _ pattern: QuotePattern, _ attribution: StoryAttribution?, _ reference: CandidatePost?
    ) throws -> CheckFinding? {
        let words = pattern.words
        guard let match = try rareWordExpression(words) else { return nil }
        let quoteWords = words.map(\.folded)
        let gaps = pattern.gapBefore
        let needed = min(Self.leastMatchedWords, words.count)
        var best: (candidate: CandidatePost, field: CandidateField, alignment: WordAlignment, agrees: Bool)?
        func consider(_ candidate: CandidatePost) {
            for field in candidate.fields {
                guard let alignment = WordAlignment(quote: quoteWords, gapBefore: gaps, post: field.words.map(\.folded)),
                    alignment.similarity >= Self.closeThreshold, alignment.matched >= needed,
                    Self.distinctiveMatched(quoteWords, alignment) >= Self.leastDistinctiveWords
                else { continue }
                let agrees = AttributionComparison.conflicts(attribution, with: candidate.post).isEmpty
                if let current = best {
                    // Better text first; among equals, the record the story's attribution agrees with, then the earliest.
                    let better =
                        alignment.similarity > current.alignment.similarity + 1e-9
                        || (abs(alignment.similarity - current.alignment.similarity) <= 1e-9
                            && ((agrees && !current.agrees)
                                || (agrees == current.agrees && candidate.rowid < current.candidate.rowid)))
                    if !better { continue }
                }
                best = (candidate, field, alignment, agrees)
            }
        }
        if let reference { consider(reference) }
        try QuoteCandidates.byRank(connection, match: match, limit: Self.nearCandidateLimit) { consider($0) }
        guard let best else { return nil }
        var finding = Self.closeFinding(quote, pattern, best.candidate, best.field, best.alignment, attribution)
        let holders = try QuoteHolders(found: [best.candidate], exact: false, corpus: corpus) { Self.nearAlignment(pattern, in: $0) }
        finding.origin = holders.origin
        return finding
    }

    /// The words of `pattern` aligned with the best field of `candidate` as a near match needs them
    /// (`closeThreshold`, `leastMatchedWords`, `leastDistinctiveWords`), nil when they are not there.
    static func nearAlignment(_ pattern: QuotePattern, in candidate: CandidatePost) -> (field: CandidateField, alignment: WordAlignment)? {
        let quoteWords = pattern.words.map(\.folded)
        let needed = min(leastMatchedWords, quoteWords.count)
        var best: (field: CandidateField, alignment: WordAlignment)?
        for field in candidate.fields {
            guard let alignment = WordAlignment(quote: quoteWords, gapBefore: pattern.gapBefore, post: field.words.map(\.folded)),
                alignment.similarity >= closeThreshold, alignment.matched >= needed,
                distinctiveMatched(quoteWords, alignment) >= leastDistinctiveWords
            else { continue }
            if best == nil || alignment.similarity > best!.alignment.similarity + 1e-9 { best = (field, alignment) }
        }
        return best
    }

    /// A copy holding the words edited, as the record of a `close` finding (or `misattributed`
    /// when the story's attribution contradicts it); nil when it holds them only as quoted.
    private func firstVersionFinding(
        _ quote: StoryQuote, _ pattern: QuotePattern, _ holder: QuoteHolders.Holder, _ attribution: StoryAttribution?
    ) -> CheckFinding? {
        guard let near = holder.near, near.alignment.similarity < 1 else { return nil }
        return Self.closeFinding(quote, pattern, holder.candidate, near.field, near.alignment, attribution)
    }

    /// The finding for the words of `quote` aligned with `field` of `candidate`: `close` with the
    /// differences and any change of meaning, or `misattributed` when the attribution contradicts it.
    static func closeFinding(
        _ quote: StoryQuote, _ pattern: QuotePattern, _ candidate: CandidatePost, _ field: CandidateField,
        _ alignment: WordAlignment, _ attribution: StoryAttribution?
    ) -> CheckFinding {
        let words = pattern.words
        let quoteWords = words.map(\.folded)
        let differences = alignment.differences.map { difference in
            WordDifference(
                old: field.passage(difference.old),
                new: Self.storyText(difference.new.map { words[$0] }))
        }
        let conflicts = AttributionComparison.conflicts(attribution, with: candidate.post)
        let passage = QuoteMatch(post: candidate.post, passage: field.passage(alignment.span))
        let wording = differences.count == 1 ? "1 difference" : "\(differences.count) differences"
        let postWords = field.words.map(\.folded)
        let change = MeaningChange.reason(
            story: quoteWords, post: Array(postWords[alignment.span]),
            differences: alignment.differences.map { (Array(postWords[$0.old]), Array(quoteWords[$0.new])) })
        var finding = CheckFinding(
            quote: quote, verdict: conflicts.isEmpty ? .close : .misattributed, similarity: alignment.similarity,
            match: passage, differences: differences, conflicts: conflicts,
            reason: conflicts.isEmpty ? "close match: \(wording)" : Self.describe(conflicts) + "; and \(wording) in the words")
        if let change {
            finding.meaningChange = change
            finding.reason += "; the meaning changes: \(change)"
        }
        return finding
    }

    /// The quotation's words in place in the alignment that are not function words.
    static func distinctiveMatched(_ quote: [String], _ alignment: WordAlignment) -> Int {
        var differing = Set<Int>()
        for difference in alignment.differences { differing.formUnion(difference.new) }
        return quote.indices.filter { !differing.contains($0) && !FunctionWords.contains(quote[$0]) }.count
    }

    /// An OR of the quotation's rarest words the corpus holds (each an FTS5
    /// string), nil when it has none that are rare enough to pick candidates.
    private func rareWordExpression(_ words: [FoldedWord]) throws -> String? {
        let rarest = try wordCounts(words).filter { $0.documents > 0 && $0.documents <= Self.commonWordDocuments }
            .prefix(Self.rareWordCount)
        guard !rarest.isEmpty else { return nil }
        return FTSExpression.any(rarest.map { .phrase($0.word, prefix: false, inTitle: false) }).rendered
    }

    /// The quotation's distinct words with the number of posts holding each
    /// (counted up to just over `commonWordDocuments`), rarest first.
    private func wordCounts(_ words: [FoldedWord]) throws -> [(word: String, documents: Int)] {
        var seen: Set<String> = []
        var counted: [(word: String, documents: Int)] = []
        for word in words where seen.insert(word.folded).inserted {
            counted.append((word.folded, try documentCount(word.folded)))
        }
        // Among words too common to count, longer words are usually rarer.
        return counted.sorted { ($0.documents, -$0.word.count, $0.word) < ($1.documents, -$1.word.count, $1.word) }
    }

    private func documentCount(_ word: String) throws -> Int {
        if let known = documentCounts[word] { return known }
        let documents = try QuoteCandidates.documentCount(connection, term: word, cap: Self.commonWordDocuments)
        documentCounts[word] = documents
        return documents
    }

    // MARK: - Attribution

    /// The record a footnote names by public id, when the corpus holds it.
    private func referencedRecord(_ reference: StoryReference?) throws -> CandidatePost? {
        guard let publicID = reference?.publicID else { return nil }
        return try QuoteCandidates.record(connection, publicID: publicID)
    }

    /// The story's attribution, with the fields it leaves out taken from the
    /// record its footnote names: a footnote pointing at a post says who wrote it.
    static func attribution(_ stated: StoryAttribution?, completedFrom reference: CandidatePost?) -> StoryAttribution? {
        guard let reference else { return stated }
        var result = stated ?? StoryAttribution(evidence: reference.post.id)
        if result.author == nil { result.author = reference.post.author }
        if result.source == nil { result.source = reference.post.source }
        if result.venue == nil { result.venue = reference.post.venue }
        return result
    }

    static func sameURL(_ recorded: String?, _ stated: String?) -> Bool {
        guard let recorded, let stated else { return false }
        func key(_ url: String) -> String {
            var text = url.lowercased()
            for scheme in ["https://", "http://"] where text.hasPrefix(scheme) { text.removeFirst(scheme.count) }
            if text.hasPrefix("www.") { text.removeFirst(4) }
            while text.hasSuffix("/") { text.removeLast() }
            return text
        }
        return key(recorded) == key(stated)
    }

    /// Story words as the story printed them: verbatim when they come from
    /// one stretch of the quotation, else joined by spaces.
    static func storyText(_ words: [FoldedWord]) -> String {
        guard let first = words.first, let last = words.last else { return "" }
        let base = first.original.base
        if last.original.base == base && first.original.startIndex <= last.original.startIndex {
            return String(base[first.original.startIndex..<last.original.endIndex])
        }
        return words.map { String($0.original) }.joined(separator: " ")
    }

    static func describe(_ conflicts: [AttributionConflict]) -> String {
        conflicts.map { "\($0.field.rawValue): story says \($0.stated), record says \($0.recorded)" }
            .joined(separator: "; ")
    }
}
