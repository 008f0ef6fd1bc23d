import BeatCore
import BeatShell
import Testing

@Suite struct TableWidthTests {
    /// Every line of every table fits the terminal, at widths from narrow to wide, with and
    /// without colour (Beat's own bold sequences take no columns); the one exception is a
    /// line holding one unbreakable word, a post's id or a URL, which is never cut.
    @Test(arguments: RenderKind.all) func everyLineFitsTheWidth(_ kind: RenderKind) {
        for width in [24, 40, 57, 80, 120, 200] {
            for color in [false, true] {
                let text = kind.text(.table, RenderSettings(width: width, color: color, now: RenderFixtures.now))
                #expect(text.hasSuffix("\n"))
                for line in text.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
                    let shown = line.replacing("\u{1B}[1m", with: "").replacing("\u{1B}[22m", with: "")
                    // After the indent (and a hit's number), one word: an id or a URL.
                    let word = shown.drop { $0 == " " || $0.isNumber }.drop { $0 == " " }
                    let isOneWord =
                        !word.contains(" ") && (word.contains(":") || word.hasPrefix("http"))
                        || (shown.split(separator: " ").last?.hasPrefix("http") == true && shown.split(separator: " ").count <= 2)
                    #expect(DisplayWidth.of(String(shown)) <= width || isOneWord, "\(width) columns: \(shown)")
                    #expect(!shown.hasSuffix(" "), "trailing space: \(shown)")
                }
            }
        }
    }

    /// A wider terminal shows more of the cut text, never less.
    @Test func widerTerminalsCutLess() {
        let search = RenderKind.all[0]
        let narrow = search.text(.table, RenderSettings(width: 40))
        let wide = search.text(.table, RenderSettings(width: 120))
        // Ids are never cut: they are pasted into `show`.
        #expect(narrow.contains("news:technology/us-tightens-ai-chip-export-controls-2026-01-22\n"))
        #expect(wide.contains("news:technology/us-tightens-ai-chip-export-controls-2026-01-22\n"))
        #expect(wide.contains("Karen Freifeld, \"Reuters\""))
        // At 40 columns the row of columns does not fit: the id gets its own line, the rest is wrapped under it.
        #expect(narrow.contains("\n1  reddit:1p49idc\n   2026-04-15 · reddit (LocalLLaMA) ·\n   em-bee\n"))
        // At 120 the longest id does not fit beside readable authors: each id has a line of its own.
        #expect(wide.contains("\n1  reddit      LocalLLaMA    em-bee                     2026-04-15\n   reddit:1p49idc\n"))
    }

    /// A URL is never broken across lines, at any width: it goes whole on a line of its own.
    @Test func urlsAreNeverBroken() {
        let long = "https://example.org/" + String(repeating: "Supercalifragilistic", count: 8)
        let expected = ["post": [long, "https://www.reddit.com/r/LocalLLaMA/comments/1p49idc/"], "quotes": [long]]
        for kind in RenderKind.all {
            guard let urls = expected[kind.name] else { continue }
            for width in [24, 40, 57, 80, 120] {
                let text = kind.text(.table, RenderSettings(width: width))
                for url in urls { #expect(text.contains(url), "\(kind.name) at \(width): \(text)") }
            }
        }
    }
}
