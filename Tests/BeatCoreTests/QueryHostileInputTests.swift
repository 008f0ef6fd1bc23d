import BeatCore
import BeatSQLite
import BeatTestSupport
import Testing

/// Text with a 1️⃣ where a part starts and an optional 2️⃣ where it ends,
/// read into the text without the markers and the part's column and length.
struct QueryMarkedText: Sendable {
    let text: String
    let column: Int
    let length: Int?

    init(_ marked: String) {
        var text = ""
        var column = 0
        var end: Int?
        var count = 0
        var rest = Substring(marked)
        while let first = rest.first {
            if rest.hasPrefix("1️⃣") {
                column = count + 1
                rest = rest.dropFirst("1️⃣".count)
            } else if rest.hasPrefix("2️⃣") {
                end = count + 1
                rest = rest.dropFirst("2️⃣".count)
            } else {
                text.append(first)
                count += 1
                rest = rest.dropFirst()
            }
        }
        self.text = text
        self.column = column
        self.length = end.map { $0 - column }
    }
}

/// A hostile input and what must become of it: a match expression, or an error at a marked place.
struct QueryHostileCase: CustomTestStringConvertible, Sendable {
    enum Outcome: Sendable {
        case compiles(match: String?)
        case fails(message: String)
    }

    let marked: QueryMarkedText
    let outcome: Outcome
    var testDescription: String { marked.text.debugDescription }

    static func compiles(_ text: String, _ match: String?) -> QueryHostileCase {
        QueryHostileCase(marked: QueryMarkedText(text), outcome: .compiles(match: match))
    }

    static func fails(_ marked: String, _ message: String) -> QueryHostileCase {
        QueryHostileCase(marked: QueryMarkedText(marked), outcome: .fails(message: message))
    }
}

