import BeatCore
import Testing

@Suite struct JSONParserTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let input: String
        let reason: String
        let offset: Int
        var testDescription: String { input }
    }

    static let errors: [Case] = [
        Case(input: #"{"a": 1"#, reason: "the JSON text ends inside an object opened at byte 0", offset: 7),
        Case(input: #"{"a" 1}"#, reason: #"expected ':' after the member name "a""#, offset: 5),
        Case(input: #"[1, 2"#, reason: "the JSON text ends inside an array opened at byte 0", offset: 5),
        Case(input: #"{"a": tru}"#, reason: "unexpected character '}'", offset: 9),
        Case(input: #""abc"#, reason: "the JSON text ends inside a string opened at byte 0", offset: 0),
        Case(input: #"{"a": 1} x"#, reason: "unexpected text after the JSON value", offset: 9),
        Case(input: #"{"a": -}"#, reason: "a number needs digits", offset: 6),
        Case(input: #""\q""#, reason: #"unknown escape '\q' in a string"#, offset: 1),
        Case(input: "", reason: "the JSON text ends where a value was expected", offset: 0),
    ]

    @Test(arguments: errors) func reportsWhatAndWhere(_ c: Case) {
        #expect(throws: JSONParseError(reason: c.reason, offset: c.offset)) { try JSONParser.parse(c.input) }
    }

    @Test func keepsNumbersAsWrittenAndDecodesEscapes() throws {
        let value = try JSONParser.parse(#"{"id": 113562093847561234567, "t": "caf\u00e9 \ud83d\ude80 \"q\"\n", "f": 1.5e3}"#)
        #expect(value["id"] == .number("113562093847561234567"))
        #expect(value["t"]?.string == "café 🚀 \"q\"\n")
        #expect(value["f"]?.double == 1500)
        #expect(JSONWriter.serialize(value) == #"{"id":113562093847561234567,"t":"café 🚀 \"q\"\n","f":1.5e3}"#)
    }

    @Test func rejectsInvalidUTF8InsteadOfReplacingIt() {
        var bytes = Array(#"{"t": "ok "#.utf8)
        bytes += [0xFF, 0xFE]
        bytes += Array(#""}"#.utf8)
        #expect(throws: JSONParseError(reason: "invalid UTF-8 in a string", offset: 10)) { try JSONParser.parse(bytes) }
    }

    @Test func loneSurrogatesBecomeReplacementCharacters() throws {
        #expect(try JSONParser.parse(#""\ud800x""#).string == "\u{FFFD}x")
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: JSONParseError.self) { try JSONParser.parse(deep) }
    }
}
