#!/usr/bin/env python3
"""Builds the test corpus of `check`'s second labelled set from the real posts of ../shared/corpus.

usage: scripts/extract-check-corpus.py [--db PATH] [--beat PATH]

1. Imports ../shared/corpus (its platform folders: reddit, hackernews, bluesky, mastodon, news) into
   PATH (default bench/out/shared.db) with `beat import`, unless PATH exists.
2. Copies into Tests/BeatCoreTests/Fixtures/check-wild/corpus.jsonl (Beat's own JSONL, which `import`
   reads) the posts the stories quote, listed in quoted-posts.txt (`source:source_id` per line), and a
   few hundred distractors drawn with a fixed seed from the same weeks and places, so that the
   corpus's daily volume around each story's dates is real.
3. Writes PROVENANCE.md beside it: for every post, the shared file and record it came from.

Records are copied as `beat import` read them. One field is derived: reddit posts from the
top-posts CSV files carry no subreddit column, so their venue is taken from their permalink.
Standard library only.
"""

import argparse
import datetime
import json
import os
import random
import re
import sqlite3
import subprocess
import sys

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.normpath(os.path.join(REPO, "..", "shared", "corpus"))
OUT = os.path.join(REPO, "Tests", "BeatCoreTests", "Fixtures", "check-wild")
SEED = 12

# Distractors: (label, how many, SQL condition). Each draws from the weeks the stories are about.
DISTRACTORS = [
    ("hacker news comments, October 2022", 170, "source = 'hackernews' AND published_at BETWEEN 1664582400 AND 1667260800"),
    ("bluesky posts, April 28 to May 21, 2023", 120,
     "source = 'bluesky' AND published_at BETWEEN 1682640000 AND 1684713600"),
    ("mastodon posts, November 21 and 24, 2022", 50, "source = 'mastodon'"),
    ("reddit submissions, June 20 to July 31, 2013", 200,
     "source = 'reddit' AND published_at BETWEEN 1371686400 AND 1375315200 AND (url LIKE '%/r/worldnews/%' "
     "OR url LIKE '%/r/technology/%' OR url LIKE '%/r/news/%' OR url LIKE '%/r/programming/%' OR url LIKE '%/r/politics/%')"),
    ("news feed items", 30, "source = 'news' AND title IS NOT NULL AND length(text) > 0"),
]


def import_shared(db, beat):
    files = []
    for folder in ["reddit", "hackernews", "bluesky", "mastodon", "news"]:
        for root, _, names in os.walk(os.path.join(SHARED, folder)):
            files += [os.path.relpath(os.path.join(root, n), SHARED) for n in names if n != "expected-metadata.json"]
    subprocess.run([beat, "--db", db, "--no-rc", "import"] + sorted(files), cwd=SHARED, check=True,
                   stdout=subprocess.DEVNULL)


def venue(row):
    if row["venue"] or row["source"] != "reddit":
        return row["venue"]
    match = re.search(r"reddit\.com/r/([A-Za-z0-9_]+)/", row["url"] or "")
    return match.group(1) if match else None


def record(row):
    iso = datetime.datetime.fromtimestamp(row["published_at"], datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    out = {"id": row["source_id"], "source": row["source"], "venue": venue(row), "author": row["author"],
           "published_at": iso, "title": row["title"], "text": row["text"], "url": row["url"],
           "parent": row["parent"], "thread": row["thread"]}
    return {k: v for k, v in out.items() if v is not None}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", default=os.path.join(REPO, "bench", "out", "shared.db"))
    parser.add_argument("--beat", default=None)
    args = parser.parse_args()
    if not os.path.exists(args.db):
        beat = args.beat or os.path.join(subprocess.run(["swift", "build", "--show-bin-path"], cwd=REPO, check=True,
                                                        capture_output=True, text=True).stdout.strip(), "beat")
        import_shared(args.db, beat)
    db = sqlite3.connect(args.db)
    db.row_factory = sqlite3.Row
    columns = "p.id, p.source, p.source_id, p.venue, p.author, p.published_at, p.title, p.text, p.url, p.parent, " \
              "p.thread, p.origin_line, i.path"
    base = f"SELECT {columns} FROM posts p JOIN imports i ON i.id = p.import_id"
    chosen = {}
    wanted = []
    with open(os.path.join(OUT, "quoted-posts.txt"), encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if line:
                source, source_id = line.split(":", 1)
                wanted.append((source, source_id))
    for source, source_id in wanted:
        row = db.execute(base + " WHERE p.source = ? AND p.source_id = ?", (source, source_id)).fetchone()
        if row is None:
            sys.exit(f"quoted post {source}:{source_id} is not in {args.db}")
        chosen[row["id"]] = (row, "quoted")
    rng = random.Random(SEED)
    for label, count, condition in DISTRACTORS:
        rows = [r for r in db.execute(base + f" WHERE {condition} ORDER BY p.id") if r["id"] not in chosen]
        for row in rng.sample(rows, min(count, len(rows))):
            chosen[row["id"]] = (row, "distractor: " + label)
    ordered = [chosen[k] for k in sorted(chosen)]
    with open(os.path.join(OUT, "corpus.jsonl"), "w", encoding="utf-8") as f:
        for row, _ in ordered:
            f.write(json.dumps(record(row), ensure_ascii=False) + "\n")
    with open(os.path.join(OUT, "PROVENANCE.md"), "w", encoding="utf-8") as f:
        f.write("# check-wild: provenance\n\n")
        f.write("`corpus.jsonl` holds %d real posts copied from `../shared/corpus` (see its PROVENANCE.md for each "
                "file's repository, commit and licence) by `scripts/extract-check-corpus.py`: %d quoted by the "
                "stories, the rest distractors drawn with seed %d. Reddit venues of the top-posts CSV files are "
                "read from the permalink; nothing else is changed.\n\n"
                % (len(ordered), sum(1 for _, why in ordered if why == "quoted"), SEED))
        f.write("| source:id | shared file | record | why |\n|---|---|---|---|\n")
        for row, why in ordered:
            f.write(f"| {row['source']}:{row['source_id']} | {row['path']} | {row['origin_line']} | {why} |\n")
    print(f"wrote {len(ordered)} posts to {os.path.relpath(OUT, REPO)}/corpus.jsonl")


if __name__ == "__main__":
    main()
