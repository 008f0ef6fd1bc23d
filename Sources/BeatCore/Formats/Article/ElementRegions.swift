/// The byte ranges of the elements that may hold a page's article text:
/// `itemprop="articleBody"`, `<article>`, `<main>` and `<body>`.
///
/// HTML pages do not nest cleanly, so each candidate is closed by the end tag
/// that balances its own start tag: only tags of the same name are counted.
struct ElementRegions {
    private struct Open {
        var name: String
        var kind: Kind
        var contentStart: Int
        var depth = 0
    }

    enum Kind: Int, Comparable {
        case body, main, article, articleBody
        static func < (a: Kind, b: Kind) -> Bool { a.rawValue < b.rawValue }
    }

    private var open: [Open] = []
    private(set) var found: [(kind: Kind, range: Range<Int>)] = []

    mutating func open(_ name: String, tag: MarkupElement, contentStart: Int, selfClosing: Bool) {
        guard !selfClosing else { return }
        for index in open.indices where open[index].name == name { open[index].depth += 1 }
        let kind: Kind?
        if tag.attribute("itemprop") == "articleBody" {
            kind = .articleBody
        } else {
            switch name {
            case "article": kind = .article
            case "main": kind = .main
            case "body": kind = .body
            default: kind = nil
            }
        }
        if let kind { open.append(Open(name: name, kind: kind, contentStart: contentStart)) }
    }

    mutating func close(_ name: String, at tagStart: Int) {
        var index = open.count - 1
        while index >= 0 {
            if open[index].name == name {
                if open[index].depth == 0 {
                    found.append((open[index].kind, open[index].contentStart..<max(open[index].contentStart, tagStart)))
                    open.remove(at: index)
                } else {
                    open[index].depth -= 1
                }
            }
            index -= 1
        }
    }

    /// Closes what the page left open (a missing `</body>` is common).
    mutating func closeAll(at end: Int) {
        for element in open { found.append((element.kind, element.contentStart..<max(element.contentStart, end))) }
        open.removeAll()
    }

    /// The most specific kind found; among several of that kind, the one with the most text.
    func articleRange(in bytes: [UInt8]) -> Range<Int>? {
        guard let best = found.map(\.kind).max() else { return nil }
        let candidates = found.filter { $0.kind == best }.map(\.range)
        if candidates.count == 1 { return candidates[0] }
        return candidates.max { a, b in
            HTMLText.plainText(String(decoding: bytes[a], as: UTF8.self)).count
                < HTMLText.plainText(String(decoding: bytes[b], as: UTF8.self)).count
        }
    }
}
