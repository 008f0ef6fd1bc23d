import BeatCore
import BeatTestSupport
import Testing

/// The spreads written into the demo corpus around the ClearNote story (2026-10-08): a nurse's
/// Mastodon post copied, edited, to Bluesky and Reddit and quoted by a trade publication; STAT's
/// article shared on five platforms under three forms of its address.
@Suite struct DemoSpreadTests {
    static let nurse = "mastodon:117406296468780042"
    static let statLink = "https://www.statnews.com/2026/10/08/clearnote-ai-scribe-patient-audio-retention-hipaa/"

    @Test func theNursesPostIsOneGroupOnFourPlatforms() throws {
        let demo = try SearchDemo.corpus()
        let engine = SearchEngine(corpus: demo.corpus)
        let report = try #require(try engine.spread(of: .post("bluesky:3mxf3734zh2km")))
        #expect(
            report.members.map(\.post.id) == [
                Self.nurse, "bluesky:3mxf3734zh2km", "reddit:oshq2ku",
                "news:ai-and-machine-learning/nurses-say-no-one-told-them-ai-scribes-kept-recordings",
            ])
        #expect(report.origin?.post.author == "tess_rn@mastodon.social")
        #expect(report.platforms.map(\.source) == ["mastodon", "bluesky", "reddit", "news"])
        // The Bluesky copy changed `turned` to `switched` and left out `Charge nurse here.`
        let bluesky = report.members[1]
        #expect(bluesky.removed == ["charge", "nurse", "here", "turned"])
        #expect(bluesky.added == ["switched"])
        // The article holds the post within its own words.
        #expect((report.members[3].containment ?? 0) >= 0.7)
        // A sentence of it finds the same four posts.
        let sentence = try #require(
            try engine.spread(of: .sentence("nobody ever told patients the recordings could sit on a vendor's backup server")))
        #expect(sentence.members.map(\.post.id) == report.members.map(\.post.id))
    }

    @Test func statsArticleIsOneLinkUnderThreeAddresses() throws {
        let demo = try SearchDemo.corpus()
        let engine = SearchEngine(corpus: demo.corpus)
        let canonical = "statnews.com/2026/10/08/clearnote-ai-scribe-patient-audio-retention-hipaa"
        for address in [Self.statLink, "statnews.com/2026/10/08/clearnote-ai-scribe-patient-audio-retention-hipaa/?utm_source=bsky"] {
            let report = try #require(try engine.spread(of: .link(address)))
            #expect(report.canonicalLink == canonical)
            #expect(report.platforms.map(\.source) == ["news", "bluesky", "mastodon", "reddit", "hackernews"])
        }
        let links = try engine.sharedLinks(for: try QueryCompiler.compile("clearnote OR scribe", context: QueryDemo.context), limit: 1)
        #expect(links.first?.url == canonical)
        #expect(links.first?.posts == 5)
        #expect(links.first?.sources.count == 5)
    }
}
