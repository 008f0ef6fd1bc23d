/// Filters that no post can satisfy together: two different values of a key a post
/// has only one of (`source:bluesky source:reddit`), which select nothing, where the
/// writer meant either (`source:bluesky,reddit`).
enum FilterConflicts {
    /// Keys a post has exactly one value of; `in:` is `venue:`.
    private static let singleValued: [String: String] = [
        "source": "source", "venue": "venue", "in": "venue", "author": "author", "on": "on",
    ]

    /// One sentence per key given two or more different positive values.
    static func find(in text: String) -> [String] {
        var seen: [String: [String]] = [:]
        var order: [String] = []
        for token in QueryOptions.tokens(text) where !token.hasPrefix("-") {
            guard let colon = token.firstIndex(of: ":") else { continue }
            guard let key = singleValued[token[..<colon].lowercased()] else { continue }
            let value = String(token[token.index(after: colon)...])
            guard !value.isEmpty, !value.contains(",") else { continue }
            if seen[key] == nil { order.append(key) }
            if !(seen[key] ?? []).contains(where: { $0.lowercased() == value.lowercased() }) { seen[key, default: []].append(value) }
        }
        return order.compactMap { key in
            guard let values = seen[key], values.count > 1 else { return nil }
            let both = values.map { "\(key):\($0)" }.joined(separator: " and ")
            return "\(both) cannot both hold, so nothing matches; for any of them write \(key):\(values.joined(separator: ","))"
        }
    }
}
