import BeatSQLite

/// What one pass over a query's posts in a window counts: their ids in time
/// order, and posts per source, venue and author. Every figure of the summary
/// that is a plain count of the beat's posts comes from here, so they all
/// agree with each other and with `count`.
struct SummaryScan {
    /// A venue is named within its source (`r/news` and a Mastodon `news` are different venues).
    struct VenueKey: Hashable {
        var source: String
        var venue: String?
    }

    /// The matching post ids, ascending (so in time order).
    private(set) var ids: [Int64] = []
    /// Posts per source.
    var sources: [String: Int] {
        Dictionary(uniqueKeysWithValues: sourceCounts.enumerated().map { (sourceNames.texts[$0.offset], $0.element) })
    }
    /// Posts per venue.
    var venues: [VenueKey: Int] {
        Dictionary(
            uniqueKeysWithValues: venueCounts.map { key, posts in
                let venue = Int(key & 0xffff_ffff) - 1
                return (VenueKey(source: sourceNames.texts[Int(key >> 32)], venue: venue < 0 ? nil : venueNames.texts[venue]), posts)
            })
    }

    // Sources, venues and authors are numbered as they come (`TextNumbering`), and counted
    // by number: one flat table per figure, not a string or a dictionary made per row.
    private var sourceNames = TextNumbering()
    private var venueNames = TextNumbering()
    private var authorNames = TextNumbering()
    private var sourceCounts: [Int] = []
    /// By source number << 32 | venue number + 1 (0: no venue).
    private var venueCounts: [Int64: Int] = [:]
    /// By author number << 32 | source number.
    private var authorCounts: [Int64: Int] = [:]

    var posts: Int { ids.count }

    /// Runs `query` (which carries the window as its id range) once.
    init(_ query: CompiledQuery, on connection: Connection) throws {
        guard !query.isEmptyRange else { return }
        let statement = query.summaryRowsSQL()
        let prepared = try connection.makeStatement(statement.sql)
        try prepared.bind(statement.bindings)
        defer { prepared.reset() }
        let noText = [UInt8]()
        while try prepared.step() {
            ids.append(prepared.int64(0))
            let source = prepared.withUTF8(1) { bytes in
                bytes.map { sourceNames.number($0) } ?? noText.withUnsafeBufferPointer { sourceNames.number($0) }
            }
            if Int(source) == sourceCounts.count { sourceCounts.append(0) }
            sourceCounts[Int(source)] += 1
            let venue = prepared.withUTF8(2) { bytes in bytes.map { venueNames.number($0) + 1 } ?? 0 }
            venueCounts[Int64(source) << 32 | Int64(venue), default: 0] += 1
            if let author = prepared.withUTF8(3, { bytes in bytes.map { authorNames.number($0) } }) {
                authorCounts[Int64(author) << 32 | Int64(source), default: 0] += 1
            }
        }
    }

    /// Adds the posts of `later`, a pass over ids that all follow this one's (the newer half
    /// of a window), as if one pass had read them all.
    mutating func append(_ later: SummaryScan) {
        precondition(ids.isEmpty || later.ids.isEmpty || ids[ids.count - 1] < later.ids[0], "the later pass starts before this one ends")
        ids += later.ids
        // `later` numbered its texts in its own order: each of its numbers becomes this pass's.
        let sources = sourceNames.numbers(of: later.sourceNames)
        let venues = venueNames.numbers(of: later.venueNames)
        let authors = authorNames.numbers(of: later.authorNames)
        for (number, posts) in later.sourceCounts.enumerated() {
            let source = Int(sources[number])
            while sourceCounts.count <= source { sourceCounts.append(0) }
            sourceCounts[source] += posts
        }
        for (key, posts) in later.venueCounts {
            let venue = Int(key & 0xffff_ffff)
            let renumbered = venue == 0 ? 0 : Int64(venues[venue - 1]) + 1
            venueCounts[Int64(sources[Int(key >> 32)]) << 32 | renumbered, default: 0] += posts
        }
        for (key, posts) in later.authorCounts {
            let author = authors[Int(key >> 32)], source = sources[Int(key & 0xffff_ffff)]
            authorCounts[Int64(author) << 32 | Int64(source), default: 0] += posts
        }
    }

    /// Placeholders platforms put where an account was deleted: not a voice.
    static let placeholderAuthors: Set<String> = ["[deleted]", "[removed]"]

    /// The `limit` authors with most posts, most first (then by name), each with the source
    /// they post on most. Only the authors that can be among the first `limit` are sorted:
    /// a year of a large beat has hundreds of thousands of authors, most with a post or two.
    func voices(limit: Int = .max) -> [Voice] {
        guard limit > 0 else { return [] }
        // Per author number: all posts, and the source with most of them (the smallest name among equals).
        let authors = authorNames.texts.count
        var posts = [Int](repeating: 0, count: authors)
        var bestSource = [Int32](repeating: -1, count: authors)
        var bestSourcePosts = [Int](repeating: 0, count: authors)
        for (key, count) in authorCounts {
            let author = Int(key >> 32), source = Int32(truncatingIfNeeded: key & 0xffff_ffff)
            posts[author] += count
            let best = bestSource[author]
            if best < 0 || count > bestSourcePosts[author]
                || (count == bestSourcePosts[author] && sourceNames.texts[Int(source)] < sourceNames.texts[Int(best)])
            {
                bestSource[author] = source
                bestSourcePosts[author] = count
            }
        }
        let placeholders = Set(Self.placeholderAuthors.compactMap { name in authorNames.texts.firstIndex(of: name) })
        var named = (0..<authors).filter { posts[$0] > 0 && !placeholders.contains($0) }
        if limit < named.count {
            // The least post count an author among the first `limit` can have; every author
            // with as many is kept, so that ties at the edge are still broken by name.
            let least = named.map { posts[$0] }.sorted(by: >)[limit - 1]
            named = named.filter { posts[$0] >= least }
        }
        let voices = named.map {
            Voice(author: authorNames.texts[$0], source: sourceNames.texts[Int(bestSource[$0])], posts: posts[$0])
        }
        return Array(voices.sorted { ($0.posts, $1.author) > ($1.posts, $0.author) }.prefix(limit))
    }

    /// How many ids fall in `lower ... upper`, by bisection of the sorted ids.
    func count(inIDs lower: Int64, _ upper: Int64) -> Int {
        firstIndex(atLeast: upper &+ 1) - firstIndex(atLeast: lower)
    }

    /// The ids in `lower ... upper`.
    func ids(in lower: Int64, _ upper: Int64) -> ArraySlice<Int64> {
        ids[firstIndex(atLeast: lower)..<firstIndex(atLeast: upper &+ 1)]
    }

    private func firstIndex(atLeast id: Int64) -> Int {
        AscendingMembership.firstIndex(atLeast: id, in: ids)
    }
}

/// Picks of a sorted collection spread evenly over it: the summary's bounded
/// samples, deterministic for the same data.
enum EvenSample {
    /// At most `limit` elements of `items`, at evenly spaced positions (all of them when there are fewer).
    static func pick<C: RandomAccessCollection>(_ items: C, limit: Int) -> [C.Element] where C.Index == Int {
        guard items.count > limit else { return Array(items) }
        guard limit > 0 else { return [] }
        let base = items.startIndex
        return (0..<limit).map { items[base + $0 * items.count / limit] }
    }
}
