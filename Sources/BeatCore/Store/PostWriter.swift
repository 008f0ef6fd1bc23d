import BeatSQLite

/// One batch as it was written, for the steps that run after it in the same
/// transaction (see `PostWriter.batchSteps`).
struct WrittenBatch {
    /// A post the batch added or changed: its row id (after any move). The record itself is
    /// not kept (the writer lets go of each once written); steps read what they need from
    /// the stored row.
    struct Post {
        let id: Int64
        let outcome: PostWriter.Outcome
        /// The record's spread print when the reader computed it, else nil.
        var print: SpreadPrint? = nil
    }

    /// Added and updated posts in the order they were written; unchanged ones are left out.
    var posts: [Post] = []

    /// The lowest and highest row id the batch wrote, for steps that work on a
    /// rowid range (`WHERE id BETWEEN ?1 AND ?2`); nil when nothing was written.
    /// Posts of earlier imports may lie inside it: ids follow publication time,
    /// not import order.
    var idRange: ClosedRange<Int64>? {
        guard let first = posts.first else { return nil }
        var low = first.id
        var high = first.id
        for post in posts.dropFirst() {
            low = min(low, post.id)
            high = max(high, post.id)
        }
        return low...high
    }

    /// The written ids, ascending, as a JSON array, for one statement over
    /// exactly these rows: `WHERE id IN (SELECT value FROM json_each(?1))`.
    var idsJSON: String { PostWriter.jsonArray(posts.map(\.id).sorted()) }
}

/// Stores post records a batch at a time: a new `(source, source_id)` is added,
/// a known one with different content is updated in place, and one already
/// stored as it is is counted as unchanged.
///
/// The full-text index of the added posts is built at the end of each batch
/// by one `INSERT INTO posts_fts … SELECT` over the batch's ids, not by a
/// trigger per row: FTS5 flushes its pending terms at the end of every
/// statement that fires a trigger, so row-at-a-time indexing writes a tiny
/// segment per post and then spends most of the import merging them. Updates
/// and deletes, rare in an import, still go through the `posts_au`/`posts_ad`
/// triggers. Everything runs in the caller's transaction, so a committed batch
/// has its index entries and nothing else has.
final class PostWriter {
    enum Outcome { case added, updated, unchanged }

    private let connection: Connection
    private let importID: Int64
    private let now: Int64
    /// Extra work per batch (per-post columns or tables derived from the
    /// written posts), run after the batch's posts and index entries are
    /// written, inside the same transaction, in the order given. A step sees
    /// the batch's added and updated posts with their final ids
    /// (`WrittenBatch.posts`, `idRange`, `idsJSON`); it is not called for a
    /// batch that wrote nothing. A step that throws fails the batch: the
    /// caller rolls the transaction back, posts and index entries included.
    var batchSteps: [(WrittenBatch, Connection) throws -> Void] = []

    /// Ids added since the last index flush, not yet in `posts_fts`.
    private var unindexed: [Int64] = []
    private var written = WrittenBatch()

    init(connection: Connection, importID: Int64, now: Int64) {
        self.connection = connection
        self.importID = importID
        self.now = now
    }

    /// Writes `records` in publication order, then their index entries and the
    /// batch steps. `each` is called after every record with its outcome. It
    /// may throw to stop early (a cancel): the posts written until then still
    /// get their index entries and batch steps, so the caller may commit them.
    ///
    /// Post ids follow publication time, and FTS5 starts a new segment whenever
    /// a rowid is lower than the previous one; sorting the batch makes its
    /// index entries one ascending run.
    func write(batch records: [PostRecord], each: (Outcome) throws -> Void) throws {
        var posts = records.map { IncomingPost(record: $0, print: nil) }
        try write(batch: &posts, each: each)
    }

