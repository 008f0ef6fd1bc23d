/// The reference list at the end of a story that footnote markers point at:
/// `[1]: url`, `[^1]: text`, a numbered list (`1. … url`), or the entries under
/// a "References", "Sources" or "Notes" heading.
enum ReferenceList {
    /// Headings that introduce a reference list, lowercased, without `#` or a colon.
    static let headings: Set<String> = ["references", "sources", "notes", "footnotes", "links", "citations"]

    /// The lines (0-based) of `lines` that are reference entries, and the entries by marker.
    static func find(in lines: [[Character]]) -> (lines: Set<Int>, references: [String: StoryReference]) {
        var referenceLines = Set<Int>()
        var references: [String: StoryReference] = [:]
        // Definitions, anywhere: `[1]: url`, `[^note]: text`.
        for (index, line) in lines.enumerated() {
            guard let (marker, text) = definition(StoryLines.trimmed(line)) else { continue }
            referenceLines.insert(index)
            references[Footnote.key(marker)] = entry(marker: marker, text: text)
        }
        // A heading that opens the list: every list entry after it.
        if let heading = lines.lastIndex(where: { isReferenceHeading(StoryLines.trimmed($0)) }) {
            var ordinal = 0
            for index in (heading + 1)..<lines.count where !referenceLines.contains(index) {
                let text = StoryLines.trimmed(lines[index])
                guard !text.isEmpty else { continue }
                ordinal += 1
                let (marker, body) = listEntry(text) ?? (String(ordinal), text)
                referenceLines.insert(index)
                references[Footnote.key(marker)] = entry(marker: marker, text: body)
            }
            if ordinal > 0 { referenceLines.insert(heading) }
            return (referenceLines, references)
        }
        // Otherwise the story's last block of numbered entries, when one of them names a source.
        var block: [(Int, String, String)] = []
        var index = lines.count - 1
        while index >= 0, StoryLines.trimmed(lines[index]).isEmpty { index -= 1 }
        while index >= 0 {
            let text = StoryLines.trimmed(lines[index])
            if text.isEmpty {
                // A blank line between two entries keeps the list going.
                guard isNumbered(lines, before: index - 1) else { break }
                index -= 1
                continue
            }
            guard let (marker, body) = listEntry(text) else { break }
            block.append((index, marker, body))
            index -= 1
        }
        let entries = block.map { entry(marker: $0.1, text: $0.2) }
        if entries.contains(where: { $0.url != nil || $0.publicID != nil }) {
            for (line, marker, body) in block {
                referenceLines.insert(line)
                references[Footnote.key(marker)] = entry(marker: marker, text: body)
            }
        }
        return (referenceLines, references)
    }

    /// True when line `index` is a numbered entry.
    private static func isNumbered(_ lines: [[Character]], before index: Int) -> Bool {
        guard index >= 0 else { return false }
        return listEntry(StoryLines.trimmed(lines[index])) != nil
    }

    /// `[1]: text` or `[^1]: text`: the marker and the text.
    static func definition(_ line: String) -> (String, String)? {
        guard line.hasPrefix("["), let close = line.firstIndex(of: "]") else { return nil }
        let after = line.index(after: close)
        guard after < line.endIndex, line[after] == ":" else { return nil }
        var marker = String(line[line.index(after: line.startIndex)..<close])
        if marker.hasPrefix("^") { marker.removeFirst() }
        guard !marker.isEmpty, marker.count <= 20, !marker.contains(" ") else { return nil }
        return (marker, String(line[line.index(after: after)...]).trimmingWhitespace)
    }

    /// `1. text`, `1) text`, `[1] text`, `¹ text`: the marker and the text.
    static func listEntry(_ line: String) -> (String, String)? {
        if line.hasPrefix("["), let close = line.firstIndex(of: "]") {
            var marker = String(line[line.index(after: line.startIndex)..<close])
            if marker.hasPrefix("^") { marker.removeFirst() }
            guard !marker.isEmpty, marker.allSatisfy(\.isNumber) else { return nil }
            var rest = String(line[line.index(after: close)...])
            if rest.hasPrefix(":") { rest.removeFirst() }
            return (marker, rest.trimmingWhitespace)
        }
        let superscripts = line.prefix(while: Footnote.isSuperscriptDigit)
        if !superscripts.isEmpty { return (String(superscripts), String(line.dropFirst(superscripts.count)).trimmingWhitespace) }
        let digits = line.prefix(while: { $0.isASCII && $0.isNumber })
        guard !digits.isEmpty, digits.count <= 4 else { return nil }
        let rest = line.dropFirst(digits.count)
        guard let mark = rest.first, mark == "." || mark == ")", rest.dropFirst().first?.isWhitespace == true else { return nil }
        return (String(digits), String(rest.dropFirst()).trimmingWhitespace)
    }

    static func isReferenceHeading(_ line: String) -> Bool {
        var text = Substring(line)
        while text.first == "#" { text = text.dropFirst() }
        text = Substring(String(text).trimmingWhitespace)
        if text.last == ":" { text = text.dropLast() }
        text = Substring(String(text).replacingStars)
        return headings.contains(text.lowercased())
    }

    /// The entry's url and Beat public id, if it has them.
    static func entry(marker: String, text: String) -> StoryReference {
        var url: String?
        var publicID: String?
        for word in text.split(whereSeparator: \.isWhitespace) {
            var token = String(word)
            // Markdown links and angle brackets around a url: `<https://…>`, `[title](https://…)`.
            if let open = token.range(of: "(http") { token = String(token[token.index(after: open.lowerBound)...]) }
            token = token.trimming(anyOf: "<>()[]\"'.,;")
            if url == nil, token.hasPrefix("https://") || token.hasPrefix("http://") {
                url = token
            } else if publicID == nil, let id = PublicID.parse(token) {
                publicID = id
            }
        }
        return StoryReference(marker: marker, url: url, publicID: publicID, text: text)
    }
}

/// Beat's public ids of posts, `source:source_id` (`reddit:1h3kx9a`, `hackernews:40123456`).
enum PublicID {
    static let sources = ["reddit", "hackernews", "bluesky", "mastodon", "news", "web", "other"]

    /// The public id `token` is, or nil.
    static func parse(_ token: String) -> String? {
        guard let colon = token.firstIndex(of: ":") else { return nil }
        let source = token[..<colon].lowercased()
        let id = token[token.index(after: colon)...]
        guard sources.contains(source), !id.isEmpty, !id.hasPrefix("//"),
            id.allSatisfy({ $0.isLetter || $0.isNumber || "_-./:@".contains($0) })
        else { return nil }
        return "\(source):\(id)"
    }
}

extension String {
    /// The string with Markdown emphasis stars removed.
    var replacingStars: String { filter { $0 != "*" } }
}
