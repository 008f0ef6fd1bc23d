import BeatCore
import BeatShell
import BeatTestSupport
import Testing

/// `html` is a format of `summary` alone: every other command that writes results refuses it
/// with a usage error naming the commands that write it, before running its query.
@Suite struct HTMLFormatTests {
    let corpus: TemporaryCorpus
    let session: Session

    init() throws {
        corpus = try TemporaryCorpus()
        session = Session(
            databasePath: corpus.directory + "/corpus.db", usesDefaultDatabase: false, environment: [:],
            output: OutputChannel.memory(), errors: OutputChannel.memory(), isInteractive: false)
    }

    static let resultCommands = [
        ["search", "aurora"], ["count", "aurora"], ["count", "aurora", "--by", "source"], ["quotes", "aurora"],
        ["show", "reddit:1"], ["sources"], ["authors"], ["more"], ["beats"], ["beat", "show", "aurora"], ["check", "story.md"],
    ]

    @Test(arguments: resultCommands) func otherCommandsRefuseHTML(_ words: [String]) throws {
        session.format = .html
        let error = try #require(throws: ShellError.self) {
            try CommandTable.run(words: words, in: session)
        }
        guard case .usage(let message, _) = error else { Issue.record("not a usage error: \(error)"); return }
        #expect(message.hasPrefix("\(words[0]) does not write html: only summary does."))
        #expect(message.contains("table, json, jsonl, csv, md"))
    }

    @Test func formatAcceptsHTMLAndShowsIt() throws {
        let output = OutputChannel.memory()
        let session = Session(
            databasePath: corpus.directory + "/corpus.db", usesDefaultDatabase: false, environment: [:],
            output: output, errors: OutputChannel.memory(), isInteractive: false)
        _ = try CommandTable.run(words: ["format", "html"], in: session)
        #expect(session.format == .html)
        _ = try CommandTable.run(words: ["format"], in: session)
        #expect(output.collected == "format html\n")
        // Commands that write no results are unaffected.
        _ = try CommandTable.run(words: ["filter", "source:reddit"], in: session)
        #expect(session.filters == "source:reddit")
    }

    @Test func completionOffersHTML() {
        let opened = corpus.corpus
        let completer = Completer(source: CorpusCompletions { opened }, currentDirectory: corpus.directory)
        #expect(completer.complete("format h").candidates == ["html"])
    }
}
