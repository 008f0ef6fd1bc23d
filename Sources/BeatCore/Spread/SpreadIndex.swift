import BeatSQLite

/// Keeps a corpus's spread tables (`spread_bands`, `spread_runs`,
/// `spread_members`, `spread_groups`, `post_links`; see `Schema`, migrations
/// 6 to 9) in step with its posts.
///
/// A new or changed post is fingerprinted, its candidates are the posts that
/// share one of its MinHash bands (indexed equality lookups, at most
/// `candidatesPerBand` each), and each candidate is verified on the shingle
/// sets themselves. The post joins the group of its strongest verified match;
/// groups are never merged by a post that matches two of them, so an article
/// quoting two different posts does not tie their groups together. Everything
/// runs in the caller's transaction.
///
/// Band values are uniform hashes, so a new post's six entries land on six
/// random pages of a band index: written a batch at a time, every batch
/// rewrites most of the index, and at a million posts that was a third of
/// the import. So a writer keeps the bands of the posts it fingerprinted in
/// memory (`PendingBands`, listed on disk in `spread_pending`) and, when
/// `foldThreshold` posts wait or its work ends (`foldPending`), writes them
/// sorted as a new run (`BandRuns`): appended after the other runs, so that a
/// fold writes its own pages and no others. A writer that finds pending posts
/// it does not hold (another process's, or a crashed one's) folds them first,
/// so lookups always see every post. Most band values are held by one post
/// only; each run's Bloom filter keeps nearly all their lookups away from the
/// index.
///
/// A post's bands are stored nowhere but in `spread_bands`: they are computed
/// again from its text when it is deleted or changed (`applyRemovals`), or
/// when a writer folds posts another left pending.
public final class SpreadIndex {
    private let connection: Connection
    /// A band value shared by more posts than this is a stock phrase, not a copy: only the latest are checked.
    static let candidatesPerBand = 16
    /// Candidates verified per post at most: text made of a handful of words shares bands with
    /// everything, and checking each candidate means reading its text, so the work is bounded.
    static let checksPerPost = 24
    /// Members of one group checked before the post is judged not to belong to it.
    static let checksPerGroup = 3
    /// Posts held in memory before their bands are folded into `spread_bands`: 16 MB of `PendingBands`
    /// slots, and runs of 720,000 entries.
    static let foldThreshold = 120_000

    private var pending = PendingBands()
    /// The stored bands, in runs.
    private let runs: BandRuns
    /// `PRAGMA data_version` when this writer last looked: it changes when another connection commits.
    private var seenDataVersion: Int64?

    /// The spread tables of the corpus open on `connection`.
    public init(connection: Connection) {
        self.connection = connection
        runs = BandRuns(connection: connection)
    }

    /// The memory this writer's band filters take (see `ImportMemory`).
    var filterBytes: Int { runs.filterBytes }

    /// Reads the stored runs' filters now, rather than in the first batch: an importer sizes
    /// its page cache beside them before that batch fills it (75 MB of filters at ten
    /// million posts, and a full cache beside them, made the import's peak).
    func loadFilters() throws { try runs.sync() }

    /// The text a post's fingerprint is made from: its body, or its title and body
    /// when the body is too short to fingerprint (a link post, a headline).
    static func fingerprintText(title: String?, text: String) -> [UInt64] {
        let words = SpreadWords.hashes(text)
        if words.count >= SpreadSketch.minimumWords { return words }
        guard let title, !title.isEmpty else { return words }
        return SpreadWords.hashes(title) + words
    }

    /// The sketch a post is indexed under: its bands are its keys in `spread_bands`.
    public static func sketch(title: String?, text: String) -> SpreadSketch? {
        SpreadSketch(words: fingerprintText(title: title, text: text))
    }

    /// The post's keys in `spread_bands` (the bands of `sketch`, computed without it).
    static func bands(title: String?, text: String) -> [Int64]? {
        SpreadSketch.bands(ofWords: fingerprintText(title: title, text: text))
    }

    /// The batch step run by the importer (`PostWriter.batchSteps`): forms again the groups
    /// that lost a member, then fingerprints every added or changed post.
    func record(_ batch: WrittenBatch) throws {
        // Posts of earlier batches may have been changed since they were cached.
        shingleCache.removeAll(keepingCapacity: true)
        try takeOverPending()
        try regroupChangedGroups()
        var fingerprinted: [Int64] = []
        for post in batch.posts {
            guard let print = try post.print ?? storedPrint(post.id) else { continue }
            if try add(postID: post.id, print: print, listing: false) { fingerprinted.append(post.id) }
        }
        try listPending(fingerprinted)
        if pending.posts.count >= Self.foldThreshold { try foldPending() }
    }

