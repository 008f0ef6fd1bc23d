extension PendingBands.Entry {
    /// Whether `a` comes before `b` in `spread_bands`' order: by value, then post.
    @inline(__always)
    static func precedes(_ a: PendingBands.Entry, _ b: PendingBands.Entry) -> Bool {
        (a.value, a.post) < (b.value, b.post)
    }

    /// Sorts `entries` by value, then post, as `spread_bands` orders its keys.
    ///
    /// A fold from stored text (`SpreadIndex.foldFromStoredText`; a fold from memory is sorted
    /// where it lies, see `PendingBands.drainSorted`) sorts hundreds of thousands of entries
    /// whose values are uniform 64-bit hashes:
    /// a least-significant-digit radix sort on the value (six passes of 11 bits, each one's
    /// counts fitting in the first-level cache) takes a fifth of the time of a comparison
    /// sort. Equal values (text several posts share) are then put in post order, a few at a time.
    static func sort(_ entries: inout [PendingBands.Entry]) {
        guard entries.count > 256 else {
            entries.sort { ($0.value, $0.post) < ($1.value, $1.post) }
            return
        }
        var buffer = entries
        entries.withUnsafeMutableBufferPointer { source in
            buffer.withUnsafeMutableBufferPointer { target in
                var from = source, to = target
                var counts = [Int](repeating: 0, count: digitCount)
                for pass in 0..<passes {
                    let shift = UInt64(pass * digitBits)
                    for index in counts.indices { counts[index] = 0 }
                    for entry in from { counts[digit(entry.value, shift)] += 1 }
                    var position = 0
                    for index in counts.indices {
                        let count = counts[index]
                        counts[index] = position
                        position += count
                    }
                    for entry in from {
                        let bucket = digit(entry.value, shift)
                        to[counts[bucket]] = entry
                        counts[bucket] += 1
                    }
                    swap(&from, &to)
                }
                // An even number of passes ends in `source`.
            }
        }
        // Runs of one value, in post order.
        var start = 0
        while start < entries.count {
            var end = start + 1
            while end < entries.count && entries[end].value == entries[start].value { end += 1 }
            if end - start > 1 { entries[start..<end].sort { $0.post < $1.post } }
            start = end
        }
    }

    private static let digitBits = 11
    private static let digitCount = 1 << digitBits
    /// 6 × 11 bits cover the 64 of a value.
    private static let passes = 6

    /// The digit of `value` at `shift`, with the sign bit flipped so that unsigned order is signed order.
    @inline(__always)
    private static func digit(_ value: Int64, _ shift: UInt64) -> Int {
        Int(truncatingIfNeeded: ((UInt64(bitPattern: value) ^ (1 << 63)) >> shift) & UInt64(digitCount - 1))
    }
}
