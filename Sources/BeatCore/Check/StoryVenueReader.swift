/// Reads the platform and venue a story names near a quotation: `on r/LocalLLaMA`
/// (reddit, LocalLLaMA), `Hacker News commenters` (hackernews), `a Bluesky post`
/// (bluesky), `on mastodon.social` (mastodon, mastodon.social), `in The Register`
/// (news, The Register).
enum StoryVenueReader {
    struct Place: Equatable {
        var source: String?
        var venue: String?
    }

    /// Outlets often named without "The".
    private static let outlets: [[String]] = [
        ["ars", "technica"], ["wired"], ["reuters"], ["bloomberg"], ["techcrunch"], ["axios"], ["politico"],
        ["forbes"], ["engadget"], ["zdnet"], ["semafor"], ["404", "media"], ["platformer"], ["guardian"],
    ]
    private static let newsPrepositions: Set<String> = ["in", "by", "to", "from", "for", "told", "at"]

    /// The place named in `words` (a clause of the story, split on whitespace).
    static func place(in words: [String], author: String?) -> Place {
        var place = Place()
        let cleaned = words.map { $0.trimming(anyOf: ",.;:!?()\"'“”‘’") }
        let lower = cleaned.map { $0.lowercased() }
        var mentionsMastodon = false
        // A platform Beat does not collect, named anywhere in the clause, is where the words were said.
        if let platform = Platforms.named(in: words), !words.contains(where: { subreddit(in: $0) != nil }) {
            return Place(source: platform, venue: nil)
        }
        for (index, word) in lower.enumerated() {
            let next = index + 1 < lower.count ? lower[index + 1] : ""
            if let subreddit = subreddit(in: cleaned[index]) {
                place = Place(source: "reddit", venue: subreddit)
            } else if word == "reddit" || word.hasPrefix("redditor") || word == "reddit's" {
                if place.source == nil { place.source = "reddit" }
            } else if (word == "hacker" && next.hasPrefix("news")) || word == "hn" || word.contains("news.ycombinator.com") {
                if place.source == nil { place.source = "hackernews" }
            } else if word == "bluesky" || word == "bluesky's" || word == "bsky" {
                if place.source == nil { place.source = "bluesky" }
            } else if word == "mastodon" || word == "fediverse" {
                mentionsMastodon = true
                if place.source == nil { place.source = "mastodon" }
            }
        }
        // An instance named as a host: `on mastodon.social`, `on fosstodon.org` (with Mastodon named).
        for (index, word) in lower.enumerated() where index > 0 && lower[index - 1] == "on" && isHost(word) {
            if word.contains("mastodon") || word.contains("toot") || mentionsMastodon {
                place = Place(source: "mastodon", venue: cleaned[index])
            }
        }
        // A fediverse handle names its instance: `@kim@hachyderm.io`.
        if place.venue == nil, let author, author.hasPrefix("@"), let at = author.dropFirst().firstIndex(of: "@") {
            let host = String(author[author.index(after: at)...])
            if isHost(host.lowercased()), !host.lowercased().hasSuffix("bsky.social") {
                place = Place(source: "mastodon", venue: host)
            }
        }
        if place.source == nil, let platform = Platforms.named(in: words) {
            place = Place(source: platform, venue: nil)
        }
        if place.source == nil, let outlet = possessiveOutlet(cleaned, lower) ?? newsOutlet(words, cleaned, lower) {
            place = Place(source: "news", venue: outlet)
        }
        return place
    }

    /// `r/LocalLLaMA`, `/r/LocalLLaMA`, or a reddit.com url of a subreddit.
    private static func subreddit(in word: String) -> String? {
        var text = Substring(word)
        if let range = text.firstRange(of: "reddit.com/r/") {
            text = text[range.upperBound...]
        } else if text.hasPrefix("/r/") {
            text = text.dropFirst(3)
        } else if text.hasPrefix("r/") {
            text = text.dropFirst(2)
        } else {
            return nil
        }
        let name = text.prefix(while: { $0.isLetter || $0.isNumber || $0 == "_" })
        return name.count >= 2 ? String(name) : nil
    }

    private static func isHost(_ word: String) -> Bool {
        let parts = word.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count >= 2 && !word.contains("@") && !word.contains("/")
            && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" } }
            && parts.last.map { $0.count >= 2 && $0.allSatisfy(\.isLetter) } == true
    }

    /// `The Guardian's live blog`, `Reuters' report`: an outlet named as the owner of what is quoted.
    private static func possessiveOutlet(_ cleaned: [String], _ lower: [String]) -> String? {
        for (index, word) in lower.enumerated() where index > 0 && lower[index - 1] == "the" && cleaned[index - 1] == "The" {
            guard word.hasSuffix("'s") || word.hasSuffix("’s"), isCapitalized(cleaned[index]) else { continue }
            let name = String(cleaned[index].dropLast(2))
            if ["ceo", "company", "team", "platform", "site", "app", "post", "story"].contains(name.lowercased()) { continue }
            return name
        }
        return nil
    }

    /// `in The Register`, `told The Verge`, `reported by the BBC`, `in Ars Technica`.
    private static func newsOutlet(_ words: [String], _ cleaned: [String], _ lower: [String]) -> String? {
        for index in lower.indices where newsPrepositions.contains(lower[index]) {
            let start = index + 1
            guard start < cleaned.count else { continue }
            if lower[start] == "the", start + 1 < cleaned.count, isCapitalized(cleaned[start + 1]) {
                var end = start + 1
                while end + 1 < cleaned.count, isCapitalized(cleaned[end + 1]), !words[end].hasSuffix(",") { end += 1 }
                let name = cleaned[start...end].joined(separator: " ")
                // "The" starts the name when written capitalized: The Register, the BBC.
                return cleaned[start] == "the" ? cleaned[(start + 1)...end].joined(separator: " ") : name
            }
            for outlet in outlets where start + outlet.count <= lower.count && Array(lower[start..<(start + outlet.count)]) == outlet {
                return cleaned[start..<(start + outlet.count)].joined(separator: " ")
            }
        }
        return nil
    }

    private static func isCapitalized(_ word: String) -> Bool {
        guard let first = word.first else { return false }
        return first.isUppercase || first.isNumber
    }
}
