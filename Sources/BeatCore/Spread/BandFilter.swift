/// A Bloom filter over band values: answers "certainly not stored" for most
/// values that no post has, so that a writer skips the `spread_bands` lookup
/// for them. Nearly every band value of a post without copies is unique, and
/// each lookup of one reads a random leaf of an index larger than the page
/// cache: without the filter, those reads were a tenth of a large import.
///
/// Three probes per value at about ten bits per value answer "maybe" for
/// about 2 % of absent values. Band values are uniform 64-bit hashes, so the
/// probes are slices of the value and of one remix of it.
struct BandFilter {
    private var words: [UInt64]
    private let mask: UInt64
    /// Values inserted, counting repeats.
    private(set) var count = 0

    /// Room for about `capacity` values at ten bits each.
    init(capacity: Int) {
        var bits = 1 << 16
        while bits < capacity * 10 && bits < Self.maximumBits { bits <<= 1 }
        words = [UInt64](repeating: 0, count: bits / 64)
        mask = UInt64(bits - 1)
    }

    /// 2^28 bits, 32 MB: beyond about 27M values the filter answers "maybe" more often
    /// (a fifth of absent values at 60M, a ten-million-post corpus) instead of growing.
    static let maximumBits = 1 << 28

    /// The values the filter was sized for; past it the false positives grow.
    var capacity: Int { words.count * 64 / 10 }

    mutating func insert(_ value: Int64) {
        count += 1
        let (first, second, third) = Self.probes(value, mask)
        set(first)
        set(second)
        set(third)
    }

    /// False when no inserted value equals `value`; true for every inserted value and a few others.
    func mayContain(_ value: Int64) -> Bool {
        let (first, second, third) = Self.probes(value, mask)
        return isSet(first) && isSet(second) && isSet(third)
    }

    private mutating func set(_ bit: UInt64) { words[Int(bit >> 6)] |= 1 << (bit & 63) }
    private func isSet(_ bit: UInt64) -> Bool { words[Int(bit >> 6)] & (1 << (bit & 63)) != 0 }

    private static func probes(_ value: Int64, _ mask: UInt64) -> (UInt64, UInt64, UInt64) {
        let bits = UInt64(bitPattern: value)
        let remixed = (bits ^ (bits >> 31)) &* 0x94D0_49BB_1331_11EB
        return (bits & mask, (bits >> 32 | bits << 32) & mask, (remixed ^ (remixed >> 29)) & mask)
    }
}
