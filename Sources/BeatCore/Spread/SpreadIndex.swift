import BeatSQLite

/// Keeps a corpus's spread tables (`post_sketches`, `spread_groups`,
/// `post_links`; see `Schema`, migration 6) in step with its posts.
///
/// A new or changed post is fingerprinted, its candidates are the posts that
/// share one of its MinHash bands (indexed equality lookups, at most
/// `candidatesPerBand` each), and each candidate is verified on the shingle
/// sets themselves. The post joins the group of its strongest verified match;
/// groups are never merged by a post that matches two of them, so an article
/// quoting two different posts does not tie their groups together. Everything
/// runs in the caller's transaction.
public final class SpreadIndex {
    private let connection: Connection
    /// A band value shared by more posts than this is a stock phrase, not a copy: only the latest are checked.
    static let candidatesPerBand = 16
    /// Candidates verified per post at most: text made of a handful of words shares bands with
    /// everything, and checking each candidate means reading its text, so the work is bounded.
    static let checksPerPost = 24
    /// Members of one group checked before the post is judged not to belong to it.
    static let checksPerGroup = 3

    /// The spread tables of the corpus open on `connection`.
    public init(connection: Connection) {
        self.connection = connection
    }

    /// The text a post's fingerprint is made from: its body, or its title and body
    /// when the body is too short to fingerprint (a link post, a headline).
    static func fingerprintText(title: String?, text: String) -> [UInt64] {
        let words = SpreadWords.hashes(text)
        if words.count >= SpreadSketch.minimumWords { return words }
        guard let title, !title.isEmpty else { return words }
        return SpreadWords.hashes(title) + words
    }

    /// The batch step run by the importer (`PostWriter.batchSteps`): recounts groups
    /// that lost a member, then fingerprints every added or changed post.
    static func record(_ batch: WrittenBatch, _ connection: Connection) throws {
        let index = SpreadIndex(connection: connection)
        try index.recountChangedGroups()
        for post in batch.posts {
            try index.add(postID: post.id, print: post.print ?? SpreadPrint(post.record))
        }
    }

    /// Fingerprints one stored post, files it in the group of its closest copy, and stores its links.
    /// The post must have no sketch yet (new, or taken out by the update and delete triggers).
    public func add(postID: Int64, source: String, title: String?, text: String, url: String?) throws {
        try add(postID: postID, print: SpreadPrint(source: source, title: title, text: text, url: url))
    }

    /// Stores a post's print: its links, and its sketch in the group of its closest copy.
    func add(postID: Int64, print: SpreadPrint) throws {
        for link in print.links {
            try connection.cachedStatement("INSERT OR IGNORE INTO post_links(url, post_id) VALUES (?1, ?2)")
                .execute([.text(link), .integer(postID)])
        }
        guard let sketch = print.sketch else { return }
        let match = try closestCopy(of: sketch, excluding: postID)
        var groupID: SQLiteValue = .null
        if let match {
            if let existing = match.group {
                try connection.cachedStatement(
                    """
                    UPDATE spread_groups SET size = size + 1, origin = min(origin, ?2), latest = max(latest, ?2) WHERE id = ?1
                    """
                ).execute([.integer(existing), .integer(postID)])
                groupID = .integer(existing)
            } else {
                try connection.cachedStatement("INSERT INTO spread_groups(origin, latest, size) VALUES (?1, ?2, 2)")
                    .execute([.integer(min(match.post, postID)), .integer(max(match.post, postID))])
                let created = connection.lastInsertRowID
                try connection.cachedStatement("UPDATE post_sketches SET group_id = ?2 WHERE post_id = ?1")
                    .execute([.integer(match.post), .integer(created)])
                groupID = .integer(created)
            }
        }
        let bands = sketch.bands.map { SQLiteValue.integer($0) }
        // An upsert, not INSERT OR REPLACE: REPLACE may delete a row before
        // inserting, so SQLite keeps a statement journal for it, and with seven
        // indexes on the table that journal spills to a temporary file for
        // every post (gigabytes of writes for a 100k-post import).
        try connection.cachedStatement(
            """
            INSERT INTO post_sketches(post_id, group_id, shingles, b0, b1, b2, b3, b4, b5)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
            ON CONFLICT(post_id) DO UPDATE SET group_id = excluded.group_id, shingles = excluded.shingles,
                b0 = excluded.b0, b1 = excluded.b1, b2 = excluded.b2, b3 = excluded.b3, b4 = excluded.b4, b5 = excluded.b5
            """
        ).execute([.integer(postID), groupID, .integer(Int64(sketch.shingles.count))] + bands)
    }

