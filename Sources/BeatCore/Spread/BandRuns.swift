import BeatSQLite
import CSQLite

/// The stored band entries of a corpus: `spread_bands`, (value, post) keys cut
/// into runs (`spread_runs`), as an LSM tree keeps them.
///
/// A writer's fold is one run, its entries sorted and numbered after every
/// stored run, so that writing it appends pages at the end of the index and
/// touches no others; inserting the same entries all over one index rewrote
/// most of its pages at every fold. Runs of one size class are merged once
/// `mergeWidth` of them accumulate, so there are a few of them at most.
///
/// Each run carries a Bloom filter of its values (`BandFilter`, stored with the
/// run): a lookup probes only the runs whose filter may hold the value, which is
/// no run at all for nearly every band of a post without copies. A run stored
/// without one (what migration 9 kept of a file) gets it built the first time
/// a writer looks. Checking every run's filter lets about 1.7 % of absent values
/// through each (more once halved: about 9 % at five bits per value); a writer
/// that looks up many values (a large import) keeps one more filter of every
/// stored value in memory, checked first, so that a value
/// no run holds costs one check and almost never a probe. That filter is kept
/// only while all the filters together fit `corpusFilterBudget`: past about a
/// million and a half posts it would take more memory than the probes it saves
/// are worth (an import's page cache gives the filters what they take).
///
/// The run filters together stay within `runFilterBudget` whatever the corpus's
/// size: past it (about nine million posts at ten bits per value), a new run's
/// filter gets its share of the budget by entries, and the filters with the most
/// bits per value are halved until all fit. Fewer bits let more absent values
/// through to a probe of their run, a cost that grows slowly with the corpus,
/// where the memory had grown with it.
final class BandRuns {
    typealias Entry = PendingBands.Entry

    private let connection: Connection
    /// The filter of each stored run this connection knows, by run.
    private var filters: [Int64: BandFilter] = [:]
    /// The entries of each run in `filters`, as `spread_runs` counts them: what sizes and halves filters.
    private var entryCounts: [Int64: Int] = [:]
    /// Runs whose filter is as small as it can be made: `fitBudget()` passes them over.
    private var smallest: Set<Int64> = []
    /// Runs whose filter was made smaller outside a write (`sync()`): the next write stores them.
    private var unstored: Set<Int64> = []
    private var synced = false
    /// Set while a merge has let go of its runs' filters: should it fail, those runs are stored
    /// still, and the next lookup syncs first to read their filters back.
    private var filtersIncomplete = false
    /// Holds every value of every run when not nil (see `prepareCorpusFilter`).
    private var corpusFilter: BandFilter?
    /// Values looked up since the corpus filter was last dropped or found unneeded.
    private var lookupsWithoutCorpusFilter = 0
    /// The corpus filter's size limit, 32 MB: past 27M values (4.5M posts) it lets more through.
    static let corpusFilterBits = 1 << 28
    /// The most the run filters and the corpus filter may take together for the corpus filter
    /// to be kept (32 MiB: a corpus of about a million and a half posts).
    let corpusFilterBudget: Int
    /// The most the run filters may take together (64 MiB: ten bits per value up to about nine
    /// million posts), past for a moment only by a new run's filter until `settle()`, and by
    /// a filter being built again smaller. An import's page cache gives back what they take,
    /// down to its floor (`ImportMemory`), so the two together stay at about 72 MiB at most.
    let runFilterBudget: Int

    /// The memory the filters held in this connection take: a writer's page cache gives it back
    /// (see `ImportMemory`).
    var filterBytes: Int { runFilterBytes + (corpusFilter?.byteCount ?? 0) }
    private var runFilterBytes: Int { filters.values.reduce(0) { $0 + $1.byteCount } }

    /// Runs of one size class (`sizeClass`) merged into one when this many have accumulated: at
    /// most this many per class, a handful of classes in all. An import of a million posts writes
    /// nine runs and merges none; one of ten million merges five times.
    static let mergeWidth = 16
    /// Entries read from one run at a time while merging: 16 runs hold 4 MB in memory.
    static let mergePage = 16_384

    init(connection: Connection, corpusFilterBudget: Int = 32 << 20, runFilterBudget: Int = 64 << 20) {
        self.connection = connection
        self.corpusFilterBudget = corpusFilterBudget
        self.runFilterBudget = runFilterBudget
    }

