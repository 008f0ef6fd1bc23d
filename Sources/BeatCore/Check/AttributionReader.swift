/// Reads whom a story credits with a quotation from the words around it:
/// a dash line (`— avaer`), "said NAME", "NAME said", "NAME wrote", "according
/// to NAME", "wrote NAME on r/LocalLLaMA", or an anonymous "as one observer put
/// it" / "one commenter wrote" (no author), with the platform, venue and date
/// named in the same sentence. A name it is unsure of stays nil.
enum AttributionReader {
    /// The words around one quotation.
    struct Context {
        /// The quotation's sentence before its opening mark.
        var before: String
        /// The quotation's sentence after its closing mark (empty when a new sentence starts).
        var after: String
        /// A dash line belonging to the quotation (without the dash), if any.
        var dashLine: String?
        /// A footnote marker ending the quotation's sentence (`said kim.[^1]`).
        var footnote: String?
    }

    private static let verbs: Set<String> = [
        "said", "says", "wrote", "writes", "posted", "posts", "added", "adds", "argued", "argues", "noted", "notes",
        "commented", "comments", "replied", "replies", "explained", "explains", "warned", "warns", "claimed", "claims",
        "tweeted", "tooted", "skeeted", "observed", "asked", "asks", "complained", "joked", "quipped", "put", "insisted",
        "countered", "responded", "declared", "announced", "suggested", "admitted", "concluded", "continued",
        "cautioned", "told", "tells", "shared", "stated", "remarked", "summed", "objected", "pointed",
    ]
    /// Words that are never a name: who they are is not stated.
    private static let anonymous: Set<String> = [
        "a", "an", "the", "one", "another", "some", "many", "several", "this", "that", "these", "those", "most",
        "he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "someone", "somebody", "anyone", "others",
        "people", "user", "users", "commenter", "commenters", "commentator", "commentators", "observer", "observers",
        "poster", "posters", "redditor", "redditors", "critic", "critics", "reader", "readers", "member", "members",
        "developer", "developers", "engineer", "engineers", "researcher", "researchers", "account", "person", "fan",
        "fans", "skeptic", "skeptics", "sceptic", "sceptics", "author", "writer", "moderator", "mods", "reply",
        "post", "thread", "comment", "top", "also", "then", "later", "once", "yesterday", "today", "recently",
        "simply", "bluntly", "flatly", "on", "in", "at", "of", "to", "for", "with", "and", "but", "or", "as", "so",
        "there", "here", "who", "which", "what", "when", "while", "after", "before", "however", "meanwhile", "still",
        "yet", "even", "just", "only", "had", "has", "have", "was", "were", "is", "are", "be", "been", "not", "no",
        "up", "out", "it:", "why", "how", "if", "my", "his", "its", "our", "their", "your", "hacker", "news",
        "reddit", "bluesky", "mastodon", "hn", "spokesperson", "spokesman", "spokeswoman", "representative",
        "statement", "source", "sources", "insider", "employee", "staffer", "official", "officials",
        "regular", "regulars", "creator", "recruiter", "activist", "manager", "founder", "group", "channel", "video",
        "repost", "admin", "headline", "company",
    ]
    /// Words before a noun that make it someone unnamed: "a spokesperson", "one maintainer".
    private static let determiners: Set<String> = [
        "a", "an", "the", "one", "another", "some", "many", "several", "this", "that", "its", "their", "his", "her",
    ]
    private static let trailing = ",.;:!?)]}\"'“”‘’"

