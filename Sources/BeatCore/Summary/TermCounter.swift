import BeatSQLite
import Foundation

/// The posts of one query in one window, as the summary counted them: what
/// a term's count "in the beat" is counted against.
struct CountedSide: Sendable {
    let window: SummaryWindow
    /// The matching post ids, ascending.
    let ids: [Int64]
    /// The query's FTS5 match when the match alone selects its posts (no
    /// conditions on the posts row), so FTS5 can intersect it with a term itself.
    let match: String?

    init(query: CompiledQuery, window: SummaryWindow, scan: SummaryScan) {
        self.window = window
        ids = scan.ids
        match = query.conditions.isEmpty && !query.isEmptyRange ? query.match : nil
    }
}

/// Exact counts of a word or phrase from the full-text index. The term is
/// matched as `count '"open weights"'` compiles it: one quoted FTS5 string.
struct TermCounter {
    let connection: Connection

    /// Posts of `side` containing `term`. When the side is a plain text match,
    /// FTS5 intersects the two posting lists itself (`(beat) AND "term"`),
    /// skipping through the longer one; otherwise the term's posts in the
    /// window are read and looked up among the side's ids.
    func posts(containing term: String, in side: CountedSide) throws -> Int {
        guard side.window.seconds > 0, !side.ids.isEmpty else { return 0 }
        let termQuery = CompiledQuery(match: FTSText.quoted(term), idRange: side.window.idRange)
        if let match = side.match {
            return try count(CompiledQuery(match: match).combined(with: termQuery))
        }
        var members = 0
        var sideIDs = AscendingMembership(side.ids)
        let statement = termQuery.idsSQL()
        try connection.forEachRow(statement.sql, statement.bindings) { row in
            if sideIDs.contains(row.int64(0)) { members += 1 }
        }
        return members
    }

    /// Posts of `side` containing `term`, and posts of its window containing it, from one
    /// read of the term's posting list in the window: the window's count is every id read,
    /// the side's those among its ids. Reading the list once costs what counting it costs,
    /// so this halves the work of counting the two apart.
    func counts(of term: String, in side: CountedSide) throws -> (inSide: Int, inWindow: Int) {
        guard side.window.seconds > 0 else { return (0, 0) }
        let statement = CompiledQuery(match: FTSText.quoted(term), idRange: side.window.idRange).idsSQL()
        var inSide = 0, inWindow = 0
        // FTS5 gives a term's posts in id order, so the side's ids are walked alongside.
        var sideIDs = AscendingMembership(side.ids)
        try connection.forEachRow(statement.sql, statement.bindings) { row in
            inWindow += 1
            if sideIDs.contains(row.int64(0)) { inSide += 1 }
        }
        return (inSide, inWindow)
    }

    /// `counts(of:in:)` of each term, in order, shared out with a second thread that counts
    /// on its own connection (`open`), each thread taking the next term not yet taken.
    /// Counting one term reads its posting list in the window, a few hundred thousand ids
    /// for a common word in a year of a large corpus, so the candidates of a summary take
    /// seconds on one core. A term the other thread could not count (its connection failed)
    /// is counted here; an error here stops the other thread after its current term.
    func counts(
        of terms: [String], in side: CountedSide, sharingWith open: HelperOpener?
    ) throws -> [(inSide: Int, inWindow: Int)] {
        let queue = TermQueue(count: terms.count)
        let helper =
            terms.count < 2
            ? nil
            : open.map { open in
                BackgroundResult { () -> [Int: Counts] in
                    var counted: [Int: Counts] = [:]
                    _ = try? open.withConnection { connection in
                        let counter = TermCounter(connection: connection)
                        while let index = queue.take() {
                            guard let counts = try? counter.counts(of: terms[index], in: side) else { break }
                            counted[index] = Counts(inSide: counts.inSide, inWindow: counts.inWindow)
                        }
                    }
                    return counted
                }
            }
        var counted = [Counts?](repeating: nil, count: terms.count)
        do {
            while let index = queue.take() {
                let counts = try self.counts(of: terms[index], in: side)
                counted[index] = Counts(inSide: counts.inSide, inWindow: counts.inWindow)
            }
        } catch {
            queue.stop()
            // The helper's connection is not free until its current term is counted: inside
            // `Corpus.inOneSnapshot` it is the summary's, which ends when this throws.
            _ = helper?.value()
            throw error
        }
        for (index, counts) in helper?.value() ?? [:] { counted[index] = counts }
        return try terms.indices.map { index in
            if let counts = counted[index] { return (counts.inSide, counts.inWindow) }
            return try self.counts(of: terms[index], in: side)
        }
    }

    private struct Counts: Sendable {
        var inSide: Int
        var inWindow: Int
    }

    private func count(_ query: CompiledQuery) throws -> Int {
        let statement = query.countSQL()
        return Int(try connection.scalar(statement.sql, statement.bindings)?.int64Value ?? 0)
    }
}

/// The indexes of a list handed out once each to whichever thread asks next.
///
/// `@unchecked Sendable`: every access to its state holds the lock.
private final class TermQueue: @unchecked Sendable {
    private let lock = NSLock()
    private let count: Int
    private var next = 0

    init(count: Int) { self.count = count }

    /// The next index not yet taken, nil when all are (or `stop()` was called).
    func take() -> Int? {
        lock.withLock {
            guard next < count else { return nil }
            next += 1
            return next - 1
        }
    }

    /// Hands out nothing more.
    func stop() { lock.withLock { next = count } }
}

/// Document frequencies of words and phrases over a sample of posts.
struct TermFrequencies {
    private(set) var documents = 0
    private(set) var counts: [String: Int] = [:]

    init(_ posts: [Set<String>]) {
        documents = posts.count
        for terms in posts {
            for term in terms { counts[term, default: 0] += 1 }
        }
    }

    subscript(term: String) -> Int { counts[term] ?? 0 }

    func rate(_ term: String) -> Double { documents == 0 ? 0 : Double(self[term]) / Double(documents) }
}
