/// The corpus schema and its forward migrations, one entry per `user_version`.
///
/// Posts are clustered by time: `posts.id` (the rowid) is `published_at * 2^20`
/// plus a sequence number within that second, so the table's own b-tree is the
/// date index, and the FTS5 index (whose rowids are the same ids) can answer a
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
    ]
}
