import BeatCore
import BeatShell
import Testing

@Suite struct RenderMarkdownTests {
    typealias F = RenderFixtures

    func markdown(_ quotes: [Quote]) -> String {
        Render.string { Render.quotes(quotes, as: .md, settings: RenderSettings(), to: $0) }
    }

    /// The citation an editor pastes: the quote, then who, where, when and a link to the post.
    @Test func aQuoteIsABlockQuoteAndACitation() {
        let quote = Quote(text: "Open weights are here.", post: F.aurora, count: 1, alsoIn: [])
        #expect(
            markdown([quote]) == """
                > "Open weights are here."

                — em-bee, reddit (LocalLLaMA), 2026-04-15, [reddit:1p49idc](https://www.reddit.com/r/LocalLLaMA/comments/1p49idc/)

                """)
    }

    @Test func markupInStoredTextStaysText() {
        let post = PostSummary(
            id: "web:a_b", source: "web", venue: nil, author: "*star*", publishedAt: 0, title: nil,
            url: "https://example.org/a (1)/<x>")
        let text = markdown([Quote(text: "# not a heading\n> not a quote\n<b>bold</b> `code` [x](y) a|b", post: post, count: 1, alsoIn: [])]
        )
        #expect(
            text == """
                > "# not a heading
                > \\> not a quote
                > \\<b>bold\\</b> `code` \\[x\\](y) a\\|b"

                — \\*star\\*, web, 1970-01-01, [web:a\\_b](https://example.org/a%20%281%29/%3Cx%3E)

                """)
    }

    /// A web address and a code span of the stored text are written as they are: a backslash
    /// there would be shown (in a span) or break the link (in an address).
    @Test func urlsAndCodeSpansAreNotEscaped() {
        let post = PostSummary(id: "web:x", source: "web", venue: nil, author: "a", publishedAt: 0, title: nil, url: nil)
        let text = markdown([
            Quote(
                text: "See https://example.org/aurora_70b?x=1&y=*2*, then run `beat --as_json *` with *care*.",
                post: post, count: 1, alsoIn: [])
        ])
        #expect(
            text.hasPrefix(
                """
                > "See https://example.org/aurora_70b?x=1&y=*2*, then run `beat --as_json *` with \\*care\\*."
                """), "\(text)")
    }

    @Test func searchNumbersContinueOnALaterPage() {
        let text = Render.string { Render.search(F.laterPage, as: .md, settings: RenderSettings(), to: $0) }
        #expect(text.hasPrefix("**21-22 of 26 posts** matching `weights`\n\n21. [Aurora-70B"))
        #expect(text.contains("\n\n22. [日本語の大規模言語モデルが公開された](https://news.ycombinator.com/item?id=46510410)"))
        #expect(text.contains("\n\n    …the new **open weights** model"))
    }

    @Test func codeSpansHoldBackticks() {
        let text = Render.string { Render.count(3, query: "a `b` c", as: .md, settings: RenderSettings(), to: $0) }
        #expect(text == "**3 posts** matching ``a `b` c``\n")
    }
}
