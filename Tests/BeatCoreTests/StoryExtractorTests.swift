import BeatCore
import Testing

/// Quotations and attributions read out of small stories written for the test.
/// Each quote is summed up on one line: `line:column kind «text» author= source= venue= date= ref=`.
@Suite struct StoryExtractorTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var story: String
        var format: StoryFormat = .markdown
        var includeShort = false
        var expected: [String]
        var testDescription: String { name }
    }

    static func summary(_ quote: StoryQuote) -> String {
        var line = "\(quote.line):\(quote.column) \(quote.kind.rawValue) «\(quote.text)»"
        if let attribution = quote.attribution {
            if let author = attribution.author { line += " author=\(author)" }
            if let source = attribution.source { line += " source=\(source)" }
            if let venue = attribution.venue { line += " venue=\(venue)" }
            if let date = attribution.date {
                line += " date=\(CivilTime.isoDate(date.start))+\((date.end - date.start) / 86_400)d"
            }
            if let reference = attribution.reference {
                line += " ref=\(reference.marker)(\(reference.url ?? reference.publicID ?? "-"))"
            }
            if attribution.author == nil, attribution.source == nil, attribution.venue == nil, attribution.date == nil,
                attribution.reference == nil
            {
                line += " anonymous"
            }
        }
        return line
    }

    static let quotations: [Case] = [
        Case(
            name: "straight and curly double quotes",
            story:
                "Users were blunt. \"The weights are out and they work,\" said avaer.\nAnother wrote \u{201C}It runs on my laptop at twelve tokens a second\u{201D} and left.",
            format: .text,
            expected: [
                "1:19 doubleQuoted «The weights are out and they work,» author=avaer",
                "2:15 doubleQuoted «It runs on my laptop at twelve tokens a second» anonymous",
            ]),
        Case(
            name: "a quote across a line break inside a paragraph",
            story: "As em-bee wrote, \"the licence is the\nwhole story here\" in the thread.",
            expected: ["1:18 doubleQuoted «the licence is the whole story here» author=em-bee"]),
        Case(
            name: "a quote does not run across paragraphs",
            story: "He said \"this never closes\n\nNew paragraph \"but this one does close\" fine.",
            expected: ["3:15 doubleQuoted «but this one does close»"]),
        Case(
            name: "scare quotes are left out unless asked for",
            story: "These \"open\" models are \"open weights\" at best, \"not open source in any sense\".",
            expected: ["1:49 doubleQuoted «not open source in any sense»"]),
        Case(
            name: "scare quotes with includeShort",
            story: "These \"open\" models are \"open weights\" at best.",
            includeShort: true,
            expected: ["1:7 doubleQuoted «open»", "1:25 doubleQuoted «open weights»"]),
        Case(
            name: "single-quoted passages and apostrophes",
            story: "It's the '90s again: rock 'n' roll, users' posts, and 'nobody reads the licence anyway' as kim put it. Don't.",
            format: .text,
            expected: ["1:55 singleQuoted «nobody reads the licence anyway» author=kim"]),
        Case(
            name: "curly single quotes and a plural possessive inside",
            story: "One poster wrote \u{2018}the maintainers\u{2019} patience ran out last week\u{2019} on r/LocalLLaMA.",
            format: .text,
            expected: ["1:18 singleQuoted «the maintainers\u{2019} patience ran out last week» source=reddit venue=LocalLLaMA"]),
        Case(
            name: "a single-quoted passage ending in s",
            story: "She said 'we are all tired of the benchmarks' and then 'we want real tests' too.",
            format: .text,
            expected: ["1:10 singleQuoted «we are all tired of the benchmarks» anonymous", "1:56 singleQuoted «we want real tests»"]),
        Case(
            name: "nested quotes belong to the outer one",
            story: "\"He told me 'this will never ship on time' and laughed,\" wrote avaer.",
            expected: ["1:1 doubleQuoted «He told me 'this will never ship on time' and laughed,» author=avaer"]),
        Case(
            name: "markdown block quote joined into one quote with a dash line",
            story: "Intro.\n\n> The model is fast\n> and the licence is fine.\n\n\u{2014} avaer, on r/LocalLLaMA\n",
            expected: ["3:1 blockQuote «The model is fast and the licence is fine.» author=avaer source=reddit venue=LocalLLaMA"]),
        Case(
            name: "a dash line inside the block quote",
            story: "> Shipping on Fridays is a lifestyle choice.\n> -- @kim.bsky.social, on Bluesky\n",
            expected: ["1:1 blockQuote «Shipping on Fridays is a lifestyle choice.» author=@kim.bsky.social source=bluesky"]),
        Case(
            name: "a block quote introduced by an anonymous attribution",
            story: "As one observer put it:\n\n> Nobody audits the training data, and everybody knows it.\n",
            expected: ["3:1 blockQuote «Nobody audits the training data, and everybody knows it.» anonymous"]),
        Case(
            name: "quotes in code spans, code blocks, image alt text and link titles are not quotations",
            story:
                "Run `echo \"hello there my friend\"` first.\n\n```\nprint(\"not a quote at all here\")\n```\n\n![\"a picture of the thing\"](x.png) and [a link](http://x.test \"a title in quotes here\").\n\nBut \"this one is a real quote\" said kim.",
            expected: ["9:5 doubleQuoted «this one is a real quote» author=kim"]),
        Case(
            name: "markdown emphasis and links inside a quote are text",
            story: "\"The **new** [model](https://example.test) is *fast*,\" wrote avaer.",
            expected: ["1:1 doubleQuoted «The new model is fast,» author=avaer"]),
        Case(
            name: "an unbalanced quote and a quote running to the end of the file",
            story: "He said \"this is fine and then\n\nAnother \u{201C}never closes either",
            expected: []),
        Case(name: "an empty story", story: "", expected: []),
        Case(
            name: "CRLF line endings and a BOM-free start",
            story: "First line.\r\n\"A quote on the second line here,\" said avaer.\r\n",
            format: .text,
            expected: ["2:1 doubleQuoted «A quote on the second line here,» author=avaer"]),
        Case(
            name: "columns count characters, not bytes",
            story: "Café ☕️ — \"ça marche très bien ici\" wrote zoé.",
            format: .text,
            expected: ["1:10 doubleQuoted «ça marche très bien ici» author=zoé"]),
    ]

    static let attributions: [Case] = [
        Case(
            name: "NAME said before the quote",
            story: "Jane Doe said: \"we will publish the weights next month.\"",
            expected: ["1:16 doubleQuoted «we will publish the weights next month.» author=Jane Doe"]),
        Case(
            name: "according to NAME",
            story: "According to em-bee, \"the eval set leaked into training.\"",
            expected: ["1:22 doubleQuoted «the eval set leaked into training.» author=em-bee"]),
        Case(
            name: "wrote NAME on a subreddit, with a date",
            story: "\"Quantised to four bits it still beats the old one,\" wrote avaer on r/LocalLLaMA on March 3, 2026.",
            expected: [
                "1:1 doubleQuoted «Quantised to four bits it still beats the old one,» author=avaer source=reddit venue=LocalLLaMA date=2026-03-03+1d"
            ]),
        Case(
            name: "NAME wrote after the quote",
            story: "\"The benchmark is saturated,\" em-bee wrote on Hacker News.",
            expected: ["1:1 doubleQuoted «The benchmark is saturated,» author=em-bee source=hackernews"]),
        Case(
            name: "one commenter wrote: no author, a source",
            story: "On Hacker News, one commenter wrote: \"this is the third outage this month.\"",
            expected: ["1:38 doubleQuoted «this is the third outage this month.» source=hackernews"]),
        Case(
            name: "Hacker News commenters, no author",
            story: "Hacker News commenters said \"the pricing page changed overnight\" in 2026-04.",
            expected: ["1:29 doubleQuoted «the pricing page changed overnight» source=hackernews date=2026-04-01+30d"]),
        Case(
            name: "a Bluesky post",
            story: "A Bluesky post on 3 March 2026 read \"we are moving the whole lab to open weights\".",
            expected: ["1:37 doubleQuoted «we are moving the whole lab to open weights» source=bluesky date=2026-03-03+1d"]),
        Case(
            name: "a Mastodon instance",
            story: "\"Federation makes moderation harder, not easier,\" wrote kim on mastodon.social in April 2026.",
            expected: [
                "1:1 doubleQuoted «Federation makes moderation harder, not easier,» author=kim source=mastodon venue=mastodon.social date=2026-04-01+30d"
            ]),
        Case(
            name: "a news outlet",
            story: "\"The regulator has not decided anything yet,\" a spokesperson told The Register.",
            expected: ["1:1 doubleQuoted «The regulator has not decided anything yet,» source=news venue=The Register"]),
        Case(
            name: "a pronoun is not a name",
            story: "\"I would not run this in production,\" he said.",
            expected: ["1:1 doubleQuoted «I would not run this in production,» anonymous"]),
        Case(
            name: "an ISO date and a dash after the quote",
            story: "\"The API keys were in the repo for a week.\" \u{2014} avaer, 2026-03-03",
            expected: ["1:1 doubleQuoted «The API keys were in the repo for a week.» author=avaer date=2026-03-03+1d"]),
        Case(
            name: "a new sentence after a quote is not its attribution",
            story: "\"It is fast.\" The model was released by Acme Labs on r/MachineLearning.",
            expected: ["1:1 doubleQuoted «It is fast.»"]),
        Case(
            name: "a date without a year is not guessed",
            story: "\"We shipped the fix this morning,\" said avaer on March 3.",
            expected: ["1:1 doubleQuoted «We shipped the fix this morning,» author=avaer"]),
    ]

    static let footnotes: [Case] = [
        Case(
            name: "numbered markers and a reference list of urls",
            story:
                "\"The weights are out and they work.\"[1] Then \"nobody reads the model card anyway\"[2].\n\n## References\n\n1. https://www.reddit.com/r/LocalLLaMA/comments/1h3kx9a/\n2. Hacker News, hackernews:40123456\n",
            expected: [
                "1:1 doubleQuoted «The weights are out and they work.» ref=1(https://www.reddit.com/r/LocalLLaMA/comments/1h3kx9a/)",
                "1:46 doubleQuoted «nobody reads the model card anyway» ref=2(hackernews:40123456)",
            ]),
        Case(
            name: "Markdown footnotes",
            story:
                "\"It failed every safety eval we tried,\" said kim.[^1]\n\n[^1]: Bluesky post, https://bsky.app/profile/kim.bsky.social/post/3k\n",
            expected: [
                "1:1 doubleQuoted «It failed every safety eval we tried,» author=kim ref=1(https://bsky.app/profile/kim.bsky.social/post/3k)"
            ]),
        Case(
            name: "superscript markers and a trailing numbered list",
            story:
                "\u{201C}The migration took eleven hours in total\u{201D}\u{00B9} according to the team.\n\n1. mastodon:109876 on hachyderm.io\n",
            format: .text,
            expected: ["1:1 doubleQuoted «The migration took eleven hours in total» ref=\u{00B9}(mastodon:109876)"]),
        Case(
            name: "a numbered list without sources is not a reference list",
            story: "\"We will keep both versions for a year.\"[1]\n\n1. First point.\n2. Second point.\n",
            expected: ["1:1 doubleQuoted «We will keep both versions for a year.»"]),
    ]

    static let html: [Case] = [
        Case(
            name: "HTML paragraphs, entities and source positions",
            story:
                "<html><body>\n<p>Users said &ldquo;the update broke every plugin I use&rdquo; on r/ObsidianMD.</p>\n<p title=\"&quot;a title not a quote at all&quot;\">Then <code>\"code is not a quote here\"</code>.</p>\n</body></html>",
            format: .html,
            expected: ["2:15 doubleQuoted «the update broke every plugin I use» source=reddit venue=ObsidianMD"]),
        Case(
            name: "HTML blockquote with a footer, and a pre block",
            story:
                "<p>Intro.</p>\n<blockquote>\n  <p>Open weights are not open source.</p>\n  <p>They never were.</p>\n  <footer>\u{2014} em-bee, on Hacker News</footer>\n</blockquote>\n<pre>\"not a quote in here either\"</pre>",
            format: .html,
            expected: ["2:1 blockQuote «Open weights are not open source. They never were.» author=em-bee source=hackernews"]),
        Case(
            name: "HTML q element, sup markers and an ol of references",
            story:
                "<p>A post said <q>the eval numbers do not add up at all</q><sup><a href=\"#r1\">1</a></sup>.</p>\n<h2>Sources</h2>\n<ol><li><a href=\"https://news.ycombinator.com/item?id=40123456\">HN thread</a></li></ol>",
            format: .html,
            expected: ["1:16 doubleQuoted «the eval numbers do not add up at all» ref=1(https://news.ycombinator.com/item?id=40123456)"]),
    ]

    @Test(arguments: quotations + attributions + footnotes + html)
    func extracts(_ example: Case) {
        let quotes = StoryExtractor.quotes(in: example.story, format: example.format, includeShort: example.includeShort)
        #expect(quotes.map(Self.summary) == example.expected)
    }
}
