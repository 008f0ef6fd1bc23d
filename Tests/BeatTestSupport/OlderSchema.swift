import BeatCore
import BeatSQLite

/// Turns a corpus at the current schema back into the spread tables an older
/// release wrote, so that the migrations from them run on real files.
///
/// Schema 6 kept a sketch row for every fingerprinted post (`post_sketches`,
/// its group and its six band values) with an index on each band; schema 7
/// moved the band lookups into `spread_bands` and listed unfolded posts in
/// `spread_pending`, keeping the sketch rows. Schema 8 dropped the sketch rows
/// and kept `spread_bands` as one index of (value, post) keys, which schema 9
/// cut into runs; schema 10 added the `posts_facets` index.
public enum OlderSchema {
    /// Rewrites the spread tables of the corpus open on `connection` as schema `version` (6, 7
    /// or 8) held them, takes away what later versions added (the facets index, the posts per
    /// day, the lane exceptions, the posts per source per day), and sets that version. With `pending`, the first fingerprinted posts
    /// (that many) are left as a schema-7 or schema-8 writer that stopped before folding would
    /// leave them.
    public static func restore(_ connection: Connection, version: Int, pending: Int = 0) throws {
        precondition((6...8).contains(version), "schema 6, 7 or 8")
        try connection.transaction {
            try connection.execute(
                """
                CREATE TABLE spread_bands_flat (
                    value INTEGER NOT NULL, post_id INTEGER NOT NULL, PRIMARY KEY (value, post_id)
                ) WITHOUT ROWID;
                INSERT OR IGNORE INTO spread_bands_flat SELECT value, post_id FROM spread_bands ORDER BY value, post_id;
                DROP TABLE spread_bands; DROP TABLE spread_runs;
                ALTER TABLE spread_bands_flat RENAME TO spread_bands;
                DROP INDEX posts_facets;
                DROP TRIGGER posts_days_ai; DROP TRIGGER posts_days_ad; DROP TABLE post_days;
                DROP TABLE post_lane_exceptions;
                DROP TRIGGER posts_source_days_ai; DROP TRIGGER posts_source_days_ad; DROP TABLE post_source_days;
                DROP TRIGGER posts_keep_id_and_source;
                """)
            if version == 8 {
                try leavePending(connection, posts: pending)
                try connection.execute("PRAGMA user_version = 8")
            }
        }
        guard version < 8 else { return }
        var sketches: [(post: Int64, group: Int64?, sketch: SpreadSketch)] = []
        try connection.forEachRow(
            "SELECT p.id, m.group_id, p.title, p.text FROM posts p LEFT JOIN spread_members m ON m.post_id = p.id ORDER BY p.id"
        ) { row in
            guard let sketch = SpreadIndex.sketch(title: row.string(2), text: row.string(3) ?? "") else { return }
            sketches.append((row.int64(0), row.optionalInt64(1), sketch))
        }
        try connection.transaction {
            try connection.execute(
                """
                CREATE TABLE post_sketches (
                    post_id INTEGER PRIMARY KEY, group_id INTEGER, shingles INTEGER NOT NULL,
                    b0 INTEGER NOT NULL, b1 INTEGER NOT NULL, b2 INTEGER NOT NULL,
                    b3 INTEGER NOT NULL, b4 INTEGER NOT NULL, b5 INTEGER NOT NULL
                );
                CREATE INDEX post_sketches_group ON post_sketches(group_id, post_id) WHERE group_id IS NOT NULL;
                """)
            let insert = try connection.cachedStatement(
                "INSERT INTO post_sketches VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
            for row in sketches {
                try insert.execute(
                    [.integer(row.post), row.group.map { .integer($0) } ?? .null, .integer(Int64(row.sketch.shingles.count))]
                        + row.sketch.bands.map { .integer($0) })
            }
            try connection.execute(
                """
                DROP TRIGGER posts_spread_ad; DROP TRIGGER posts_spread_au;
                DROP TABLE spread_members; DROP TABLE spread_removed;
                CREATE TRIGGER posts_spread_ad AFTER DELETE ON posts BEGIN
                    INSERT OR IGNORE INTO spread_dirty SELECT group_id FROM post_sketches WHERE post_id = old.id AND group_id IS NOT NULL;
                    DELETE FROM post_sketches WHERE post_id = old.id;
                    DELETE FROM post_links WHERE post_id = old.id;
                END;
                CREATE TRIGGER posts_spread_au AFTER UPDATE OF title, text, url ON posts BEGIN
                    INSERT OR IGNORE INTO spread_dirty SELECT group_id FROM post_sketches WHERE post_id = old.id AND group_id IS NOT NULL;
                    DELETE FROM post_sketches WHERE post_id = old.id;
                    DELETE FROM post_links WHERE post_id = old.id;
                END;
                """)
            if version == 6 {
                try connection.execute(
                    """
                    DROP TABLE spread_bands; DROP TABLE spread_pending;
                    CREATE INDEX post_sketches_b0 ON post_sketches(b0); CREATE INDEX post_sketches_b1 ON post_sketches(b1);
                    CREATE INDEX post_sketches_b2 ON post_sketches(b2); CREATE INDEX post_sketches_b3 ON post_sketches(b3);
                    CREATE INDEX post_sketches_b4 ON post_sketches(b4); CREATE INDEX post_sketches_b5 ON post_sketches(b5);
                    """)
            } else {
                try connection.execute(
                    """
                    CREATE TRIGGER post_sketches_ad AFTER DELETE ON post_sketches BEGIN
                        DELETE FROM spread_bands WHERE post_id = old.post_id AND value IN (old.b0, old.b1, old.b2, old.b3, old.b4, old.b5);
                        DELETE FROM spread_pending WHERE post_id = old.post_id;
                    END;
                    CREATE TRIGGER post_sketches_au AFTER UPDATE OF b0, b1, b2, b3, b4, b5 ON post_sketches BEGIN
                        DELETE FROM spread_bands WHERE post_id = old.post_id AND value IN (old.b0, old.b1, old.b2, old.b3, old.b4, old.b5);
                    END;
                    """)
                try leavePending(connection, posts: pending)
            }
            try connection.execute("PRAGMA user_version = \(version)")
        }
    }

    /// Takes the bands of the first `posts` fingerprinted posts out of the flat `spread_bands`
    /// and lists them in `spread_pending`, as a writer that stopped before folding left them.
    private static func leavePending(_ connection: Connection, posts: Int) throws {
        guard posts > 0 else { return }
        var first: [(post: Int64, bands: [Int64])] = []
        try connection.forEachRow("SELECT id, title, text FROM posts ORDER BY id") { row in
            guard first.count < posts, let bands = SpreadIndex.sketch(title: row.string(1), text: row.string(2) ?? "")?.bands
            else { return }
            first.append((row.int64(0), bands))
        }
        let unfold = try connection.cachedStatement("DELETE FROM spread_bands WHERE value = ?1 AND post_id = ?2")
        let list = try connection.cachedStatement("INSERT INTO spread_pending(post_id) VALUES (?1)")
        for row in first {
            for value in row.bands { try unfold.execute([.integer(value), .integer(row.post)]) }
            try list.execute([.integer(row.post)])
        }
    }
}
