/// The words of a post as near-duplicate detection compares them: lowercase,
/// letters and digits only, with web addresses left out (a copy often gains or
/// loses a link, and links are tracked on their own in `post_links`).
///
/// Works on UTF-8 bytes for speed at import: ASCII is folded to lowercase and
/// other characters count as part of a word, so accented and non-Latin words
/// stay whole, except the typographic punctuation of U+2000…U+206F (curly
/// quotes, dashes, ellipsis) and the no-break space, which separate words like
/// their ASCII forms. Apostrophes, straight or curly, join: `don't` is `dont`.
public enum SpreadWords {
    /// The normalised words of `text`, as 64-bit hashes (FNV-1a over the word's bytes).
    public static func hashes(_ text: String) -> [UInt64] {
        var sink = HashSink()
        sink.hashes.reserveCapacity(text.utf8.count / 5)
        scan(text, into: &sink)
        return sink.hashes
    }

    /// The normalised words of `text` as strings, for showing how two copies differ.
    public static func words(_ text: String) -> [String] {
        var sink = StringSink()
        scan(text, into: &sink)
        return sink.words
    }

    private protocol Sink {
        mutating func append(_ byte: UInt8)
        mutating func endWord()
    }

    private struct HashSink: Sink {
        var hashes: [UInt64] = []
        var hash = SpreadWords.fnvOffset
        var open = false
        @inline(__always) mutating func append(_ byte: UInt8) {
            hash = (hash ^ UInt64(byte)) &* SpreadWords.fnvPrime
            open = true
        }
        @inline(__always) mutating func endWord() {
            if open { hashes.append(hash) }
            hash = SpreadWords.fnvOffset
            open = false
        }
    }

    private struct StringSink: Sink {
        var words: [String] = []
        var bytes: [UInt8] = []
        mutating func append(_ byte: UInt8) { bytes.append(byte) }
        mutating func endWord() {
            if !bytes.isEmpty { words.append(String(decoding: bytes, as: UTF8.self)) }
            bytes.removeAll(keepingCapacity: true)
        }
    }

    private static func scan<S: Sink>(_ text: String, into sink: inout S) {
        var text = text
        text.withUTF8 { bytes in
            var index = 0
            let count = bytes.count
            var inWord = false
            while index < count {
                let byte = bytes[index]
                if byte < 0x80 {
                    if (byte >= 48 && byte <= 57) || (byte >= 97 && byte <= 122) {
                        if !inWord, byte == 104, let end = urlEnd(bytes, from: index) {
                            index = end
                            continue
                        }
                        sink.append(byte)
                        inWord = true
                    } else if byte >= 65 && byte <= 90 {
                        if !inWord, byte == 72, let end = urlEnd(bytes, from: index) {
                            index = end
                            continue
                        }
                        sink.append(byte | 0x20)
                        inWord = true
                    } else if byte == 39 && inWord {
                        // an apostrophe inside a word joins it
                    } else if inWord {
                        sink.endWord()
                        inWord = false
                    }
                    index += 1
                    continue
                }
                // A multi-byte character: punctuation from U+2000…U+206F (E2 80 xx, E2 81 xx)
                // and U+00A0 (C2 A0) separate words; U+2019 (E2 80 99) is an apostrophe.
                if byte == 0xE2, index + 2 < count, bytes[index + 1] == 0x80 || bytes[index + 1] == 0x81 {
                    let isApostrophe = bytes[index + 1] == 0x80 && bytes[index + 2] == 0x99
                    if !(isApostrophe && inWord), inWord {
                        sink.endWord()
                        inWord = false
                    }
                    index += 3
                    continue
                }
                if byte == 0xC2, index + 1 < count, bytes[index + 1] >= 0xA0, bytes[index + 1] <= 0xBF {
                    // U+00A0…U+00BF: no-break space, «», ¿, ¡ and other Latin-1 punctuation
                    if inWord {
                        sink.endWord()
                        inWord = false
                    }
                    index += 2
                    continue
                }
                sink.append(byte)
                inWord = true
                index += 1
            }
            if inWord { sink.endWord() }
        }
    }

    /// The index just past a web address starting at `start` (`http://` or `https://`), or nil.
    private static func urlEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var index = start
        for expected in [UInt8(ascii: "h"), UInt8(ascii: "t"), UInt8(ascii: "t"), UInt8(ascii: "p")] {
            guard index < bytes.count, bytes[index] | 0x20 == expected else { return nil }
            index += 1
        }
        if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "s") { index += 1 }
        guard index + 2 < bytes.count, bytes[index] == UInt8(ascii: ":"), bytes[index + 1] == UInt8(ascii: "/"),
            bytes[index + 2] == UInt8(ascii: "/")
        else { return nil }
        while index < bytes.count, bytes[index] > 32 { index += 1 }
        return index
    }

    static let fnvOffset: UInt64 = 0xcbf2_9ce4_8422_2325
    static let fnvPrime: UInt64 = 0x0000_0100_0000_01b3
}
