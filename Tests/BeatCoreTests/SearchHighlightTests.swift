import BeatCore
import BeatSQLite
import BeatTestSupport
import Foundation
import Testing

/// Highlighted text from FTS5's `highlight()` and `snippet()` markers (U+0002 … U+0003).
@Suite struct SearchHighlightTests {
    @Test func markersBecomeSegments() {
        let text = SearchEngine.highlighted("Open \u{2}weights\u{3} at \u{2}last\u{3}.")
        #expect(
            text.segments == [
                .init(text: "Open ", isMatch: false), .init(text: "weights", isMatch: true),
                .init(text: " at ", isMatch: false), .init(text: "last", isMatch: true), .init(text: ".", isMatch: false),
            ])
        #expect(text.plain == "Open weights at last.")
        #expect(text.marked == "Open \u{2}weights\u{3} at \u{2}last\u{3}.")

        #expect(SearchEngine.highlighted("").segments.isEmpty)
        #expect(SearchEngine.highlighted("no match").segments == [.init(text: "no match", isMatch: false)])
        #expect(SearchEngine.highlighted("\u{2}café\u{3}").segments == [.init(text: "café", isMatch: true)])
        // Empty matches vanish, adjacent ones merge, an unclosed one runs to the end, a stray close is dropped.
        #expect(SearchEngine.highlighted("a\u{2}\u{3}b").segments == [.init(text: "ab", isMatch: false)])
        #expect(SearchEngine.highlighted("\u{2}C++\u{3}\u{2} rocks\u{3}").segments == [.init(text: "C++ rocks", isMatch: true)])
        #expect(
            SearchEngine.highlighted("x \u{2}open").segments == [.init(text: "x ", isMatch: false), .init(text: "open", isMatch: true)])
        #expect(SearchEngine.highlighted("x\u{3} y").segments == [.init(text: "x y", isMatch: false)])
        #expect(SearchEngine.highlighted("🤖 \u{2}日本語\u{3}…").plain == "🤖 日本語…")
    }

    /// Real highlight() and snippet() output on the demo corpus: the plain
    /// text is the stored text, the matches are the query's words, and the
    /// segments give back the marked text.
    @Test func roundTripsFTS5Output() throws {
        let demo = try SearchDemo.corpus()
        let queries: [(match: String, words: Set<String>)] = [
            ("licences", ["licences"]), ("\"open weights\"", ["open weights", "open-weights"]), ("cafe", ["café"]),
            ("\"C++\"", ["c++"]), ("zurich", ["zürich"]),
        ]
        for (match, words) in queries {
            let rows = try demo.rows(
                """
                SELECT highlight(posts_fts, 1, char(2), char(3)), p.text, snippet(posts_fts, 1, char(2), char(3), '…', 12)
                FROM posts_fts JOIN posts p ON p.id = posts_fts.rowid WHERE posts_fts MATCH ?
                """, [.text(match)])
            #expect(!rows.isEmpty, "\(match)")
            var matched = 0
            for row in rows {
                let marked = row[0].stringValue ?? ""
                let text = SearchEngine.highlighted(marked)
                #expect(text.plain == row[1].stringValue)
                #expect(text.marked == marked)
                for segment in text.segments where segment.isMatch {
                    #expect(words.contains(segment.text.lowercased()), "\(match): \(segment.text)")
                    matched += 1
                }
                let snippet = SearchEngine.highlighted(row[2].stringValue ?? "")
                #expect(snippet.marked == row[2].stringValue)
                #expect(!snippet.plain.contains("\u{2}") && !snippet.plain.contains("\u{3}"))
            }
            #expect(matched > 0, "\(match)")
        }
    }
}
