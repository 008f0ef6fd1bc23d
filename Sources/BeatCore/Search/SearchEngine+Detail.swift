import BeatSQLite

extension SearchEngine {
    /// The post with public id `source:source_id` (`hn:8863` is accepted for
    /// `hackernews:8863`), with its parent, its replies (oldest first) and the
    /// first post of its thread, as far as they are in the corpus; nil when
    /// the post is not.
    public func detail(publicID: String) throws -> PostDetail? {
        guard let colon = publicID.firstIndex(of: ":") else { return nil }
        let name = String(publicID[..<colon])
        // Split at the first colon only: at-URIs and other platform ids hold colons.
        let source = SourceKind(name: name)?.rawValue ?? name
        let sourceID = String(publicID[publicID.index(after: colon)...])

        var found: (PostDetail, parent: String?, thread: String?)?
        try connection.forEachRow(
            "SELECT \(Self.summaryColumns), p.text, p.score, p.lang, p.tags, p.parent, p.thread FROM posts p WHERE p.source = ?1 AND p.source_id = ?2",
            [.text(source), .text(sourceID)]
        ) { row in
            let detail = PostDetail(
                post: Self.summary(row), text: row.string(8) ?? "", score: row.optionalInt64(9), lang: row.string(10),
                tags: Self.tags(row.string(11)), parent: nil, replies: [], threadRoot: nil)
            found = (detail, row.string(12), row.string(13))
        }
        guard let found else { return nil }
        var detail = found.0
        let (parent, thread) = (found.parent, found.thread)
        if let parent {
            detail.parent = try post(source: source, sourceID: parent)
        }
        if let thread, thread != parent, thread != sourceID {
            detail.threadRoot = try post(source: source, sourceID: thread)
        }
        // Served by the index posts(source, parent); its rows come in id order,
        // which is publication order.
        try connection.forEachRow(
            "SELECT \(Self.summaryColumns) FROM posts p WHERE p.source = ?1 AND p.parent = ?2 ORDER BY p.id",
            [.text(source), .text(sourceID)]
        ) { row in
            detail.replies.append(Self.summary(row))
        }
        return detail
    }

    private func post(source: String, sourceID: String) throws -> PostSummary? {
        var summary: PostSummary?
        try connection.forEachRow(
            "SELECT \(Self.summaryColumns) FROM posts p WHERE p.source = ?1 AND p.source_id = ?2",
            [.text(source), .text(sourceID)]
        ) { row in
            summary = Self.summary(row)
        }
        return summary
    }

    /// The stored JSON array of tags as strings; empty when absent or not an array of strings.
    static func tags(_ stored: String?) -> [String] {
        guard let stored, let value = try? JSONParser.parse(stored), let list = value.array else { return [] }
        return list.compactMap(\.string)
    }
}
