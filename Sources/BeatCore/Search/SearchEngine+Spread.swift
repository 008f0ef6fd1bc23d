import BeatSQLite

/// Spread: who carried a text or a link, across platforms (see `SpreadIndex` for how groups are kept).
extension SearchEngine {
    /// Every post that carries `target`, earliest first, with the timeline; nil when a post
    /// id names no post. A sentence or link no post carries gives a report with no members.
    /// - Throws: `SpreadError` for a sentence too short to fingerprint or a link that is not one.
    public func spread(of target: SpreadTarget) throws -> SpreadReport? {
        var ids: [Int64]
        var canonical: String?
        var sentence: [UInt64]?
        switch target {
        case .post(let publicID):
            guard let id = try rowID(publicID: publicID) else { return nil }
            ids = [id]
            if let group = try connection.scalar("SELECT group_id FROM spread_members WHERE post_id = ?1", [.integer(id)])?.int64Value {
                ids = []
                try connection.forEachRow("SELECT post_id FROM spread_members WHERE group_id = ?1 ORDER BY post_id", [.integer(group)]) {
                    ids.append($0.int64(0))
                }
            }
        case .sentence(let text):
            guard let sketch = SpreadSketch(text: text) else { throw SpreadError.sentenceTooShort(text) }
            sentence = sketch.shingles
            ids = try postsHolding(text, shingles: sketch.shingles)
        case .link(let address):
            let withScheme = address.contains("://") ? address : "https://" + address
            guard let url = CanonicalLink.canonical(withScheme) else { throw SpreadError.notALink(address) }
            canonical = url
            ids = []
            try connection.forEachRow("SELECT post_id FROM post_links WHERE url = ?1 ORDER BY post_id", [.text(url)]) {
                ids.append($0.int64(0))
            }
        }
        var sentenceWords: [String]?
        if case .sentence(let text) = target { sentenceWords = SpreadWords.words(text) }
        let members = try members(ids.sorted(), comparedWith: sentence, sentenceWords: sentenceWords, isLink: canonical != nil)
        return SpreadReport(
            target: target, canonicalLink: canonical, members: members, bucketSeconds: Self.bucketSeconds(members),
            timeline: Self.timeline(members))
    }

    /// The largest groups of copies among `query`'s matches, most matching members first.
    public func spreadGroups(for query: CompiledQuery, limit: Int = 10) throws -> [SpreadGroupSummary] {
        guard limit > 0, !query.isEmptyRange else { return [] }
        let ids = query.idsSQL()
        var top: [(group: Int64, matching: Int)] = []
        try eachRow(
            """
            SELECT s.group_id, count(*) AS matching FROM spread_members s
            WHERE s.post_id IN (\(ids.sql))
            GROUP BY s.group_id ORDER BY matching DESC, s.group_id LIMIT ?
            """, ids.bindings + [.integer(Int64(limit))]
        ) { top.append(($0.int64(0), Int($0.int64(1)))) }
        return try groupSummaries(top)
    }

    /// The summaries of groups, each with how many of its posts matched, in the order given.
    func groupSummaries(_ top: [(group: Int64, matching: Int)]) throws -> [SpreadGroupSummary] {
        var result: [SpreadGroupSummary] = []
        for (group, matching) in top {
            guard let row = try groupRow(group) else { continue }
            var sources: [SourceCount] = []
            try connection.forEachRow(
                """
                SELECT p.source, count(*) AS n FROM spread_members s JOIN posts p ON p.id = s.post_id
                WHERE s.group_id = ?1 GROUP BY p.source ORDER BY n DESC, p.source
                """, [.integer(group)]
            ) { sources.append(SourceCount(source: $0.string(0) ?? "", posts: Int($0.int64(1)))) }
            result.append(
                SpreadGroupSummary(
                    origin: row.origin, excerpt: row.excerpt, matching: matching, size: row.size, sources: sources,
                    latest: row.latest))
        }
        return result
    }

    /// The most shared canonical links among `query`'s matches, with their platforms.
    public func sharedLinks(for query: CompiledQuery, limit: Int = 20) throws -> [SharedLink] {
        guard limit > 0, !query.isEmptyRange else { return [] }
        let ids = query.idsSQL()
        var top: [(url: String, posts: Int, first: Int64)] = []
        try eachRow(
            """
            SELECT l.url, count(*) AS n, min(l.post_id) FROM post_links l WHERE l.post_id IN (\(ids.sql))
            GROUP BY l.url ORDER BY n DESC, l.url LIMIT ?
            """, ids.bindings + [.integer(Int64(limit))]
        ) { top.append(($0.string(0) ?? "", Int($0.int64(1)), $0.int64(2))) }
        guard !top.isEmpty else { return [] }
        let urls = JSONWriter.stringArray(top.map(\.url))
        var perSource: [String: [SourceCount]] = [:]
        try eachRow(
            """
            SELECT l.url, p.source, count(*) AS n FROM post_links l JOIN posts p ON p.id = l.post_id
            WHERE l.url IN (SELECT value FROM json_each(?)) AND l.post_id IN (\(ids.sql))
            GROUP BY l.url, p.source ORDER BY n DESC, p.source
            """, [.text(urls)] + ids.bindings
        ) { row in
            perSource[row.string(0) ?? "", default: []].append(SourceCount(source: row.string(1) ?? "", posts: Int(row.int64(2))))
        }
        let firsts = try hits(ids: top.map(\.first))
        return top.compactMap { entry in
            guard let first = firsts[entry.first] else { return nil }
            return SharedLink(url: entry.url, posts: entry.posts, sources: perSource[entry.url] ?? [], first: first)
        }
    }

