#!/usr/bin/env python3
"""Regenerate the importer test fixtures from the shared real-data corpus.

    python3 scripts/extract-fixtures.py            # (re)write Tests/BeatCoreTests/Fixtures/...
    python3 scripts/extract-fixtures.py --check    # regenerate into a temp dir, compare byte-for-byte
    python3 scripts/extract-fixtures.py --out DIR  # write somewhere else

Sources: <repo>/../shared/corpus (override with --corpus) and, for beat/posts.jsonl,
<repo>/../shared/bench/gen_corpus.py.  Standard library + PyYAML only.

Rules followed (see Tests/BeatCoreTests/Fixtures/PROVENANCE.md):
  * Payloads wrapped in HTTP recordings (Betamax JSON, vcrpy / R vcr / Ruby VCR YAML) are
    written out as the recorded body string, unchanged.
  * When a payload is too large, whole records are removed by *splicing the original text*:
    the kept records (and everything around them) are byte-identical to the source; only the
    removed elements and the separator that preceded them disappear.  Nothing is re-serialised,
    so escapes such as Reddit's \\u003C or Mastodon's \\u003c survive untouched.
  * Hand-written fixtures are listed in HAND_WRITTEN and are never touched by this script.
"""

import argparse
import base64
import csv
import filecmp
import io
import json
import os
import random
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus"
DEFAULT_BENCH = REPO.parent / "shared" / "bench"
DEFAULT_OUT = REPO / "Tests" / "BeatCoreTests" / "Fixtures"

# Written by hand (documented in PROVENANCE.md); never generated or compared here.
HAND_WRITTEN = [
    "news/article.md",
    "news/article.txt",
    "bluesky/jetstream.jsonl",
    "bad/invalid_utf8.jsonl",
    "bad/mixed_good_bad.jsonl",
]

# --------------------------------------------------------------------------------------------
# Wrappers


def _yaml_loader():
    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class Loader(base):  # noqa: D401 - local subclass so the global loader is not modified
        pass

    # Ruby VCR stores non-ASCII bodies as `string: !binary |-` + base64 (encoding: ASCII-8BIT).
    def binary(loader, node):
        return base64.b64decode(loader.construct_scalar(node))

    Loader.add_constructor("!binary", binary)
    Loader.add_constructor("tag:yaml.org,2002:binary", binary)
    return Loader


YAML_LOADER = _yaml_loader()


def betamax_bodies(path):
    """Betamax cassette -> list of (request uri, response body string)."""
    with open(path, encoding="utf-8") as f:
        cassette = json.load(f)
    return [(i["request"]["uri"], i["response"]["body"]["string"]) for i in cassette["interactions"]]


def yaml_bodies(path):
    """vcrpy / R vcr / Ruby VCR cassette -> list of (request uri, body as str or bytes)."""
    with open(path, "rb") as f:
        cassette = yaml.load(f, Loader=YAML_LOADER)
    inter = cassette.get("interactions") or cassette.get("http_interactions")
    return [(i["request"]["uri"], i["response"]["body"]["string"]) for i in inter]


# --------------------------------------------------------------------------------------------
# Splicing whole JSON records out of the original text

_DEC = json.JSONDecoder()
_WS = " \t\n\r"


def _skip_ws(s, i):
    while i < len(s) and s[i] in _WS:
        i += 1
    return i


def _value_end(s, i):
    return _DEC.raw_decode(s, i)[1]


def _members(s, i):
    """Object starting at s[i] == '{' -> [(key, member_start, value_start, value_end)]."""
    assert s[i] == "{", s[i : i + 20]
    out = []
    i = _skip_ws(s, i + 1)
    if s[i] == "}":
        return out
    while True:
        kstart = i
        key, i = _DEC.raw_decode(s, i)
        i = _skip_ws(s, i)
        assert s[i] == ":"
        vstart = _skip_ws(s, i + 1)
        vend = _value_end(s, vstart)
        out.append((key, kstart, vstart, vend))
        i = _skip_ws(s, vend)
        if s[i] == "}":
            return out
        assert s[i] == ","
        i = _skip_ws(s, i + 1)


def _elements(s, i):
    """Array starting at s[i] == '[' -> [(start, end)] of its elements."""
    assert s[i] == "[", s[i : i + 20]
    out = []
    i = _skip_ws(s, i + 1)
    if s[i] == "]":
        return out
    while True:
        end = _value_end(s, i)
        out.append((i, end))
        i = _skip_ws(s, end)
        if s[i] == "]":
            return out
        assert s[i] == ","
        i = _skip_ws(s, i + 1)


