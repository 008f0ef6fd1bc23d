/// A post record as bytes and back: how an import spills the records it sorts
/// into time order (`TimeSorter`). Little-endian lengths and integers; a string
/// is its UTF-8 length then its bytes, an absent one the length `absent`. The
/// bytes live only in a temporary file of one import, so the layout is no file
/// format: it may change with any build.
enum RecordCoding {
    /// The length that marks an absent string or list.
    static let absent = UInt32.max

    /// Appends `record` to `buffer`.
    static func append(_ record: PostRecord, to buffer: inout [UInt8]) {
        appendString(record.source, to: &buffer)
        appendString(record.sourceID, to: &buffer)
        appendString(record.venue, to: &buffer)
        appendString(record.author, to: &buffer)
        appendInteger(UInt64(bitPattern: record.publishedAt), to: &buffer)
        appendString(record.title, to: &buffer)
        appendString(record.text, to: &buffer)
        appendString(record.url, to: &buffer)
        appendString(record.parent, to: &buffer)
        appendString(record.thread, to: &buffer)
        appendOptional(record.score, to: &buffer)
        appendString(record.lang, to: &buffer)
        if let tags = record.tags {
            appendLength(UInt32(tags.count), to: &buffer)
            for tag in tags { appendString(tag, to: &buffer) }
        } else {
            appendLength(absent, to: &buffer)
        }
        appendString(record.raw, to: &buffer)
        appendOptional(record.originLine.map(Int64.init), to: &buffer)
    }

    /// The record `append` wrote at the start of `bytes`, nil when they do not hold one whole.
    static func decode(_ bytes: UnsafeRawBufferPointer) -> PostRecord? {
        var reader = Reader(bytes: bytes)
        guard let source = reader.string(), let sourceID = reader.string(), let venue = reader.optionalString(),
            let author = reader.optionalString(), let publishedAt = reader.integer(), let title = reader.optionalString(),
            let text = reader.string(), let url = reader.optionalString(), let parent = reader.optionalString(),
            let thread = reader.optionalString(), let score = reader.optionalInteger(), let lang = reader.optionalString(),
            let tags = reader.optionalStrings(), let raw = reader.optionalString(), let originLine = reader.optionalInteger()
        else { return nil }
        return PostRecord(
            source: source, sourceID: sourceID, venue: venue, author: author, publishedAt: Int64(bitPattern: publishedAt),
            title: title, text: text, url: url, parent: parent, thread: thread, score: score, lang: lang, tags: tags, raw: raw,
            originLine: originLine.map { Int($0) })
    }

    private static func appendLength(_ length: UInt32, to buffer: inout [UInt8]) {
        withUnsafeBytes(of: length.littleEndian) { buffer.append(contentsOf: $0) }
    }

    private static func appendInteger(_ value: UInt64, to buffer: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { buffer.append(contentsOf: $0) }
    }

    private static func appendOptional(_ value: Int64?, to buffer: inout [UInt8]) {
        guard let value else { return buffer.append(0) }
        buffer.append(1)
        appendInteger(UInt64(bitPattern: value), to: &buffer)
    }

    private static func appendString(_ text: String?, to buffer: inout [UInt8]) {
        guard let text else { return appendLength(absent, to: &buffer) }
        appendLength(UInt32(text.utf8.count), to: &buffer)
        buffer.append(contentsOf: text.utf8)
    }

    /// Reads the fields in order, each returning nil (`.some(nil)` for an absent optional
    /// is a present value) once the bytes run out.
    private struct Reader {
        let bytes: UnsafeRawBufferPointer
        var offset = 0

        mutating func length() -> UInt32? {
            guard offset + 4 <= bytes.count else { return nil }
            defer { offset += 4 }
            return UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
        }

        mutating func integer() -> UInt64? {
            guard offset + 8 <= bytes.count else { return nil }
            defer { offset += 8 }
            return UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
        }

        mutating func optionalInteger() -> Int64?? {
            guard offset < bytes.count else { return nil }
            let flag = bytes[offset]
            offset += 1
            guard flag == 1 else { return flag == 0 ? .some(nil) : nil }
            return integer().map { Int64(bitPattern: $0) }
        }

        mutating func optionalString() -> String?? {
            guard let length = length() else { return nil }
            if length == RecordCoding.absent { return .some(nil) }
            guard Int(length) <= bytes.count - offset else { return nil }
            defer { offset += Int(length) }
            return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + Int(length)]), as: UTF8.self)
        }

        mutating func string() -> String? {
            guard case .some(.some(let text)) = optionalString() else { return nil }
            return text
        }

        mutating func optionalStrings() -> [String]?? {
            guard let count = length() else { return nil }
            if count == RecordCoding.absent { return .some(nil) }
            var strings: [String] = []
            for _ in 0..<count {
                guard let text = string() else { return nil }
                strings.append(text)
            }
            return strings
        }
    }
}
