import BeatCore
import BeatShell
import Testing

/// Stored text is hostile: the formats meant for a terminal or a draft (table, md) must not let a
/// post write an escape sequence, a control character or a bidi override.
@Suite struct HostileTextTests {
    /// Beat's own bold markers are the only escape sequences allowed.
    static func foreignControls(_ text: String) -> [String] {
        let own = text.replacing("\u{1B}[1m", with: "").replacing("\u{1B}[22m", with: "")
        return own.unicodeScalars.compactMap { s in
            let v = s.value
            let bad =
                (v < 0x20 && s != "\n") || (0x7F...0x9F).contains(v) || (0x202A...0x202E).contains(v)
                || (0x2066...0x2069).contains(v)
            return bad ? "U+" + String(v, radix: 16, uppercase: true) : nil
        }
    }

    @Test(arguments: RenderKind.all) func tableAndMarkdownWriteNoControls(_ kind: RenderKind) {
        for format in [OutputFormat.table, .md] {
            for width in [40, 80] {
                for color in [false, true] {
                    let text = kind.text(format, RenderSettings(width: width, color: color))
                    #expect(Self.foreignControls(text) == [], "\(format) \(width) color \(color)")
                }
            }
        }
    }

    @Test func controlsBecomeVisibleStandIns() {
        let hostile = SearchPage(
            query: "a\u{1B}[2Jb", total: 1, offset: 0,
            hits: [
                SearchHit(
                    post: PostSummary(
                        id: "web:1", source: "web", venue: nil, author: "\u{1B}[2J\u{1B}[Hroot\u{7F}", publishedAt: 0,
                        title: "\u{202E}gnp.exe\u{2069}\u{0}", url: nil),
                    snippet: HighlightedText(segments: [.init(text: "x\u{9B}31m\u{07}\u{1B}]0;title\u{07}", isMatch: true)]),
                    rank: nil)
            ])
        let text = Render.string { Render.search(hostile, as: .table, settings: RenderSettings(width: 120, color: true), to: $0) }
        #expect(text.contains("1 of 1 post matching a␛[2Jb\n"))
        #expect(text.contains("␛[2J␛[Hroot␡"))
        #expect(text.contains("<U+202E>gnp.exe<U+2069>␀"))
        #expect(text.contains("\u{1B}[1mx<U+009B>31m␇␛]0;title␇\u{1B}[22m"))
    }

    /// A match segment cut by the snippet's line limit still closes its bold.
    @Test func boldNeverOutlivesItsLine() {
        let long = String(repeating: "match ", count: 100)
        let page = SearchPage(
            query: "match", total: 1, offset: 0,
            hits: [
                SearchHit(post: RenderFixtures.bare, snippet: HighlightedText(segments: [.init(text: long, isMatch: true)]), rank: nil)
            ])
        let text = Render.string { Render.search(page, as: .table, settings: RenderSettings(width: 40, color: true), to: $0) }
        for line in text.split(separator: "\n") where line.contains("\u{1B}[1m") {
            #expect(line.hasSuffix("\u{1B}[22m") || line.hasSuffix("\u{1B}[22m…"), "\(line)")
        }
    }
}