    /// `query`'s matches, and the same with each group of copies counted once.
    public func distinctVolume(for query: CompiledQuery) throws -> DistinctVolume {
        guard !query.isEmptyRange else { return DistinctVolume(posts: 0, distinct: 0, copies: 0) }
        let ids = query.idsSQL()
        var volume = DistinctVolume(posts: 0, distinct: 0, copies: 0)
        try eachRow(
            """
            SELECT count(*), count(s.group_id), count(DISTINCT s.group_id)
            FROM (\(ids.sql)) m LEFT JOIN spread_members s ON s.post_id = m.id
            """, ids.bindings
        ) { row in
            let posts = Int(row.int64(0)), copies = Int(row.int64(1)), groups = Int(row.int64(2))
            volume = DistinctVolume(posts: posts, distinct: posts - copies + groups, copies: copies)
        }
        return volume
    }

    /// The posts of the spread group holding the post with row id `id`, earliest first, each with
    /// its row id (the time order); nil when the post has no copies. Two indexed lookups.
    public func copies(ofRowID id: Int64) throws -> [(rowID: Int64, post: PostSummary)]? {
        guard let group = try connection.scalar("SELECT group_id FROM spread_members WHERE post_id = ?1", [.integer(id)])?.int64Value
        else { return nil }
        var ids: [Int64] = []
        try connection.forEachRow("SELECT post_id FROM spread_members WHERE group_id = ?1 ORDER BY post_id", [.integer(group)]) {
            ids.append($0.int64(0))
        }
        let found = try hits(ids: ids)
        return ids.compactMap { rowID in found[rowID].map { (rowID, $0) } }
    }

    // MARK: - Pieces

    private func rowID(publicID: String) throws -> Int64? {
        guard let colon = publicID.firstIndex(of: ":") else { return nil }
        let source = String(publicID[..<colon]), sourceID = String(publicID[publicID.index(after: colon)...])
        return try connection.scalar(
            "SELECT id FROM posts WHERE source = ?1 AND source_id = ?2", [.text(source), .text(sourceID)])?.int64Value
    }

    /// Posts that hold most of `text`: found through the full-text index by runs of three of its
    /// words (so an edit elsewhere does not hide a post), then checked on shingles.
    private func postsHolding(_ text: String, shingles: [UInt64]) throws -> [Int64] {
        let tokens = text.split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
        var phrases: [String] = []
        var start = 0
        while start < tokens.count {
            let run = tokens[start..<min(start + 3, tokens.count)]
            phrases.append("\"" + run.joined(separator: " ") + "\"")
            start += 3
        }
        guard !phrases.isEmpty else { return [] }
        var candidates: [Int64] = []
        try connection.forEachRow(
            "SELECT rowid FROM posts_fts WHERE posts_fts MATCH ?1 ORDER BY rank LIMIT 2000", [.text(phrases.joined(separator: " OR "))]
        ) { candidates.append($0.int64(0)) }
        var held: Set<Int64> = []
        var groups: Set<Int64> = []
        let index = SpreadIndex(connection: connection)
        func check(_ id: Int64) throws {
            guard !held.contains(id), let other = try index.storedShingles(id) ?? shinglesOfShortPost(id) else { return }
            let similarity = SpreadSimilarity(shingles, other)
            // Most of the sentence's shingles are in the post.
            let shared = similarity.containment * Double(similarity.smaller)
            guard shared / Double(shingles.count) >= SpreadSimilarity.minimumContainment else { return }
            held.insert(id)
            if let group = try connection.scalar("SELECT group_id FROM spread_members WHERE post_id = ?1", [.integer(id)])?.int64Value {
                groups.insert(group)
            }
        }
        for id in candidates { try check(id) }
        for group in groups {
            var members: [Int64] = []
            try connection.forEachRow("SELECT post_id FROM spread_members WHERE group_id = ?1", [.integer(group)]) {
                members.append($0.int64(0))
            }
            for id in members { try check(id) }
        }
        return held.sorted()
    }

    private func shinglesOfShortPost(_ id: Int64) throws -> [UInt64]? {
        guard let text = try connection.scalar("SELECT text FROM posts WHERE id = ?1", [.integer(id)])?.stringValue else { return nil }
        return SpreadSketch.shingles(of: SpreadWords.hashes(text))
    }

