/// Reads news feeds: RSS 2.0, RSS 1.0 (RDF), Atom 1.0 and JSON Feed. Each
/// item or entry is one record with source `news` and the site's host as venue.
///
/// XML feeds are decoded per their declared encoding (`FeedEncoding`) and
/// read with the lenient `XMLScanner`, so a feed that a strict parser refuses
/// (a newline before `<?xml`, HTML entities, badly nested tags) still imports.
/// An item's `raw` is its element converted to JSON (`FeedRaw`): categories,
/// enclosures and comments links are kept there; `tags` is left for beats.
struct FeedReader: FormatReader {
    func read(_ input: InputFile, into output: RecordOutput) throws {
        let bytes = try input.contents()
        let first = bytes.first { ![0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) }
        if first == UInt8(ascii: "{") {
            try JSONFeed.read(bytes, path: input.path, into: output)
            return
        }
        let text = try FeedEncoding.utf8(bytes, encoding: FeedEncoding.declared(in: bytes), path: input.path, what: "the feed")
        let nodes = XMLTree.parse(text, unnested: ["item", "entry"])
        let root = nodes.lazy.compactMap { node -> MarkupElement? in
            if case .element(let element) = node { return element }
            return nil
        }.first
        guard let root else {
            throw ImportError.malformedDocument(
                path: input.path, location: "1:1", reason: "no XML element found; expected an RSS, RDF or Atom feed")
        }
        var lines = LineCounter(text)
        switch root.localName.lowercased() {
        case "rss", "rdf":
            RSSFeed.read(root: root, lines: &lines, into: output)
        case "feed":
            AtomFeed.read(root: root, lines: &lines, into: output)
        default:
            let (line, column) = lineAndColumn(of: root.offset, in: text)
            throw ImportError.malformedDocument(
                path: input.path, location: "\(line):\(column)",
                reason: "the root element is <\(root.name)>, not <rss>, <rdf:RDF> or <feed>; this is not a news feed")
        }
    }
}