    /// Lists posts in `spread_pending`, a batch in one statement (one per post cost half a second
    /// in a million-post import). Runs in the transaction that fingerprinted them.
    private func listPending(_ posts: [Int64]) throws {
        guard !posts.isEmpty else { return }
        try connection.run(
            "INSERT OR IGNORE INTO spread_pending(post_id) SELECT value FROM json_each(?1)",
            [.text(PostWriter.jsonArray(posts))])
    }

    /// Fingerprints one stored post, files it in the group of its closest copy, and stores its links.
    /// The post must have no bands stored (new, or taken out after a change: `applyRemovals`).
    public func add(postID: Int64, source: String, title: String?, text: String, url: String?) throws {
        try takeOverPending()
        try add(postID: postID, print: SpreadPrint(source: source, title: title, text: text, url: url))
    }

    /// Stores a post's print: its links, and its sketch in the group of its closest copy.
    /// Callers have taken over other writers' pending posts first (`takeOverPending`).
    /// Returns whether the post was fingerprinted; without `listing`, the caller lists it in
    /// `spread_pending` (`listPending`) before its transaction ends.
    @discardableResult
    func add(postID: Int64, print: SpreadPrint, listing: Bool = true) throws -> Bool {
        for link in print.links {
            try connection.cachedStatement("INSERT OR IGNORE INTO post_links(url, post_id) VALUES (?1, ?2)")
                .execute([.text(link), .integer(postID)])
        }
        guard let bands = print.bands else { return false }
        try fileInGroup(postID, print)
        // Only the few posts in a group get a row of their own; the bands of every
        // post wait in memory, listed on disk, until the next fold.
        if listing { try listPending([postID]) }
        pending.add(postID: postID, bands: bands)
        return true
    }

    /// Files a post in the group of its closest copy, if it has one: a group of two is made
    /// when that copy is in none.
    private func fileInGroup(_ postID: Int64, _ print: SpreadPrint) throws {
        if let match = try closestCopy(of: print, excluding: postID) {
            let group: Int64
            if let existing = match.group {
                try connection.cachedStatement(
                    """
                    UPDATE spread_groups SET size = size + 1, origin = min(origin, ?2), latest = max(latest, ?2) WHERE id = ?1
                    """
                ).execute([.integer(existing), .integer(postID)])
                group = existing
            } else {
                try connection.cachedStatement("INSERT INTO spread_groups(origin, latest, size) VALUES (?1, ?2, 2)")
                    .execute([.integer(min(match.post, postID)), .integer(max(match.post, postID))])
                group = connection.lastInsertRowID
                try joinGroup(match.post, group)
            }
            try joinGroup(postID, group)
        }
    }

    private func joinGroup(_ postID: Int64, _ group: Int64) throws {
        try connection.cachedStatement(
            """
            INSERT INTO spread_members(post_id, group_id) VALUES (?1, ?2)
            ON CONFLICT(post_id) DO UPDATE SET group_id = excluded.group_id
            """
        ).execute([.integer(postID), .integer(group)])
    }

    /// Writes the bands of every pending post into `spread_bands`, sorted, so that each page
    /// of the index is written once, and empties `spread_pending`. Runs in the caller's transaction.
    ///
    /// When the pending posts are exactly this writer's, as they are unless another writer
    /// left some or a post changed while pending, the bands come from memory; otherwise
    /// they are computed again from the stored text of the posts `spread_pending` lists.
    public func foldPending() throws {
        try foldPending(memoryIsCurrent: true)
    }

    /// `memoryIsCurrent` false: another connection has written since this writer last looked,
    /// so `spread_pending` may list its posts even when the counts agree.
    private func foldPending(memoryIsCurrent: Bool) throws {
        let listed = try connection.scalar("SELECT count(*) FROM spread_pending")?.int64Value ?? 0
        if memoryIsCurrent && listed == Int64(pending.posts.count) && pending.holdsEveryCurrentBand {
            // The drained entries are freed at the end of this statement, before any merge.
            try runs.write(pending.drainSorted())
        } else {
            pending.removeAll()
            try foldFromStoredText()
        }
        try runs.settle()
        try connection.execute("DELETE FROM spread_pending")
    }

    /// Computes the bands of the posts `spread_pending` lists from their stored text and
    /// writes them, sorted. A listed post since deleted has no row and is passed over.
    private func foldFromStoredText() throws {
        var entries: [PendingBands.Entry] = []
        try connection.forEachRow(
            "SELECT p.id, p.title, p.text FROM spread_pending s JOIN posts p ON p.id = s.post_id"
        ) { row in
            for value in Self.bands(title: row.string(1), text: row.string(2) ?? "") ?? [] {
                entries.append(PendingBands.Entry(value: value, post: row.int64(0)))
            }
        }
        PendingBands.Entry.sort(&entries)
        try runs.write(entries)
    }