    private func groupRow(_ group: Int64) throws -> (origin: PostSummary, excerpt: String, size: Int, latest: Int64)? {
        let statement = try connection.cachedStatement(
            """
            SELECT \(Self.summaryColumns), p.text, g.size, (SELECT published_at FROM posts WHERE id = g.latest)
            FROM spread_groups g JOIN posts p ON p.id = g.origin WHERE g.id = ?1
            """)
        try statement.bind([.integer(group)])
        defer { statement.reset() }
        guard try statement.step() else { return nil }
        return (Self.summary(statement), Self.excerpt(statement.string(8) ?? ""), Int(statement.int64(9)), statement.int64(10))
    }

    /// The members for `ids`: attribution, score, replies, and against the first (the origin) or a
    /// quoted sentence, how much they share and which words differ.
    private func members(
        _ ids: [Int64], comparedWith sentence: [UInt64]?, sentenceWords: [String]? = nil, isLink: Bool
    ) throws -> [SpreadMember] {
        guard !ids.isEmpty else { return [] }
        var result: [SpreadMember] = []
        // A sentence is compared with itself in each post; a post's copies with the origin.
        var originShingles = sentence ?? []
        var originWords = sentenceWords ?? []
        let statement = try connection.cachedStatement(
            """
            SELECT \(Self.summaryColumns), p.title, p.text, p.score,
                   (SELECT count(*) FROM posts r WHERE r.source = p.source AND r.parent = p.source_id)
            FROM posts p WHERE p.id = ?1
            """)
        for (offset, id) in ids.enumerated() {
            try statement.bind([.integer(id)])
            defer { statement.reset() }
            guard try statement.step() else { continue }
            let title = statement.string(8), text = statement.string(9) ?? ""
            let hashes = SpreadIndex.fingerprintText(title: title, text: text)
            let shingles = SpreadSketch.shingles(of: hashes)
            let useTitle = SpreadWords.hashes(text).count < SpreadSketch.minimumWords && title != nil
            let words = SpreadWords.words(useTitle ? (title ?? "") + " " + text : text)
            var member = SpreadMember(
                post: Self.summary(statement), excerpt: Self.excerpt(text.isEmpty ? title ?? "" : text),
                score: statement.optionalInt64(10), replies: Int(statement.int64(11)), similarity: nil, containment: nil,
                removed: [], added: [], removedCount: 0, addedCount: 0)
            if !isLink {
                if offset == 0 && sentence == nil {
                    originShingles = shingles
                    originWords = words
                }
                let similarity = SpreadSimilarity(originShingles, shingles)
                member.similarity = (similarity.jaccard * 1000).rounded() / 1000
                member.containment = (similarity.containment * 1000).rounded() / 1000
                let theirs = Set(words), ours = Set(originWords)
                let removed = Self.distinct(originWords.filter { !theirs.contains($0) })
                let added = Self.distinct(words.filter { !ours.contains($0) })
                member.removed = Array(removed.prefix(SpreadReport.shownWords))
                member.added = Array(added.prefix(SpreadReport.shownWords))
                member.removedCount = removed.count
                member.addedCount = added.count
            }
            result.append(member)
        }
        return result
    }

    private static func distinct(_ words: [String]) -> [String] {
        var seen: Set<String> = []
        return words.filter { seen.insert($0).inserted }
    }

    /// The opening of a text on one line: at most 160 characters, cut at a word.
    static func excerpt(_ text: String) -> String {
        let flat = text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        guard flat.count > 160 else { return flat }
        let cut = flat.prefix(160)
        let atWord = cut.lastIndex(of: " ").map { cut[..<$0] } ?? cut
        return atWord + "…"
    }

    static func bucketSeconds(_ members: [SpreadMember]) -> Int64 {
        guard let first = members.first?.post.publishedAt, let last = members.map(\.post.publishedAt).max() else { return 3600 }
        return last - first <= 3 * 86_400 ? 3600 : 86_400
    }

    static func timeline(_ members: [SpreadMember]) -> [SpreadBucket] {
        let size = bucketSeconds(members)
        var order: [String] = []
        var counts: [String: [Int64: Int]] = [:]
        for member in members {
            let source = member.post.source
            if counts[source] == nil { order.append(source) }
            let start = member.post.publishedAt - ((member.post.publishedAt % size) + size) % size
            counts[source, default: [:]][start, default: 0] += 1
        }
        return order.flatMap { source in
            counts[source]!.sorted { $0.key < $1.key }.map { SpreadBucket(source: source, start: $0.key, posts: $0.value) }
        }
    }
}

/// A spread target that cannot be looked for.
public enum SpreadError: Error, CustomStringConvertible, Equatable {
    case sentenceTooShort(String)
    case notALink(String)

    /// What was wrong with the target, and what `spread` takes instead.
    public var description: String {
        switch self {
        case .sentenceTooShort(let text):
            return "\"\(text)\" is too short to follow: quote at least \(SpreadSketch.minimumWords) words, "
                + "or use spread QUERY --top N for the largest groups of copies among a query's matches"
        case .notALink(let text):
            return "\(text) is not a web address Beat can follow; give it whole, like https://example.org/page"
        }
    }
}
