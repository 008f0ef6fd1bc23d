#!/usr/bin/env python3
"""Validate Beat's bundled demo corpus (Sources/BeatCore/Resources/demo-corpus.jsonl).

Standard library only. Usage:

    python3 scripts/check-demo-corpus.py [path/to/demo-corpus.jsonl]

Checks every line parses as a JSON object with Beat's keys, in Beat's order and
with the right types; (source, id) is unique; ids, venues, authors and urls look
like the platform they claim to come from; published_at is ISO 8601 UTC ("Z")
inside the demo year; every parent/thread points at an existing post of the same
source, the parent is earlier, and thread is the root of the parent's thread.
Then prints counts per source, beat, month and language, the busiest days per
beat, whether each scripted event shows up as a burst, and the sentences that
are posted verbatim by more than one Bluesky/Mastodon account.

Exits 1 if any error was found, 0 otherwise.
"""
import collections
import datetime as dt
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT = os.path.join(HERE, "..", "Sources", "BeatCore", "Resources", "demo-corpus.jsonl")

KEY_ORDER = ["id", "source", "venue", "author", "published_at", "title", "text", "url",
             "parent", "thread", "score", "lang", "tags"]
REQUIRED = {"id", "source", "venue", "author", "published_at", "text", "url", "lang", "tags"}
SOURCES = ("reddit", "hackernews", "bluesky", "mastodon", "news")
BEATS = ("open-source-ai", "ai-geopolitics", "ai-healthcare", "other")
LANGS = {"en", "de", "fr", "es", "ja", "zh"}
RANGE = (dt.datetime(2025, 11, 20, tzinfo=dt.timezone.utc),
         dt.datetime(2026, 11, 20, 23, 59, 59, tzinfo=dt.timezone.utc))
MASTODON_INSTANCES = {"mastodon.social", "hachyderm.io", "fosstodon.org", "scholar.social"}

# Scripted events: (date, beat, window in days, minimum posts expected in the window, label)
EVENTS = [
    ("2026-01-22", "ai-geopolitics", 3, 20, "US chip export controls: licences for 50,000+ chip clusters"),
    ("2026-02-10", "ai-healthcare", 3, 15, "FDA De Novo for Veriton's SepsisSentinel"),
    ("2026-04-15", "open-source-ai", 3, 30, "Aurora Labs releases Aurora-70B under Apache 2.0"),
    ("2026-06-17", "ai-healthcare", 2, 10, "DermaScan skin-type bias study"),
    ("2026-07-08", "ai-geopolitics", 3, 12, "Geneva compute summit / declaration"),
    ("2026-09-03", "open-source-ai", 3, 18, "Aurora licence change (Aurora Community Licence)"),
    ("2026-10-08", "ai-healthcare", 2, 6, "ClearNote scribe audio retention (HIPAA)"),
]

ID_PATTERNS = {
    "reddit": re.compile(r"^[0-9a-z]{6,8}$"),
    "hackernews": re.compile(r"^[1-9][0-9]{6,9}$"),
    "bluesky": re.compile(r"^[234567a-z]{13}$"),
    "mastodon": re.compile(r"^[1-9][0-9]{15,19}$"),
    "news": re.compile(r"^[A-Za-z0-9][A-Za-z0-9._~/-]*$"),
}
TS = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")


class Report:
    def __init__(self):
        self.errors = []
        self.warnings = []

    def err(self, where, msg):
        self.errors.append(f"{where}: {msg}")

    def warn(self, where, msg):
        self.warnings.append(f"{where}: {msg}")


def check_url(p, r, where):
    src, url, pid, venue, author = p["source"], p["url"], p["id"], p["venue"], p["author"]
    if src == "reddit":
        root = p.get("thread", pid)
        pat = rf"^https://www\.reddit\.com/r/{re.escape(venue)}/comments/{re.escape(root)}/[a-z0-9_]+/"
        if "parent" in p:
            pat += re.escape(pid) + "/"
        if not re.match(pat + "$", url):
            r.err(where, f"reddit url does not match venue/thread/id: {url}")
    elif src == "hackernews":
        if url != f"https://news.ycombinator.com/item?id={pid}":
            r.err(where, f"HN url should be item?id={pid}: {url}")
    elif src == "bluesky":
        if url != f"https://bsky.app/profile/{author}/post/{pid}":
            r.err(where, f"bluesky url should be profile/{author}/post/{pid}: {url}")
    elif src == "mastodon":
        user, _, inst = author.partition("@")
        if url != f"https://{inst}/@{user}/{pid}":
            r.err(where, f"mastodon url should be https://{inst}/@{user}/{pid}: {url}")
    elif src == "news":
        host = re.match(r"^https://([^/]+)/", url)
        if not host or not (host.group(1) == venue or host.group(1).endswith("." + venue)):
            r.err(where, f"news url host does not match venue {venue}: {url}")


