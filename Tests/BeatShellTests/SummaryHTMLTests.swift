import BeatShell
import Testing

@testable import BeatCore

/// The summary page is well-formed XML (so any HTML parser reads it as written), refers to
/// nothing outside itself, escapes every stored text and labels its charts for screen readers.
@Suite struct SummaryHTMLTests {
    /// Open elements, in order, at the end of a strict read: empty when every tag is closed in order.
    struct Problems: Error, CustomStringConvertible {
        var list: [String]
        var description: String { list.joined(separator: "\n") }
    }

    /// A strict well-formedness check on Beat's own XML scanner: every start tag closed in order
    /// (or self-closed), no `<` or `&` left over as text (what a lenient scanner keeps of broken
    /// markup), and only XML's own entities or numeric references.
    static func checkWellFormed(_ page: String) -> [String] {
        var problems: [String] = []
        var scanner = XMLScanner(Array(page.utf8))
        var open: [String] = []
        let bytes = Array(page.utf8)
        while let (token, start, end) = scanner.next() {
            switch token {
            case .startTag(let name, _, let selfClosing):
                if !selfClosing { open.append(name) }
            case .endTag(let name):
                if open.last == name {
                    open.removeLast()
                } else {
                    problems.append("</\(name)> at byte \(start) closes <\(open.last ?? "nothing")>")
                }
            case .text:
                // The scanner decodes entities, so the raw bytes are what must hold no `<`.
                if bytes[start..<end].contains(UInt8(ascii: "<")) { problems.append("a stray '<' in text at byte \(start)") }
            case .cdata, .processingInstruction: problems.append("unexpected CDATA or processing instruction at byte \(start)")
            case .ignorable: break
            }
        }
        if !open.isEmpty { problems.append("never closed: \(open)") }
        // Entities: the scanner decodes them, so they are checked on the raw text.
        var rest = Substring(page)
        while let amp = rest.firstIndex(of: "&") {
            let after = rest[rest.index(after: amp)...]
            let allowed = ["amp;", "lt;", "gt;", "quot;", "#39;"]
            if !allowed.contains(where: { after.hasPrefix($0) }) { problems.append("a bare or unknown entity: \(after.prefix(12))") }
            rest = after
        }
        return problems
    }

    @Test(arguments: SummaryCase.all) func pageIsWellFormed(_ c: SummaryCase) {
        let page = c.text(.html)
        #expect(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">\n"))
        #expect(page.hasSuffix("</html>\n"))
        let problems = Self.checkWellFormed(page)
        #expect(problems.isEmpty, "\(problems)")
    }

    /// Nothing is loaded from outside the page: no scripts, images, frames, stylesheets, fonts or
    /// CSS urls. The only links are anchors to the posts quoted, which a reader follows by choice.
    @Test(arguments: SummaryCase.all) func pageRefersToNothingOutsideItself(_ c: SummaryCase) {
        let page = c.text(.html).lowercased()
        for forbidden in ["src=", "<script", "<link", "<img", "<iframe", "<object", "<embed", "@import", "url(", "@font-face", "srcset"] {
            #expect(!page.contains(forbidden), "\(c.name): \(forbidden)")
        }
        var rest = Substring(page)
        while let range = rest.range(of: "href=\"") {
            let before = rest[..<range.lowerBound]
            #expect(before.hasSuffix("<a "), "\(c.name): an href outside an anchor")
            let url = rest[range.upperBound...].prefix { $0 != "\"" }
            #expect(url.hasPrefix("https://") || url.hasPrefix("http://"), "\(c.name): \(url)")
            rest = rest[range.upperBound...]
        }
    }

    @Test func storedTextIsEscaped() {
        let page = SummaryCase.all[3].text(.html)
        #expect(!page.contains("<script"))
        #expect(!page.contains("<b>") && !page.contains("<i>") && !page.contains("<u>"))
        #expect(page.contains("&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;"))
        #expect(page.contains("<title>Summary: &lt;b&gt;beat&lt;/b&gt; &amp; &quot;co&quot;␛[31m</title>"))
        #expect(page.contains("&lt;/blockquote&gt;"))
        // A javascript: url is shown as its id, never linked or cited.
        #expect(!page.contains("javascript:"))
        #expect(page.contains("<code>web:&lt;b&gt;1&lt;/b&gt;</code>"))
        #expect(!page.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || (0x7F...0x9F).contains($0.value) })
        #expect(!page.unicodeScalars.contains { (0x202A...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value) })
    }

    @Test func chartsAreLabelledAndBurstsMarked() {
        let page = SummaryCase.all[0].text(.html)
        #expect(
            page.contains("<svg class=\"timeline\" viewBox=\"0 0 800 260\" role=\"img\" aria-labelledby=\"timeline-title timeline-desc\""))
        #expect(page.contains("<title id=\"timeline-title\">Posts per day for open-source-ai</title>"))
        #expect(page.components(separatedBy: "<rect class=\"bar").count - 1 == 30)
        #expect(page.components(separatedBy: "<rect class=\"bar burst\"").count - 1 == 1)
        #expect(page.contains("<title>2026-11-02: 198 posts, 20.2% of the corpus (burst)</title>"))
        #expect(page.contains(">▲ 198</text>"))
        // Axis labels: dates under the first, middle and last buckets; counts up the side.
        for label in [">2026-10-22</text>", ">2026-11-06</text>", ">2026-11-20</text>", ">200</text>", ">100</text>", ">0</text>"] {
            #expect(page.contains(label), "\(label)")
        }
        #expect(page.contains("<caption>Posts by source</caption>"))
        #expect(page.contains("<span class=\"meter\" style=\"width: 100%\"></span>"))
        #expect(page.contains("<h2 id=\"sentiment-h\">Sentiment <span class=\"estimate\">(estimate)</span></h2>"))
        #expect(page.contains("@media print"))
    }

    @Test func theWellFormednessCheckCatchesBrokenMarkup() {
        #expect(!Self.checkWellFormed("<p><b>x</p></b>").isEmpty)
        #expect(!Self.checkWellFormed("<p>a & b</p>").isEmpty)
        #expect(!Self.checkWellFormed("<p>open").isEmpty)
        #expect(Self.checkWellFormed("<p>a &amp; <br /> b</p>").isEmpty)
    }
}
