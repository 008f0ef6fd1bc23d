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
    private(set) var idSet: Set<Int64> = []
    private(set) var sources: [String: Int] = [:]
    private(set) var venues: [VenueKey: Int] = [:]
    /// An author on one source.
    struct AuthorKey: Hashable {
        var author: String
        var source: String
    }

    /// Posts per author and source: one flat table, not a table per author, so that a
    /// window of a million posts by hundreds of thousands of authors is counted without
    /// a dictionary allocated for each of them.
    private(set) var authors: [AuthorKey: Int] = [:]

    var posts: Int { ids.count }

    /// Runs `query` (which carries the window as its id range) once.
    init(_ query: CompiledQuery, on connection: Connection) throws {
        guard !query.isEmptyRange else { return }
        let statement = query.summaryRowsSQL()
        let prepared = try connection.makeStatement(statement.sql)
        try prepared.bind(statement.bindings)
        defer { prepared.reset() }
        while try prepared.step() {
            let id = prepared.int64(0)
            let source = prepared.string(1) ?? ""
            ids.append(id)
            sources[source, default: 0] += 1
            venues[VenueKey(source: source, venue: prepared.string(2)), default: 0] += 1
            if let author = prepared.string(3) { authors[AuthorKey(author: author, source: source), default: 0] += 1 }
        }
        idSet = Set(ids)
    }

    /// Placeholders platforms put where an account was deleted: not a voice.
    static let placeholderAuthors: Set<String> = ["[deleted]", "[removed]"]

    /// Authors by posts, most first (then by name), each with the source they post on most.
    func voices() -> [Voice] {
        // Per author: all posts, and the source with most of them (the smallest name among equals).
        var totals: [String: (posts: Int, source: String, sourcePosts: Int)] = [:]
        for (key, posts) in authors where !Self.placeholderAuthors.contains(key.author) {
            var total = totals[key.author] ?? (0, key.source, 0)
            total.posts += posts
            if (posts, total.source) > (total.sourcePosts, key.source) {
                total.source = key.source
                total.sourcePosts = posts
            }
            totals[key.author] = total
        }
        return totals.map { Voice(author: $0.key, source: $0.value.source, posts: $0.value.posts) }
            .sorted { ($0.posts, $1.author) > ($1.posts, $0.author) }
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
        var low = 0, high = ids.count
        while low < high {
            let middle = (low + high) / 2
            if ids[middle] < id { low = middle + 1 } else { high = middle }
        }
        return low
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