@Suite struct QueryHostileInputTests {
    static let cases: [QueryHostileCase] = [
        // Operators alone or missing a side.
        .fails("1️⃣AND2️⃣", "AND needs a word or phrase on its left"),
        .fails("a 1️⃣AND2️⃣", "AND needs a word or phrase on its right"),
        .fails("1️⃣OR2️⃣ OR", "OR needs a word or phrase on its left"),
        .fails("a 1️⃣OR2️⃣ OR b", "OR needs a word or phrase on its right"),
        .fails("a 1️⃣OR2️⃣", "OR needs a word or phrase on its right"),
        .fails("1️⃣NOT2️⃣", "NOT needs a word or phrase after it"),
        .fails("1️⃣NEAR2️⃣", "NEAR needs a word or phrase on its left"),
        .fails("a 1️⃣NEAR2️⃣", "NEAR needs a word or phrase on its right"),
        .fails("a 1️⃣NEAR/x2️⃣ b", "NEAR/ needs a distance in words"),
        .fails("1️⃣NEAR(a)2️⃣", "NEAR( needs at least two words or phrases"),
        .fails("NEAR(a b, 1️⃣x2️⃣)", "NEAR( needs a distance in words after the comma"),
        .fails("1️⃣NEAR(2️⃣a b", "unbalanced parenthesis: this NEAR( is never closed"),
        .fails("1️⃣(a OR b)2️⃣ NEAR c", "NEAR joins words or phrases, not groups or filters"),
        .fails("a NEAR 1️⃣🎉2️⃣", "nothing searchable in '🎉'"),
        // Quotes and parentheses.
        .fails("1️⃣\"2️⃣", "unbalanced quote: this phrase is never closed"),
        .fails("llama 1️⃣\"2️⃣open weights", "unbalanced quote: this phrase is never closed"),
        .fails("title:1️⃣\"2️⃣open", "unbalanced quote: this phrase is never closed"),
        .fails("1️⃣(2️⃣", "unbalanced parenthesis: this ( is never closed"),
        .fails("a1️⃣)2️⃣", "unbalanced parenthesis: this ) has no matching ("),
        .fails(":1️⃣)2️⃣", "unbalanced parenthesis: this ) has no matching ("),
        .fails("1️⃣()2️⃣", "nothing inside the parentheses"),
        // Nothing the index can find.
        .fails("1️⃣*2️⃣", "nothing searchable in '*'"),
        .fails("1️⃣-2️⃣", "nothing searchable in '-'"),
        .fails("1️⃣—2️⃣", "nothing searchable in '—'"),
        .fails("1️⃣🎉2️⃣", "nothing searchable in '🎉'"),
        .fails("1️⃣🎉🎉 —2️⃣ source:reddit", "nothing searchable in '🎉🎉 —'"),
        .fails("1️⃣\u{7}2️⃣", "nothing searchable in '\u{7}'"),
        .fails("1️⃣\" \"2️⃣", "nothing searchable in '\" \"'"),
        .fails("a OR 1️⃣🎉2️⃣", "nothing searchable in '🎉'"),
        // Exclusions that exclude from nothing.
        .fails("1️⃣-a2️⃣ OR b", "an exclusion needs something to exclude from here"),
        .fails("NOT 1️⃣NOT a2️⃣", "a double negation"),
        // Filters.
        .fails("1️⃣auther:2️⃣alice", "unknown filter 'auther:'"),
        .fails("1️⃣re:2️⃣invent", "unknown filter 're:'"),
        .fails("source:1️⃣redit2️⃣", "unknown source 'redit'"),
        .fails("source:reddit,1️⃣twitter2️⃣", "unknown source 'twitter'"),
        .fails("1️⃣source:2️⃣", "source: needs a value"),
        .fails("1️⃣in:2️⃣ llama", "in: needs a value"),
        .fails("source:reddit1️⃣,2️⃣", "empty value after ','"),
        .fails("source:1️⃣\"\"2️⃣", "source: has an empty value"),
        .fails("(a 1️⃣source:reddit2️⃣)", "filters apply to the whole query, not inside parentheses, OR or NEAR"),
        .fails("a OR 1️⃣source:reddit2️⃣", "filters apply to the whole query, not inside parentheses, OR or NEAR"),
        .fails("title:1️⃣(2️⃣a OR b)", "title: takes words, not a group"),
        .fails("since:1️⃣2026-+5-012️⃣", "not a date: '2026-+5-01'"),
        .fails("NEAR(a b, 5 1️⃣,2️⃣ 6)", "expected ) after the distance of NEAR("),
        .fails("since:1️⃣2026-13-012️⃣", "not a date: '2026-13-01'"),
        .fails("until:1️⃣2026-02-302️⃣", "not a date: '2026-02-30'"),
        .fails("since:1️⃣yesterdayish2️⃣", "not a date: 'yesterdayish'"),
        .fails("since:1️⃣26-04-012️⃣", "not a date: '26-04-01'"),
        .fails("on:1️⃣7d2️⃣", "on: takes a day, month or year, not a span"),
        .fails("1️⃣since:2026-05-01 until:2026-04-012️⃣", "these dates leave no time that matches all of them"),
        .fails("beat:1️⃣x2️⃣", "no beat named 'x'"),
        // Searchable as they are.
        .compiles("C++", "\"C++\""),
        .compiles("+", "\"+\""),
        .compiles("r/LocalLLaMA", "\"r/LocalLLaMA\""),
        .compiles("don't", "\"don't\""),
        .compiles("https://example.com/path?q=1&x=\"y\"", "\"https://example.com/path?q=1&x=\"\"y\"\"\""),
        .compiles("שלום עולם", "\"שלום\" AND \"עולם\""),
        .compiles("مرحبا", "\"مرحبا\""),
        .compiles("\u{202E}abc", "\"\u{202E}abc\""),
        .compiles("数据中心", "\"数据中心\""),
        .compiles("cafe\u{301}", "\"cafe\u{301}\""),
        .compiles("naïve Zürich", "\"naïve\" AND \"Zürich\""),
        .compiles("a\tb", "\"a\" AND \"b\""),
        .compiles("a\u{0}b", "\"a b\""),
        .compiles("a\u{7}", "\"a \""),
        .compiles("a\u{200B}b", "\"a\u{200B}b\""),
        .compiles("--a", "\"--a\""),
        .compiles("a - b", "\"a\" AND \"b\""),
        .compiles("😀 smile", "\"smile\""),
        .compiles("👍🏽", "\"👍🏽\""),
        .compiles("\"OR\" or and", "\"OR\" AND \"or\" AND \"and\""),
        .compiles("(a OR b) c", "(\"a\" OR \"b\") AND \"c\""),
        .compiles("-source:news", nil),
    ]

