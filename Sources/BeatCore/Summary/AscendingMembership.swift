/// Membership in a sorted list of post ids, asked in ascending order: a cursor that
/// only moves forward, so that checking every id of a posting list (a million for a
/// common word in a year of ten million posts) reads the list once, in order, instead
/// of probing a hash table at random, which cost more than reading the postings.
///
/// Ids asked out of order are still answered right: the cursor starts again by bisection.
struct AscendingMembership {
    private let ids: [Int64]
    private var cursor = 0
    private var previous = Int64.min

    /// Membership in `ids`, which must be ascending (`SummaryScan.ids` is).
    init(_ ids: [Int64]) { self.ids = ids }

    /// Whether `id` is one of the ids.
    mutating func contains(_ id: Int64) -> Bool {
        if id < previous { cursor = Self.firstIndex(atLeast: id, in: ids) }
        previous = id
        while cursor < ids.count && ids[cursor] < id { cursor += 1 }
        return cursor < ids.count && ids[cursor] == id
    }

    /// The index of the first id at least `id` (the end when none is).
    static func firstIndex(atLeast id: Int64, in ids: [Int64]) -> Int {
        var low = 0, high = ids.count
        while low < high {
            let middle = (low + high) / 2
            if ids[middle] < id { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
