#!/usr/bin/env python3
"""Write the sentiment accuracy fixtures: human-rated sets and the reference scores.

    pip install vaderSentiment==3.3.2
    python3 scripts/sentiment-reference.py            # (re)write Tests/BeatCoreTests/Fixtures/sentiment/
    python3 scripts/sentiment-reference.py --check    # recompute and compare with the committed files

For each set in SETS it copies `<set>_GroundTruth.txt` byte for byte from
<repo>/../shared/corpus/vader/ (override with --corpus) and writes `<set>_reference.tsv`:
one line per sentence, `id<TAB>compound`, the compound score of the published reference
implementation (the `vaderSentiment` package) for the same text the tests read (the line's
third field, without its CR). The score is written unrounded (`repr` of the float):
`polarity_scores` rounds its result to 4 decimals, so the script calls it with the module's
`round` replaced by the identity, which changes nothing else in the computation.

It first checks that the package's lexicons are the ones Beat bundles
(Sources/BeatCore/Resources/sentiment/), line endings aside, so the reference scores come from
the same valences as Beat's. Exit status: 0 written or matching, 1 a mismatch, 2 a setup error.
"""

import argparse
import os
import sys
import tempfile

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_CORPUS = os.path.normpath(os.path.join(REPO, "..", "shared", "corpus", "vader"))
FIXTURES = os.path.join(REPO, "Tests", "BeatCoreTests", "Fixtures", "sentiment")
BUNDLED = os.path.join(REPO, "Sources", "BeatCore", "Resources", "sentiment")
LEXICONS = ["vader_lexicon.txt", "emoji_utf8_lexicon.txt"]
SETS = ["tweets", "nytEditorialSnippets"]
PACKAGE_VERSION = "3.3.2"


def ground_truth_rows(raw):
    """(id, mean, text) for each line of a *_GroundTruth.txt file, as the Swift test reads it."""
    text = raw.decode("utf-8")
    if text.startswith("\ufeff"):
        text = text[1:]
    rows = []
    for line in text.split("\n"):
        if line.endswith("\r"):
            line = line[:-1]
        if not line:
            continue
        ident, mean, sentence = line.split("\t", 2)
        rows.append((ident, float(mean), sentence))
    return rows


def unrounded_analyzer():
    try:
        from vaderSentiment import vaderSentiment as module
    except ImportError:
        sys.exit(f"error: the vaderSentiment package is not installed\nhint: pip install vaderSentiment=={PACKAGE_VERSION}")
    module.round = lambda value, digits=None: value
    return module, module.SentimentIntensityAnalyzer()


def check_lexicons(module):
    package_dir = os.path.dirname(os.path.abspath(module.__file__))
    for name in LEXICONS:
        with open(os.path.join(package_dir, name), "rb") as f:
            theirs = f.read().replace(b"\r\n", b"\n")
        with open(os.path.join(BUNDLED, name), "rb") as f:
            ours = f.read().replace(b"\r\n", b"\n")
        if theirs.rstrip(b"\n") != ours.rstrip(b"\n"):
            sys.exit(f"error: {name} of the vaderSentiment package differs from {os.path.join(BUNDLED, name)}")


def write_set(name, corpus, out, analyzer):
    with open(os.path.join(corpus, f"{name}_GroundTruth.txt"), "rb") as f:
        raw = f.read()
    with open(os.path.join(out, f"{name}_GroundTruth.txt"), "wb") as f:
        f.write(raw)
    lines = [f"{ident}\t{analyzer.polarity_scores(sentence)['compound']!r}\n"
             for ident, _, sentence in ground_truth_rows(raw)]
    with open(os.path.join(out, f"{name}_reference.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.writelines(lines)
    return len(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=DEFAULT_CORPUS, help="folder of the VADER ground-truth files")
    parser.add_argument("--check", action="store_true", help="compare with the committed fixtures instead of writing")
    args = parser.parse_args()
    if not os.path.isdir(args.corpus):
        print(f"error: {args.corpus} not found\nhint: pass --corpus DIR", file=sys.stderr)
        return 2
    module, analyzer = unrounded_analyzer()
    check_lexicons(module)
    out = tempfile.mkdtemp() if args.check else FIXTURES
    os.makedirs(out, exist_ok=True)
    status = 0
    for name in SETS:
        count = write_set(name, args.corpus, out, analyzer)
        if args.check:
            for suffix in ("_GroundTruth.txt", "_reference.tsv"):
                with open(os.path.join(out, name + suffix), "rb") as a, open(os.path.join(FIXTURES, name + suffix), "rb") as b:
                    if a.read() != b.read():
                        print(f"MISMATCH {name}{suffix}")
                        status = 1
        print(f"{name}: {count} sentences")
    return status


if __name__ == "__main__":
    sys.exit(main())
