/// A Bloom filter over band values: answers "certainly not stored" for most
/// values that no post has, so that a writer skips the `spread_bands` lookup
/// for them. Nearly every band value of a post without copies is unique, and
/// each lookup of one reads a random leaf of an index larger than the page
/// cache: without a filter, those reads were a tenth of a large import.
///
/// Three probes per value at ten bits per value answer "maybe" for about 1.7 %
/// of absent values. Band values are uniform 64-bit hashes, so the probes are
/// the value, the value with its halves swapped, and one remix of it, each mapped
/// onto the bits: by a mask when their number is a power of two (every filter
/// stored before sizes were exact, and some since), else by the high half of a
/// multiplication. A filter takes ten bits per value rounded up to 512, not to a
/// power of two: that rounding took 11.6 bits per value on average, 12 MB more
/// for a ten-million-post corpus, all of it in a writer's memory. Each run of
/// `spread_bands` stores its filter (`bytes`), so the probes and the layout are
/// part of the file format; a stored filter of a size a build does not read is
/// built again from its run (`BandRuns.storedFilter`), so an older build meeting
/// an exact size rebuilds it, and a change of probes for sizes already in use
/// needs a migration that drops the stored filters.
struct BandFilter {
    private var words: [UInt64]
    /// The number of bits, and whether it is a power of two (probes are then masked).
    private let bitCount: UInt64
    private let isPowerOfTwo: Bool
    /// Values inserted since it was made (not counting those it was read with), repeats included.
    private(set) var count = 0

    /// Room for `capacity` values at ten bits each (rounded up to a multiple of 512 bits), at
    /// least `minimumBits` and at most `maximumBits` (a multiple of 512).
    init(capacity: Int, maximumBits: Int = Self.maximumBits) {
        // A count read from a damaged file may be anything: it must not overflow.
        let wanted = capacity.multipliedReportingOverflow(by: 10)
        let target = wanted.overflow || wanted.partialValue < 0 ? maximumBits : wanted.partialValue
        let capped = min(max(target, Self.minimumBits), maximumBits)
        let bits = min(maximumBits, (capped + Self.granuleBits - 1) / Self.granuleBits * Self.granuleBits)
        self.init(words: [UInt64](repeating: 0, count: bits / 64))
    }

    /// The filter stored as `bytes`, nil when they are not one (`isStoredSize`): a writer then
    /// builds it again from its run.
    init?(bytes: [UInt8]) {
        guard Self.isStoredSize(bytes.count) else { return nil }
        var words = [UInt64](repeating: 0, count: bytes.count / 8)
        bytes.withUnsafeBytes { Self.load($0, at: 0, into: &words) }
        self.init(words: words)
    }

    /// A filter of stored words (`isStoredSize` of their bytes).
    init(words: [UInt64]) {
        self.words = words
        bitCount = UInt64(words.count * 64)
        isPowerOfTwo = bitCount & (bitCount - 1) == 0
    }

    /// Whether a stored value of `byteCount` bytes can be a filter: a multiple of 512 bits
    /// between `minimumBits` and `maximumBits`.
    static func isStoredSize(_ byteCount: Int) -> Bool {
        let bits = byteCount.multipliedReportingOverflow(by: 8)
        guard !bits.overflow else { return false }
        return bits.partialValue >= minimumBits && bits.partialValue <= maximumBits
            && bits.partialValue % granuleBits == 0
    }

    /// Puts stored bytes that begin `offset` bytes into the filter (a multiple of 8, as are
    /// their count) into `words`: a filter read a chunk at a time.
    static func load(_ bytes: UnsafeRawBufferPointer, at offset: Int, into words: inout [UInt64]) {
        for index in 0..<(bytes.count / 8) {
            words[offset / 8 + index] = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self))
        }
    }

    /// Writes the stored bytes from `offset` (a multiple of 8) into `buffer` (a multiple of 8
    /// long): a large filter stored a chunk at a time, without a copy of it whole.
    func copyBytes(from offset: Int, into buffer: UnsafeMutableRawBufferPointer) {
        for index in 0..<(buffer.count / 8) {
            let word = words[offset / 8 + index]
            buffer.storeBytes(of: word.littleEndian, toByteOffset: index * 8, as: UInt64.self)
        }
    }

    /// The filter as stored: its words, little-endian.
    var bytes: [UInt8] {
        var bytes = [UInt8](repeating: 0, count: words.count * 8)
        for (index, word) in words.enumerated() {
            for byte in 0..<8 { bytes[index * 8 + byte] = UInt8(truncatingIfNeeded: word >> (8 * UInt64(byte))) }
        }
        return bytes
    }

    /// 512 bits: a run of a few posts' bands costs 64 bytes.
    static let minimumBits = 1 << 9
    /// Filter sizes are multiples of this: 64 bytes.
    static let granuleBits = 512
    /// 2^31 bits, 256 MB: room for 200M values, a run of 30M posts.
    static let maximumBits = 1 << 31

    /// The values it was sized for; past it the false positives grow.
    var capacity: Int { Int(bitCount) / 10 }

    /// The memory its bits take.
    var byteCount: Int { words.count * 8 }

    mutating func insert(_ value: Int64) {
        count += 1
        let (first, second, third) = probes(value)
        set(first)
        set(second)
        set(third)
    }

    /// False when no inserted value equals `value`; true for every inserted value and a few others.
    func mayContain(_ value: Int64) -> Bool {
        let (first, second, third) = probes(value)
        return isSet(first) && isSet(second) && isSet(third)
    }

    private mutating func set(_ bit: UInt64) { words[Int(bit >> 6)] |= 1 << (bit & 63) }
    private func isSet(_ bit: UInt64) -> Bool { words[Int(bit >> 6)] & (1 << (bit & 63)) != 0 }

    private func probes(_ value: Int64) -> (UInt64, UInt64, UInt64) {
        let bits = UInt64(bitPattern: value)
        let swapped = bits >> 32 | bits << 32
        var remixed = (bits ^ (bits >> 31)) &* 0x94D0_49BB_1331_11EB
        remixed ^= remixed >> 29
        if isPowerOfTwo {
            let mask = bitCount - 1
            return (bits & mask, swapped & mask, remixed & mask)
        }
        // A uniform 64-bit hash times the bit count, high half: a uniform bit.
        return (
            bits.multipliedFullWidth(by: bitCount).high, swapped.multipliedFullWidth(by: bitCount).high,
            remixed.multipliedFullWidth(by: bitCount).high
        )
    }
}
