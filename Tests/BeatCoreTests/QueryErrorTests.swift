import BeatCore
import Testing

@Suite struct QueryErrorTests {
    private func error(_ text: String) -> QueryError? {
        do {
            _ = try QueryCompiler.compile(text, context: QueryDemo.context)
            return nil
        } catch {
            return error
        }
    }

    @Test func unknownFilterSuggestsTheClosestKey() throws {
        let marked = QueryMarkedText("1️⃣auther:2️⃣alice")
        let found = try #require(error(marked.text))
        #expect(
            found
                == QueryError(
                    message: "unknown filter 'auther:'", column: marked.column, length: marked.length ?? 0,
                    hint: "did you mean 'author:'?"))
        #expect(
            found.rendered(query: marked.text) == """
                error: unknown filter 'auther:'
                auther:alice
                ^~~~~~~
                hint: did you mean 'author:'?
                """)
    }

    @Test func caretStaysUnderThePartAfterWideCharacters() throws {
        // CJK characters and emoji take two terminal cells each.
        let marked = QueryMarkedText("数据 🎉 1️⃣sorce:2️⃣reddit")
        let found = try #require(error(marked.text))
        #expect(found.column == marked.column)
        #expect(
            found.rendered(query: marked.text) == """
                error: unknown filter 'sorce:'
                数据 🎉 sorce:reddit
                        ^~~~~~
                hint: did you mean 'source:'?
                """)
    }

    @Test func controlCharactersAreShownAsPictures() throws {
        let text = "a\u{1}b\tc since:2026-13-01"
        let found = try #require(error(text))
        #expect(found.column == 13)
        #expect(found.length == 10)
        #expect(
            found.rendered(query: text) == """
                error: not a date: '2026-13-01'
                a␁b␉c since:2026-13-01
                            ^~~~~~~~~~
                hint: use a day 2026-04-18, a month 2026-04, a year 2026, today, yesterday, or a span back from now: 24h, 7d, 2w, 3m (months), 1y
                """)
    }

    @Test func withoutAHintTheRenderingIsThreeLines() throws {
        let found = try #require(error("llama ()"))
        #expect(found.hint == nil)
        #expect(
            found.rendered(query: "llama ()") == """
                error: nothing inside the parentheses
                llama ()
                      ^~
                """)
    }

    @Test func aMissingRightSideIsMarkedOnItsOperator() throws {
        let found = try #require(error("open weights OR"))
        #expect(
            found.rendered(query: "open weights OR") == """
                error: OR needs a word or phrase on its right
                open weights OR
                             ^~
                hint: write a OR b; to search for the word itself, write it in lowercase: or
                """)
    }

    @Test func renderingClampsAPartPastTheEnd() {
        let error = QueryError(message: "the query ends too early", column: 4, length: 1)
        #expect(error.rendered(query: "abc") == "error: the query ends too early\nabc\n   ^")
    }
}
