#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The 64-bit words of a Bloom filter, in a block of their own. A filter that is halved
/// (`BandFilter.fold()`) is rewritten in place and its block cut to half with `realloc`,
/// which gives the second half back to the system at once (a block of 1 MiB or more is a
/// mapping of its own, `LargeBlocks`); halving into a new array held both for a moment,
/// half the largest filter more at the peak.
///
/// Shared by the copies of a `BandFilter` until one of them writes (`BandFilter` copies it first).
final class FilterWords {
    private(set) var base: UnsafeMutablePointer<UInt64>
    private(set) var count: Int

    /// `count` zero words (at least one).
    init(zeroed count: Int) {
        precondition(count > 0, "a filter has at least one word")
        guard let block = calloc(count, MemoryLayout<UInt64>.stride) else { fatalError("out of memory for a band filter") }
        base = block.assumingMemoryBound(to: UInt64.self)
        self.count = count
    }

    /// A copy of `other`'s words.
    convenience init(copying other: FilterWords) {
        self.init(zeroed: other.count)
        base.update(from: other.base, count: count)
    }

    deinit { free(base) }

    @inline(__always)
    subscript(index: Int) -> UInt64 {
        get {
            precondition(index >= 0 && index < count)
            return base[index]
        }
        set {
            precondition(index >= 0 && index < count)
            base[index] = newValue
        }
    }

    /// Keeps the first `newCount` words (fewer than now, at least one) and gives the rest back.
    func truncate(to newCount: Int) {
        precondition(newCount > 0 && newCount <= count)
        // Shrinking never moves a block that cannot be moved: on failure the old one stays, whole.
        if let smaller = realloc(base, newCount * MemoryLayout<UInt64>.stride) {
            base = smaller.assumingMemoryBound(to: UInt64.self)
        }
        count = newCount
    }
}
