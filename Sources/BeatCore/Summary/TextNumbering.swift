import Foundation

/// The distinct texts of one column numbered in the order first seen, found by their bytes:
/// a window of a million posts by a few hundred thousand authors makes a few hundred
/// thousand strings, where making one per row and hashing it as a `String` took half
/// the summary's pass over its posts.
struct TextNumbering {
    /// Each number's text.
    private(set) var texts: [String] = []
    /// The bytes of every text, one after another; `starts[n] ..< starts[n + 1]` are text n's.
    private var bytes: [UInt8] = []
    private var starts: [Int] = [0]
    /// Open addressing: a text's number plus one, 0 for a free slot. Never more than half full.
    private var slots: [Int32] = Array(repeating: 0, count: 1024)

    /// The number of the text made of `utf8`, given one if it is new.
    mutating func number(_ utf8: UnsafeBufferPointer<UInt8>) -> Int32 {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: Self.hash(utf8)) & mask
        while slots[slot] != 0 {
            let candidate = Int(slots[slot] - 1)
            if matches(candidate, utf8) { return Int32(candidate) }
            slot = (slot + 1) & mask
        }
        let number = Int32(texts.count)
        texts.append(String(decoding: utf8, as: UTF8.self))
        bytes.append(contentsOf: utf8)
        starts.append(bytes.count)
        slots[slot] = number + 1
        if texts.count * 2 > slots.count { grow() }
        return number
    }

    /// The number here of each of `other`'s texts, in `other`'s order, given one if it is new:
    /// found by its bytes as read, not by its `String` (which has invalid UTF-8 replaced).
    mutating func numbers(of other: TextNumbering) -> [Int32] {
        other.bytes.withUnsafeBufferPointer { all in
            other.texts.indices.map { number(UnsafeBufferPointer(rebasing: all[other.starts[$0]..<other.starts[$0 + 1]])) }
        }
    }

    private func matches(_ number: Int, _ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = starts[number], end = starts[number + 1]
        guard end - start == utf8.count else { return false }
        return bytes.withUnsafeBufferPointer { stored in
            utf8.isEmpty || memcmp(stored.baseAddress! + start, utf8.baseAddress!, utf8.count) == 0
        }
    }

    private mutating func grow() {
        slots = Array(repeating: 0, count: slots.count * 2)
        let mask = slots.count - 1
        bytes.withUnsafeBufferPointer { all in
            for number in texts.indices {
                let text = UnsafeBufferPointer(rebasing: all[starts[number]..<starts[number + 1]])
                var slot = Int(truncatingIfNeeded: Self.hash(text)) & mask
                while slots[slot] != 0 { slot = (slot + 1) & mask }
                slots[slot] = Int32(number) + 1
            }
        }
    }

    /// FNV-1a, then mixed so that the low bits the table uses depend on every byte.
    private static func hash(_ utf8: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return (hash &* 0x9e37_79b9_7f4a_7c15) >> 29
    }
}
