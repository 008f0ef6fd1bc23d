/// Why a story could not be read as text.
public enum StoryInputError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The bytes hold NUL bytes: an image, a PDF or a word-processor file rather than text.
    case binary(path: String)
    /// The bytes are not UTF-8; `offset` is the first byte that is not.
    case invalidUTF8(path: String, line: Int, offset: Int)
    /// The story is encoded as UTF-16 (a byte-order mark says so).
    case utf16(path: String)

    /// What is wrong with the story file, with its path.
    public var description: String {
        switch self {
        case .binary(let path):
            return
                "\(path): this looks like a binary file, not a story; check reads text, Markdown or HTML (save a document as .md, .html or .txt first)"
        case .invalidUTF8(let path, let line, let offset):
            return
                "\(path):\(line): the text is not valid UTF-8 (byte \(offset)); convert it first, for example: iconv -f windows-1252 -t UTF-8"
        case .utf16(let path):
            return "\(path): the text is encoded as UTF-16; convert it to UTF-8 first, for example: iconv -f UTF-16 -t UTF-8"
        }
    }
}

/// Turns a story file's bytes into text, refusing what is not UTF-8 text.
public enum StoryInput {
    /// The story's text: a UTF-8 byte-order mark removed, line endings kept as written.
    /// - Parameter path: how the story is named in errors (`-` for standard input).
    /// - Throws: `StoryInputError` for binary, UTF-16 or invalid UTF-8 input.
    public static func text(from bytes: [UInt8], path: String) throws(StoryInputError) -> String {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if body.starts(with: [0xFF, 0xFE]) || body.starts(with: [0xFE, 0xFF]) { throw .utf16(path: path) }
        if body.contains(0) { throw .binary(path: path) }
        if let offset = firstInvalidUTF8(body) {
            let line = body[body.startIndex..<offset].filter { $0 == UInt8(ascii: "\n") }.count + 1
            throw .invalidUTF8(path: path, line: line, offset: offset - body.startIndex + (bytes.count - body.count))
        }
        return String(decoding: body, as: UTF8.self)
    }

    /// The index of the first byte that does not belong to a well-formed UTF-8 sequence.
    private static func firstInvalidUTF8(_ bytes: ArraySlice<UInt8>) -> Int? {
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        var offset = bytes.startIndex
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                offset += UTF8.width(scalar)
            case .emptyInput:
                return nil
            case .error:
                return offset
            }
        }
    }
}
