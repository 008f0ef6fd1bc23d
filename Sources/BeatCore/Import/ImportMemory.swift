/// What an import keeps in memory besides its records: SQLite's page cache and the
/// band filters of the spread index share one budget, so that peak memory does not
/// grow with the corpus. The filters take about 1.25 bytes per stored band entry
/// (7.5 MB for a million posts) up to their own budget, 64 MiB, reached at about
/// nine million posts (`BandRuns.runFilterBudget`); the page cache gives back what
/// they take, down to a floor. The two together take about 72 MiB at most.
///
/// On a large corpus the page cache holds a small share of the pages a batch
/// writes anyway (a batch in random time order lands on pages all over the file,
/// which the system's file cache serves), so a smaller cache costs little there.
enum ImportMemory {
    /// The page cache's size while the filters are small: 64 MiB.
    static let largestCacheKiB = 65_536
    /// The least the page cache is given: 8 MiB, room for the upper levels of the b-trees a batch descends.
    static let smallestCacheKiB = 8_192
    /// The page cache and the filters together: 64 MiB, what the page cache alone took before
    /// the filters grew. Past about eight million posts the cache is at its least, and the
    /// filters take up to their own 64 MiB beside it. The rest of an
    /// import's memory, about 60 MB, is its records in flight, the pending bands, the time
    /// sort's merge and the program.
    static let budgetKiB = 65_536

    /// The page cache, in KiB, beside filters of `filterBytes`.
    static func cacheKiB(filterBytes: Int) -> Int {
        let filterKiB = max(0, filterBytes) / 1024
        return min(largestCacheKiB, max(smallestCacheKiB, budgetKiB - filterKiB))
    }
}
