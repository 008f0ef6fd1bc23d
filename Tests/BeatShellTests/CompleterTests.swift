import BeatCore
import BeatShell
import BeatTestSupport
import Foundation
import Testing

/// Tab completion on the demo corpus: what each context offers.
@Suite struct CompleterTests {
    static let demoPath: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/BeatCore/Resources/demo-corpus.jsonl").path

    let corpus: TemporaryCorpus
    let completer: Completer

    init() throws {
        corpus = try TemporaryCorpus()
        _ = try corpus.importFiles([CompleterTests.demoPath])
        let opened = corpus.corpus
        completer = Completer(source: CorpusCompletions { opened }, currentDirectory: corpus.directory)
    }

    private func candidates(_ line: String) -> [String] { completer.complete(line).candidates }

    @Test func commandNamesAtTheStartOfALine() {
        #expect(candidates("").contains("search"))
        #expect(candidates("sea") == ["search"])
        #expect(candidates("se") == ["search", "set"])
        #expect(candidates("so") == ["sources"])
        #expect(Set(candidates("s")) == ["search", "set", "show", "sources", "spread", "summary"])
        #expect(candidates("count reddit; qu") == ["quotes", "quit"].sorted())
        #expect(candidates("help imp") == ["import"])
    }

    @Test func flagsOfTheCurrentCommand() {
        // The command's own options, and the global ones every command takes.
        let globals = GlobalOptions.all.map(\.name)
        #expect(candidates("search sepsis --") == (["--limit", "--sort"] + globals).sorted())
        #expect(candidates("search sepsis --so") == ["--sort"])
        #expect(candidates("count x --") == (["--by", "--limit"] + globals).sorted())
        #expect(candidates("quotes x --l") == ["--limit"])
        #expect(candidates("authors --") == (["--limit"] + globals).sorted())
        #expect(candidates("import --da") == ["--date-format"])
        #expect(candidates("import --d") == ["--date-format", "--db"])
        #expect(candidates("import --s").sorted() == ["--safe", "--source", "--strict"])
    }

    @Test func valuesOfFlagsAndFormat() {
        #expect(candidates("search x --sort ") == ["new", "old", "rank"])
        #expect(candidates("search x --sort n") == ["new"])
        #expect(candidates("count x --by w") == ["week"])
        #expect(candidates("count x --by ").count == 6)
        #expect(candidates("import --as mas") == ["mastodon"])
        #expect(candidates("import --as ").count == ImportFormat.allCases.count)
        #expect(candidates("format j") == ["json", "jsonl"])
        #expect(candidates("format ") == OutputFormat.allCases.map(\.rawValue).sorted())
    }

    @Test func filterKeysInQueryCommands() {
        #expect(candidates("search sepsis ").contains("source:"))
        #expect(candidates("count ").count == 9)
        #expect(candidates("search sepsis s") == ["since:", "source:"])
        #expect(candidates("filter au") == ["author:"])
        #expect(candidates("search i") == ["in:"])
        #expect(candidates("show ").isEmpty)
    }

    @Test func sourceNamesPresentInTheCorpus() {
        #expect(candidates("count source:") == ["source:bluesky", "source:hackernews", "source:mastodon", "source:news", "source:reddit"])
        #expect(candidates("count source:redd") == ["source:reddit"])
        #expect(candidates("count source:web").isEmpty)
    }

    @Test func authorsAndVenuesByPrefixIgnoringCase() {
        #expect(candidates("search author:epi").contains("author:epi_nerd@scholar.social"))
        #expect(candidates("search author:epi_nerd@").contains("author:epi_nerd@scholar.social"))
        #expect(candidates("search author:EPI_NERD@") == ["author:epi_nerd@scholar.social"])
        #expect(candidates("search venue:mach") == ["venue:MachineLearning"])
        #expect(candidates("search in:MECH") == ["in:MechanicalKeyboards"])
        #expect(candidates("search venue:ars") == ["venue:arstechnica.com"])
        #expect(candidates("search venue:zzzz").isEmpty)
        #expect(candidates("import --venue Loc") == ["LocalLLaMA"])
    }

    @Test func valuesWithSpacesAreQuoted() {
        #expect(candidates("search author:Anja") == ["author:\"Anja Keller\""])
        #expect(candidates("search author:\"Anja K") == ["author:\"Anja Keller\""])
        #expect(completer.complete("search author:\"Anja K").word == "author:\"Anja K")
    }