    /// Makes the filters match the runs stored now: another connection may have written or
    /// merged runs, and a transaction rolled back may have taken away runs this one wrote.
    /// Run numbers are never used twice (`AUTOINCREMENT`), so a run known here is the same run.
    func sync() throws {
        var stored: [(run: Int64, entries: Int, hasFilter: Bool)] = []
        try connection.forEachRow("SELECT run, max(0, min(entries, 1 << 40)), filter IS NOT NULL FROM spread_runs") { row in
            stored.append((row.int64(0), Int(row.int64(1)), row.int64(2) != 0))
        }
        let current = Set(stored.map(\.run))
        for run in filters.keys where !current.contains(run) { forget(run) }
        for (run, entries, hasFilter) in stored where filters[run] == nil {
            // Written by another connection: the corpus filter does not hold its values.
            if synced { dropCorpusFilter() }
            entryCounts[run] = entries
            filters[run] = try hasFilter ? storedFilter(run) ?? buildFilter(run) : buildFilter(run)
            // Each filter read is fitted at once: a reader of a corpus stored with larger filters
            // (an older build's) holds one of them over the budget at most.
            try fitBudget(storing: false)
        }
        synced = true
        filtersIncomplete = false
        try prepareCorpusFilter()
    }

    private func forget(_ run: Int64) {
        filters[run] = nil
        entryCounts[run] = nil
        smallest.remove(run)
        unstored.remove(run)
    }

    private func dropCorpusFilter() {
        corpusFilter = nil
        lookupsWithoutCorpusFilter = 0
    }

    /// Builds the corpus filter once it pays: a scan of every stored value costs about as much
    /// as one lookup per eight to sixteen of them, so it is built when this writer has looked
    /// up a quarter as many values as are stored (at once when there are few).
    private func prepareCorpusFilter() throws {
        guard corpusFilter == nil else { return }
        let stored = try storedEntries()
        guard stored < 65_536 || lookupsWithoutCorpusFilter * 4 >= stored else { return }
        try buildCorpusFilter(stored)
    }

    /// Whether the corpus filter is held now (for tests).
    var holdsCorpusFilter: Bool { corpusFilter != nil }

    /// A filter of every stored value, with room for as many again; none when it would not fit
    /// the budget beside the run filters.
    private func buildCorpusFilter(_ stored: Int) throws {
        corpusFilter = nil
        let size = BandFilter(capacity: max(stored, 1) * 2, maximumBits: Self.corpusFilterBits)
        guard runFilterBytes + size.byteCount <= corpusFilterBudget else {
            // Counting starts again, so the budget is not asked again at every lookup.
            lookupsWithoutCorpusFilter = 0
            return
        }
        var built = size
        try connection.forEachRow("SELECT value FROM spread_bands") { built.insert($0.int64(0)) }
        corpusFilter = built
        lookupsWithoutCorpusFilter = 0
    }

    /// The entries written to the stored runs (those deleted since are counted too: they are
    /// few, and only size filters).
    func storedEntries() throws -> Int {
        // total() and the bound: a damaged file's counts must not overflow the sum.
        Int(try connection.scalar("SELECT CAST(min(total(entries), 1 << 40) AS INTEGER) FROM spread_runs")?.int64Value ?? 0)
    }

    /// The filter stored with `run`, read a chunk at a time (a merged run's is over 10 MB at
    /// ten million posts, and reading it as one value held it three times over); nil when what
    /// is stored is not one.
    private func storedFilter(_ run: Int64) throws -> BandFilter? {
        var filter: BandFilter?
        do {
            try connection.readBlob(table: "spread_runs", column: "filter", row: run) { length, offset, bytes in
                if offset == 0 { filter = BandFilter(storedByteCount: length) }
                filter?.load(bytes, at: offset)
                return filter != nil
            }
        } catch {
            // Not a blob (NULL or text where the filter was): built again from the run. Any
            // other failure (cancelled, damaged, unreadable) is the caller's.
            guard error.code == SQLITE_ERROR else { throw error }
            return nil
        }
        return filter
    }

    /// The filter of a run stored without one (or with one this build cannot read), from its
    /// values, stored for the next writer; of `bits` when given, else its share of the budget.
    /// A read-only connection cannot store it and builds it again next time. Not `storing`:
    /// made smaller for this connection's budget only, the stored one is left as it is.
    private func buildFilter(_ run: Int64, bits: Int? = nil, storing: Bool = true) throws -> BandFilter {
        // Counting a run's entries reads all of them: only when its size is not given.
        var filter = BandFilter(bits: try bits ?? newFilterBits(entries: try entryCount(run), storedAfter: try storedEntries()))
        try connection.forEachRow("SELECT value FROM spread_bands WHERE run = ?1", [.integer(run)]) { filter.insert($0.int64(0)) }
        if storing { try? store(filter, of: run) }
        return filter
    }

