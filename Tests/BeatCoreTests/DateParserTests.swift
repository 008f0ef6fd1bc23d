import BeatCore
import Testing

@Suite struct DateParserTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let text: String
        let seconds: Int64?
        var testDescription: String { text }
    }

    // Expected values computed independently with Python's datetime and email.utils.
    static let cases: [Case] = [
        Case(text: "1323370000.0", seconds: 1_323_370_000),
        Case(text: "1665929544", seconds: 1_665_929_544),
        Case(text: "1725911162329", seconds: 1_725_911_162),
        Case(text: "1725911162329308", seconds: 1_725_911_162),
        Case(text: "2017-11-04T18:01:37.000Z", seconds: 1_509_818_497),
        Case(text: "2024-02-22T19:58:13.903293+00:00", seconds: 1_708_631_893),
        Case(text: "2023-07-21T01:33:51.481951", seconds: 1_689_903_231),
        Case(text: "2008-05-07T15:02:34-07:00", seconds: 1_210_197_754),
        Case(text: "2026-04-18", seconds: 1_776_470_400),
        Case(text: "2026-04-18 09:30", seconds: 1_776_504_600),
        Case(text: "Sat, 07 Sep 2002 00:00:01 GMT", seconds: 1_031_356_801),
        Case(text: "Wed, 02 Oct 2002 08:00:00 EST", seconds: 1_033_563_600),
        Case(text: "Mon, 12 Nov 2012 10:45:00 +0600", seconds: 1_352_695_500),
        Case(text: "Tue, 10 Jun 2003 04:00:00 -0000", seconds: 1_055_217_600),
        Case(text: "5/28/2016 19:51", seconds: 1_464_465_060),
        Case(text: "9/25/2016 2:30 PM", seconds: 1_474_813_800),
        Case(text: "yesterday", seconds: nil),
        Case(text: "2026-13-01", seconds: nil),
        Case(text: "2026-02-30T00:00:00Z", seconds: nil),
    ]

    @Test(arguments: cases) func normalisesToUTCSeconds(_ c: Case) {
        #expect(DateParser.seconds(from: c.text) == c.seconds)
    }

    @Test func explicitPatternReadsOtherForms() {
        #expect(DateParser.seconds(from: "18.04.2026 09:30", pattern: "%d.%m.%Y %H:%M") == 1_776_504_600)
        #expect(DateParser.seconds(from: "18 Apr 2026, 9:30 AM +0200", pattern: "%d %b %Y, %H:%M %p %z") == 1_776_497_400)
        #expect(DateParser.seconds(from: "18.04.2026", pattern: "%Y-%m-%d") == nil)
    }

    @Test func formatsBackAsISO8601() {
        #expect(CivilTime.iso8601(1_776_504_600) == "2026-04-18T09:30:00Z")
        #expect(CivilTime.iso8601(-1) == "1969-12-31T23:59:59Z")
    }
}
