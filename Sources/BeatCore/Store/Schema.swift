/// The corpus schema and its forward migrations, one entry per `user_version`.
///
/// Posts are clustered by time: `posts.id` (the rowid) is `published_at * 2^20`
/// plus the post's lane and a sequence number within that second (see `PostLane`),
/// so the table's own b-tree is the date index, and the FTS5 index (whose rowids are the same ids) can answer a
/// date range as a rowid range without consulting any other index.
enum Schema {
    /// Bits of `posts.id` below the publication second.
    static let sequenceBits: Int64 = 20

    /// Migrations in order; migration `i` moves the database from version `i` to `i + 1`.
    static let migrations: [String] = [
        // 1: posts, their full-text index kept in step by triggers, and the import log.
        """
        CREATE TABLE imports (
            id INTEGER PRIMARY KEY,
            path TEXT NOT NULL,             -- the file as given, or '-' for standard input
            format TEXT NOT NULL,           -- the reader used (reddit, jsonl, feed, ...)
            started_at INTEGER NOT NULL,    -- unix seconds, UTC
            finished_at INTEGER,
            added INTEGER NOT NULL DEFAULT 0,
            updated INTEGER NOT NULL DEFAULT 0,
            unchanged INTEGER NOT NULL DEFAULT 0,
            skipped INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE posts (
            id INTEGER PRIMARY KEY,         -- published_at * 2^20 + sequence: time-ordered
            source TEXT NOT NULL,           -- reddit, hackernews, bluesky, mastodon, news, web, other
            source_id TEXT NOT NULL,        -- the platform's own id
            venue TEXT,                     -- subreddit, HN, instance or feed, outlet
            author TEXT,
            published_at INTEGER NOT NULL,  -- unix seconds, UTC
            title TEXT,
            text TEXT NOT NULL DEFAULT '',  -- plain text, paragraphs separated by a blank line
            url TEXT,
            parent TEXT,                    -- source_id of the post this one replies to
            thread TEXT,                    -- source_id of the thread's first post
            score INTEGER,
            lang TEXT,
            tags TEXT,                      -- JSON array of strings
            raw TEXT,                       -- the native record as read, when it holds more than the columns
            import_id INTEGER NOT NULL REFERENCES imports(id),
            origin_line INTEGER,            -- line (or record number) in the imported file
            imported_at INTEGER NOT NULL,   -- unix seconds, UTC, of the first import
            updated_at INTEGER              -- unix seconds, UTC, of the last change by a re-import
        );
        CREATE UNIQUE INDEX posts_source_id ON posts(source, source_id);
        CREATE VIRTUAL TABLE posts_fts USING fts5(
            title, text,
            content='posts', content_rowid='id',
            tokenize="unicode61 remove_diacritics 2 tokenchars '+'"
        );
        CREATE TRIGGER posts_ai AFTER INSERT ON posts BEGIN
            INSERT INTO posts_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
        END;
        CREATE TRIGGER posts_ad AFTER DELETE ON posts BEGIN
            INSERT INTO posts_fts(posts_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
        END;
        CREATE TRIGGER posts_au AFTER UPDATE OF title, text ON posts BEGIN
            INSERT INTO posts_fts(posts_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
            INSERT INTO posts_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
        END;
        """,
        // 2: replies by their parent, for a post's thread context (`show`). Top-level
        // posts have no parent and are left out of the index.
        """
        CREATE INDEX posts_source_parent ON posts(source, parent) WHERE parent IS NOT NULL;
        """,
        // 3: authors and venues, for filters-only queries (`author:x`, `in:LocalLLaMA`)
        // and the shell's prefix completion. Queries with words keep the full-text
        // index in charge with a unary `+` on these columns (see QuerySQL).
        """
        CREATE INDEX posts_author ON posts(author COLLATE NOCASE, id);
        CREATE INDEX posts_venue ON posts(venue COLLATE NOCASE, id);
        """,
        // 4: beats, the newsroom's named queries (`beat add`, `beat:NAME`). The
        // query is kept as typed and compiled at each use, so relative dates
        // in it (`since:7d`) count back from the moment it runs.
        """
        CREATE TABLE beats (
            name TEXT PRIMARY KEY,          -- lowercase letters, digits, '-' and '_'
            query TEXT NOT NULL,            -- Beat's search grammar, as typed
            created_at INTEGER NOT NULL,    -- unix seconds, UTC
            updated_at INTEGER NOT NULL     -- unix seconds, UTC, of the last --replace
        ) WITHOUT ROWID;
        """,
        // 5: new posts are indexed by the writer, a batch at a time in one
        // statement (see PostWriter); updates and deletes keep their triggers.
        // Anything else that inserts posts adds their `posts_fts` rows itself.
        """
        DROP TRIGGER posts_ai;
        """,
        // 6: spread. Each post's near-duplicate fingerprint (`SpreadSketch`: six
        // MinHash bands, each indexed, so that candidates are found by equality
        // lookups and never by comparing all pairs), the group of copies it
        // belongs to (`spread_groups`, origin = the earliest member, which is
        // the lowest id), and the canonical form of every link it carries
        // (`CanonicalLink`). `SpreadIndex` keeps them in step at import; the
        // triggers below take a changed or deleted post out and queue its
        // group for a recount (`spread_dirty`). Posts stored before this
        // version are fingerprinted once after the migration, oldest first,
        // a chunk per transaction (`spread_backfill` holds the next id).
        """
        CREATE TABLE post_sketches (
            post_id INTEGER PRIMARY KEY,    -- posts.id
            group_id INTEGER,               -- spread_groups.id, null while no other post carries the text
            shingles INTEGER NOT NULL,      -- distinct word 3-shingles
            b0 INTEGER NOT NULL, b1 INTEGER NOT NULL, b2 INTEGER NOT NULL,
            b3 INTEGER NOT NULL, b4 INTEGER NOT NULL, b5 INTEGER NOT NULL
        );
        CREATE INDEX post_sketches_b0 ON post_sketches(b0);
        CREATE INDEX post_sketches_b1 ON post_sketches(b1);
        CREATE INDEX post_sketches_b2 ON post_sketches(b2);
        CREATE INDEX post_sketches_b3 ON post_sketches(b3);
        CREATE INDEX post_sketches_b4 ON post_sketches(b4);
        CREATE INDEX post_sketches_b5 ON post_sketches(b5);
        CREATE INDEX post_sketches_group ON post_sketches(group_id, post_id) WHERE group_id IS NOT NULL;
        CREATE TABLE spread_groups (
            id INTEGER PRIMARY KEY,
            origin INTEGER NOT NULL,        -- the earliest member's posts.id
            latest INTEGER NOT NULL,        -- the latest member's posts.id
            size INTEGER NOT NULL           -- members, at least 2
        );
        CREATE TABLE post_links (
            url TEXT NOT NULL,              -- canonical: no scheme, no www., no tracking parameters
            post_id INTEGER NOT NULL,       -- posts.id
            PRIMARY KEY (url, post_id)
        ) WITHOUT ROWID;
        CREATE INDEX post_links_post ON post_links(post_id);
        CREATE TABLE spread_dirty (group_id INTEGER PRIMARY KEY);
        CREATE TABLE spread_backfill (next_id INTEGER NOT NULL);
        INSERT INTO spread_backfill SELECT 0 WHERE EXISTS (SELECT 1 FROM posts);
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
        """,
        // 7: band lookups move from six indexes on `post_sketches` to one table
        // of (value, post) pairs that a writer fills in key order, a fold at a
        // time (see `SpreadIndex`); `spread_pending` lists the sketched posts
        // whose bands are not folded in yet. The six band values of a post are
        // seeded apart, so one key space holds them all.
        """
        CREATE TABLE spread_bands (
            value INTEGER NOT NULL,         -- one of post_sketches.b0…b5
            post_id INTEGER NOT NULL,       -- posts.id
            PRIMARY KEY (value, post_id)
        ) WITHOUT ROWID;
        CREATE TABLE spread_pending (post_id INTEGER PRIMARY KEY);
        INSERT OR IGNORE INTO spread_bands(value, post_id)
        SELECT value, post_id FROM (
            SELECT b0 AS value, post_id FROM post_sketches UNION ALL SELECT b1, post_id FROM post_sketches
            UNION ALL SELECT b2, post_id FROM post_sketches UNION ALL SELECT b3, post_id FROM post_sketches
            UNION ALL SELECT b4, post_id FROM post_sketches UNION ALL SELECT b5, post_id FROM post_sketches
        ) ORDER BY value, post_id;
        DROP INDEX post_sketches_b0; DROP INDEX post_sketches_b1; DROP INDEX post_sketches_b2;
        DROP INDEX post_sketches_b3; DROP INDEX post_sketches_b4; DROP INDEX post_sketches_b5;
        CREATE TRIGGER post_sketches_ad AFTER DELETE ON post_sketches BEGIN
            DELETE FROM spread_bands WHERE post_id = old.post_id AND value IN (old.b0, old.b1, old.b2, old.b3, old.b4, old.b5);
            DELETE FROM spread_pending WHERE post_id = old.post_id;
        END;
        CREATE TRIGGER post_sketches_au AFTER UPDATE OF b0, b1, b2, b3, b4, b5 ON post_sketches BEGIN
            DELETE FROM spread_bands WHERE post_id = old.post_id AND value IN (old.b0, old.b1, old.b2, old.b3, old.b4, old.b5);
        END;
        """,
        // 8: a post's bands live in `spread_bands` alone. A sketch row for every
        // post, keyed by post id, was written all over its table by each batch
        // (ids follow publication time, files do not) and cost more than the
        // rest of fingerprinting together; only group membership needs a row,
        // and only grouped posts have one (`spread_members`). A changed or
        // deleted post's bands are found again from its old text: the triggers
        // keep that text in `spread_removed` until the next writer takes the
        // bands out (`SpreadIndex.applyRemovals`); until then a lookup may name
        // the post, and the check of its current text rules it out. Pending
        // posts (`spread_pending`) are folded from their stored text when the
        // writer that listed them is gone.
        """
        WITH band(number) AS (VALUES (0), (1), (2), (3), (4), (5))
        INSERT OR IGNORE INTO spread_bands(value, post_id)
        SELECT CASE band.number WHEN 0 THEN s.b0 WHEN 1 THEN s.b1 WHEN 2 THEN s.b2
                                WHEN 3 THEN s.b3 WHEN 4 THEN s.b4 ELSE s.b5 END AS value, s.post_id
        FROM spread_pending p JOIN post_sketches s ON s.post_id = p.post_id, band
        ORDER BY value, s.post_id;
        DELETE FROM spread_pending;
        CREATE TABLE spread_members (
            post_id INTEGER PRIMARY KEY,    -- posts.id
            group_id INTEGER NOT NULL       -- spread_groups.id
        );
        INSERT INTO spread_members(post_id, group_id) SELECT post_id, group_id FROM post_sketches WHERE group_id IS NOT NULL;
        CREATE INDEX spread_members_group ON spread_members(group_id, post_id);
        CREATE TABLE spread_removed (
            post_id INTEGER NOT NULL,       -- posts.id of a post deleted or changed
            title TEXT,                     -- its title and text before, to find its bands again
            text TEXT
        );
        DROP TRIGGER posts_spread_ad;
        DROP TRIGGER posts_spread_au;
        DROP TABLE post_sketches;
        CREATE TRIGGER posts_spread_ad AFTER DELETE ON posts BEGIN
            INSERT OR IGNORE INTO spread_dirty SELECT group_id FROM spread_members WHERE post_id = old.id;
            DELETE FROM spread_members WHERE post_id = old.id;
            DELETE FROM post_links WHERE post_id = old.id;
            INSERT INTO spread_removed(post_id, title, text) VALUES (old.id, old.title, old.text);
        END;
        CREATE TRIGGER posts_spread_au AFTER UPDATE OF title, text, url ON posts BEGIN
            INSERT OR IGNORE INTO spread_dirty SELECT group_id FROM spread_members WHERE post_id = old.id;
            DELETE FROM spread_members WHERE post_id = old.id;
            DELETE FROM post_links WHERE post_id = old.id;
            INSERT INTO spread_removed(post_id, title, text) VALUES (old.id, old.title, old.text);
        END;
        """,
        // 9: band entries are kept in runs, one per fold, as an LSM tree keeps
        // them: a fold appends its sorted entries after the others instead of
        // inserting them all over one index (each fold rewrote most of it, and
        // at ten million posts the index is larger than any page cache). A
        // lookup probes the runs whose Bloom filter may hold the value; runs
        // of about the same size are merged once enough of them accumulate
        // (`BandRuns`). What a file held becomes its first run; its filter is
        // built by the first writer.
        """
        CREATE TABLE spread_runs (
            run INTEGER PRIMARY KEY AUTOINCREMENT, -- in the order written, never used twice
            entries INTEGER NOT NULL,       -- spread_bands rows written to it
            filter BLOB                     -- BandFilter.bytes of its values; NULL: not built yet
        );
        CREATE TABLE spread_bands_by_run (
            run INTEGER NOT NULL,           -- spread_runs.run
            value INTEGER NOT NULL,         -- a MinHash band of the post
            post_id INTEGER NOT NULL,       -- posts.id
            PRIMARY KEY (run, value, post_id)
        ) WITHOUT ROWID;
        INSERT INTO spread_bands_by_run(run, value, post_id) SELECT 1, value, post_id FROM spread_bands ORDER BY value, post_id;
        INSERT INTO spread_runs(run, entries) SELECT 1, count(*) FROM spread_bands_by_run HAVING count(*) > 0;
        DROP TABLE spread_bands;
        ALTER TABLE spread_bands_by_run RENAME TO spread_bands;
        """,
        // 10: a post's source, venue and author beside its id, so that the filters of a
        // query with words and a summary's counts read 60 bytes a post instead of its row
        // (2 KB with its text and native record): `posts p INDEXED BY posts_facets`
        // (see QuerySQL). Ids of new posts follow time like the table's, so an import
        // writes this index where it writes the table.
        """
        CREATE INDEX posts_facets ON posts(id, source, venue, author);
        """,
        // 11: posts per UTC day of their id (`published_at`, see `sequenceBits`), kept by
        // triggers in the transaction that adds or removes a post (a changed date is a
        // delete and an insert, see PostWriter; ids are never updated), so that the
        // corpus's volume over a window reads a row a day instead of a row a post: 0.4 s
        // for a year of ten million posts (`PostDays`). A day whose posts are all deleted
        // keeps its row at 0.
        """
        CREATE TABLE post_days (
            day INTEGER PRIMARY KEY,        -- unix seconds of the day's 00:00 UTC
            posts INTEGER NOT NULL          -- posts published that day
        );
        INSERT INTO post_days(day, posts)
        SELECT day, count(*) FROM (SELECT (id >> 20) - ((id >> 20) % 86400 + 86400) % 86400 AS day FROM posts)
        GROUP BY day;
        CREATE TRIGGER posts_days_ai AFTER INSERT ON posts BEGIN
            INSERT INTO post_days(day, posts) VALUES ((new.id >> 20) - ((new.id >> 20) % 86400 + 86400) % 86400, 1)
            ON CONFLICT(day) DO UPDATE SET posts = posts + 1;
        END;
        CREATE TRIGGER posts_days_ad AFTER DELETE ON posts BEGIN
            UPDATE post_days SET posts = posts - 1
            WHERE day = (old.id >> 20) - ((old.id >> 20) % 86400 + 86400) % 86400;
        END;
        """,
        // 12: a post's id carries its source (`PostLane`): `second << 20 | lane << 17 | n`.
        // Posts stored before keep their ids, whose lane bits are 0 (a query reads their
        // source from the row) except where more than 2^17 posts shared a second: those
        // seconds are listed here, and their lane bits are never trusted.
        """
        CREATE TABLE post_lane_exceptions (
            second INTEGER PRIMARY KEY      -- published_at of posts whose ids do not carry their source
        );
        INSERT INTO post_lane_exceptions(second)
        SELECT DISTINCT id >> 20 FROM posts WHERE (id >> 17) & 7 <> 0;
        """,
        // 13: posts per source per UTC day, kept like `post_days` (11) by triggers in the
        // transaction that adds or removes a post (a post's source is never updated: it is
        // half of its unique key), so that `check` judges whether a platform was collected
        // on a quotation's days from a row a day instead of a row a post: 3.6 million index
        // entries for one source at ten million posts (`PostSourceDays`). Grouped by day first:
        // the facets index yields the posts in id order, which is day order, so SQLite's sort
        // has little to do (0.7 s at a million posts; 3.4 s by source first). Both day tables
        // rely on a post's id and source never changing; a trigger now refuses it.
        """
        CREATE TABLE post_source_days (
            source TEXT NOT NULL,
            day INTEGER NOT NULL,           -- unix seconds of the day's 00:00 UTC
            posts INTEGER NOT NULL,         -- posts of that source published that day
            PRIMARY KEY (source, day)
        ) WITHOUT ROWID;
        INSERT INTO post_source_days(source, day, posts)
        SELECT source, day, count(*) FROM (
            SELECT source, (id >> 20) - ((id >> 20) % 86400 + 86400) % 86400 AS day FROM posts INDEXED BY posts_facets)
        GROUP BY day, source;
        CREATE TRIGGER posts_source_days_ai AFTER INSERT ON posts BEGIN
            INSERT INTO post_source_days(source, day, posts)
            VALUES (new.source, (new.id >> 20) - ((new.id >> 20) % 86400 + 86400) % 86400, 1)
            ON CONFLICT(source, day) DO UPDATE SET posts = posts + 1;
        END;
        CREATE TRIGGER posts_source_days_ad AFTER DELETE ON posts BEGIN
            UPDATE post_source_days SET posts = posts - 1
            WHERE source = old.source AND day = (old.id >> 20) - ((old.id >> 20) % 86400 + 86400) % 86400;
        END;
        CREATE TRIGGER posts_keep_id_and_source BEFORE UPDATE OF id, source ON posts
        WHEN new.id IS NOT old.id OR new.source IS NOT old.source BEGIN
            SELECT RAISE(ABORT, 'a post''s id and source are never changed: delete the post and insert it again');
        END;
        """,
    ]
}
