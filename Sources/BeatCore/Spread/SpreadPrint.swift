/// What the spread tables store of one post that can be computed from the post
/// alone: its near-duplicate sketch and the canonical links it shares.
///
/// An import computes it on the reading thread, while the writer stores the
/// batches before (see `RecordOutput.emit`), so that the writer's share of
/// fingerprinting is the SQL alone.
struct SpreadPrint: Sendable {
    /// The post's MinHash band values (`SpreadSketch.bands`), nil when its text is too short to fingerprint.
    let bands: [Int64]?
    /// The canonical links the post carries, each once, in the order written.
    let links: [String]
    /// What the sketch was made from, when kept. The shingles themselves are not kept: a
    /// batch in flight would carry tens of megabytes of them, and only the few posts that
    /// have a candidate copy need them again (`shingles()`).
    private let words: (title: String?, text: String)?

    /// The print of a post. `keepingText` false: the print does not hold on to the text, so
    /// that a record's memory goes as soon as the record is stored; its shingles are then
    /// read back from the stored post when needed (an import's prints).
    init(source: String, title: String?, text: String, url: String?, keepingText: Bool = true) {
        bands = SpreadIndex.bands(title: title, text: text)
        words = keepingText ? (title, text) : nil
        var addresses = CanonicalLink.addresses(in: text)
        if let url, SpreadIndex.ownURLIsShared(source: source, url: url) { addresses.append(url) }
        var links: [String] = []
        for address in addresses {
            guard let canonical = CanonicalLink.canonical(address), !links.contains(canonical) else { continue }
            links.append(canonical)
        }
        self.links = links
    }

    /// The print of a record on its way to be stored, without its text (see `keepingText`).
    init(incoming record: PostRecord) {
        self.init(source: record.source, title: record.title, text: record.text, url: record.url, keepingText: false)
    }

    /// The sorted distinct shingle hashes the bands were computed from, nil when the text was not kept.
    func shingles() -> [UInt64]? {
        guard let words else { return nil }
        return SpreadSketch.shingles(of: SpreadIndex.fingerprintText(title: words.title, text: words.text))
    }
}

/// A record on its way from a reader to the writer, with its spread print when
/// the import fingerprints.
struct IncomingPost: Sendable {
    var record: PostRecord
    var print: SpreadPrint?
}
