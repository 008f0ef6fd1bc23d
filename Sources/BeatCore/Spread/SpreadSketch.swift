/// A post's fingerprint for near-duplicate detection: the set of its word
/// 3-shingles (hashed), and a MinHash signature of that set cut into bands.
///
/// Two posts whose shingle sets overlap by Jaccard similarity J agree on one
/// MinHash value with probability J, and on a band of `rowsPerBand` values
/// with probability J^r; they share at least one of `bandCount` bands, and so
/// become candidates, with probability 1 − (1 − J^r)^b. With 6 bands of 2 that
/// is 0.999 at J = 0.9 (a copy with a word changed), 0.97 at J = 0.6 and 0.82
/// at J = 0.4 (half a post kept), and 0.06 at J = 0.1. Candidates are then
/// verified on the shingle sets themselves (`SpreadSimilarity`), so a band
/// collision never groups posts by itself.
public struct SpreadSketch: Equatable, Sendable {
    /// Word shingle length.
    static let shingleLength = 3
    /// Fewer words than this are not fingerprinted: too short to say a text travelled.
    public static let minimumWords = 6
    static let bandCount = 6
    static let rowsPerBand = 2

    /// The distinct shingle hashes, sorted.
    public let shingles: [UInt64]
    /// One value per band, each a key of `spread_bands`.
    public let bands: [Int64]

    /// The sketch of `text`, or nil when it has fewer than `minimumWords` words.
    public init?(text: String) {
        self.init(words: SpreadWords.hashes(text))
    }

    init?(words: [UInt64]) {
        guard words.count >= Self.minimumWords else { return nil }
        let shingles = Self.shingles(of: words)
        self.shingles = shingles
        self.bands = Self.bands(of: shingles)
    }

    /// The sorted distinct hashes of each run of `shingleLength` words.
    static func shingles(of words: [UInt64]) -> [UInt64] {
        guard words.count >= shingleLength else { return [] }
        var result: [UInt64] = []
        result.reserveCapacity(words.count - shingleLength + 1)
        for start in 0...(words.count - shingleLength) { result.append(shingle(words, at: start)) }
        result.sort()
        var unique = 0
        for index in result.indices where index == 0 || result[index] != result[unique - 1] {
            result[unique] = result[index]
            unique += 1
        }
        result.removeLast(result.count - unique)
        return result
    }

    @inline(__always)
    private static func shingle(_ words: [UInt64], at start: Int) -> UInt64 {
        var hash = words[start]
        for offset in 1..<shingleLength {
            hash = mix(hash &* 0x9E37_79B9_7F4A_7C15 ^ words[start + offset])
        }
        return hash
    }

    /// MinHash over `bandCount * rowsPerBand` hash functions (the shingle hash
    /// re-mixed with a per-function seed), each band's rows hashed into one value.
    static func bands(of shingles: [UInt64]) -> [Int64] {
        minimums(shingles.count) { shingles[$0] }
    }

    /// The bands of `words` (nil when fewer than `minimumWords`), the same as `init(words:)`
    /// gives, without sorting the shingles: a minimum does not depend on order or repeats.
    /// An import computes one for every post, on its reading thread.
    static func bands(ofWords words: [UInt64]) -> [Int64]? {
        guard words.count >= minimumWords else { return nil }
        return minimums(words.count - shingleLength + 1) { shingle(words, at: $0) }
    }

    /// The bands from the minimum of each hash function over `count` shingles.
    @inline(__always)
    private static func minimums(_ count: Int, _ shingle: (Int) -> UInt64) -> [Int64] {
        var minimums = [UInt64](repeating: .max, count: bandCount * rowsPerBand)
        seeds.withUnsafeBufferPointer { seeds in
            minimums.withUnsafeMutableBufferPointer { minimums in
                for index in 0..<count {
                    let hash = shingle(index)
                    for function in 0..<seeds.count {
                        let value = mix(hash ^ seeds[function])
                        if value < minimums[function] { minimums[function] = value }
                    }
                }
            }
        }
        return bands(fromMinimums: minimums)
    }

    private static func bands(fromMinimums minimums: [UInt64]) -> [Int64] {
        var bands: [Int64] = []
        bands.reserveCapacity(bandCount)
        for band in 0..<bandCount {
            var hash = UInt64(band) &+ 0x51_7CC1_B727_220A
            for row in 0..<rowsPerBand {
                hash = mix(hash ^ minimums[band * rowsPerBand + row])
            }
            bands.append(Int64(bitPattern: hash))
        }
        return bands
    }

    /// Per-function seeds: fixed, so that sketches stored by one build compare with another's.
    private static let seeds: [UInt64] = {
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        return (0..<(bandCount * rowsPerBand)).map { _ in
            state = mix(state &+ 0x9E37_79B9_7F4A_7C15)
            return state
        }
    }()

    /// A 64-bit finaliser (splitmix64's): every input bit moves every output bit.
    @inline(__always)
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// How much two shingle sets overlap, and whether that makes them copies.
public struct SpreadSimilarity: Equatable, Sendable {
    /// Shared shingles over all shingles of either.
    public let jaccard: Double
    /// Shared shingles over the smaller set's: 1 when one text holds the other whole.
    public let containment: Double
    /// The smaller set's size.
    public let smaller: Int

    /// Compares two sorted, distinct shingle lists.
    public init(_ a: [UInt64], _ b: [UInt64]) {
        var i = 0, j = 0, shared = 0
        while i < a.count && j < b.count {
            if a[i] == b[j] {
                shared += 1
                i += 1
                j += 1
            } else if a[i] < b[j] {
                i += 1
            } else {
                j += 1
            }
        }
        let union = a.count + b.count - shared
        smaller = min(a.count, b.count)
        jaccard = union == 0 ? 0 : Double(shared) / Double(union)
        containment = smaller == 0 ? 0 : Double(shared) / Double(smaller)
    }

    /// Most of the two texts are the same words in the same order (an edited
    /// copy), or one holds nearly all of the other (a truncation, a quote inside
    /// commentary or an article), and that other is long enough (8 shingles,
    /// 10 words) for a shared stretch not to be a stock phrase.
    public var isCopy: Bool {
        jaccard >= Self.minimumJaccard || (containment >= Self.minimumContainment && smaller >= Self.minimumContained)
    }

    static let minimumJaccard = 0.5
    static let minimumContainment = 0.7
    static let minimumContained = 8

    /// Orders candidate matches: the most complete overlap first.
    var strength: Double { max(jaccard, containment * 0.99) }
}