    /// A verified copy: the post and the group it is in, if any.
    struct Match {
        let post: Int64
        let group: Int64?
        let similarity: SpreadSimilarity
    }

    /// The stored post most like `sketch` among those sharing a band with it, if any is a copy.
    ///
    /// A band whose lookup fills its limit is a common value (text made of a few frequent words
    /// shares bands with everything): its candidates are checked only when another band names
    /// them too. Candidates named by more bands are checked first, and at most `checksPerPost`.
    func closestCopy(of sketch: SpreadSketch, excluding postID: Int64) throws -> Match? {
        var bandsNaming: [Int64: Int] = [:]
        var fromRareBand: Set<Int64> = []
        var groupOf: [Int64: Int64] = [:]
        var order: [Int64] = []
        for (band, value) in sketch.bands.enumerated() {
            let lookup = try connection.cachedStatement(
                "SELECT post_id, group_id FROM post_sketches WHERE b\(band) = ?1 ORDER BY post_id DESC LIMIT \(Self.candidatesPerBand)")
            try lookup.bind([.integer(value)])
            var found: [Int64] = []
            while try lookup.step() {
                let candidate = lookup.int64(0)
                guard candidate != postID else { continue }
                found.append(candidate)
                if let group = lookup.optionalInt64(1) { groupOf[candidate] = group }
            }
            let saturated = found.count >= Self.candidatesPerBand - 1
            lookup.reset()
            for candidate in found {
                if bandsNaming[candidate] == nil { order.append(candidate) }
                bandsNaming[candidate, default: 0] += 1
                if !saturated { fromRareBand.insert(candidate) }
            }
        }
        let ranked = order.filter { fromRareBand.contains($0) || bandsNaming[$0, default: 0] >= 2 }
            .sorted { bandsNaming[$0, default: 0] > bandsNaming[$1, default: 0] }
        var checkedPerGroup: [Int64: Int] = [:]
        var best: Match?
        for candidate in ranked.prefix(Self.checksPerPost) {
            let group = groupOf[candidate]
            if let group {
                if best?.group == group { continue }
                let checked = checkedPerGroup[group, default: 0]
                if checked >= Self.checksPerGroup { continue }
                checkedPerGroup[group] = checked + 1
            }
            guard let other = try storedShingles(candidate) else { continue }
            let similarity = SpreadSimilarity(sketch.shingles, other)
            guard similarity.isCopy else { continue }
            if best == nil || similarity.strength > best!.similarity.strength {
                best = Match(post: candidate, group: group, similarity: similarity)
            }
        }
        return best
    }

    /// Shingles recomputed for candidates, by post id: the same recent posts are candidates for
    /// many posts of a batch when text is repetitive. Emptied when it holds `cacheLimit` posts.
    private var shingleCache: [Int64: [UInt64]] = [:]
    private static let cacheLimit = 4_096

    /// The shingles of a stored post, recomputed from its text.
    func storedShingles(_ postID: Int64) throws -> [UInt64]? {
        if let cached = shingleCache[postID] { return cached }
        guard let shingles = try readShingles(postID) else { return nil }
        if shingleCache.count >= Self.cacheLimit { shingleCache.removeAll(keepingCapacity: true) }
        shingleCache[postID] = shingles
        return shingles
    }

    private func readShingles(_ postID: Int64) throws -> [UInt64]? {
        let select = try connection.cachedStatement("SELECT title, text FROM posts WHERE id = ?1")
        try select.bind([.integer(postID)])
        defer { select.reset() }
        guard try select.step() else { return nil }
        let words = Self.fingerprintText(title: select.string(0), text: select.string(1) ?? "")
        return SpreadSketch(words: words)?.shingles
    }

