import BeatCore
import BeatShell
import BeatTestSupport
import Foundation
import Testing

/// The command table is the one declaration of every command: usage, help, completion, the
/// README and the executable's rules come from it, and disagree nowhere.
@Suite struct CommandTableTests {
    static let readmePath = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("README.md").path

    @Test func readmeReferenceIsWrittenFromTheTable() throws {
        let readme = try String(contentsOfFile: Self.readmePath, encoding: .utf8)
        let updated = try #require(CommandReference.updating(readme), "README.md lacks the command reference markers")
        if Golden.recordingRequested {
            try updated.write(toFile: Self.readmePath, atomically: true, encoding: .utf8)
            Issue.record("rewrote the command reference in README.md; review it and run again without BEAT_RECORD_GOLDEN")
            return
        }
        #expect(
            updated == readme, Comment(rawValue: "README.md's command reference differs from the table:\n" + Golden.diff(readme, updated)))
    }

    @Test(arguments: CommandTable.all.map(\.name)) func usageNamesEveryOption(_ name: String) throws {
        let command = try #require(CommandTable.find(name))
        for option in command.options {
            #expect(command.usage.contains("[\(option.synopsis)]"), "usage of \(name) lacks \(option.name)")
            #expect(!option.help.isEmpty, "\(name) \(option.name) has no help")
        }
        // Every --word the usage or examples mention is declared.
        let declared = Set((command.options + GlobalOptions.all).map(\.name))
        for text in [command.usage] + command.examples {
            for word in text.split(separator: " ") where word.hasPrefix("--") && word.count > 2 {
                let flag = String(word.prefix { $0 != "=" })
                #expect(declared.contains(flag), "\(name): '\(text)' mentions \(flag), which it does not declare")
            }
        }
    }

    @Test(arguments: CommandTable.all.map(\.name)) func helpShowsUsageAndEveryOption(_ name: String) throws {
        let session = Session(
            databasePath: "/nonexistent/corpus.db", usesDefaultDatabase: false, environment: [:],
            output: OutputChannel.memory(), errors: OutputChannel.memory(), isInteractive: false)
        _ = try CommandTable.run(words: ["help", name], in: session)
        let text = session.output.collected
        let command = try #require(CommandTable.find(name))
        #expect(text.hasPrefix(command.usage + "\n"))
        for option in command.options { #expect(text.contains("  " + option.synopsis), "help \(name) lacks \(option.name)") }
        #expect(text.contains("--format"), "help \(name) does not name the global options")
    }

    @Test(arguments: CommandTable.all.map(\.name)) func completionOffersEveryOption(_ name: String) throws {
        let command = try #require(CommandTable.find(name))
        let completer = Completer(source: nil, currentDirectory: "/")
        let offered = completer.complete("\(name) --").candidates
        for option in command.options + GlobalOptions.all {
            #expect(offered.contains(option.name), "\(name) -- does not complete \(option.name)")
        }
        for option in command.options {
            guard case .choice(let values) = option.value else { continue }
            #expect(completer.complete("\(name) \(option.name) ").candidates == values.sorted(), "\(name) \(option.name) values")
        }
    }

    @Test func runCompletesItsOptions() {
        let completer = Completer(source: nil, currentDirectory: "/")
        #expect(completer.complete("run weekly.beat --p").candidates == ["--param"])
        #expect(completer.complete("run weekly.beat --k").candidates == ["--keep-going"])
        #expect(completer.complete("import --ba").candidates == ["--batch-size"])
        #expect(completer.complete("--format j").candidates == ["json", "jsonl"])
        #expect(completer.complete("--format json cou").candidates == ["count"])
    }

    @Test func htmlAndTheDemoFollowTheTable() {
        #expect(OutputFormat.htmlCommands == CommandTable.all.filter(\.writesHTML).map(\.name))
        #expect(OutputFormat.htmlCommands == ["summary"])
        let noDemo = CommandTable.all.filter { !$0.mayLoadDemo }.map(\.name)
        #expect(Set(noDemo) == ["import", "help", "quit", "clear", "doctor"])
    }
}