    /// The bits of a new filter of `entries` values when `storedAfter` entries will be stored
    /// with it: ten per value while the run filters then fit the budget, else its share of the
    /// budget by entries (which `fitBudget` makes room for).
    private func newFilterBits(entries: Int, storedAfter: Int) -> Int {
        let ideal = entries.multipliedReportingOverflow(by: BandFilter.bitsPerValue)
        let budgetBits = runFilterBudget * 8
        if !ideal.overflow, runFilterBytes * 8 + ideal.partialValue <= budgetBits { return ideal.partialValue }
        let share = Double(budgetBits) * Double(entries) / Double(max(storedAfter, entries, 1))
        return ideal.overflow ? Int(share) : min(ideal.partialValue, Int(share))
    }

    /// Halves the filters that hold the most bits per value until the run filters fit
    /// `runFilterBudget` or none can be made smaller. A halved filter is stored when `storing`
    /// (a writer, in its transaction), so the next one reads it at that size, else at the next
    /// write; one that cannot be halved as it is (stored by an earlier build) is built again
    /// from its run at half its bits.
    private func fitBudget(storing: Bool) throws {
        var freed = false
        defer { if freed { LargeBlocks.releaseFreePages() } }
        if storing {
            for run in unstored.sorted() { if let filter = filters[run] { try store(filter, of: run) } }
            unstored = []
        }
        while runFilterBytes > runFilterBudget {
            var densest: (run: Int64, density: Double, bits: Int)?
            for (run, filter) in filters where !smallest.contains(run) && filter.bits > BandFilter.minimumBits {
                let density = Double(filter.bits) / Double(max(entryCounts[run] ?? 1, 1))
                if densest.map({ ($0.density, $0.bits) < (density, filter.bits) }) ?? true {
                    densest = (run, density, filter.bits)
                }
            }
            // Taken out of the table, the filter's words have no other owner and are halved in place.
            guard let run = densest?.run, var halved = filters.removeValue(forKey: run) else { return }
            let bitsBefore = halved.bits
            if halved.canFold {
                halved.fold()
            } else {
                // Should the build fail, the run keeps its filter: a run without one is never probed.
                do {
                    halved = try buildFilter(run, bits: bitsBefore / 2, storing: false)
                } catch {
                    filters[run] = halved
                    throw error
                }
            }
            if halved.bits >= bitsBefore { smallest.insert(run) }
            filters[run] = halved
            freed = true
            if storing { try store(halved, of: run) } else { unstored.insert(run) }
        }
    }

    /// The entries a run holds, counted: what `spread_runs` records of a damaged file could
    /// make a filter of any size.
    private func entryCount(_ run: Int64) throws -> Int {
        Int(try connection.scalar("SELECT count(*) FROM spread_bands WHERE run = ?1", [.integer(run)])?.int64Value ?? 0)
    }

    /// The runs that may hold `value`.
    private func runs(holding value: Int64) throws -> [Int64] {
        if !synced || filtersIncomplete { try sync() }
        if let corpusFilter {
            guard corpusFilter.mayContain(value) else { return [] }
        } else {
            lookupsWithoutCorpusFilter += 1
        }
        return filters.compactMap { $0.value.mayContain(value) ? $0.key : nil }
    }

    /// The posts stored under `value`, latest first, at most `limit`.
    func posts(withBand value: Int64, limit: Int) throws -> [Int64] {
        let runs = try runs(holding: value)
        guard !runs.isEmpty else { return [] }
        let select = try connection.cachedStatement(
            "SELECT post_id FROM spread_bands WHERE run = ?1 AND value = ?2 ORDER BY post_id DESC LIMIT ?3")
        var posts: [Int64] = []
        for run in runs {
            try select.bind([.integer(run), .integer(value), .integer(Int64(limit))])
            defer { select.reset() }
            while try select.step() { posts.append(select.int64(0)) }
        }
        if runs.count > 1 {
            posts.sort(by: >)
            if posts.count > limit { posts.removeLast(posts.count - limit) }
        }
        return posts
    }

    /// Whether the entry (value, post) is stored.
    func holds(_ value: Int64, post: Int64) throws -> Bool {
        let select = try connection.cachedStatement("SELECT 1 FROM spread_bands WHERE run = ?1 AND value = ?2 AND post_id = ?3")
        for run in try runs(holding: value) {
            try select.bind([.integer(run), .integer(value), .integer(post)])
            defer { select.reset() }
            if try select.step() { return true }
        }
        return false
    }

