import BeatSQLite
import BeatTestSupport
import Foundation
import Testing

@testable import BeatCore

/// The summary's counting structures answer as the plain ones they replace.
@Suite struct SummaryCountingTests {
    @Test func ascendingMembershipAgreesWithASetInAnyOrder() {
        var generator = SeededGenerator(seed: 7)
        let ids = (0..<5_000).map { _ in Int64.random(in: 0..<20_000, using: &generator) }
        let sorted = Array(Set(ids)).sorted()
        let members = Set(sorted)
        let asked = (0..<20_000).map { Int64($0) }
        var inOrder = AscendingMembership(sorted)
        #expect(asked.map { inOrder.contains($0) } == asked.map { members.contains($0) })
        // Out of order (a posting list is not promised to be ascending): still right.
        let shuffled = asked.shuffled(using: &generator)
        var anyOrder = AscendingMembership(sorted)
        #expect(shuffled.map { anyOrder.contains($0) } == shuffled.map { members.contains($0) })
        var empty = AscendingMembership([])
        #expect(!empty.contains(0) && !empty.contains(.min) && !empty.contains(.max))
    }

    @Test func textNumberingGivesOneNumberPerDistinctText() {
        var numbering = TextNumbering()
        // Enough texts to grow the table several times, with the empty text, non-ASCII
        // text and texts that are prefixes of each other.
        let texts = [""] + (0..<5_000).map { "author\($0)" } + ["author", "autor-ñ", "作者", "author1 "]
        var numbers: [String: Int32] = [:]
        for text in texts + texts.reversed() {
            var bytes = Array(text.utf8)
            let number = bytes.withUnsafeMutableBufferPointer { numbering.number(UnsafeBufferPointer($0)) }
            if let earlier = numbers[text] { #expect(earlier == number, "\(text)") }
            numbers[text] = number
        }
        #expect(Set(numbers.values).count == texts.count)
        #expect(numbering.texts.count == texts.count)
        for (text, number) in numbers { #expect(numbering.texts[Int(number)] == text) }
    }

    @Test(arguments: ["source:reddit", "patients OR recordings", "the", "zzzunmatched"])
    func theFirstVoicesAreTheFirstOfAllVoices(_ text: String) throws {
        let demo = try SearchDemo.corpus()
        let window = SummaryScaleTests.window
        let query = try QueryCompiler.compile(text, context: QueryDemo.context)
        let scan = try SummaryScan(query.combined(with: window.query), on: demo.corpus.connection)
        let all = scan.voices()
        #expect(all.map(\.posts) == all.map(\.posts).sorted(by: >))
        #expect(!all.contains { SummaryScan.placeholderAuthors.contains($0.author) })
        #expect(all.map(\.posts).reduce(0, +) <= scan.posts)
        for limit in 0...(all.count + 1) {
            #expect(scan.voices(limit: limit) == Array(all.prefix(limit)), "\(text) limit \(limit)")
        }
        if text == "patients OR recordings" { #expect(all.count > 3) }
    }
}
