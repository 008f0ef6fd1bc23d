import BeatSQLite

/// Stores post records: a new `(source, source_id)` is added, a known one with
/// different content is updated in place, and one already stored as it is is
/// counted as unchanged. The full-text index follows through the triggers in
/// the same transaction.
final class PostWriter {
    enum Outcome { case added, updated, unchanged }

    private let connection: Connection
    private let importID: Int64
    private let now: Int64

    init(connection: Connection, importID: Int64, now: Int64) {
        self.connection = connection
        self.importID = importID
        self.now = now
    }

    // The new id is the next free one within the post's second, found by a
    // rowid range seek, so ids stay in publication order.
    private static let insertSQL = """
        INSERT INTO posts(id, source, source_id, venue, author, published_at, title, text, url, parent, thread,
                          score, lang, tags, raw, import_id, origin_line, imported_at)
        VALUES ((SELECT coalesce(max(id) + 1, ?1) FROM posts WHERE id BETWEEN ?1 AND ?1 + 1048575),
                ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)
        ON CONFLICT(source, source_id) DO NOTHING
        """

    private static let selectSQL = """
        SELECT id, venue, author, published_at, title, text, url, parent, thread, score, lang, tags, raw, imported_at
        FROM posts WHERE source = ?1 AND source_id = ?2
        """

    private static let updateSQL = """
        UPDATE posts SET venue = ?2, author = ?3, title = ?4, text = ?5, url = ?6, parent = ?7, thread = ?8,
                         score = ?9, lang = ?10, tags = ?11, raw = ?12, import_id = ?13, origin_line = ?14, updated_at = ?15
        WHERE id = ?1
        """

    func write(_ record: PostRecord) throws -> Outcome {
        let tags = record.tags.map(JSONWriter.stringArray)
        let insert = try connection.cachedStatement(Self.insertSQL)
        try insert.execute([
            .integer(record.publishedAt << Schema.sequenceBits), .text(record.source), .text(record.sourceID),
            record.venue.sqliteValue, record.author.sqliteValue, .integer(record.publishedAt), record.title.sqliteValue,
            .text(record.text), record.url.sqliteValue, record.parent.sqliteValue, record.thread.sqliteValue,
            record.score.sqliteValue, record.lang.sqliteValue, tags.sqliteValue, record.raw.sqliteValue,
            .integer(importID), record.originLine.map { .integer(Int64($0)) } ?? .null, .integer(now),
        ])
        if connection.changes == 1 { return .added }
        return try update(record, tags: tags)
    }

    private func update(_ incoming: PostRecord, tags: String?) throws -> Outcome {
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

        if stored.publishedAt == record.publishedAt {
            try connection.cachedStatement(Self.updateSQL).execute([
                .integer(id), record.venue.sqliteValue, record.author.sqliteValue, record.title.sqliteValue,
                .text(record.text), record.url.sqliteValue, record.parent.sqliteValue, record.thread.sqliteValue,
                record.score.sqliteValue, record.lang.sqliteValue, tags.sqliteValue, record.raw.sqliteValue,
                .integer(importID), record.originLine.map { .integer(Int64($0)) } ?? .null, .integer(now),
            ])
        } else {
            // The id encodes the date, so a changed date moves the post: delete
            // and insert again, keeping when it was first imported.
            try connection.cachedStatement("DELETE FROM posts WHERE id = ?1").execute([.integer(id)])
            guard try write(record) == .added else { preconditionFailure("re-insert after delete did not add") }
            try connection.cachedStatement("UPDATE posts SET imported_at = ?2, updated_at = ?3 WHERE id = ?1")
                .execute([.integer(connection.lastInsertRowID), .integer(importedAt), .integer(now)])
        }
        return .updated
    }
}
