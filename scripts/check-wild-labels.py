#!/usr/bin/env python3
"""Writes Tests/BeatCoreTests/Fixtures/check-wild/stories.labels.json from the labels below.

Each label names a quotation by the start of its words (and, where that start is not unique in its
story, by line): the script finds the line, so the stories can be edited without renumbering.
verdict "term" marks a phrase in quotation marks that `check` skips as a term (see QuoteChecker.isTerm).
Standard library only.
"""
import json
import os
import sys

os.chdir(os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "Tests", "BeatCoreTests", "Fixtures",
                      "check-wild"))
V,C,M,N,O="verified","close","misattributed","not_found","outside_coverage"
L = {
"hn-week.md": [
 ("You're confusing how much", V, "verbatim, author and platform"),
 ("do very little, and make", V, "fragment inside a sentence naming the author"),
 ("would be very easy to Amazon", V, "fragment, author set off by commas"),
 ("a legal requirement for their bank and for Visa", C, "a changed word"),
 ("Every startup I've worked at", N, "invented, undated under a dated story"),
 ("quick and dirty", "term", "a term in scare quotes several posts use"),
 ("The vast majority of web apps", V, "verbatim"),
 ("It's not even close.", V, "short quote, exact, same sentence as the last"),
 ("Nowadays, JS is simply", V, "verbatim"),
 ("if it's 85 bytes", C, "a changed number", True),
 ("Most of the JavaScript shipped", N, "invented, author exists"),
 ("A VPN is not a security measure", V, "fragment of a longer comment"),
 ("Not that I can find", V, "reply after the quoted question"),
 ("Having the government in charge", M, "words the post quotes from someone else"),
 ("what a world where someone", V, "lower case verbatim"),
 ("COVID is not likely going", C, "a negation added", True),
 ("this $100 million artwork", C, "a changed number", True),
 ("I wonder if any Stadia tech", V, "verbatim"),
 ("Stadia was killed by the same", N, "invented, author exists"),
 ("Google kills products", O, "a tweet"),
],
"bluesky-early.html": [
 ("i know that bluesky looks", V, "block quote, dash line under it"),
 ("Bluesky is only a demo app", V, "fragment inside a sentence"),
 ("The difficulty with the AT Protocol", V, "block quote cut at a sentence end"),
 ("If you are running an account", V, "verbatim with day"),
 ("alright the mutelists feature", C, "a changed date word", True),
 ("I'm still on warn for everything", V, "straight for curly apostrophe"),
 ("I'm hoping some level of AI", V, "verbatim second sentence"),
 ("I'm hoping no AI integration", N, "invented in the same style"),
 ("bluecheck elon simp", V, "lead names the venue"),
 ("Me, a professional writer", M, "wrong author"),
 ("can produce social media moderation", V, "fragment inside a sentence"),
 ("A number of folks look like", C, "a changed number", True),
 ("I traded three invite codes", N, "invented"),
 ("The beta is small enough", N, "invented, author exists"),
 ("a Twitter where the algorithm", O, "collected platform before its collected dates"),
 ("Bluesky is a group chat", O, "Threads"),
 ("the most interesting social product", O, "LinkedIn"),
 ("Closed betas are where hype", O, "Telegram"),
],
"snowden-reddit.txt": [
 ("Germany to", M, "repost attributed to the reposting subreddit"),
 ("Russian lawmakers say Snowden", V, "heading names the venue"),
 ("Nobel Peace Prize", "term", "a term in scare quotes several posts use", False, 13),
 ("The USA do what they accuse", V, "quoted speaker named, as the post quotes", False, 15),
 ("The USA do what they accuse", M, "a post quoting someone else credited to a poster", False, 17),
 ("Overzealous data collectors", M, "cross-post attributed to the later subreddit"),
 ("New Edward Snowden video interview", V, "origin of a cross-post"),
 ("UN human rights chief says", C, "a negation added", True),
 ("Europe will never forgive", N, "invented, undated"),
 ("Snowden leak: Microsoft added", V, "verbatim with day"),
 ("the Government is stopping us", V, "short quote, exact"),
 ("Yahoo had resisted PRISM", V, "verbatim"),
 ("Plan to defund NSA phone", M, "repost attributed to the reposting subreddit"),
 ("HP Keeps Installing", V, "verbatim, heading names the venue"),
 ("Every router sold in America", N, "invented"),
 ("The cloud is just someone", O, "collected platform outside its collected dates"),
 ("Edward Snowden's Leaks Have Caused", V, "quote holding single quotes"),
 ("Bush-Cheney began illegal NSA", C, "an antonym", True),
 ("NSA Snooping: The War on Terror", C, "a changed word"),
 ("Congress will not touch the NSA", N, "invented, dated"),
 ("Wir sind alle Snowden", O, "Facebook"),
 ("this is not how allies", O, "an outlet the corpus does not collect"),
],
"mastodon-thanksgiving.md": [
 ("The raisin has never made", V, "footnote names the author and url"),
 ("Ours went off the rails", V, "footnote url"),
 ("Advantage of working from home", V, "verbatim"),
 ("I have now called my cat", V, "verbatim"),
 ("God, I wish you weren't", M, "words the post quotes from someone else"),
 ("every portrait I do", M, "wrong author"),
 ("I now have 600 followers", C, "a changed number", True),
 ("twitter put me off", V, "fragment"),
 ("what I am really hankering", V, "hashtag sign dropped"),
 ("historical nomenclature is hard", V, "fragment with the post's typos"),
 ("Grateful for every new follower", O, "undated, platform collected on few of the days before"),
 ("Every instance admin I know", O, "undated, platform collected on few of the days before"),
 ("take me to your Bean", V, "short quote, exact"),
 ("take me to the Bean, please", N, "short quote, not exact, dated on a collected day"),
 ("Thanksgiving on the fediverse", N, "invented, dated on a collected day"),
 ("A Tennessee judicial panel", C, "an antonym", True),
 ("the bird is freed", O, "a tweet"),
 ("federation is a social problem", O, "a newsletter"),
],
"platforms-roundup.md": [
 ("JavaScript fatigue is just", O, "X (formerly Twitter)"),
 ("take-home assignments are", O, "LinkedIn"),
 ("Your VPN is not protecting", O, "YouTube"),
 ("Stadia never had a chance", O, "TikTok"),
 ("Big Tech decides what", O, "Truth Social"),
 ("transformer models memorise", O, "arXiv"),
 ("the chip export rules", O, "Weibo"),
 ("the platforms are tired", O, "a newsletter"),
 ("We are building this for", O, "Threads handle"),
 ("I went with render.com", V, "verbatim"),
 ("An interesting theory, but not", V, "verbatim"),
 ("An interesting theory, and one", C, "a negation dropped", True),
 ("The internet and all related technology is largely funded by advertising", V, "verbatim"),
 ("The internet and all related technology is largely funded by subscriptions", C, "a changed word"),
],
"hn-threads.html": [
 ("I think learning should", M, "words the post quotes from its parent"),
 ("If you want pleasant learning", V, "block quote, dash line"),
 ("Revenue from subscriptions and", M, "words the post quotes from its parent"),
 ("It's not obvious to me", V, "two sentences, punctuation changed at the cut"),
 ("Probably an irrelevance", V, "verbatim"),
 ("We should all be grateful", V, "second quote of the sentence"),
 ("don't make sense", V, "short quote the post itself sets in scare quotes"),
 ("are crucial to food safety", V, "fragment across two sentences"),
 ("Many family farms are incorporated, for numerous good reasons, but", V, "block quote"),
 ("Many family farms are incorporated, for numerous good reasons, and", C, "a negation dropped", True),
 ("Studying art, like studying", V, "block quote with author, platform and day"),
 ("That's an odd take. Studying art is", C, "dropped words without an ellipsis"),
 ("My biggest fear as a developer", V, "verbatim"),
 ("The best code review", N, "invented, author exists"),
 ("Hiring managers read", N, "invented, dated"),
 ("a fully hosted offering", V, "short quote, exact"),
 ("is based on ClickHouse core v22.10", V, "second fragment of the sentence"),
 ("is based on ClickHouse core v21.10", C, "a changed version number", True),
],
"reddit-digest.txt": [
 ("Tesla petitions White House", V, "origin of a cross-post"),
 ("U.S. has been signing agreements", M, "cross-post attributed to the later subreddit"),
 ("NSA Rejecting Every FOIA", V, "origin of a cross-post"),
 ("Wal-Mart says it will pull", M, "cross-post attributed to the later subreddit"),
 ("Petition submitted to the White House", V, "verbatim with day"),
 ("Firefox beats Chrome in Performance for the first time in a few", V, "verbatim"),
 ("Firefox beats Chrome in Performance for the first time in ten", C, "a changed number", True),
 ("Reddit, Mozilla, WordPress", V, "anonymous moderator, venue"),
 ("Pew study: 60%", C, "a changed number", True),
 ("The Reddit sleuths", V, "verbatim"),
 ("Internet Explorer 11 removes", V, "verbatim"),
 ("Chicken chicken chicken", V, "verbatim"),
 ("Every browser vendor now agrees", N, "invented"),
 ("Half of all software patents", N, "invented, dated"),
],
"stale-quotes.md": [
 ("Title companies are like", M, "wrong author"),
 ("The vast majority of web apps", M, "wrong date"),
 ("Nowadays, JS is simply", M, "wrong author in a dash line"),
 ("I wonder if any Stadia", V, "footnote with the post's public id"),
 ("Yup, a VPN is not", M, "footnote names a post that does not hold the words"),
 ("what a world where someone", M, "wrong platform"),
 ("Every laptop ships with", O, "undated, platform not collected before the dateline"),
 ("Nobody reads the terms", O, "undated, platform not collected before the dateline"),
 ("Bluesky is only a demo app", M, "wrong author"),
 ("I predict that a fake", V, "verbatim"),
 ("Snowden leak: Microsoft added", M, "wrong subreddit"),
 ("Russian lawmakers say", V, "verbatim"),
 ("The raisin has never made anyone happy,\" wrote McFlyer", V, "verbatim"),
 ("The raisin has never made anyone happy,\" wrote GreenFire", M, "wrong author"),
 ("Mastodon will be a ghost town", O, "undated, platform not collected before the dateline"),
 ("Threads will eat", O, "Instagram"),
],
}
out=[]
for story, items in L.items():
    lines=open(story, encoding="utf-8").read().split("\n")
    for item in items:
        prefix, verdict, case = item[0], item[1], item[2]
        meaning = item[3] if len(item) > 3 else False
        if len(item) > 4:
            line = item[4]
        else:
            search = prefix.split('"')[0]
            hits=[i+1 for i,l in enumerate(lines) if prefix in l or (search in l and '"' in prefix and prefix.split('"')[-1].strip() in l)]
            if len(hits)!=1: sys.exit(f"{story}: {prefix!r}: {hits}")
            line=hits[0]
        quote = prefix.split('"')[0].rstrip(",")
        entry={"story":story,"line":line,"quote":quote,"verdict":verdict,"case":case}
        if meaning: entry["meaning_changed"]=True
        out.append(entry)
with open("stories.labels.json","w") as f:
    f.write("[\n"+",\n".join("  "+json.dumps(e, ensure_ascii=False) for e in out)+"\n]\n")
from collections import Counter
print(len(out), Counter(e["verdict"] for e in out), sum(1 for e in out if e.get("meaning_changed")))
