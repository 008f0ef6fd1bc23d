import BeatCore
import BeatShell
import Testing

@Suite struct DisplayWidthTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let text: String
        let columns: Int
        let why: String
        var testDescription: String { why }
    }

    /// Widths as a terminal following Unicode's East Asian Width and emoji presentation draws them.
    static let cases: [Case] = [
        Case(text: "abc", columns: 3, why: "ASCII"),
        Case(text: "caf\u{E9}", columns: 4, why: "precomposed accent"),
        Case(text: "cafe\u{301}", columns: 4, why: "combining accent takes no column"),
        Case(text: "a\u{301}\u{302}\u{303}", columns: 1, why: "several combining marks"),
        Case(text: "日本語", columns: 6, why: "CJK ideographs are wide"),
        Case(text: "한국어", columns: 6, why: "Hangul syllables are wide"),
        Case(text: "ｱｲｳ", columns: 3, why: "halfwidth katakana is narrow"),
        Case(text: "ＡＢ", columns: 4, why: "fullwidth Latin is wide"),
        Case(text: "。", columns: 2, why: "ideographic full stop"),
        Case(text: "🚀", columns: 2, why: "emoji"),
        Case(text: "👍🏽", columns: 2, why: "emoji with skin tone"),
        Case(text: "🇩🇪", columns: 2, why: "flag"),
        Case(text: "👩‍💻", columns: 2, why: "ZWJ sequence"),
        Case(text: "\u{2764}\u{FE0F}", columns: 2, why: "heart with VS16"),
        Case(text: "\u{2764}", columns: 1, why: "heart in text presentation"),
        Case(text: "a\u{200B}b", columns: 2, why: "zero-width space"),
        Case(text: "", columns: 0, why: "empty"),
    ]

    @Test(arguments: cases) func measuresColumns(_ c: Case) {
        #expect(DisplayWidth.of(c.text) == c.columns)
    }

    @Test func truncatesByColumnsWithAnEllipsis() {
        #expect(DisplayWidth.truncate("abcdef", to: 4) == "abc…")
        #expect(DisplayWidth.truncate("abcd", to: 4) == "abcd")
        #expect(DisplayWidth.truncate("日本語テキスト", to: 7) == "日本語…")
        // A wide character that would straddle the edge is left out, not split.
        #expect(DisplayWidth.truncate("日本語テキスト", to: 6) == "日本…")
        #expect(DisplayWidth.truncate("cafe\u{301} noir", to: 5) == "cafe\u{301}…")
        #expect(DisplayWidth.truncate("👩‍💻👩‍💻👩‍💻", to: 5) == "👩‍💻👩‍💻…")
    }

    @Test func padsToExactColumns() {
        #expect(DisplayWidth.fit("日本", to: 5) == "日本 ")
        #expect(DisplayWidth.fit("42", to: 5, alignRight: true) == "   42")
        #expect(DisplayWidth.fit("abcdefgh", to: 5) == "abcd…")
    }
}
