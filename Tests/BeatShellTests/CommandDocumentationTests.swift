import BeatShell
import Foundation
import Testing

/// Every command is explained by `help` and named in the README.
@Suite struct CommandDocumentationTests {
    @Test(arguments: CommandTable.all.map(\.name)) func documented(_ name: String) throws {
        let command = try #require(CommandTable.find(name))
        #expect(!command.summary.isEmpty)
        #expect(command.usage.hasPrefix(name))
        #expect(!command.examples.isEmpty)
        let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("README.md")
        let text = try String(contentsOf: readme, encoding: .utf8)
        #expect(text.contains("`\(name)"), "README.md does not mention `\(name)`")
    }

    @Test func prefixesResolveOnlyWhenUnique() {
        #expect(CommandTable.find("quo")?.name == "quotes")
        #expect(CommandTable.find("s") == nil)
        #expect(CommandTable.find("search")?.name == "search")
    }
}