    /// Whether a post's own address counts as a link it shares: an article's address
    /// (others share it), a link submission's target; not a social post's own permalink.
    static func ownURLIsShared(source: String, url: String) -> Bool {
        switch source {
        case "news", "web": return true
        case "reddit", "hackernews":
            guard let canonical = CanonicalLink.canonical(url) else { return false }
            return !(canonical.hasPrefix("reddit.com/") || canonical.hasPrefix("news.ycombinator.com/"))
        default: return false
        }
    }

    /// Recounts the groups that lost a member since the last call (see the triggers in `Schema`):
    /// a group left with one post is dissolved; otherwise its size, origin and latest post are recomputed.
    public func recountChangedGroups() throws {
        var groups: [Int64] = []
        try connection.forEachRow("SELECT group_id FROM spread_dirty") { groups.append($0.int64(0)) }
        guard !groups.isEmpty else { return }
        for group in groups {
            let stats = try connection.cachedStatement(
                "SELECT count(*), min(post_id), max(post_id) FROM post_sketches WHERE group_id = ?1")
            try stats.bind([.integer(group)])
            _ = try stats.step()
            let size = stats.int64(0), origin = stats.int64(1), latest = stats.int64(2)
            stats.reset()
            if size < 2 {
                try connection.run("UPDATE post_sketches SET group_id = NULL WHERE group_id = ?1", [.integer(group)])
                try connection.run("DELETE FROM spread_groups WHERE id = ?1", [.integer(group)])
            } else {
                try connection.run(
                    "UPDATE spread_groups SET size = ?2, origin = ?3, latest = ?4 WHERE id = ?1",
                    [.integer(group), .integer(size), .integer(origin), .integer(latest)])
            }
        }
        try connection.execute("DELETE FROM spread_dirty")
    }

    /// Whether posts stored before the spread tables existed still wait to be fingerprinted.
    public func backfillPending() throws -> Bool {
        try connection.scalar("SELECT 1 FROM spread_backfill LIMIT 1") != nil
    }

    /// Fingerprints the posts that wait for it (`spread_backfill`), oldest first, `chunk`
    /// posts per transaction so that memory stays bounded and an interruption loses at most
    /// one chunk. Returns the number of posts read.
    @discardableResult
    public func backfill(chunk: Int = 5_000, progress: (Int) -> Void = { _ in }) throws -> Int {
        var done = 0
        while let next = try connection.scalar("SELECT next_id FROM spread_backfill LIMIT 1")?.int64Value {
            var rows: [(Int64, String, String?, String, String?)] = []
            try connection.forEachRow(
                "SELECT id, source, title, text, url FROM posts WHERE id >= ?1 ORDER BY id LIMIT ?2",
                [.integer(next), .integer(Int64(chunk))]
            ) { row in
                rows.append((row.int64(0), row.string(1) ?? "", row.string(2), row.string(3) ?? "", row.string(4)))
            }
            try connection.transaction {
                for row in rows {
                    try connection.run("DELETE FROM post_links WHERE post_id = ?1", [.integer(row.0)])
                    if try connection.scalar("SELECT 1 FROM post_sketches WHERE post_id = ?1", [.integer(row.0)]) != nil {
                        continue
                    }
                    try add(postID: row.0, source: row.1, title: row.2, text: row.3, url: row.4)
                }
                if rows.count < chunk {
                    try connection.execute("DELETE FROM spread_backfill")
                } else {
                    try connection.run("UPDATE spread_backfill SET next_id = ?1", [.integer(rows.last!.0 + 1)])
                }
            }
            done += rows.count
            progress(done)
        }
        return done
    }

    /// Forgets every fingerprint, group and link and computes them again from the posts.
    public func rebuild(progress: (Int) -> Void = { _ in }) throws -> Int {
        try connection.transaction {
            try connection.execute(
                """
                DELETE FROM post_sketches; DELETE FROM spread_groups; DELETE FROM post_links; DELETE FROM spread_dirty;
                DELETE FROM spread_backfill; INSERT INTO spread_backfill VALUES (0);
                """)
        }
        return try backfill(progress: progress)
    }
}
