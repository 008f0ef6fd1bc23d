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
/// multiplication. A filter takes ten bits per value rounded up to 512 (times a
/// power of two for large ones, under 1/64 more), not to a power of two: that
/// rounding took 11.6 bits per value on average, 12 MB more for a ten-million-post
/// corpus, all of it in a writer's memory. When the filters of a large corpus
/// outgrow their budget, some are halved (`fold()`), which needs no values. Each run of
/// `spread_bands` stores its filter (`bytes`), so the probes and the layout are
/// part of the file format; a stored filter of a size a build does not read is
/// built again from its run (`BandRuns.storedFilter`), so an older build meeting
/// an exact size rebuilds it, and a change of probes for sizes already in use
/// needs a migration that drops the stored filters.
struct BandFilter {
    private var words: FilterWords
    /// The number of bits, and whether it is a power of two (probes are then masked).
    private var bitCount: UInt64
    private let isPowerOfTwo: Bool
    /// Values inserted since it was made (not counting those it was read with), repeats included.
    private(set) var count = 0

    /// Room for `capacity` values at ten bits each, at least `minimumBits` and at most
    /// `maximumBits` (a multiple of 512); see `init(bits:)` for the rounding.
    init(capacity: Int, maximumBits: Int = Self.maximumBits) {
        // A count read from a damaged file may be anything: it must not overflow.
        let wanted = capacity.multipliedReportingOverflow(by: Self.bitsPerValue)
        self.init(bits: wanted.overflow || wanted.partialValue < 0 ? maximumBits : wanted.partialValue, maximumBits: maximumBits)
    }

    /// An empty filter of about `bits` bits, at least `minimumBits` and at most `maximumBits`
    /// (a multiple of 512). The size is rounded up to a multiple of 512 bits times the largest
    /// power of two that adds under 1/64 to it, so that a large filter can be halved (`fold()`)
    /// many times when the filters outgrow their budget.
    init(bits wanted: Int, maximumBits: Int = Self.maximumBits) {
        let capped = min(max(wanted, Self.minimumBits), maximumBits)
        let granules = (capped + Self.granuleBits - 1) / Self.granuleBits
        let step = granules < 64 ? 1 : 1 << (Int.bitWidth - 1 - (granules / 64).leadingZeroBitCount)
        let rounded = (granules + step - 1) / step * step * Self.granuleBits
        self.init(zeroedBits: rounded <= maximumBits ? rounded : granules * Self.granuleBits)
    }

    /// An empty filter of `storedByteCount` bytes, to be read into with `load(_:at:)`; nil when a stored
    /// value of that many bytes is not a filter (`isStoredSize`).
    init?(storedByteCount: Int) {
        guard Self.isStoredSize(storedByteCount) else { return nil }
        self.init(zeroedBits: storedByteCount * 8)
    }

    /// The filter stored as `bytes`, nil when they are not one (`isStoredSize`): a writer then
    /// builds it again from its run.
    init?(bytes: [UInt8]) {
        self.init(storedByteCount: bytes.count)
        bytes.withUnsafeBytes { load($0, at: 0) }
    }

    private init(zeroedBits bits: Int) {
        words = FilterWords(zeroed: bits / 64)
        bitCount = UInt64(bits)
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
    /// their count) into its words: a filter read a chunk at a time.
    mutating func load(_ bytes: UnsafeRawBufferPointer, at offset: Int) {
        makeUnique()
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
        var bytes = [UInt8](repeating: 0, count: byteCount)
        bytes.withUnsafeMutableBytes { copyBytes(from: 0, into: $0) }
        return bytes
    }

    /// 512 bits: a run of a few posts' bands costs 64 bytes.
    static let minimumBits = 1 << 9
    /// Filter sizes are multiples of this: 64 bytes.
    static let granuleBits = 512
    /// 2^31 bits, 256 MB: room for 200M values, a run of 30M posts.
    static let maximumBits = 1 << 31

    /// Bits per value a filter is made with: three probes then let about 1.7 % of absent values through.
    static let bitsPerValue = 10

    /// The values it was sized for; past it the false positives grow.
    var capacity: Int { Int(bitCount) / Self.bitsPerValue }

    /// The number of bits.
    var bits: Int { Int(bitCount) }

    /// The memory its bits take.
    var byteCount: Int { words.count * 8 }

    /// Whether `fold()` can halve it.
    var canFold: Bool { words.count % 2 == 0 && Self.isStoredSize(words.count * 4) }

    /// Halves the filter in place (when `canFold`): it then holds exactly what inserting its
    /// values into half the bits makes. Probes by mask land on bit b or b + half, so the halves
    /// are joined; probes by multiply-high land on 2b or 2b + 1 (the high half of h·n/2 is that
    /// of h·n halved), so neighbouring bits are. More absent values then get through; no stored
    /// one is missed.
    mutating func fold() {
        precondition(canFold, "a filter of \(bitCount) bits cannot be halved")
        makeUnique()
        let half = words.count / 2
        if isPowerOfTwo {
            for index in 0..<half { words[index] |= words[index + half] }
        } else {
            // Word i takes words 2i and 2i + 1, which no earlier step has written over.
            for index in 0..<half {
                words[index] = Self.joinPairs(words[2 * index]) | Self.joinPairs(words[2 * index + 1]) << 32
            }
        }
        words.truncate(to: half)
        bitCount /= 2
    }

    /// Bit i of the result (i < 32) is bit 2i or bit 2i + 1 of `word`.
    private static func joinPairs(_ word: UInt64) -> UInt64 {
        var bits = (word | word >> 1) & 0x5555_5555_5555_5555
        bits = (bits | bits >> 1) & 0x3333_3333_3333_3333
        bits = (bits | bits >> 2) & 0x0F0F_0F0F_0F0F_0F0F
        bits = (bits | bits >> 4) & 0x00FF_00FF_00FF_00FF
        bits = (bits | bits >> 8) & 0x0000_FFFF_0000_FFFF
        return (bits | bits >> 16) & 0x0000_0000_FFFF_FFFF
    }

    mutating func insert(_ value: Int64) {
        makeUnique()
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

    /// Copies the words first when another copy of the filter shares them.
    private mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&words) { words = FilterWords(copying: words) }
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