    /// Writes `posts` as `write(batch:each:)` does, keeping each one's spread print for the
    /// batch steps, and takes them out of `posts` one by one as they are written: a record's
    /// memory is given back as soon as it is stored, so the reader can fill it with the next
    /// batch meanwhile (see `EventChannel`). After a throw, `posts` holds those not written.
    func write(batch posts: inout [IncomingPost], each: (Outcome) throws -> Void) throws {
        // Reversed after sorting, so that popping from the end gives them in order.
        // Within a second, ids go up by lane (`PostLane`).
        posts.sort { a, b in
            guard a.record.publishedAt == b.record.publishedAt else { return a.record.publishedAt < b.record.publishedAt }
            return PostLane.lane(of: a.record.source) < PostLane.lane(of: b.record.source)
        }
        posts.reverse()
        while let post = posts.popLast() {
            let outcome = try write(post.record, print: post.print)
            do {
                try each(outcome)
            } catch {
                try finishBatch()
                throw error
            }
        }
        try finishBatch()
    }

    /// The per-batch steps: index entries for the added posts, then `batchSteps`.
    private func finishBatch() throws {
        try indexAdded()
        if !written.posts.isEmpty {
            for step in batchSteps { try step(written, connection) }
        }
        written.posts.removeAll(keepingCapacity: true)
    }

    private static let insertSQL = """
        INSERT INTO posts(id, source, source_id, venue, author, published_at, title, text, url, parent, thread,
                          score, lang, tags, raw, import_id, origin_line, imported_at)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)
        ON CONFLICT(source, source_id) DO NOTHING
        """

    private static let lastIDSQL = "SELECT max(id) FROM posts WHERE id BETWEEN ?1 AND ?2"

    private static let selectSQL = """
        SELECT id, venue, author, published_at, title, text, url, parent, thread, score, lang, tags, raw, imported_at
        FROM posts WHERE source = ?1 AND source_id = ?2
        """

    private static let updateSQL = """
        UPDATE posts SET venue = ?2, author = ?3, title = ?4, text = ?5, url = ?6, parent = ?7, thread = ?8,
                         score = ?9, lang = ?10, tags = ?11, raw = ?12, import_id = ?13, origin_line = ?14, updated_at = ?15
        WHERE id = ?1
        """

    // The ids arrive as one JSON array; `IN` reads them in ascending order, so
    // FTS5 receives one rising run of rowids.
    private static let indexSQL = """
        INSERT INTO posts_fts(rowid, title, text)
        SELECT id, title, text FROM posts WHERE id IN (SELECT value FROM json_each(?1)) ORDER BY id
        """

    /// Adds the index entries of the posts added since the last call.
    private func indexAdded() throws {
        guard !unindexed.isEmpty else { return }
        try connection.cachedStatement(Self.indexSQL).execute([.text(Self.jsonArray(unindexed))])
        unindexed.removeAll(keepingCapacity: true)
    }

    /// `ids` as a JSON array of numbers, for `json_each`.
    static func jsonArray(_ ids: [Int64]) -> String {
        var text = "["
        text.reserveCapacity(ids.count * 20)
        for (offset, id) in ids.enumerated() {
            if offset > 0 { text += "," }
            text += String(id)
        }
        text += "]"
        return text
    }

    private func write(_ record: PostRecord, print: SpreadPrint?) throws -> Outcome {
        let tags = record.tags.map(JSONWriter.stringArray)
        if try insert(record, tags: tags, print: print) { return .added }
        return try update(record, tags: tags, print: print)
    }

    /// Inserts `record` unless its `(source, source_id)` is stored; true when it was added.
    private func insert(_ record: PostRecord, tags: String?, print: SpreadPrint?) throws -> Bool {
        let id = try newID(for: record)
        let insert = try connection.cachedStatement(Self.insertSQL)
        try insert.execute([
            .integer(id), .text(record.source), .text(record.sourceID),
            record.venue.sqliteValue, record.author.sqliteValue, .integer(record.publishedAt), record.title.sqliteValue,
            .text(record.text), record.url.sqliteValue, record.parent.sqliteValue, record.thread.sqliteValue,
            record.score.sqliteValue, record.lang.sqliteValue, tags.sqliteValue, record.raw.sqliteValue,
            .integer(importID), record.originLine.map { .integer(Int64($0)) } ?? .null, .integer(now),
        ])
        guard connection.changes == 1 else { return false }
        unindexed.append(id)
        written.posts.append(WrittenBatch.Post(id: id, outcome: .added, print: print))
        return true
    }