    /// Takes the bands of deleted and changed posts out of `spread_bands`: they are computed
    /// from the text the triggers kept (`spread_removed`). A post whose bands wait in memory
    /// marks the memory stale, so that the next fold computes them from the stored text.
    func applyRemovals() throws {
        var removed: [(post: Int64, title: String?, text: String)] = []
        try connection.forEachRow("SELECT post_id, title, text FROM spread_removed") { row in
            removed.append((row.int64(0), row.string(1), row.string(2) ?? ""))
        }
        guard !removed.isEmpty else { return }
        for post in removed {
            if pending.posts.contains(post.post) { pending.markStale() }
            for value in Self.bands(title: post.title, text: post.text) ?? [] { try runs.delete(value, post: post.post) }
        }
        try connection.execute("DELETE FROM spread_removed")
    }

    /// Folds pending posts this writer does not hold in memory (left by a writer that
    /// stopped before folding, or added by another connection since this one last looked),
    /// after taking out the bands of posts deleted or changed since.
    private func takeOverPending() throws {
        // The filters first: a removed post's bands may be in a run another process wrote.
        try runs.sync()
        try applyRemovals()
        let version = try connection.scalar("PRAGMA data_version")?.int64Value ?? 0
        defer { seenDataVersion = version }
        let stored = try connection.scalar("SELECT count(*) FROM spread_pending")?.int64Value ?? 0
        let othersWrote = seenDataVersion != nil && seenDataVersion != version
        if stored != Int64(pending.posts.count) || (othersWrote && stored > 0) { try foldPending(memoryIsCurrent: !othersWrote) }
    }

    /// A verified copy: the post and the group it is in, if any.
    struct Match {
        let post: Int64
        let group: Int64?
        let similarity: SpreadSimilarity
    }

    /// The stored post most like `print` among those sharing a band with it, if any is a copy.
    ///
    /// A band whose lookup fills its limit is a common value (text made of a few frequent words
    /// shares bands with everything): its candidates are checked only when another band names
    /// them too. Candidates named by more bands are checked first, and at most `checksPerPost`.
    /// `postID` is the post the print was made of (0 for text not stored), whose stored text
    /// gives its shingles when the print did not keep them.
    func closestCopy(of print: SpreadPrint, excluding postID: Int64) throws -> Match? {
        var bandsNaming: [Int64: Int] = [:]
        var fromRareBand: Set<Int64> = []
        var order: [Int64] = []
        for value in print.bands ?? [] {
            var found = pending.posts(withBand: value).filter { $0 != postID }
            for candidate in try runs.posts(withBand: value, limit: Self.candidatesPerBand)
            where candidate != postID && !pending.posts.contains(candidate) {
                found.append(candidate)
            }
            found.sort(by: >)
            if found.count > Self.candidatesPerBand { found.removeLast(found.count - Self.candidatesPerBand) }
            let saturated = found.count >= Self.candidatesPerBand - 1
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
        var ownShingles: [UInt64]?
        for candidate in ranked.prefix(Self.checksPerPost) {
            let group = try groupOf(candidate)
            if let group {
                if best?.group == group { continue }
                let checked = checkedPerGroup[group, default: 0]
                if checked >= Self.checksPerGroup { continue }
                checkedPerGroup[group] = checked + 1
            }
            guard let other = try storedShingles(candidate) else { continue }
            if ownShingles == nil { ownShingles = try print.shingles() ?? storedShingles(postID) ?? [] }
            let similarity = SpreadSimilarity(ownShingles!, other)
            guard similarity.isCopy else { continue }
            if best == nil || similarity.strength > best!.similarity.strength {
                best = Match(post: candidate, group: group, similarity: similarity)
            }
        }
        return best
    }

    private func groupOf(_ postID: Int64) throws -> Int64? {
        let select = try connection.cachedStatement("SELECT group_id FROM spread_members WHERE post_id = ?1")
        try select.bind([.integer(postID)])
        defer { select.reset() }
        return try select.step() ? select.optionalInt64(0) : nil
    }

    /// Shingles recomputed for candidates, by post id: the same recent posts are candidates for
    /// many posts of a batch when text is repetitive. Emptied when it holds `cacheLimit` posts, and
    /// at each batch.
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
        guard let stored = try storedText(postID) else { return nil }
        return Self.sketch(title: stored.title, text: stored.text)?.shingles
    }

