import Foundation

/// Whether a post quotes the words it holds from someone else: they stand on a `>` line (a reply
/// quoting its parent) or in quotation marks after a speaker and a colon or a speech verb
/// (`A girl at work: “…”`, `Leader of the German Green Party: "…"`). Scare quotes in a sentence
/// (`steps that ‘don't make sense’`) are the poster's own words.
enum QuotedSpeaker {
    private static let openings: Set<Character> = ["\"", "“", "„", "«", "‘", "'"]
    private static let verbs = ["said", "says", "wrote", "writes", "told", "asked", "asks", "tweeted", "posted"]

    /// Who the post quotes `passage` from (as the post names them, or "a quoted speaker"), nil when
    /// the words are the poster's own.
    static func quotedBy(_ texts: [String], passage: String) -> String? {
        for text in texts {
            guard let range = text.range(of: passage) else { continue }
            let lineStart = text[..<range.lowerBound].lastIndex(of: "\n").map { text.index(after: $0) } ?? text.startIndex
            let before = text[lineStart..<range.lowerBound]
            if before.trimmingCharacters(in: .whitespaces).hasPrefix(">") { return "the post it replies to" }
            var index = range.lowerBound
            // The opening mark just before the passage (possibly after spaces).
            while index > lineStart, text[text.index(before: index)] == " " { index = text.index(before: index) }
            guard index > lineStart, openings.contains(text[text.index(before: index)]) else { return nil }
            let lead = text[lineStart..<text.index(before: index)].trimmingCharacters(in: .whitespaces)
            if lead.hasSuffix(":") {
                let speaker = lead.dropLast().trimmingCharacters(in: .whitespaces)
                return speaker.isEmpty ? "a quoted speaker" : String(speaker.suffix(60))
            }
            let last = lead.split(separator: " ").last.map { $0.lowercased().trimming(anyOf: ",") } ?? ""
            if verbs.contains(last) { return String(lead.suffix(60)) }
            return nil
        }
        return nil
    }
}