    /// The next free id in the lane of the record's source within its second, found by a rowid
    /// range seek, so that ids follow publication time and carry the source (`PostLane`); the
    /// unsorted lane of that second when the source's own is full, and another second of the
    /// same day when both are.
    private func newID(for record: PostRecord) throws -> Int64 {
        let own = PostLane.lane(of: record.source)
        var second: Int64? = record.publishedAt
        while let current = second {
            if let id = try freeID(in: PostLane.ids(second: current, lane: own)) { return id }
            if own != PostLane.unsorted, let id = try freeID(in: PostLane.ids(second: current, lane: PostLane.unsorted)) {
                return id
            }
            second = PostLane.second(after: current, for: record.publishedAt)
        }
        throw ImportError.dayFull(
            source: record.source, sourceID: record.sourceID, publishedAt: record.publishedAt, line: record.originLine)
    }

    /// The id after the last one taken in `ids`, the first when none is; nil when the last is taken.
    private func freeID(in ids: ClosedRange<Int64>) throws -> Int64? {
        let lastID = try connection.cachedStatement(Self.lastIDSQL)
        try lastID.bind([.integer(ids.lowerBound), .integer(ids.upperBound)])
        defer { lastID.reset() }
        _ = try lastID.step()
        guard let last = lastID.optionalInt64(0) else { return ids.lowerBound }
        return last < ids.upperBound ? last + 1 : nil
    }

    private func update(_ incoming: PostRecord, tags: String?, print: SpreadPrint?) throws -> Outcome {
        let select = try connection.cachedStatement(Self.selectSQL)
        try select.bind([.text(incoming.source), .text(incoming.sourceID)])
        defer { select.reset() }
        guard try select.step() else {
            preconditionFailure("insert conflicted on (source, source_id) but no row has it")
        }
        let id = select.int64(0)
        let stored = PostRecord(
            source: incoming.source, sourceID: incoming.sourceID, venue: select.string(1), author: select.string(2),
            publishedAt: select.int64(3), title: select.string(4), text: select.string(5) ?? "", url: select.string(6),
            parent: select.string(7), thread: select.string(8), score: select.optionalInt64(9), lang: select.string(10),
            tags: nil, raw: select.string(12))
        let storedTags = select.string(11)
        let importedAt = select.int64(13)
        // Thread links are facts about the post that some formats do not carry
        // (an HN item fetched alone has no story id): a copy without them keeps
        // the links an earlier import found.
        var record = incoming
        record.parent = record.parent ?? stored.parent
        record.thread = record.thread ?? stored.thread
        var comparable = record
        comparable.tags = nil
        comparable.originLine = nil
        if stored == comparable && storedTags == tags { return .unchanged }
        select.reset()

        // The update and delete triggers remove the stored row's index
        // entries, so that row must have them: it may be one this batch added
        // (the same post twice in one file).
        try indexAdded()
        if stored.publishedAt == record.publishedAt {
            try connection.cachedStatement(Self.updateSQL).execute([
                .integer(id), record.venue.sqliteValue, record.author.sqliteValue, record.title.sqliteValue,
                .text(record.text), record.url.sqliteValue, record.parent.sqliteValue, record.thread.sqliteValue,
                record.score.sqliteValue, record.lang.sqliteValue, tags.sqliteValue, record.raw.sqliteValue,
                .integer(importID), record.originLine.map { .integer(Int64($0)) } ?? .null, .integer(now),
            ])
            written.posts.append(WrittenBatch.Post(id: id, outcome: .updated, print: print))
        } else {
            // The id encodes the date, so a changed date moves the post: delete
            // and insert again, keeping when it was first imported.
            try connection.cachedStatement("DELETE FROM posts WHERE id = ?1").execute([.integer(id)])
            guard try insert(record, tags: tags, print: print) else { preconditionFailure("re-insert after delete did not add") }
            let newID = connection.lastInsertRowID
            try connection.cachedStatement("UPDATE posts SET imported_at = ?2, updated_at = ?3 WHERE id = ?1")
                .execute([.integer(newID), .integer(importedAt), .integer(now)])
            written.posts[written.posts.count - 1] = WrittenBatch.Post(id: newID, outcome: .updated, print: print)
        }
        return .updated
    }
}