def check_record(p, r, where):
    keys = list(p.keys())
    unknown = [k for k in keys if k not in KEY_ORDER]
    if unknown:
        r.err(where, f"unknown keys {unknown}")
    missing = REQUIRED - set(keys)
    if missing:
        r.err(where, f"missing keys {sorted(missing)}")
        return False
    known = [k for k in keys if k in KEY_ORDER]
    if known != sorted(known, key=KEY_ORDER.index):
        r.err(where, f"keys out of order: {known}")
    for k in ("id", "source", "venue", "author", "published_at", "text", "url", "lang"):
        if not isinstance(p[k], str) or not p[k]:
            r.err(where, f"{k} must be a non-empty string")
            return False
    for k in ("title", "parent", "thread"):
        if k in p and (not isinstance(p[k], str) or not p[k]):
            r.err(where, f"{k}, when present, must be a non-empty string")
    if "score" in p and (not isinstance(p["score"], int) or isinstance(p["score"], bool)):
        r.err(where, "score must be an integer")
    if not isinstance(p["tags"], list) or not p["tags"] or not all(isinstance(t, str) for t in p["tags"]):
        r.err(where, "tags must be a non-empty list of strings")
        return False

    src = p["source"]
    if src not in SOURCES:
        r.err(where, f"unknown source {src!r}")
        return False
    if not ID_PATTERNS[src].match(p["id"]):
        r.err(where, f"id {p['id']!r} does not look like a {src} id")
    for t in p["tags"]:
        if t not in BEATS:
            r.err(where, f"unknown tag {t!r}")
    if len(set(p["tags"])) != len(p["tags"]):
        r.err(where, "duplicate tags")
    if p["lang"] not in LANGS:
        r.err(where, f"unexpected lang {p['lang']!r}")

    # venue and author by source
    venue, author = p["venue"], p["author"]
    if src == "reddit":
        if venue.startswith("r/") or not re.match(r"^[A-Za-z0-9_]{2,21}$", venue):
            r.err(where, f"reddit venue should be a bare subreddit name: {venue!r}")
        if author != "[deleted]" and not re.match(r"^[A-Za-z0-9_-]{3,20}$", author):
            r.err(where, f"odd reddit username {author!r}")
    elif src == "hackernews":
        if venue != "HN":
            r.err(where, "hackernews venue must be 'HN'")
        if not re.match(r"^[A-Za-z0-9_-]{2,15}$", author):
            r.err(where, f"odd HN username {author!r}")
    elif src == "bluesky":
        if venue != "bsky.social":
            r.err(where, "bluesky venue must be 'bsky.social'")
        if not re.match(r"^[a-z0-9-]+(\.[a-z0-9-]+)+$", author):
            r.err(where, f"bluesky author should be a handle: {author!r}")
    elif src == "mastodon":
        m = re.match(r"^([A-Za-z0-9_]+)@([a-z0-9.-]+)$", author)
        if not m:
            r.err(where, f"mastodon author should be user@instance: {author!r}")
        elif m.group(2) != venue:
            r.err(where, f"mastodon venue {venue!r} differs from author's instance")
        if venue not in MASTODON_INSTANCES:
            r.warn(where, f"unusual mastodon instance {venue!r}")
    elif src == "news":
        if not re.match(r"^[a-z0-9-]+(\.[a-z0-9-]+)+$", venue):
            r.err(where, f"news venue should be a domain: {venue!r}")

    # title rules
    has_title = "title" in p
    is_reply = "parent" in p
    if src in ("bluesky", "mastodon") and has_title:
        r.err(where, f"{src} posts have no title")
    if src == "news" and (not has_title or is_reply):
        r.err(where, "news items need a title and no parent")
    if src in ("reddit", "hackernews"):
        if is_reply and has_title:
            r.err(where, "comments have no title")
        if not is_reply and not has_title:
            r.err(where, "submissions/stories need a title")
    if src not in ("reddit", "hackernews") and "score" in p:
        r.err(where, f"score is only for reddit/hackernews, not {src}")
    if ("parent" in p) != ("thread" in p):
        r.err(where, "parent and thread must both be present or both absent")

    # text shape
    text = p["text"]
    if text != text.strip():
        r.err(where, "text has leading/trailing whitespace")
    if re.search(r"(?<!\n)\n(?!\n)", text) or "\n\n\n" in text:
        r.err(where, "paragraphs must be separated by exactly one blank line (\\n\\n)")
    if "\r" in text or "\t" in text:
        r.err(where, "text contains CR or TAB")
    if src == "bluesky" and len(text) > 300:
        r.err(where, f"bluesky text is {len(text)} characters (max 300)")
    if src == "mastodon" and len(text) > 500:
        r.err(where, f"mastodon text is {len(text)} characters (max 500)")
    if src == "news":
        n = len(text.split("\n\n"))
        if not 2 <= n <= 4:
            r.err(where, f"news text has {n} paragraphs (want 2-4)")

    # time
    if not TS.match(p["published_at"]):
        r.err(where, f"published_at not ISO 8601 UTC with Z: {p['published_at']!r}")
        return False
    t = dt.datetime.strptime(p["published_at"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=dt.timezone.utc)
    if not RANGE[0] <= t <= RANGE[1]:
        r.err(where, f"published_at {p['published_at']} outside 2025-11-20..2026-11-20")
    check_url(p, r, where)
    return True


def day(p):
    return p["published_at"][:10]


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else DEFAULT
    r = Report()
    posts = []
    with open(path, "rb") as f:
        raw = f.read()
    try:
        content = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        print(f"ERROR: not UTF-8: {e}")
        return 1
    if content.startswith("\ufeff"):
        r.err("file", "starts with a byte-order mark")
    if not content.endswith("\n"):
        r.err("file", "does not end with a newline")
    for n, line in enumerate(content.split("\n")[:-1] if content.endswith("\n") else content.split("\n"), 1):
        where = f"line {n}"
        if not line.strip():
            r.err(where, "blank line")
            continue
        try:
            p = json.loads(line)
        except json.JSONDecodeError as e:
            r.err(where, f"invalid JSON: {e}")
            continue
        if not isinstance(p, dict):
            r.err(where, "not a JSON object")
            continue
        if check_record(p, r, where):
            p["_line"] = n
            posts.append(p)

    # uniqueness and references
    by_key = {}
    for p in posts:
        k = (p["source"], p["id"])
        if k in by_key:
            r.err(f"line {p['_line']}", f"duplicate (source,id) {k}, first on line {by_key[k]['_line']}")
        else:
            by_key[k] = p
    prev = None
    for p in posts:
        where = f"line {p['_line']} ({p['source']}:{p['id']})"
        if prev and p["published_at"] < prev:
            r.warn(where, "file is not sorted by published_at")
        prev = p["published_at"]
        if "parent" not in p:
            continue
        par = by_key.get((p["source"], p["parent"]))
        root = by_key.get((p["source"], p["thread"]))
        if par is None:
            r.err(where, f"parent {p['parent']} not found in {p['source']}")
            continue
        if root is None:
            r.err(where, f"thread {p['thread']} not found in {p['source']}")
            continue
        if not par["published_at"] < p["published_at"]:
            r.err(where, f"parent {p['parent']} is not earlier ({par['published_at']} >= {p['published_at']})")
        if "parent" in root:
            r.err(where, f"thread {p['thread']} is itself a reply, not a root")
        if par.get("thread", par["id"]) != p["thread"]:
            r.err(where, f"thread {p['thread']} differs from the parent's thread {par.get('thread', par['id'])}")
        if par["venue"] != p["venue"] and p["source"] in ("reddit", "hackernews"):
            r.err(where, "reply in a different venue from its parent")

    # ---------- report ----------
    print(f"{path}: {len(posts)} posts")
    by_src = collections.Counter(p["source"] for p in posts)
    print("\nper source:   " + ", ".join(f"{s} {by_src[s]}" for s in SOURCES))
    by_beat = collections.Counter(t for p in posts for t in p["tags"])
    multi = sum(1 for p in posts if len(p["tags"]) > 1)
    print("per beat:     " + ", ".join(f"{b} {by_beat[b]}" for b in BEATS) + f"  ({multi} posts carry two beats)")
    langs = collections.Counter(p["lang"] for p in posts)
    print("per language: " + ", ".join(f"{k} {v}" for k, v in langs.most_common()))
    kinds = collections.Counter(
        ("reply" if "parent" in p else "root") for p in posts if p["source"] != "news")
    print(f"threads:      {kinds['root']} roots/standalone, {kinds['reply']} replies, "
          f"{len({(p['source'], p['thread']) for p in posts if 'thread' in p})} threads with replies")
    authors = collections.Counter(p["author"] for p in posts)
    print(f"authors:      {len(authors)} distinct; top: "
          + ", ".join(f"{a} {c}" for a, c in authors.most_common(8)))
    cross_beat = [a for a in authors if len({t for p in posts if p['author'] == a for t in p['tags']}) >= 2]
    print(f"              {len(cross_beat)} authors post in two or more beats")

    print("\nper month      total  " + "  ".join(f"{b[:10]:>10}" for b in BEATS))
    months = sorted({p["published_at"][:7] for p in posts})
    for m in months:
        ps = [p for p in posts if p["published_at"][:7] == m]
        c = collections.Counter(t for p in ps for t in p["tags"])
        print(f"  {m}     {len(ps):5}  " + "  ".join(f"{c[b]:>10}" for b in BEATS) + "  " + "#" * (len(ps) // 2))
    wd = collections.Counter(
        dt.date.fromisoformat(day(p)).weekday() for p in posts)
    print("weekday:      " + " ".join(f"{n} {wd[i]}" for i, n in enumerate("Mon Tue Wed Thu Fri Sat Sun".split())))

    print("\nbusiest days per beat:")
    for b in BEATS:
        c = collections.Counter(day(p) for p in posts if b in p["tags"])
        print(f"  {b:15} " + ", ".join(f"{d} ({n})" for d, n in c.most_common(4)))

    print("\nevents (posts in the beat within the window starting on the date):")
    for date, beat, window, minimum, label in EVENTS:
        d0 = dt.date.fromisoformat(date)
        days = {(d0 + dt.timedelta(i)).isoformat() for i in range(window)}
        n = sum(1 for p in posts if beat in p["tags"] and day(p) in days)
        total = sum(1 for p in posts if beat in p["tags"])
        ok = n >= minimum
        print(f"  {'ok ' if ok else 'LOW'} {date} +{window}d {beat:15} {n:3} of {total:3}  {label}")
        if not ok:
            r.err("events", f"{label}: only {n} {beat} posts in {window} days from {date}, want >= {minimum}")

    # verbatim sentences shared across social accounts
    print("\nsentences posted verbatim by several Bluesky/Mastodon accounts:")
    seen = collections.defaultdict(list)
    for p in posts:
        if p["source"] in ("bluesky", "mastodon"):
            # split at sentence ends followed by a capital, so "U.S. will" stays whole
            for s in re.split(r"(?<=[.!?])\s+(?=[A-Z\"\u201c]|https?://)|\s*\n\n\s*", p["text"]):
                s = s.strip()
                if len(s) >= 60 and not s.startswith("http"):
                    seen[s].append(p)
    shared = {s: ps for s, ps in seen.items() if len({p["author"] for p in ps}) >= 2}
    for s, ps in shared.items():
        print(f"  \"{s}\"")
        for p in ps:
            print(f"      {p['source']}:{p['id']} {p['author']} {p['published_at']}")
    if not shared:
        r.err("cross-posts", "no sentence is shared verbatim by two or more social accounts")

    # coverage of tricky search strings
    print("\nsearch coverage (posts containing):")
    probes = ["open weights", "open-weights", "open source", "fine-tuning", "quantized", "licence",
              "license", "Apache 2.0", "llama.cpp", "r/LocalLLaMA", "export controls", "C++",
              "O'Brien", "don't", "state-of-the-art", "70B", "4-bit", "$2.3 billion", "2,047",
              "https://", "🚀", "🤖", "🇪🇺", "Zürich", "café", "naïve"]
    row = []
    for q in probes:
        n = sum(1 for p in posts if q.lower() in (p.get("title", "") + "\n" + p["text"]).lower())
        row.append(f"{q!r} {n}")
        if n == 0:
            r.err("coverage", f"no post contains {q!r}")
    for i in range(0, len(row), 6):
        print("  " + ", ".join(row[i:i + 6]))
    deleted = sum(1 for p in posts if p["author"] == "[deleted]")
    cjk = sum(1 for p in posts if re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", p["text"]))
    print(f"  [deleted] authors {deleted}, posts with CJK text {cjk}")
    if deleted == 0:
        r.err("coverage", "no reddit post by [deleted]")
    if cjk < 2:
        r.err("coverage", "fewer than 2 posts in CJK")

    for w in r.warnings[:20]:
        print("warning:", w)
    if r.errors:
        print(f"\n{len(r.errors)} error(s):")
        for e in r.errors[:200]:
            print("  " + e)
        return 1
    print("\nOK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