def locate(s, path):
    """Start index of the value at `path` (keys and list indices) in the JSON text s."""
    i = _skip_ws(s, 0)
    for step in path:
        if isinstance(step, int):
            i = _elements(s, i)[step][0]
        else:
            matches = [m for m in _members(s, i) if m[0] == step]
            assert len(matches) == 1, (step, len(matches))
            i = matches[0][2]
    return i


def keep_elements(s, path, keep):
    """Remove every element of the array at `path` whose index is not in `keep`."""
    start = locate(s, path)
    els = _elements(s, start)
    keep = sorted(set(keep))
    assert keep and keep[-1] < len(els), (keep, len(els))
    seps = {s[els[k][1] : els[k + 1][0]] for k in range(len(els) - 1)}
    assert len(seps) == 1, f"non-uniform separators {seps!r}"
    sep = seps.pop()
    body = sep.join(s[els[k][0] : els[k][1]] for k in keep)
    return s[: els[0][0]] + body + s[els[-1][1] :]


def remove_member(s, path, key):
    """Remove the member `key` (and one adjacent separator) from the object at `path`."""
    start = locate(s, path)
    mem = _members(s, start)
    idx = [n for n, m in enumerate(mem) if m[0] == key]
    assert len(idx) == 1
    n = idx[0]
    if n > 0:  # drop from the end of the previous value up to the end of this one
        return s[: mem[n - 1][3]] + s[mem[n][3] :]
    if len(mem) > 1:  # first member: drop up to the start of the next key
        return s[: mem[0][1]] + s[mem[1][1] :]
    return s[: mem[0][1]] + s[_skip_ws(s, mem[0][3]) :]


# --------------------------------------------------------------------------------------------
# Line / CSV helpers working on original bytes


def split_lines_keepends(b):
    """Split bytes on b'\\n' only (never on U+2028/U+2029 or \\r), keeping the terminators."""
    parts = b.split(b"\n")
    lines = [p + b"\n" for p in parts[:-1]]
    if parts[-1]:
        lines.append(parts[-1])
    return lines


def csv_head(b, n_records):
    """Header + first n_records CSV records, cut at a record boundary, original bytes."""
    lines = split_lines_keepends(b)
    pos = 0
    consumed = iter(lines)

    def feed():
        nonlocal pos
        for line in consumed:
            pos += len(line)
            yield line.decode("utf-8")

    reader = csv.reader(feed())
    for _ in range(n_records + 1):  # header + records
        next(reader)
    return b[:pos]


# --------------------------------------------------------------------------------------------
# Fixture builders: each returns bytes


class Ctx:
    def __init__(self, corpus, bench):
        self.corpus = Path(corpus)
        self.bench = Path(bench)

    def path(self, rel):
        return self.corpus / rel

    def read(self, rel):
        return self.path(rel).read_bytes()


def utf8(s):
    return s.encode("utf-8")


def check_json(s):
    json.loads(s)
    return s


# ---- Reddit --------------------------------------------------------------------------------

PRAW = "reddit/praw_cassettes/"


def reddit_listing_t3(c):
    # GET /top?t=all&limit=100 (interaction 1): keep the first 19 of 100 t3 children.
    _, body = betamax_bodies(c.path(PRAW + "TestFront.test_top.json"))[1]
    return utf8(check_json(keep_elements(body, ["data", "children"], range(19))))


# Top-level comment subtrees of /comments/3hahrw kept in comments_tree.json (original indices in
# the second Listing's children; index 137 is the trailing top-level `more` stub).
COMMENTS_TREE_KEEP = [6, 7, 8, 11, 15, 30, 115, 137]


def reddit_comments_tree(c):
    _, body = betamax_bodies(c.path(PRAW + "TestMore.test_comments__continue_thread_type.json"))[2]
    return utf8(check_json(keep_elements(body, [1, "data", "children"], COMMENTS_TREE_KEEP)))


def reddit_morechildren(c):
    _, body = betamax_bodies(c.path(PRAW + "TestCommentForest.test_replace__all_large.json"))[39]
    return utf8(check_json(body))


def reddit_pushshift_comments(c):
    return c.read("reddit/pushshift/Pushshift-Importer_test_comments.json")


def reddit_pushshift_submissions(c):
    return c.read("reddit/pushshift/Pushshift-Importer_test_submissions.json")


def reddit_subreddit_top(c):
    return csv_head(c.read("reddit/reddit-top-2.5-million/LifeProTips.csv"), 40)


# ---- Hacker News ---------------------------------------------------------------------------

HN_VCR = "hackernews/firebase_vcr/Get_10_top_stories_with_user_data.yml"


def _hn_item_bodies(c):
    out = []
    for uri, body in yaml_bodies(c.path(HN_VCR)):
        if "/v0/item/" not in uri:
            continue
        text = body.decode("utf-8") if isinstance(body, bytes) else body
        assert json.loads(text)["type"] in ("story", "comment", "job", "poll", "pollopt")
        out.append((uri, text))
    return out


