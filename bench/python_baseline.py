#!/usr/bin/env python3
"""The stack's own figures for `beat import`: Python's sqlite3 loading the same
Beat JSONL into the same schema (read from a corpus Beat created: tables,
secondary indexes, the external-content FTS5 table and its update and delete
triggers), in one transaction, then merging the index as Beat does.

usage: python_baseline.py MODE SCHEMA_DB JSONL OUT_DB

MODE is one of:
  bulk     the limit: every post into the table, then the whole index built by
           one INSERT INTO posts_fts(rowid, title, text) SELECT … FROM posts,
           in the same transaction;
  trigger  the old design: an AFTER INSERT trigger adds each post's index
           entries as the post is inserted, one row at a time.

Prints one JSON line: mode, rows, seconds (the timed section: load, index,
commit, merge), load_seconds and index_seconds (bulk only), rows_per_s, and
peak_rss_kb (the process's peak resident set size). OUT_DB must not exist yet.
"""
import datetime
import json
import os
import resource
import sqlite3
import sys
import time

ROW_TRIGGER = """CREATE TRIGGER posts_ai AFTER INSERT ON posts BEGIN
    INSERT INTO posts_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
END"""

INSERT = """INSERT INTO posts(id, source, source_id, venue, author, published_at, title, text, url, tags,
                              import_id, origin_line, imported_at)
            VALUES ((SELECT coalesce(max(id) + 1, ?1) FROM posts WHERE id BETWEEN ?1 AND ?1 + 1048575),
                    ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, 1, ?11, 0)
            ON CONFLICT(source, source_id) DO NOTHING"""


def epoch(value):
    if isinstance(value, (int, float)):
        return int(value)
    return int(datetime.datetime.fromisoformat(value.replace("Z", "+00:00")).timestamp())


def main():
    if len(sys.argv) != 5 or sys.argv[1] not in ("bulk", "trigger"):
        sys.exit("usage: python_baseline.py bulk|trigger SCHEMA_DB JSONL OUT_DB")
    mode, schema_db, jsonl, out_db = sys.argv[1:5]
    if os.path.exists(out_db):
        sys.exit("python_baseline.py: %s exists; remove it (and its -wal, -shm) first" % out_db)
    source = sqlite3.connect("file:%s?mode=ro" % schema_db, uri=True)
    statements = [row[0] for row in source.execute(
        "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'posts_fts_%' "
        # sqlite_sequence (made by an AUTOINCREMENT table) is SQLite's own: it cannot be created by hand.
        "AND name != 'posts_ai' AND name NOT LIKE 'sqlite_%' ORDER BY CASE type WHEN 'table' THEN 0 WHEN 'index' THEN 1 ELSE 2 END")]
    user_version = source.execute("PRAGMA user_version").fetchone()[0]
    source.close()
    db = sqlite3.connect(out_db, isolation_level=None)
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = NORMAL")
    for sql in statements:
        db.execute(sql)
    db.execute("PRAGMA user_version = %d" % user_version)  # so that Beat can open the result
    if mode == "trigger":
        db.execute(ROW_TRIGGER)
    start = time.perf_counter()
    db.execute("BEGIN")
    db.execute("INSERT INTO imports(path, format, started_at) VALUES (?, 'jsonl', 0)", (jsonl,))
    rows = 0
    with open(jsonl, encoding="utf-8") as handle:
        for line_number, line in enumerate(handle, 1):
            post = json.loads(line)
            published = epoch(post["published_at"])
            tags = json.dumps(post["tags"]) if post.get("tags") else None
            db.execute(INSERT, (published << 20, post["source"], post["id"], post.get("venue"), post.get("author"),
                                published, post.get("title"), post["text"], post.get("url"), tags, line_number))
            rows += 1
    loaded = time.perf_counter()
    if mode == "bulk":
        db.execute("INSERT INTO posts_fts(rowid, title, text) SELECT id, title, text FROM posts ORDER BY id")
    indexed = time.perf_counter()
    db.execute("COMMIT")
    db.execute("INSERT INTO posts_fts(posts_fts, rank) VALUES ('merge', 500)")
    if mode == "trigger":
        db.execute("DROP TRIGGER posts_ai")  # the file is then a corpus Beat can open and write
    seconds = time.perf_counter() - start
    db.close()
    peak_rss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    report = {"mode": mode, "rows": rows, "seconds": round(seconds, 2), "rows_per_s": round(rows / seconds),
              "peak_rss_kb": peak_rss_kb}
    if mode == "bulk":
        report.update(load_seconds=round(loaded - start, 2), index_seconds=round(indexed - loaded, 2))
    print(json.dumps(report))


if __name__ == "__main__":
    main()
