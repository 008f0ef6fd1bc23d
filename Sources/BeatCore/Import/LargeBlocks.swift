import CAllocator

/// Makes the large arrays an import builds and frees over and over (a batch's
/// records, the pending band table, Bloom filters) go back to the system when
/// freed. glibc otherwise serves blocks of that size from its heap once the
/// first such block is freed, and the process keeps those pages: about 20 MB
/// more peak memory in an import of a million posts.
enum LargeBlocks {
    /// Whether the C library took the setting (the first call applies it, once per process).
    @discardableResult
    static func returnWhenFreed() -> Bool { applied }

    /// Gives back the free pages inside the heap: after a time sort has held and freed
    /// tens of megabytes of small records, before the writer's page cache fills.
    static func releaseFreePages() { _ = beat_release_free_memory() }

    /// Blocks of 1 MiB or more are mapped apart and unmapped when freed.
    private static let applied = beat_return_blocks_of_at_least(1 << 20) == 1
}