    /// The attribution the context states, or nil when it states none.
    static func read(_ context: Context) -> StoryAttribution? {
        if let dashLine = context.dashLine, !dashLine.isEmpty {
            var result = fromDashLine(dashLine, evidence: "— " + dashLine)
            result.speakerCredited = true
            return result
        }
        let after = context.after.trimmingWhitespace
        if DashLine.starts(after) || after.hasPrefix("-") && !after.hasPrefix("- ") {
            let body = DashLine.body(after)
            if !body.isEmpty {
                var result = fromDashLine(body, evidence: after)
                result.speakerCredited = true
                return result
            }
        }
        let afterWords = words(after)
        let beforeWords = words(context.before)
        if let credit = creditAfter(afterWords) ?? creditBefore(beforeWords) {
            var result = attribution(author: credit.author, scope: beforeWords + afterWords, evidence: credit.evidence)
            result.speakerCredited = true
            return result
        }
        // No one credited, but a place or date named in the quote's sentence.
        let scope = beforeWords + afterWords
        let found = attribution(author: nil, scope: scope, evidence: "")
        guard found.source != nil || found.venue != nil || found.date != nil else { return nil }
        var result = found
        result.evidence = (context.before.trimmingWhitespace + " … " + after).trimming(anyOf: " …")
        return result
    }

    // MARK: - Patterns

    private struct Credit {
        var author: String?
        var evidence: String
    }

    /// `— avaer`, `-- @kim.bsky.social, on Bluesky`, `— Jane Doe, in The Register, March 3, 2026`.
    private static func fromDashLine(_ line: String, evidence: String) -> StoryAttribution {
        let parts = words(line)
        var nameWords: [String] = []
        for word in parts {
            let bare = word.trimming(anyOf: trailing)
            if ["on", "in", "via", "at", "writing", "posting", "from"].contains(bare.lowercased()) { break }
            nameWords.append(bare)
            if word.hasSuffix(",") || word.hasSuffix(";") || word.hasSuffix(":") || nameWords.count == 4 { break }
        }
        var author: String? = nameWords.joined(separator: " ")
        if let name = author, name.isEmpty || anonymous.contains(name.lowercased()) || isPlaceOrDate(name) { author = nil }
        if author != nil, nameWords.count > 1, !nameWords.allSatisfy(isCapitalized) { author = nil }
        return attribution(author: author, scope: parts, evidence: evidence)
    }

    /// After the closing mark: `said avaer`, `avaer wrote`, `according to Jane Doe`, `as one observer put it`.
    private static func creditAfter(_ words: [String]) -> Credit? {
        let bare = words.map { $0.trimming(anyOf: trailing).lowercased() }
        guard !bare.isEmpty else { return nil }
        if bare.count >= 3, bare[0] == "according", bare[1] == "to" {
            return Credit(author: name(forwardFrom: 2, in: words), evidence: sentence(words))
        }
        if verbs.contains(bare[0]) {
            return Credit(author: name(forwardFrom: 1, in: words), evidence: sentence(words))
        }
        // A name (up to four words) then a verb: `avaer wrote`, `Jane Doe said`, `one commenter wrote`.
        for verb in 1..<min(bare.count, 5) where verbs.contains(bare[verb]) {
            return Credit(author: name(backwardFrom: verb - 1, to: 0, in: words), evidence: sentence(words))
        }
        if bare.count >= 2, bare[0] == "as", bare.contains("put") {
            return Credit(author: nil, evidence: sentence(words))
        }
        return nil
    }

    /// Before the opening mark: `avaer wrote:`, `wrote avaer on r/LocalLLaMA:`, `According to Jane Doe,`,
    /// `As one observer put it,`, `One commenter wrote:`.
    private static func creditBefore(_ words: [String]) -> Credit? {
        let bare = words.map { $0.trimming(anyOf: trailing).lowercased() }
        guard !bare.isEmpty else { return nil }
        if let according = bare.lastIndex(of: "according"), according + 2 < bare.count, bare[according + 1] == "to" {
            return Credit(author: name(forwardFrom: according + 2, in: words), evidence: sentence(words))
        }
        // The speech verb nearest the quote, at most seven words before it.
        guard let verb = bare.indices.reversed().first(where: { verbs.contains(bare[$0]) }), bare.count - verb <= 7 else {
            return nil
        }
        if bare[verb] == "put", bare.contains("as") { return Credit(author: nil, evidence: sentence(words)) }
        // `whimsicalism, who described himself as Gen Z, said`: the subject before the relative clause.
        if let who = bare[..<verb].lastIndex(where: { $0 == "who" || $0 == "whose" }), who > 0, words[who - 1].hasSuffix(","),
            let author = name(backwardFrom: who - 1, to: 0, in: words)
        {
            return Credit(author: author, evidence: sentence(words))
        }
        // `dale, writing on toot.cafe, said`: the name is the subject before the aside, not the place in it.
        if verb >= 2, ["on", "in", "at", "from", "via"].contains(bare[verb - 2]),
            let comma = words[..<(verb - 2)].lastIndex(where: { $0.hasSuffix(",") }),
            let author = name(backwardFrom: comma, to: 0, in: words)
        {
            return Credit(author: author, evidence: sentence(words))
        }
        if verb > 0, let author = name(backwardFrom: verb - 1, to: 0, in: words) {
            return Credit(author: author, evidence: sentence(words))
        }
        if verb + 1 < words.count, let author = name(forwardFrom: verb + 1, in: words) {
            return Credit(author: author, evidence: sentence(words))
        }
        return Credit(author: nil, evidence: sentence(words))
    }

