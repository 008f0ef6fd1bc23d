import BeatCore
import BeatShell
import Testing

/// CSV read back with a separate RFC 4180 reader and compared with the fixtures' values.
@Suite struct RenderCSVTests {
    typealias F = RenderFixtures

    /// Records of RFC 4180 text; nil when the text is not valid CSV (a quote inside an unquoted
    /// field, text after a closing quote, an unterminated quote, a record not ended by CRLF).
    static func parse(_ text: String) -> [[String]]? {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var scalars = Array(text.unicodeScalars)[...]
        var fieldStarted = false
        while let c = scalars.popFirst() {
            if c == "\"" && !fieldStarted {
                fieldStarted = true
                while true {
                    guard let q = scalars.popFirst() else { return nil }
                    if q == "\"" {
                        if scalars.first == "\"" {
                            scalars.removeFirst()
                            field.unicodeScalars.append("\"")
                        } else {
                            break
                        }
                    } else {
                        field.unicodeScalars.append(q)
                    }
                }
                guard let next = scalars.first, next == "," || next == "\r" else { return nil }
            } else if c == "," {
                record.append(field)
                field = ""
                fieldStarted = false
            } else if c == "\r" {
                guard scalars.popFirst() == "\n" else { return nil }
                record.append(field)
                records.append(record)
                record = []
                field = ""
                fieldStarted = false
            } else {
                if c == "\"" || c == "\n" { return nil }
                fieldStarted = true
                field.unicodeScalars.append(c)
            }
        }
        return record.isEmpty && field.isEmpty ? records : nil
    }

    @Test func searchRoundTrips() throws {
        let text = Render.string { Render.search(F.page, as: .csv, settings: RenderSettings(), to: $0) }
        let records = try #require(Self.parse(text))
        #expect(records.first == ["id", "source", "venue", "author", "published_at", "title", "url", "snippet", "rank"])
        #expect(records.count == F.hits.count + 1)
        #expect(
            records[1] == [
                "reddit:1p49idc", "reddit", "LocalLLaMA", "em-bee", "2026-04-15T09:21:00Z",
                "Aurora-70B is out: café talk in Zürich, naïve benchmarks", "https://www.reddit.com/r/LocalLLaMA/comments/1p49idc/",
                "…the new open weights model from the café in Zürich beats naïve baselines; see https://example.org/aurora_70b?x=1&y=2 for the numbers, the prompts and the evaluation harness…",
                "-7.25",
            ])
        #expect(records[4][3] == "Karen Freifeld, \"Reuters\"")
        #expect(records[4][5] == "U.S. tightens \"AI chip\" export controls, again")
        #expect(records[4][7] == "He said, \"open weights\" matter, 5,000 chips, \"quoted\"")
        // Verbatim, line break and escapes included: CSV is for programs.
        #expect(
            records[5][7]
                == "\u{1B}[31mred\u{1B}[0m open \u{1B}]8;;http://evil\u{07}click\u{1B}]8;;\u{07} \u{202E}evil\u{2066} \r\n second line\tTab"
        )
        #expect(
            records[6] == ["mastodon:115732752344248424", "mastodon", "", "", "2026-04-14T18:02:33Z", "", "", F.longWord + " weights", ""])
    }

    @Test func quotesRoundTrip() throws {
        let text = Render.string { Render.quotes(F.quotes, as: .csv, settings: RenderSettings(), to: $0) }
        let records = try #require(Self.parse(text))
        #expect(records.first == ["text", "id", "source", "venue", "author", "published_at", "url", "count"])
        #expect(records.dropFirst().map { $0[0] } == F.quotes.map(\.text))
        #expect(records.dropFirst().map { $0[7] } == ["3", "1", "1", "1", "1", "2"])
        #expect(records[6][0].count == 3000)
    }

    @Test func aQuoteFollowedByACombiningMarkIsStillDoubled() throws {
        let tricky = "say \"\u{301}hi\", ok"
        let text = Render.string {
            Render.authors([AuthorCount(author: tricky, source: "web", posts: 1)], as: .csv, settings: RenderSettings(), to: $0)
        }
        #expect(try #require(Self.parse(text)) == [["author", "source", "posts"], [tricky, "web", "1"]])
    }

    /// Every kind's CSV is valid RFC 4180 with a header and rows of the header's length.
    @Test(arguments: RenderKind.all) func everyKindIsRectangular(_ kind: RenderKind) throws {
        let records = try #require(Self.parse(kind.text(.csv)))
        let header = try #require(records.first)
        #expect(!header.isEmpty)
        for record in records { #expect(record.count == header.count) }
    }
}
