/// The band values of posts fingerprinted by this writer and not yet folded
/// into `spread_bands`, by value: one flat array of (value, post) slots with
/// linear probing, one slot per distinct value, so that a hundred thousand
/// posts cost about 16 MB and no allocation per entry. The few values that
/// several posts share keep their posts in `shared`, at most
/// `SpreadIndex.candidatesPerBand` of them (the latest, as a lookup in
/// `spread_bands` returns): text repeated thousands of times (a bot, a
/// template) must not make every lookup read thousands of posts. The earlier
/// ones wait in `overflow`, read only by a fold.
///
/// Band values are uniform 64-bit hashes, so the value itself picks the slot:
/// its top bits, so that slots follow value order and the table is nearly
/// sorted already (an entry sits at most its probe cluster past its place).
/// Entries are only ever added; `drainSorted` hands them over for a fold,
/// sorted where they lie, with no second buffer the size of the table.
struct PendingBands {
    struct Entry {
        var value: Int64
        /// The post, `empty` when the slot is free.
        var post: Int64
    }

    /// Posts whose bands are held, each once.
    private(set) var posts: Set<Int64> = []
    /// True while the map holds exactly the current bands of its posts: false once a post was
    /// added twice or deleted (its old text's bands are still here). Only then can a fold be
    /// written from memory.
    private(set) var holdsEveryCurrentBand = true
    private var slots: [Entry] = []
    /// The posts of values held by more than one, latest first, at most `perValue`.
    private var shared: [Int64: [Int64]] = [:]
    /// The posts of a shared value beyond the latest `perValue`, in no order.
    private var overflow: [Int64: [Int64]] = [:]
    private var count = 0
    /// No post id is this low: ids are publication seconds shifted left.
    private static let empty = Int64.min

    var isEmpty: Bool { posts.isEmpty }

    /// Files the post's band values.
    mutating func add(postID: Int64, bands: [Int64]) {
        if !posts.insert(postID).inserted { holdsEveryCurrentBand = false }
        for value in bands {
            if (count + 1) * 10 > slots.count * 7 { grow() }
            insert(value, postID)
        }
    }

    /// A held post was deleted or changed: its bands here are no longer its own.
    mutating func markStale() {
        holdsEveryCurrentBand = false
    }

    /// The held posts that have `value` among their bands, latest first, at most `perValue`.
    func posts(withBand value: Int64) -> [Int64] {
        guard let slot = slot(holding: value) else { return [] }
        return shared[value] ?? [slots[slot].post]
    }

    /// Posts kept per shared value.
    static let perValue = SpreadIndex.candidatesPerBand

    /// The slot of `value`, or nil when it is not held.
    private func slot(holding value: Int64) -> Int? {
        guard !slots.isEmpty else { return nil }
        let mask = slots.count - 1
        var slot = Self.home(of: value, tableSize: slots.count)
        while slots[slot].post != Self.empty {
            if slots[slot].value == value { return slot }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// Every held entry, sorted by value then post, and the map emptied. The entries are
    /// sorted where they lie: the table is in value order but for the entries of a probe
    /// cluster, so an insertion sort moves each a few places at most; the few that probed
    /// past the end of the table to its start go to the end first. The posts of shared
    /// values, few, are sorted apart and merged in from the back.
    mutating func drainSorted() -> [Entry] {
        var entries = slots
        slots = []
        var kept = 0
        var wrapped: [Entry] = []
        var extra: [Entry] = []
        for index in entries.indices where entries[index].post != Self.empty {
            let entry = entries[index]
            if let posts = shared[entry.value] {
                // A shared value's posts are its list and its overflow, the slot's own post among them.
                for post in posts + (overflow[entry.value] ?? []) { extra.append(Entry(value: entry.value, post: post)) }
            } else if Self.home(of: entry.value, tableSize: entries.count) > index {
                wrapped.append(entry)
            } else {
                entries[kept] = entry
                kept += 1
            }
        }
        entries.removeLast(entries.count - kept)
        entries.append(contentsOf: wrapped)
        Self.insertionSort(&entries)
        extra.sort(by: Entry.precedes)
        Self.merge(extra, into: &entries)
        removeAll()
        return entries
    }

    /// Sorts entries that are each a few places from where they belong.
    private static func insertionSort(_ entries: inout [Entry]) {
        entries.withUnsafeMutableBufferPointer { buffer in
            guard buffer.count > 1 else { return }
            for index in 1..<buffer.count {
                let entry = buffer[index]
                var position = index
                while position > 0 && Entry.precedes(entry, buffer[position - 1]) {
                    buffer[position] = buffer[position - 1]
                    position -= 1
                }
                buffer[position] = entry
            }
        }
    }

    /// Merges sorted `other` into sorted `entries`, from the back, in `entries`' own storage.
    private static func merge(_ other: [Entry], into entries: inout [Entry]) {
        guard !other.isEmpty else { return }
        var left = entries.count - 1
        var right = other.count - 1
        entries.append(contentsOf: other)
        var target = entries.count - 1
        while right >= 0 {
            if left >= 0 && Entry.precedes(other[right], entries[left]) {
                entries[target] = entries[left]
                left -= 1
            } else {
                entries[target] = other[right]
                right -= 1
            }
            target -= 1
        }
    }

    mutating func removeAll() {
        posts = []
        slots = []
        shared = [:]
        overflow = [:]
        count = 0
        holdsEveryCurrentBand = true
    }

    /// The slot where `value`'s probe starts in a table of `tableSize` slots (a power of two): the
    /// value's top bits, the sign bit flipped, so that a higher slot holds higher values.
    private static func home(of value: Int64, tableSize: Int) -> Int {
        let shift = UInt64(64 - tableSize.trailingZeroBitCount)
        return Int(truncatingIfNeeded: (UInt64(bitPattern: value) ^ (1 << 63)) >> shift)
    }

    private mutating func insert(_ value: Int64, _ postID: Int64) {
        let mask = slots.count - 1
        var slot = Self.home(of: value, tableSize: slots.count)
        while slots[slot].post != Self.empty {
            if slots[slot].value == value {
                share(value, slots[slot].post, postID)
                return
            }
            slot = (slot + 1) & mask
        }
        slots[slot] = Entry(value: value, post: postID)
        count += 1
    }

    /// Files one more post under a value already held by `first`.
    private mutating func share(_ value: Int64, _ first: Int64, _ postID: Int64) {
        var posts = shared[value] ?? [first]
        guard !posts.contains(postID) else { return }
        let position = posts.firstIndex { $0 < postID } ?? posts.count
        posts.insert(postID, at: position)
        if posts.count > Self.perValue {
            overflow[value, default: []].append(posts.removeLast())
        }
        shared[value] = posts
    }

    private mutating func grow() {
        let old = slots
        let capacity = max(1 << 12, slots.count * 2)
        slots = []
        slots = [Entry](repeating: Entry(value: 0, post: Self.empty), count: capacity)
        count = 0
        // Values are distinct in the slots, so each goes to a free slot.
        let mask = capacity - 1
        for entry in old where entry.post != Self.empty {
            var slot = Self.home(of: entry.value, tableSize: capacity)
            while slots[slot].post != Self.empty { slot = (slot + 1) & mask }
            slots[slot] = entry
            count += 1
        }
    }
}