HN_SINGLE_ITEM = "https://hacker-news.firebaseio.com/v0/item/9632852.json?print=pretty"


def hn_firebase_item(c):
    # The one body VCR stored as `!binary` base64 (non-ASCII title); decoded, unchanged.
    return utf8(dict(_hn_item_bodies(c))[HN_SINGLE_ITEM])


def hn_firebase_items(c):
    bodies = [b.rstrip("\n") for _, b in _hn_item_bodies(c)]
    return utf8(check_json("[\n" + ",\n".join(bodies) + "\n]\n"))


def hn_firebase_items_ndjson(c):
    lines = []
    for _, body in _hn_item_bodies(c):
        # Bodies are pretty-printed (?print=pretty); fold each onto one line by joining its lines
        # with one space after stripping indentation.  Values are untouched (JSON strings cannot
        # contain raw newlines, so every line break is structural whitespace).
        folded = " ".join(line.strip() for line in body.strip("\n").split("\n"))
        assert json.loads(folded) == json.loads(body)
        lines.append(folded + "\n")
    return utf8("".join(lines))


def hn_typesense(c):
    return b"".join(split_lines_keepends(c.read("hackernews/typesense/hn-comments-1000-sample.jsonl"))[:60])


def hn_algolia(c):
    s = c.read("hackernews/algolia/hn-demo-app_mock.json").decode("utf-8")
    return utf8(check_json(keep_elements(s, ["hits"], range(16))))


def hn_dataquest(c):
    return csv_head(c.read("hackernews/dataquest_posts/hacker_news.csv"), 60)


# ---- Bluesky -------------------------------------------------------------------------------

ATPD = "bluesky/atproto_dart/"
# getTimeline feed items kept in author_feed.json (original indices, order preserved).
AUTHOR_FEED_KEEP = [0, 10, 15, 20, 92, 116, 177, 188]
# Number of ancestors (thread.parent chain) kept in post_thread.json (source has 53 + a blockedPost).
POST_THREAD_ANCESTORS = 16


def bsky_author_feed(c):
    s = c.read(ATPD + "getTimeline.json").decode("utf-8")
    return utf8(check_json(keep_elements(s, ["feed"], AUTHOR_FEED_KEEP)))


def bsky_post_thread(c):
    s = c.read(ATPD + "getPostThread.json").decode("utf-8")
    path = ["thread"] + ["parent"] * POST_THREAD_ANCESTORS
    return utf8(check_json(remove_member(s, path, "parent")))


def bsky_search_posts(c):
    return c.read(ATPD + "searchPosts.json")


def bsky_list_records(c):
    return c.read(ATPD + "listRecords.json")


# ---- Mastodon ------------------------------------------------------------------------------

RTOOT = "mastodon/rtoot/"
# Descendants of /statuses/109294719267373593/context kept in context.json (original indices;
# the set is closed under in_reply_to_id, so every kept reply's parent is kept or is the root).
CONTEXT_KEEP = [0, 1, 2, 3, 4, 11, 13, 23, 24, 25, 26, 27, 28, 29, 53, 92]


def masto_statuses(c):
    _, body = yaml_bodies(c.path(RTOOT + "get_account_statuses_limit.yml"))[0]
    return utf8(check_json(keep_elements(body, [], range(10))))


def masto_status(c):
    _, body = yaml_bodies(c.path("mastodon/mastodon_py/test_entity_status.yaml"))[0]
    return utf8(check_json(body))


def masto_statuses_ndjson(c):
    lines = split_lines_keepends(c.read(RTOOT + "mastodonsocial.json"))
    return b"".join(lines[20:31])  # lines 21..31 (1-based)


def masto_context(c):
    _, body = yaml_bodies(c.path(RTOOT + "get_context_default.yml"))[0]
    out = keep_elements(body, ["descendants"], CONTEXT_KEEP)
    d = json.loads(out)
    ids = {x["id"] for x in d["descendants"]} | {"109294719267373593"}
    assert all(x["in_reply_to_id"] in ids for x in d["descendants"])
    return utf8(out)


def masto_malformed(c):
    lines = split_lines_keepends(c.read(RTOOT + "malformed.json"))
    return b"".join(lines[44:50])  # lines 45..50 (1-based); line 50 is the truncated fragment


# ---- News ----------------------------------------------------------------------------------

FJ = "news/feeds/feedjira/"
NF = "news/feeds/node-feedparser/"


def copier(rel):
    return lambda c: c.read(rel)


# ---- Beat / bad ----------------------------------------------------------------------------