    /// The name starting at `start`: a handle (`avaer`, `@kim.bsky.social`, `u/em-bee`) or capitalised words.
    private static func name(forwardFrom start: Int, in words: [String]) -> String? {
        guard start < words.count else { return nil }
        let first = clean(words[start])
        guard isName(first) else { return nil }
        guard isCapitalized(first), !words[start].hasSuffix(",") else { return first }
        var parts = [first]
        var index = start + 1
        while index < words.count, parts.count < 4, !words[index - 1].hasSuffix(",") {
            let word = clean(words[index])
            guard isCapitalized(word), isName(word) else { break }
            parts.append(word)
            index += 1
        }
        return parts.joined(separator: " ")
    }

    /// The name ending at `end`: a handle, or capitalised words read backwards to `floor`.
    private static func name(backwardFrom end: Int, to floor: Int, in words: [String]) -> String? {
        guard end >= floor else { return nil }
        let last = clean(words[end])
        guard isName(last) else { return nil }
        if end > 0, determiners.contains(clean(words[end - 1]).lowercased()) { return nil }
        guard isCapitalized(last) else { return last }
        var start = end
        while start > floor, end - start < 3, !words[start - 1].hasSuffix(","), isCapitalized(clean(words[start - 1])),
            isName(clean(words[start - 1]))
        {
            start -= 1
        }
        return words[start...end].map(clean).joined(separator: " ")
    }

    private static func isName(_ word: String) -> Bool {
        guard let first = word.first, first.isLetter || first.isNumber || first == "@" || word.hasPrefix("u/") else { return false }
        let lower = word.lowercased()
        return !anonymous.contains(lower) && !verbs.contains(lower) && !isPlaceOrDate(word) && Platforms.named(in: [word]) == nil
            && !lower.hasPrefix("r/") && word.count <= 64
    }

    private static func isPlaceOrDate(_ word: String) -> Bool {
        StoryDateReader.date(in: [word]) != nil || StoryDateReader.date(in: [word, "2000"]) != nil
    }

    private static func isCapitalized(_ word: String) -> Bool { word.first?.isUppercase == true }

    /// A word without surrounding punctuation or a possessive `'s`.
    private static func clean(_ word: String) -> String {
        // A footnote marker glued to the name: `kim.[^1]`, `kim¹`.
        let unmarked = word.prefix(while: { $0 != "[" && !Footnote.isSuperscriptDigit($0) })
        var text = String(unmarked.isEmpty ? Substring(word) : unmarked).trimming(anyOf: trailing + "(")
        if text.hasSuffix("'s") || text.hasSuffix("’s") { text = String(text.dropLast(2)) }
        return text
    }

    private static func words(_ text: String) -> [String] {
        text.split(whereSeparator: \.isWhitespace).map(String.init)
    }

    private static func sentence(_ words: [String]) -> String {
        words.joined(separator: " ").trimming(anyOf: " ,:;")
    }

    private static func attribution(author: String?, scope: [String], evidence: String) -> StoryAttribution {
        let place = StoryVenueReader.place(in: scope, author: author)
        return StoryAttribution(
            author: author, source: place.source, venue: place.venue, date: StoryDateReader.date(in: scope),
            evidence: evidence)
    }
}
