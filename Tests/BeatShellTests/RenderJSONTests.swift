import BeatCore
import BeatShell
import Foundation
import Testing

/// The JSON documents read back by Foundation's parser (types and values) and by Beat's own
/// (key order), checked against the fixtures' values written out by hand.
@Suite struct RenderJSONTests {
    typealias F = RenderFixtures

    func object(_ text: String) throws -> [String: Any] {
        let value = try JSONSerialization.jsonObject(with: Data(text.utf8))
        return try #require(value as? [String: Any])
    }

    func keys(_ text: String) throws -> [String] {
        try #require(try JSONParser.parse(text).object).keys
    }

    static let postKeys = ["id", "source", "venue", "author", "published_at", "title", "url"]

    @Test func countIsOneObjectWithANumber() {
        let text = Render.string { Render.count(1234, query: "x", as: .json, settings: RenderSettings(), to: $0) }
        #expect(text == "{\"count\": 1234, \"filters\": null}\n")
    }

    @Test func searchHasTheDocumentedKeysAndTypes() throws {
        let text = Render.string { Render.search(F.page, as: .json, settings: RenderSettings(), to: $0) }
        #expect(text.hasSuffix("}\n") && text.filter { $0 == "\n" }.count == 1)
        #expect(try keys(text) == ["query", "total", "hits", "filters"])
        let document = try object(text)
        #expect(document["query"] as? String == "\"open weights\" source:reddit,bluesky")
        #expect((document["total"] as? NSNumber)?.intValue == 1234)
        let hits = try #require(document["hits"] as? [[String: Any]])
        #expect(hits.count == 6)
        let firstHit = try #require(try JSONParser.parse(text)["hits"]?.array?.first?.object)
        #expect(firstHit.keys == Self.postKeys + ["snippet", "rank"])
        for hit in hits {
            #expect(Set(hit.keys) == Set(Self.postKeys + ["snippet", "rank"]))
            for key in ["id", "source", "published_at", "snippet"] { #expect(hit[key] is String, "\(key)") }
            for key in ["venue", "author", "title", "url"] { #expect(hit[key] is String || hit[key] is NSNull, "\(key)") }
            #expect(hit["rank"] is NSNumber || hit["rank"] is NSNull)
        }
        #expect(hits[0]["published_at"] as? String == "2026-04-15T09:21:00Z")
        #expect(
            hits[0]["snippet"] as? String
                == "…the new open weights model from the café in Zürich beats naïve baselines; see https://example.org/aurora_70b?x=1&y=2 for the numbers, the prompts and the evaluation harness…"
        )
        #expect((hits[0]["rank"] as? NSNumber)?.doubleValue == -7.25)
        #expect((hits[3]["rank"] as? NSNumber)?.doubleValue == -0.000001)
        #expect(hits[3]["author"] as? String == "Karen Freifeld, \"Reuters\"")
        #expect(hits[2]["title"] is NSNull)
        #expect(hits[5]["rank"] is NSNull && hits[5]["venue"] is NSNull && hits[5]["url"] is NSNull)
        // Escape sequences, bidi overrides and C1 controls survive as data, exactly.
        #expect(hits[4]["author"] as? String == "\u{1B}[2J\u{1B}[Hroot")
        #expect(hits[4]["title"] as? String == "\u{202E}txt.exe\u{202C} \u{9B}31mred")
        #expect(
            hits[4]["snippet"] as? String
                == "\u{1B}[31mred\u{1B}[0m open \u{1B}]8;;http://evil\u{07}click\u{1B}]8;;\u{07} \u{202E}evil\u{2066} \r\n second line\tTab"
        )
    }

    @Test func quotesHaveTheDocumentedKeysAndTypes() throws {
        let text = Render.string { Render.quotes(F.quotes, as: .json, settings: RenderSettings(), to: $0) }
        #expect(try keys(text) == ["quotes", "filters"])
        let first = try #require(try JSONParser.parse(text)["quotes"]?.array?.first?.object)
        #expect(first.keys == ["text", "id", "source", "venue", "author", "published_at", "url", "count"])
        let quotes = try #require(try object(text)["quotes"] as? [[String: Any]])
        #expect(quotes.count == 6)
        #expect(quotes[0]["text"] as? String == F.crossPosted)
        #expect(quotes[0]["id"] as? String == "news:technology/us-tightens-ai-chip-export-controls-2026-01-22")
        #expect(quotes[0]["published_at"] as? String == "2026-01-22T14:05:09Z")
        #expect((quotes[0]["count"] as? NSNumber)?.intValue == 3)
        #expect((quotes[5]["text"] as? String)?.count == 3000)
        #expect(quotes[5]["author"] is NSNull && quotes[5]["venue"] is NSNull && quotes[5]["url"] is NSNull)
    }