    /// The print of a stored post, from its row; nil when it is gone.
    private func storedPrint(_ postID: Int64) throws -> SpreadPrint? {
        let select = try connection.cachedStatement("SELECT source, title, text, url FROM posts WHERE id = ?1")
        try select.bind([.integer(postID)])
        defer { select.reset() }
        guard try select.step() else { return nil }
        return SpreadPrint(
            source: select.string(0) ?? "", title: select.string(1), text: select.string(2) ?? "", url: select.string(3),
            keepingText: false)
    }

    /// The title and text of a stored post, nil when it is gone.
    private func storedText(_ postID: Int64) throws -> (title: String?, text: String)? {
        let select = try connection.cachedStatement("SELECT title, text FROM posts WHERE id = ?1")
        try select.bind([.integer(postID)])
        defer { select.reset() }
        return try select.step() ? (select.string(0), select.string(1) ?? "") : nil
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

    /// Forms again each group that lost a member since the last call (see the triggers in
    /// `Schema`): the post that tied the others together may be the one gone, so they are taken
    /// out and each, earliest first, joins the group of its closest copy as a new post would.
    /// A post left with no copy is in no group; a group left with one post is gone.
    public func regroupChangedGroups() throws {
        var groups: [Int64] = []
        try connection.forEachRow("SELECT group_id FROM spread_dirty") { groups.append($0.int64(0)) }
        guard !groups.isEmpty else { return }
        for group in groups {
            var members: [Int64] = []
            try connection.forEachRow(
                "SELECT post_id FROM spread_members WHERE group_id = ?1 ORDER BY post_id", [.integer(group)]
            ) { members.append($0.int64(0)) }
            try connection.run("DELETE FROM spread_members WHERE group_id = ?1", [.integer(group)])
            try connection.run("DELETE FROM spread_groups WHERE id = ?1", [.integer(group)])
            for member in members {
                // Filed already as the closest copy of an earlier member.
                guard try groupOf(member) == nil else { continue }
                guard let stored = try storedText(member) else { continue }
                let print = SpreadPrint(source: "", title: stored.title, text: stored.text, url: nil)
                guard print.bands != nil else { continue }
                try fileInGroup(member, print)
            }
        }
        try connection.execute("DELETE FROM spread_dirty")
    }

    /// Whether posts stored before the spread tables existed still wait to be fingerprinted.
    public func backfillPending() throws -> Bool {
        try connection.scalar("SELECT 1 FROM spread_backfill LIMIT 1") != nil
    }

    /// How many posts wait to be fingerprinted.
    public func backfillRemaining() throws -> Int {
        guard let next = try connection.scalar("SELECT next_id FROM spread_backfill LIMIT 1")?.int64Value else { return 0 }
        return Int(try connection.scalar("SELECT count(*) FROM posts WHERE id >= ?1", [.integer(next)])?.int64Value ?? 0)
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
                try takeOverPending()
                for row in rows {
                    let print = SpreadPrint(source: row.1, title: row.2, text: row.3, url: row.4)
                    // Imported with fingerprints since the walk began: its links are stored too.
                    if let bands = print.bands, try isFingerprinted(row.0, firstBand: bands[0]) { continue }
                    try connection.run("DELETE FROM post_links WHERE post_id = ?1", [.integer(row.0)])
                    try add(postID: row.0, print: print)
                }
                if rows.count < chunk {
                    try connection.execute("DELETE FROM spread_backfill")
                    try foldPending()
                } else {
                    if pending.posts.count >= Self.foldThreshold { try foldPending() }
                    try connection.run("UPDATE spread_backfill SET next_id = ?1", [.integer(rows.last!.0 + 1)])
                }
            }
            done += rows.count
            progress(done)
        }
        return done
    }

    /// Whether the post's bands are stored or wait in this writer's memory (which holds every
    /// pending post once `takeOverPending` has run).
    private func isFingerprinted(_ postID: Int64, firstBand: Int64) throws -> Bool {
        if pending.posts.contains(postID) { return true }
        return try runs.holds(firstBand, post: postID)
    }

    /// Forgets every fingerprint, group and link and computes them again from the posts.
    public func rebuild(progress: (Int) -> Void = { _ in }) throws -> Int {
        pending.removeAll()
        try connection.transaction {
            try runs.removeAll()
            try connection.execute(
                """
                DELETE FROM spread_pending; DELETE FROM spread_members;
                DELETE FROM spread_removed; DELETE FROM spread_groups; DELETE FROM post_links; DELETE FROM spread_dirty;
                DELETE FROM spread_backfill; INSERT INTO spread_backfill VALUES (0);
                """)
        }
        return try backfill(progress: progress)
    }
}
