/// Reads one input format into post records.
///
/// A reader runs on its own thread while the caller writes to the database,
/// so it must not touch the corpus; everything it finds goes to `output`.
protocol FormatReader: Sendable {
    /// Reads the whole input, emitting records and problems in input order.
    /// Throws only when the input as a whole cannot be read (for example a
    /// JSON document that does not parse); a bad record is `output.reject`ed.
    func read(_ input: InputFile, into output: RecordOutput) throws
}

/// Readers for JSON formats, which see one JSON value at a time: the whole
/// document, or one line of NDJSON.
protocol JSONRecordReader: FormatReader {
    /// True when lines of this format are always one record each (JSONL), so
    /// the input is never read as one document.
    var isLineBased: Bool { get }
    /// Emits the records held by `value`, found at `location` (a line number
    /// for NDJSON, `$` for a whole document).
    func records(in value: JSONValue, at location: RecordLocation, into output: RecordOutput) throws
}

extension JSONRecordReader {
    var isLineBased: Bool { false }

    func read(_ input: InputFile, into output: RecordOutput) throws {
        try readValues(input, into: output)
    }

    /// Reads every JSON value of the input (each line of NDJSON, or the one
    /// document) and passes it to `records(in:at:into:)`.
    func readValues(_ input: InputFile, into output: RecordOutput) throws {
        if isLineBased || JSONLayout.isLineDelimited(input.head) {
            try input.forEachLine(
                { line, number in
                    // The writer stopped (or the records cannot be sorted): read no further.
                    if output.isCancelled { throw ImportError.cancelled }
                    guard !isBlank(line) else { return }
                    let value: JSONValue
                    do throws(JSONParseError) {
                        value = try JSONParser.parse(line)
                    } catch {
                        output.reject(at: "\(number):\(column(of: error.offset, in: line))", "not valid JSON: \(error.reason)")
                        return
                    }
                    try records(in: value, at: RecordLocation(line: number), into: output)
                },
                tooLong: { number in
                    output.reject(at: "\(number)", "line longer than \(InputFile.lineLimit / 1_048_576) MiB; skipped")
                })
        } else {
            let bytes = try input.contents()
            let value: JSONValue
            do throws(JSONParseError) {
                value = try JSONParser.parse(bytes)
            } catch {
                let (line, col) = lineAndColumn(of: error.offset, in: bytes)
                throw ImportError.malformedDocument(path: input.path, location: "\(line):\(col)", reason: "not valid JSON: \(error.reason)")
            }
            try records(in: value, at: RecordLocation(path: "$"), into: output)
        }
    }
}

/// Where a record was found: a line of NDJSON, or a path in a JSON document.
public struct RecordLocation: Sendable, CustomStringConvertible {
    /// The 1-based line, for line-based input.
    public var line: Int?
    /// The JSON path inside a document (`$.data.children[3]`), or nil on a line of its own.
    public var path: String?

    /// A `RecordLocation` made of the values given.
    public init(line: Int? = nil, path: String? = nil) {
        self.line = line
        self.path = path
    }

    /// The location of a member of this value.
    public func member(_ key: String) -> RecordLocation {
        RecordLocation(line: line, path: (path ?? "$") + "." + key)
    }

    /// The location of an element of this array.
    public func element(_ index: Int) -> RecordLocation {
        RecordLocation(line: line, path: (path ?? "$") + "[\(index)]")
    }

    /// The problem with its place in the input.
    public var description: String {
        switch (line, path) {
        case (let line?, let path?) where path != "$": return "\(line) \(path)"
        case (let line?, _): return "\(line)"
        case (nil, let path?): return path
        default: return "?"
        }
    }
}

/// Whether a JSON input is one document or one value per line.
enum JSONLayout {
    /// True when the first line holds a complete JSON value and more follows:
    /// NDJSON. A pretty-printed document's first line is never complete.
    static func isLineDelimited(_ head: ArraySlice<UInt8>) -> Bool {
        guard let newline = head.firstIndex(of: 0x0A) else { return false }
        let first = head[head.startIndex..<newline]
        guard let start = first.firstIndex(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D && $0 != 0xEF && $0 != 0xBB && $0 != 0xBF }),
            first[start] == UInt8(ascii: "{") || first[start] == UInt8(ascii: "[")
        else { return false }
        guard (try? JSONParser.parse(first)) != nil else { return false }
        let rest = head[(newline + 1)...]
        return rest.contains { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }
    }
}

func isBlank(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
    line.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
}

/// The 1-based column (in characters) of a byte offset within one line.
func column(of offset: Int, in line: UnsafeBufferPointer<UInt8>) -> Int {
    let end = min(offset, line.count)
    return String(decoding: UnsafeBufferPointer(rebasing: line[0..<end]), as: UTF8.self).count + 1
}

/// The 1-based line and column of a byte offset in a document.
func lineAndColumn(of offset: Int, in bytes: [UInt8]) -> (Int, Int) {
    var line = 1
    var lineStart = 0
    for index in 0..<min(offset, bytes.count) where bytes[index] == 0x0A {
        line += 1
        lineStart = index + 1
    }
    let end = min(offset, bytes.count)
    return (line, String(decoding: bytes[lineStart..<end], as: UTF8.self).count + 1)
}
