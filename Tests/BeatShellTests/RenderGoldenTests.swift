import BeatCore
import BeatShell
import BeatTestSupport
import Testing

/// One result kind, rendered by the public API.
struct RenderKind: CustomTestStringConvertible, Sendable {
    let name: String
    let render: @Sendable (OutputFormat, RenderSettings, (String) -> Void) -> Void
    var testDescription: String { name }

    func text(_ format: OutputFormat, _ settings: RenderSettings = RenderSettings()) -> String {
        Render.string { render(format, settings, $0) }
    }

    typealias F = RenderFixtures
    static let all: [RenderKind] = [
        RenderKind(name: "search") { Render.search(F.page, as: $0, settings: $1, to: $2) },
        RenderKind(name: "search-later") { Render.search(F.laterPage, as: $0, settings: $1, to: $2) },
        RenderKind(name: "search-empty") { Render.search(F.emptyPage, as: $0, settings: $1, to: $2) },
        RenderKind(name: "count") { Render.count(1234, query: F.page.query, as: $0, settings: $1, to: $2) },
        RenderKind(name: "counts-source") { Render.counts(F.sourceBuckets, by: .source, as: $0, settings: $1, to: $2) },
        RenderKind(name: "counts-author") { Render.counts(F.authorBuckets, by: .author, as: $0, settings: $1, to: $2) },
        RenderKind(name: "quotes") { Render.quotes(F.quotes, as: $0, settings: $1, to: $2) },
        RenderKind(name: "post") { Render.post(F.detail, as: $0, settings: $1, to: $2) },
        RenderKind(name: "post-bare") { Render.post(F.bareDetail, as: $0, settings: $1, to: $2) },
        RenderKind(name: "sources") { Render.sources(F.coverage, as: $0, settings: $1, to: $2) },
        RenderKind(name: "authors") { Render.authors(F.authors, as: $0, settings: $1, to: $2) },
        RenderKind(name: "beats") { Render.beats(F.beatReports, now: F.now, as: $0, settings: $1, to: $2) },
        RenderKind(name: "beats-empty") { Render.beats([], now: F.now, as: $0, settings: $1, to: $2) },
        RenderKind(name: "beat-show") { Render.beat(F.beatReports[0], as: $0, settings: $1, to: $2) },
        RenderKind(name: "beat-show-changed") { Render.beat(F.beatReports[1], as: $0, settings: $1, to: $2) },
    ]
}

extension OutputFormat {
    /// The golden file's extension.
    var fileExtension: String { self == .table ? "table.txt" : rawValue }
}

@Suite struct RenderGoldenTests {
    /// Every result kind in every format, at 80 columns without colour, compared whole.
    @Test(arguments: RenderKind.all) func everyFormatMatchesItsGoldenFile(_ kind: RenderKind) {
        for format in OutputFormat.everyCommandFormats {
            Golden.check(kind.text(format), "\(kind.name).\(format.fileExtension)", directory: goldenDirectory)
        }
    }

    /// Tables at a narrow and a wide terminal.
    @Test(arguments: RenderKind.all) func tablesAt40And120Columns(_ kind: RenderKind) {
        for width in [40, 120] {
            Golden.check(kind.text(.table, RenderSettings(width: width)), "\(kind.name).table-\(width).txt", directory: goldenDirectory)
        }
    }

    @Test func matchesAreBoldOnlyWithColour() {
        let search = RenderKind.all[0]
        let colored = search.text(.table, RenderSettings(color: true))
        Golden.check(colored, "search.table-color.txt", directory: goldenDirectory)
        #expect(colored.contains("\u{1B}[1mopen weights\u{1B}[22m"))
        #expect(!search.text(.table).contains("\u{1B}"))
    }

    @Test func relativeAgesOnlyWithNow() {
        let settings = RenderSettings(now: RenderFixtures.now)
        Golden.check(
            Render.string { Render.sources(RenderFixtures.coverage, as: .table, settings: settings, to: $0) }, "sources.table-now.txt",
            directory: goldenDirectory)
        let post = Render.string { Render.post(RenderFixtures.detail, as: .table, settings: settings, to: $0) }
        // 2026-04-15T09:21:00Z to 2026-11-22T12:00:00Z is 221 days: 7 months of 30 days.
        #expect(post.contains("date    2026-04-15T09:21:00Z (7 months ago)\n"))
    }
}

private let goldenDirectory = Golden.directory(besides: #filePath)
