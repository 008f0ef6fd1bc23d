import Foundation

/// Compares what a story says about a quotation's origin with a stored post.
///
/// Each field the story states is compared with the record; a field the
/// record lacks (a post without an author) cannot contradict the story.
/// - author: case-insensitive, on the words of the name (so `Thomas O’Brien`
///   is `Thomas O'Brien`), without a leading `@`, `u/` or `/u/`; a Bluesky
///   handle matches with or without `.bsky.social`, a Mastodon account with
///   or without its `@instance`.
/// - source: Beat's source names, with the usual spellings (`Hacker News`, `HN`, `Bluesky`).
/// - venue: case-insensitive, without `r/`; an outlet named without its
///   domain ending (`Reuters`) matches its host (`reuters.com`).
/// - date: the post's time lies in the span the story states, give or take a
///   day, because a story's date is local time and the record's is UTC.
enum AttributionComparison {
    /// The slack around a stated date span, in seconds.
    static let dateTolerance: Int64 = 86_400

    /// The fields of `attribution` that `post` contradicts, in field order.
    static func conflicts(_ attribution: StoryAttribution?, with post: PostSummary) -> [AttributionConflict] {
        guard let attribution else { return [] }
        var result: [AttributionConflict] = []
        if let stated = attribution.author, let recorded = post.author, !sameAuthor(stated, recorded) {
            result.append(AttributionConflict(field: .author, stated: stated, recorded: recorded))
        }
        if let stated = attribution.source, canonicalSource(stated) != post.source.lowercased() {
            result.append(AttributionConflict(field: .source, stated: stated, recorded: post.source))
        }
        if let stated = attribution.venue, let recorded = post.venue, !sameVenue(stated, recorded) {
            result.append(AttributionConflict(field: .venue, stated: stated, recorded: recorded))
        }
        if let date = attribution.date,
            post.publishedAt < date.start - dateTolerance || post.publishedAt >= date.end + dateTolerance
        {
            result.append(AttributionConflict(field: .date, stated: date.text, recorded: day(post.publishedAt)))
        }
        return result
    }

    /// The post's day, `2026-03-03` (UTC), as a conflict shows it.
    static func day(_ seconds: Int64) -> String {
        let days = (seconds - ((seconds % 86_400) + 86_400) % 86_400) / 86_400
        let civil = CivilTime.civilFromDays(Int(days))
        return String(format: "%04d-%02d-%02d", civil.year, civil.month, civil.day)
    }

    static func sameAuthor(_ stated: String, _ recorded: String) -> Bool {
        var name = stated.trimmingCharacters(in: .whitespaces)
        for prefix in ["/u/", "u/", "@"] where name.lowercased().hasPrefix(prefix) {
            name = String(name.dropFirst(prefix.count))
            break
        }
        let statedForms = handleForms(name)
        return !handleForms(recorded).isDisjoint(with: statedForms)
    }

    /// A name's words, and those of its short handle forms.
    private static func handleForms(_ name: String) -> Set<[String]> {
        let lowered = name.lowercased()
        var forms: Set<String> = [lowered]
        if lowered.hasSuffix(".bsky.social") { forms.insert(String(lowered.dropLast(".bsky.social".count))) }
        if let at = lowered.firstIndex(of: "@"), at > lowered.startIndex { forms.insert(String(lowered[..<at])) }
        return Set(forms.map { QuoteWords.words(in: $0).map(\.folded) }.filter { !$0.isEmpty })
    }

    /// Beat's name for a source as a story may spell it.
    static func canonicalSource(_ stated: String) -> String {
        let words = QuoteWords.words(in: stated).map(\.folded).joined()
        switch words {
        case "hn", "hackernews", "ycombinator": return "hackernews"
        case "bsky", "bluesky": return "bluesky"
        case "reddit": return "reddit"
        case "mastodon", "fediverse": return "mastodon"
        default: return words
        }
    }

    static func sameVenue(_ stated: String, _ recorded: String) -> Bool {
        var name = stated.trimmingCharacters(in: .whitespaces)
        for prefix in ["/r/", "r/"] where name.lowercased().hasPrefix(prefix) {
            name = String(name.dropFirst(prefix.count))
            break
        }
        let statedWords = QuoteWords.words(in: name).map(\.folded)
        var recordedWords = QuoteWords.words(in: recorded).map(\.folded)
        if statedWords == recordedWords { return true }
        // `Reuters` for `reuters.com`, `The Register` for `theregister.com`.
        if recorded.contains("."), recordedWords.count > 1 {
            recordedWords.removeLast()
            if recordedWords.first == "www" { recordedWords.removeFirst() }
            return statedWords.joined() == recordedWords.joined()
        }
        return false
    }
}