    @Test func breakdownSourcesAuthorsAndShow() throws {
        let counts = Render.string { Render.counts(F.sourceBuckets, by: .source, as: .json, settings: RenderSettings(), to: $0) }
        #expect(try keys(counts) == ["by", "buckets", "filters"])
        let buckets = try #require(try object(counts)["buckets"] as? [[String: Any]])
        #expect(buckets.map { $0["key"] as? String } == ["reddit", "hackernews", "bluesky", "mastodon", "news"])
        #expect(buckets.map { ($0["count"] as? NSNumber)?.intValue } == [121, 84, 60, 41, 1])

        let sources = Render.string { Render.sources(F.coverage, as: .json, settings: RenderSettings(), to: $0) }
        let rows = try #require(try object(sources)["sources"] as? [[String: Any]])
        #expect(
            try #require(try JSONParser.parse(sources)["sources"]?.array?.first?.object).keys == [
                "source", "venue", "posts", "first", "last",
            ])
        #expect(rows[0]["first"] as? String == "2025-11-20T00:00:00Z" && rows[0]["last"] as? String == "2026-11-20T23:59:59Z")
        #expect(rows[3]["venue"] is NSNull && (rows[4]["posts"] as? NSNumber)?.intValue == 1_234_567)

        let authors = Render.string { Render.authors(F.authors, as: .json, settings: RenderSettings(), to: $0) }
        let authorRows = try #require(try object(authors)["authors"] as? [[String: Any]])
        #expect(authorRows.map { $0["author"] as? String } == F.authors.map(\.author))
        #expect((authorRows[0]["posts"] as? NSNumber)?.intValue == 12_345)

        let show = Render.string { Render.post(F.detail, as: .json, settings: RenderSettings(), to: $0) }
        #expect(try keys(show) == Self.postKeys + ["text", "score", "lang", "tags", "parent", "thread_root", "replies", "filters"])
        let post = try object(show)
        #expect(post["text"] as? String == F.longText)
        #expect((post["score"] as? NSNumber)?.intValue == 412)
        #expect(post["tags"] as? [String] == ["open-source-ai", "benchmarks"])
        #expect((post["parent"] as? [String: Any])?["id"] as? String == "hackernews:46510410")
        #expect((post["thread_root"] as? [String: Any])?["author"] as? String == "Karen Freifeld, \"Reuters\"")
        #expect(
            (post["replies"] as? [[String: Any]])?.map { $0["id"] as? String } == [
                "bluesky:3m66e256mndz4", "mastodon:115723043026815797", "mastodon:115732752344248424",
            ])
        let bare = try object(Render.string { Render.post(F.bareDetail, as: .json, settings: RenderSettings(), to: $0) })
        #expect(bare["score"] is NSNull && bare["parent"] is NSNull && (bare["replies"] as? [Any])?.isEmpty == true)
    }

    /// jsonl is the json document's list, one element per line.
    @Test(arguments: RenderKind.all) func jsonLinesAreTheElementsOfTheDocument(_ kind: RenderKind) throws {
        // Each document ends with the filters it was made under; a line of jsonl does not carry them.
        var text = kind.text(.json)
        #expect(text.hasSuffix(", \"filters\": null}\n"))
        text = String(text.dropLast(", \"filters\": null}\n".count)) + "}\n"
        let document = try JSONParser.parse(text)
        let lines = kind.text(.jsonl).split(separator: "\n").map { try? JSONParser.parse(String($0)) }
        let listKey = ["hits", "quotes", "buckets", "sources", "authors", "beats"].first { document[$0] != nil }
        let list = listKey.flatMap { document[$0]?.array }
        #expect(listKey != nil || kind.name == "count" || kind.name.hasPrefix("post") || kind.name.hasPrefix("beat-show"))
        #expect(lines == (list ?? [document]).map { Optional($0) })
    }

    /// Terminal-hostile characters are escaped in JSON text, which keeps the same string.
    @Test func hostileCharactersAreEscaped() {
        let text = RenderKind.all[0].text(.json)
        #expect(text.contains(#""author": "\u001b[2J\u001b[Hroot""#))
        #expect(text.contains(#""title": "\u202etxt.exe\u202c \u009b31mred""#))
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        #expect(!text.unicodeScalars.contains { (0x7F...0x9F).contains($0.value) || (0x202A...0x202E).contains($0.value) })
    }
}
