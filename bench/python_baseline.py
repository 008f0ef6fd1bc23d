#!/usr/bin/env python3
"""The stack's own limit for `beat import`: Python's sqlite3 loading the same
Beat JSONL into the same schema (read from a corpus Beat created, triggers and
FTS5 index included) in one transaction, then merging the index as Beat does.

usage: python_baseline.py SCHEMA_DB JSONL OUT_DB
Prints one JSON line: rows, seconds (the timed section: load, commit, merge),
rows_per_s, and peak_rss_kb (the process's peak resident set size).
OUT_DB must not exist yet.
"""
import datetime
import json
import os
import resource
import sqlite3
import sys
import time


def epoch(value):
    if isinstance(value, (int, float)):
        return int(value)
    return int(datetime.datetime.fromisoformat(value.replace("Z", "+00:00")).timestamp())


def main():
    if len(sys.argv) != 4:
        sys.exit("usage: python_baseline.py SCHEMA_DB JSONL OUT_DB")
    schema_db, jsonl, out_db = sys.argv[1:4]
    if os.path.exists(out_db):
        sys.exit("python_baseline.py: %s exists; remove it (and its -wal, -shm) first" % out_db)
    source = sqlite3.connect("file:%s?mode=ro" % schema_db, uri=True)
    statements = [row[0] for row in source.execute(
        "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'posts_fts_%' "
        "ORDER BY CASE type WHEN 'table' THEN 0 WHEN 'index' THEN 1 ELSE 2 END")]
    user_version = source.execute("PRAGMA user_version").fetchone()[0]
    source.close()
    db = sqlite3.connect(out_db, isolation_level=None)
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = NORMAL")
    for sql in statements:
        db.execute(sql)
    db.execute("PRAGMA user_version = %d" % user_version)  # so that Beat can open the result
    start = time.perf_counter()
    db.execute("BEGIN")
    db.execute("INSERT INTO imports(path, format, started_at) VALUES (?, 'jsonl', 0)", (jsonl,))
    insert = """INSERT INTO posts(id, source, source_id, venue, author, published_at, title, text, url, tags,
                                  import_id, origin_line, imported_at)
                VALUES ((SELECT coalesce(max(id) + 1, ?1) FROM posts WHERE id BETWEEN ?1 AND ?1 + 1048575),
                        ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, 1, ?11, 0)
                ON CONFLICT(source, source_id) DO NOTHING"""
    rows = 0
    with open(jsonl, encoding="utf-8") as handle:
        for line_number, line in enumerate(handle, 1):
            post = json.loads(line)
            published = epoch(post["published_at"])
            tags = json.dumps(post["tags"]) if post.get("tags") else None
            db.execute(insert, (published << 20, post["source"], post["id"], post.get("venue"), post.get("author"),
                                published, post.get("title"), post["text"], post.get("url"), tags, line_number))
            rows += 1
    db.execute("COMMIT")
    db.execute("INSERT INTO posts_fts(posts_fts, rank) VALUES ('merge', 500)")
    seconds = time.perf_counter() - start
    db.close()
    peak_rss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    print(json.dumps({"rows": rows, "seconds": round(seconds, 2), "rows_per_s": round(rows / seconds),
                      "peak_rss_kb": peak_rss_kb}))


if __name__ == "__main__":
    main()