    @Test(arguments: cases) func hostileInput(_ testCase: QueryHostileCase) throws {
        let text = testCase.marked.text
        switch testCase.outcome {
        case .compiles(let match):
            let query = try QueryCompiler.compile(text, context: QueryDemo.context)
            #expect(query.match == match)
        case .fails(let message):
            do {
                let query = try QueryCompiler.compile(text, context: QueryDemo.context)
                Issue.record("compiled to \(String(describing: query.match)) instead of failing")
            } catch {
                #expect(error.message == message)
                #expect(error.column == testCase.marked.column)
                if let length = testCase.marked.length { #expect(error.length == length) }
            }
        }
    }

    /// What compiles runs: FTS5 accepts every expression, whatever the input.
    @Test func everyCompiledInputRunsOnTheDemoCorpus() throws {
        let corpus = try QueryDemo.corpus()
        for testCase in Self.cases {
            guard case .compiles = testCase.outcome else { continue }
            let query = try QueryCompiler.compile(testCase.marked.text, context: QueryDemo.context)
            #expect(throws: Never.self, "\(testCase.testDescription)") { try QueryDemo.rows(query.countSQL(), in: corpus) }
        }
        // And finds what it should: the tricky words of the demo corpus.
        for (text, atLeast) in [("C++", 2), ("r/LocalLLaMA", 3), ("don't", 10), ("cafe\u{301}", 1), ("naïve", 1), ("Zürich", 1)] {
            let query = try QueryCompiler.compile(text, context: QueryDemo.context)
            let count = try QueryDemo.rows(query.countSQL(), in: corpus).first?.first?.int64Value ?? 0
            #expect(count >= atLeast, "\(text)")
        }
    }

    /// A lone character compiles exactly when SQLite's tokenizer finds a token
    /// in it: checked for every code point of the BMP and a sample of the others.
    @Test func searchableCharactersAreTheTokenizersOwn() throws {
        let database = try Connection(path: ":memory:")
        try database.execute(
            """
            CREATE VIRTUAL TABLE t USING fts5(x, tokenize="unicode61 remove_diacritics 2 tokenchars '+'");
            CREATE VIRTUAL TABLE v USING fts5vocab(t, 'instance');
            """)
        let syntax: Set<Character> = ["\"", "“", "„", "(", ")"]
        var probes: [Unicode.Scalar] = []
        for value in Array(UInt32(1)...0xFFFF) + Array(stride(from: UInt32(0x10000), through: 0x10FFFF, by: 7)) {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let character = Character(scalar)
            if character.isWhitespace || syntax.contains(character) { continue }
            probes.append(scalar)
        }
        try database.transaction {
            let insert = try database.makeStatement("INSERT INTO t(rowid, x) VALUES (?, ?)")
            for scalar in probes { try insert.execute([.integer(Int64(scalar.value)), .text(String(scalar))]) }
        }
        var tokenized = Set<UInt32>()
        try database.forEachRow("SELECT DISTINCT doc FROM v") { tokenized.insert(UInt32($0.int64(0))) }
        var disagreements: [UInt32] = []
        for scalar in probes {
            let compiles = (try? QueryCompiler.compile(String(scalar), context: QueryDemo.context)) != nil
            if compiles != tokenized.contains(scalar.value) { disagreements.append(scalar.value) }
        }
        // SQLite 3.40's tables differ from Unicode 6.1 for these few (Mongolian, New Tai Lue, Vedic signs).
        let known = Set<UInt32>([0x1885, 0x1886, 0x1CF2, 0x1CF3] + Array(0x19B0...0x19C0) + [0x19C8, 0x19C9])
        #expect(Set(disagreements).isSubset(of: known), "\(disagreements.map { String($0, radix: 16) })")
        #expect(probes.count > 200_000)
    }
}