    /// Deletes the entry (value, post) from whichever run holds it. The value stays in that
    /// run's filter: that costs a lookup, never a wrong answer.
    func delete(_ value: Int64, post: Int64) throws {
        let delete = try connection.cachedStatement("DELETE FROM spread_bands WHERE run = ?1 AND value = ?2 AND post_id = ?3")
        for run in try runs(holding: value) { try delete.execute([.integer(run), .integer(value), .integer(post)]) }
    }

    /// Writes entries sorted by value then post as a new run, with its filter, then merges runs
    /// if enough of one size class have accumulated. Runs in the caller's transaction.
    func append(_ entries: [Entry]) throws {
        try write(entries)
        try settle()
    }

    /// Writes entries sorted by value then post as a new run, with its filter. A fold calls
    /// `settle()` after it has let go of its entries (the pending table's 16 MB), which were
    /// still held while a merge made its own filter.
    func write(_ entries: [Entry]) throws {
        guard !entries.isEmpty else { return }
        if !synced || filtersIncomplete { try sync() }
        let run = try newRun()
        var filter = BandFilter(bits: newFilterBits(entries: entries.count, storedAfter: try storedEntries() + entries.count))
        for entry in entries {
            filter.insert(entry.value)
            corpusFilter?.insert(entry.value)
        }
        try insert(entries[...], into: run)
        try finish(run, entries: Int64(entries.count), filter: filter)
    }

    /// Merges runs if enough of one size class have accumulated, and keeps the corpus filter
    /// within its budget: what follows writing a run.
    func settle() throws {
        try mergeRuns()
        try fitBudget(storing: true)
        if let held = corpusFilter {
            if held.count > held.capacity, held.capacity * 10 < Self.corpusFilterBits {
                try buildCorpusFilter(try storedEntries())
            } else if runFilterBytes + held.byteCount > corpusFilterBudget {
                dropCorpusFilter()
            }
        }
    }

    /// Rows per INSERT statement. A fold writes hundreds of thousands of rows, and one statement
    /// per row spent more in SQLite's statement machinery than in appending to the index.
    static let rowsPerInsert = 128

    /// Appends sorted entries to `run`, `rowsPerInsert` to a statement.
    private func insert(_ entries: ArraySlice<Entry>, into run: Int64) throws {
        var start = entries.startIndex
        while start < entries.endIndex {
            let count = min(Self.rowsPerInsert, entries.endIndex - start)
            let statement = try connection.cachedStatement(
                count == Self.rowsPerInsert ? Self.fullInsertSQL : Self.insertSQL(rows: count))
            try statement.bind(.integer(run), at: 1)
            for offset in 0..<count {
                let entry = entries[start + offset]
                try statement.bind(.integer(entry.value), at: Int32(2 * offset + 2))
                try statement.bind(.integer(entry.post), at: Int32(2 * offset + 3))
            }
            try statement.step()
            statement.reset()
            start += count
        }
    }

    /// The `INSERT` of a whole statement's rows, made once: a fold runs it thousands of times.
    private static let fullInsertSQL = insertSQL(rows: rowsPerInsert)

    /// `INSERT` of `rows` entries into one run (?1). Only two shapes are cached in practice:
    /// a whole statement, and the rest of a fold.
    private static func insertSQL(rows: Int) -> String {
        "INSERT OR IGNORE INTO spread_bands(run, value, post_id) VALUES "
            + (0..<rows).map { "(?1, ?\(2 * $0 + 2), ?\(2 * $0 + 3))" }.joined(separator: ", ")
    }

    /// A run numbered after every stored one, so that its keys sort after every stored key.
    private func newRun() throws -> Int64 {
        try connection.run("INSERT INTO spread_runs(entries) VALUES (0)")
        return connection.lastInsertRowID
    }

    private func finish(_ run: Int64, entries: Int64, filter: BandFilter) throws {
        try connection.run("UPDATE spread_runs SET entries = ?1 WHERE run = ?2", [.integer(entries), .integer(run)])
        try store(filter, of: run)
        filters[run] = filter
        entryCounts[run] = Int(entries)
    }

    /// Stores a run's filter a chunk at a time: a merged run's filter is over 10 MB at ten
    /// million posts, and binding it whole would hold two more copies of it for a moment.
    private func store(_ filter: BandFilter, of run: Int64) throws {
        try connection.run(
            "UPDATE spread_runs SET filter = zeroblob(?1) WHERE run = ?2", [.integer(Int64(filter.byteCount)), .integer(run)])
        try connection.fillBlob(table: "spread_runs", column: "filter", row: run) { offset, chunk in
            filter.copyBytes(from: offset, into: chunk)
        }
    }

