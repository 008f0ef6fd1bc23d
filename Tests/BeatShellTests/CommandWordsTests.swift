import BeatShell
import Testing

@Suite struct CommandWordsTests {
    @Test func splitsLikeAPOSIXShell() throws {
        #expect(try CommandWords.split(#"import "my file.json" b\ c.json 'it''s'"#) == ["import", "my file.json", "b c.json", "its"])
        #expect(try CommandWords.split(#"search "say \"hi\"""#) == ["search", #"say "hi""#])
        #expect(throws: CommandWords.SplitError(reason: "the \" opened here is not closed", column: 8)) {
            try CommandWords.split(#"search "open weights"#)
        }
    }

    @Test func entriesSplitAtSemicolonsAndNewlinesOutsideQuotes() {
        #expect(CommandWords.splitCommands("count a; count \"b; c\"\nsources;;") == ["count a", " count \"b; c\"", "sources"])
        #expect(CommandWords.splitCommands(#"search a\; b"#) == [#"search a\; b"#])
    }

    @Test func redirectionStartsAtTheFirstUnquotedArrow() throws {
        let (command, target) = try CommandWords.splitRedirection(#"export "a > b" source:reddit >> out.jsonl"#)
        #expect(command == #"export "a > b" source:reddit "#)
        #expect(target?.path == "out.jsonl")
        #expect(target?.append == true)
        #expect(try CommandWords.splitRedirection("count a").1 == nil)
        #expect(throws: CommandWords.SplitError(reason: "'>' needs a file name after it", column: 9)) {
            try CommandWords.splitRedirection("count a >")
        }
    }

    @Test func continuationWhileAQuoteIsOpenOrALineEndsInABackslash() {
        #expect(CommandWords.needsContinuation(#"search "open"#))
        #expect(CommandWords.needsContinuation(#"search open \"#))
        #expect(!CommandWords.needsContinuation(#"search "open weights""#))
    }
}