    @Test func filePathsAfterImport() throws {
        try corpus.write("reddit dump.json", "[]")
        try corpus.write("feed.xml", "")
        try FileManager.default.createDirectory(atPath: corpus.directory + "/exports", withIntermediateDirectories: true)
        try corpus.write("exports/one.jsonl", "")
        #expect(candidates("import f") == ["feed.xml"])
        #expect(candidates("import e") == ["exports/"])
        #expect(candidates("import exports/") == ["exports/one.jsonl"])
        #expect(candidates("import red") == ["\"reddit dump.json\""])
        #expect(candidates("import --as feed fe") == ["feed.xml"])
        #expect(candidates("run fe") == ["feed.xml"])
        #expect(candidates("import " + corpus.directory + "/exp") == [corpus.directory + "/exports/"])
        #expect(candidates("import nothing-here").isEmpty)
    }

    @Test func beatNamesAfterBeatFiltersShowRmAndSummary() throws {
        let store = BeatStore(corpus: corpus.corpus)
        for beat in DemoCorpus.beats { try store.add(beat.name, query: beat.query, now: 1_776_729_600) }
        #expect(candidates("count beat:") == ["beat:ai-geopolitics", "beat:ai-healthcare", "beat:open-source-ai"])
        #expect(candidates("search sepsis beat:ai-h") == ["beat:ai-healthcare"])
        #expect(candidates("filter -beat:op") == ["-beat:open-source-ai"])
        #expect(candidates("count -source:redd") == ["-source:reddit"])
        #expect(candidates("count be") == ["beat:"])
        #expect(candidates("beat ") == ["add", "rm", "show"])
        #expect(candidates("beat s") == ["show"])
        #expect(candidates("beat show ") == ["ai-geopolitics", "ai-healthcare", "open-source-ai"])
        #expect(candidates("beat rm open") == ["open-source-ai"])
        #expect(candidates("beat add ").isEmpty)
        #expect(candidates("beat add chips export beat:ai-g") == ["beat:ai-geopolitics"])
        #expect(candidates("beat add chips export --rep") == ["--replace"])
        #expect(candidates("summary ai-") == ["ai-geopolitics", "ai-healthcare"])
        #expect(candidates("summary ").contains("open-source-ai") && candidates("summary ").contains("source:"))
        #expect(candidates("summary ai-healthcare ai-").isEmpty)
        #expect(candidates("beats ").isEmpty)
        #expect(candidates("summary ai-healthcare --v") == ["--vs"])
        #expect(candidates("summary ai-healthcare --vs ") == ["ai-geopolitics", "ai-healthcare", "open-source-ai", "previous"])
        #expect(candidates("summary ai-healthcare --vs pr") == ["previous"])
        #expect(candidates("summary ai-healthcare --format h") == ["html"])
    }

    @Test func commonPrefixOfCandidates() {
        #expect(completer.complete("search sepsis s").commonPrefix == "s")
        #expect(completer.complete("format j").commonPrefix == "json")
        #expect(completer.complete("count source:redd").commonPrefix == "source:reddit")
    }

    @Test func manyPostsByOneAuthorStillGiveTheNextNames() throws {
        for n in 0..<200 {
            try corpus.corpus.connection.run(
                "INSERT INTO posts (source, source_id, author, venue, published_at, import_id, imported_at) SELECT 'web', ?1, 'epi_bulk', 'x', 0, import_id, imported_at FROM posts LIMIT 1",
                [.text("bulk\(n)")])
        }
        let found = candidates("search author:epi")
        #expect(found.contains("author:epi_bulk") && found.contains("author:epistemic_eel"), "\(found)")
        #expect(found.filter { $0 == "author:epi_bulk" }.count == 1)
    }

    /// Prefix lookups must search the NOCASE indexes, never scan the posts.
    @Test func lookupsSearchTheIndexes() throws {
        for (sql, index) in [(SearchEngine.authorSQL, "posts_author"), (SearchEngine.venueSQL, "posts_venue")] {
            let plan = try corpus.rows("EXPLAIN QUERY PLAN " + sql, SearchEngine.nameBounds("epi"))
                .compactMap { $0.last?.stringValue }.joined(separator: "\n")
            #expect(plan.contains("SEARCH posts USING COVERING INDEX \(index)"), "\(plan)")
            #expect(!plan.contains("SCAN posts"), "\(plan)")
            #expect(!plan.contains("TEMP B-TREE"), "\(plan)")
        }
        let plan = try corpus.rows("EXPLAIN QUERY PLAN " + SearchEngine.sourceSQL, [.text("reddit")])
            .compactMap { $0.last?.stringValue }.joined(separator: "\n")
        #expect(plan.contains("SEARCH posts USING COVERING INDEX posts_source_id"), "\(plan)")
    }
}