    /// Runs whose entry counts have the same number of hexadecimal digits are one size class.
    static func sizeClass(_ entries: Int64) -> Int {
        entries <= 0 ? 0 : (64 - entries.leadingZeroBitCount + 3) / 4
    }

    /// Merges the runs of a size class once `mergeWidth` of them have accumulated, and again
    /// as long as that makes a class full: each entry is rewritten once per size class it
    /// climbs, about log16 of the corpus's size times in all.
    func mergeRuns() throws {
        while true {
            var classes: [Int: [(run: Int64, entries: Int64)]] = [:]
            try connection.forEachRow("SELECT run, entries FROM spread_runs ORDER BY run") { row in
                classes[Self.sizeClass(row.int64(1)), default: []].append((row.int64(0), row.int64(1)))
            }
            guard let full = classes.keys.sorted().first(where: { classes[$0]!.count >= Self.mergeWidth }) else { return }
            try merge(classes[full]!.map(\.run))
        }
    }

    /// Writes the entries of `runs` as one new run, in key order, and deletes them. Each run is
    /// read a page of `mergePage` entries at a time, after the last key read: no statement
    /// reads the table while it is written, which would make SQLite save and restore each
    /// reading cursor at every insert.
    private func merge(_ runs: [Int64]) throws {
        if !synced || filtersIncomplete { try sync() }
        let page = try connection.cachedStatement(
            """
            SELECT value, post_id FROM spread_bands WHERE run = ?1 AND (value, post_id) > (?2, ?3)
            ORDER BY value, post_id LIMIT \(Self.mergePage)
            """)
        func read(_ run: Int64, after key: Entry) throws -> [Entry] {
            var entries: [Entry] = []
            entries.reserveCapacity(Self.mergePage)
            try page.bind([.integer(run), .integer(key.value), .integer(key.post)])
            defer { page.reset() }
            while try page.step() { entries.append(Entry(value: page.int64(0), post: page.int64(1))) }
            return entries
        }
        // The merged runs' filters go first, before the merged run's is made: at ten million
        // posts that one is over 10 MB, and holding both was the import's peak. Nothing looks a
        // value up during a merge; should it fail, the next lookup syncs first
        // (`filtersIncomplete`) and reads them back. Filters under
        // 1 MiB live in the heap, which keeps their pages when they are freed: they are given
        // back first, or the merged filter came on top of them (+15 MB at two million posts).
        filtersIncomplete = true
        for run in runs { forget(run) }
        LargeBlocks.releaseFreePages()
        let start = Entry(value: .min, post: .min)
        var heads = try runs.map { try read($0, after: start) }
        var positions = [Int](repeating: 0, count: runs.count)
        let target = try newRun()
        var filter = BandFilter(
            bits: newFilterBits(entries: try runs.reduce(0) { $0 + (try entryCount($1)) }, storedAfter: try storedEntries()))
        var output: [Entry] = []
        output.reserveCapacity(Self.mergePage)
        var written: Int64 = 0
        var last: Entry?
        while true {
            // The smallest head: a linear scan, since there are `mergeWidth` runs at most.
            var smallest: Int?
            for index in heads.indices where positions[index] < heads[index].count {
                let entry = heads[index][positions[index]]
                if let best = smallest {
                    if Entry.precedes(entry, heads[best][positions[best]]) { smallest = index }
                } else {
                    smallest = index
                }
            }
            guard let index = smallest else { break }
            let entry = heads[index][positions[index]]
            // The same entry in two runs (a post fingerprinted twice) is kept once, also when
            // the first was already written out with the page before.
            if last.map({ Entry.precedes($0, entry) }) ?? true {
                output.append(entry)
                filter.insert(entry.value)
                written += 1
                last = entry
            }
            if output.count == Self.mergePage {
                try insert(output[...], into: target)
                output.removeAll(keepingCapacity: true)
            }
            positions[index] += 1
            if positions[index] == heads[index].count && heads[index].count == Self.mergePage {
                heads[index] = try read(runs[index], after: entry)
                positions[index] = 0
            }
        }
        try insert(output[...], into: target)
        for run in runs {
            try connection.run("DELETE FROM spread_bands WHERE run = ?1", [.integer(run)])
            try connection.run("DELETE FROM spread_runs WHERE run = ?1", [.integer(run)])
        }
        try finish(target, entries: written, filter: filter)
        filtersIncomplete = false
    }

    /// Forgets every run.
    func removeAll() throws {
        try connection.execute("DELETE FROM spread_bands; DELETE FROM spread_runs")
        filters = [:]
        entryCounts = [:]
        smallest = []
        unstored = []
        dropCorpusFilter()
    }
}