def beat_posts(c):
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "posts.jsonl"
        subprocess.run(
            [sys.executable, str(c.bench / "gen_corpus.py"), "--count", "10", "--seed", "7",
             "--out", str(out), "--quiet"],
            check=True,
        )
        return out.read_bytes()


TRUNCATE_AT = 4096


def bad_truncated(c):
    # r/all/new page 2 (4 submissions, 8,320 chars, ASCII) cut after byte 4096: mid-record.
    _, body = betamax_bodies(c.path("reddit/praw_cassettes/TestSubredditStreams.test_submissions.json"))[2]
    b = body.encode("utf-8")
    assert b.isascii()
    return b[:TRUNCATE_AT]


def bad_binary(c):
    return random.Random(1).randbytes(512)


def bad_empty(c):
    return b""


FIXTURES = {
    "reddit/listing_t3.json": reddit_listing_t3,
    "reddit/comments_tree.json": reddit_comments_tree,
    "reddit/morechildren.json": reddit_morechildren,
    "reddit/pushshift_comments.ndjson": reddit_pushshift_comments,
    "reddit/pushshift_submissions.ndjson": reddit_pushshift_submissions,
    "reddit/subreddit_top.csv": reddit_subreddit_top,
    "hackernews/firebase_items.json": hn_firebase_items,
    "hackernews/firebase_item.json": hn_firebase_item,
    "hackernews/firebase_items.ndjson": hn_firebase_items_ndjson,
    "hackernews/typesense_comments.jsonl": hn_typesense,
    "hackernews/algolia_search.json": hn_algolia,
    "hackernews/dataquest_posts.csv": hn_dataquest,
    "bluesky/author_feed.json": bsky_author_feed,
    "bluesky/post_thread.json": bsky_post_thread,
    "bluesky/search_posts.json": bsky_search_posts,
    "bluesky/list_records.json": bsky_list_records,
    "mastodon/statuses.json": masto_statuses,
    "mastodon/status.json": masto_status,
    "mastodon/statuses.ndjson": masto_statuses_ndjson,
    "mastodon/context.json": masto_context,
    "mastodon/malformed.ndjson": masto_malformed,
    "news/rss2.xml": copier(FJ + "TenderLovemaking.xml"),
    "news/atom.xml": copier(FJ + "SamRuby.xml"),
    "news/rss1_rdf.xml": copier(FJ + "HREFConsideredHarmful.xml"),
    "news/iconv_cp1251.xml": copier(NF + "iconv.xml"),
    "news/illegally_nested.xml": copier(NF + "illegally-nested.xml"),
    "news/no_declaration.xml": copier(NF + "rss2sample.xml"),
    "news/json_feed.json": copier(FJ + "json_feed.json"),
    "beat/posts.jsonl": beat_posts,
    "bad/truncated.json": bad_truncated,
    "bad/binary.bin": bad_binary,
    "bad/empty.json": bad_empty,
}


def generate(ctx, out_dir, only=None):
    out_dir = Path(out_dir)
    written = []
    for rel, fn in FIXTURES.items():
        if only and rel not in only:
            continue
        data = fn(ctx)
        assert len(data) <= 200_000, (rel, len(data))
        dest = out_dir / rel
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_bytes(data)
        written.append((rel, len(data)))
    return written


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default=str(DEFAULT_CORPUS))
    ap.add_argument("--bench", default=str(DEFAULT_BENCH), help="folder holding gen_corpus.py")
    ap.add_argument("--out", default=str(DEFAULT_OUT))
    ap.add_argument("--check", action="store_true",
                    help="regenerate into a temp dir and compare with --out byte-for-byte")
    ap.add_argument("only", nargs="*", help="fixture paths to (re)generate; default all")
    args = ap.parse_args(argv)
    ctx = Ctx(args.corpus, args.bench)
    unknown = [o for o in args.only if o not in FIXTURES]
    if unknown:
        ap.error(f"unknown fixture(s): {unknown}")

    if not args.check:
        for rel, n in generate(ctx, args.out, args.only):
            print(f"{n:>8}  {rel}")
        print(f"(hand-written, not generated: {', '.join(HAND_WRITTEN)})")
        return 0

    bad = 0
    with tempfile.TemporaryDirectory() as tmp:
        for rel, n in generate(ctx, tmp, args.only):
            mine = Path(args.out) / rel
            same = mine.exists() and filecmp.cmp(mine, Path(tmp) / rel, shallow=False)
            bad += not same
            print(f"{'ok  ' if same else 'DIFF'} {n:>8}  {rel}")
    for rel in HAND_WRITTEN:
        print(f"skip {'present' if (Path(args.out) / rel).exists() else 'MISSING':>8}  {rel} (hand-written)")
    print("all generated fixtures identical" if not bad else f"{bad} fixture(s) differ")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
