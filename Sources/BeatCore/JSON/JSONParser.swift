/// Why a JSON text could not be parsed, and the byte offset where that was found.
public struct JSONParseError: Error, Sendable, Equatable {
    /// What is wrong at `offset`.
    public let reason: String
    /// Offset in bytes from the start of the parsed text.
    public let offset: Int

    /// A `JSONParseError` made of the values given.
    public init(reason: String, offset: Int) {
        self.reason = reason
        self.offset = offset
    }
}

/// A strict JSON parser over UTF-8 bytes.
///
/// It rejects invalid UTF-8 inside strings instead of replacing it, so an
/// import can report the bad record rather than store mangled text, and it
/// limits nesting so hostile input cannot exhaust the stack.
public struct JSONParser {
    static let maximumDepth = 400

    /// Parses exactly one JSON value from `bytes`; trailing whitespace is allowed.
    public static func parse<Bytes: Collection>(_ bytes: Bytes) throws(JSONParseError) -> JSONValue
    where Bytes.Element == UInt8 {
        let result: Result<JSONValue, JSONParseError>? = bytes.withContiguousStorageIfAvailable { buffer in
            Result { () throws(JSONParseError) -> JSONValue in try parse(buffer: buffer) }
        }
        if let result { return try result.get() }
        let copy = Array(bytes)
        return try copy.withUnsafeBufferPointer { buffer throws(JSONParseError) in try parse(buffer: buffer) }
    }

    /// Parses one JSON value from a UTF-8 string.
    public static func parse(_ text: String) throws(JSONParseError) -> JSONValue {
        try parse(Array(text.utf8))
    }

    static func parse(buffer: UnsafeBufferPointer<UInt8>) throws(JSONParseError) -> JSONValue {
        var cursor = Cursor(bytes: buffer)
        cursor.skipByteOrderMark()
        cursor.skipWhitespace()
        let value = try cursor.parseValue(depth: 0)
        cursor.skipWhitespace()
        guard cursor.position == buffer.count else {
            throw cursor.error("unexpected text after the JSON value")
        }
        return value
    }

    struct Cursor {
        let bytes: UnsafeBufferPointer<UInt8>
        var position = 0
        private var scratch: [UInt8] = []

        init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        func error(_ reason: String, at offset: Int? = nil) -> JSONParseError {
            JSONParseError(reason: reason, offset: offset ?? position)
        }

        mutating func skipByteOrderMark() {
            if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { position = 3 }
        }

        mutating func skipWhitespace() {
            while position < bytes.count {
                switch bytes[position] {
                case 0x20, 0x09, 0x0A, 0x0D: position += 1
                default: return
                }
            }
        }

        mutating func parseValue(depth: Int) throws(JSONParseError) -> JSONValue {
            guard position < bytes.count else { throw error("the JSON text ends where a value was expected") }
            switch bytes[position] {
            case UInt8(ascii: "{"): return try parseObject(depth: depth + 1)
            case UInt8(ascii: "["): return try parseArray(depth: depth + 1)
            case UInt8(ascii: "\""): return .string(try parseString())
            case UInt8(ascii: "t"): try expectLiteral("true"); return .bool(true)
            case UInt8(ascii: "f"): try expectLiteral("false"); return .bool(false)
            case UInt8(ascii: "n"): try expectLiteral("null"); return .null
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
            default: throw error("unexpected character \(describe(bytes[position])) where a value was expected")
            }
        }

        private func describe(_ byte: UInt8) -> String {
            if byte >= 0x21 && byte < 0x7F { return "'\(Character(UnicodeScalar(byte)))'" }
            return "byte 0x" + String(byte, radix: 16, uppercase: true)
        }

        private mutating func expectLiteral(_ literal: StaticString) throws(JSONParseError) {
            let count = literal.utf8CodeUnitCount
            guard position + count <= bytes.count else { throw error("the JSON text ends inside a literal") }
            let start = literal.utf8Start
            for i in 0..<count where bytes[position + i] != start[i] {
                throw error("unexpected character \(describe(bytes[position + i]))", at: position + i)
            }
            position += count
        }

        private mutating func parseObject(depth: Int) throws(JSONParseError) -> JSONValue {
            guard depth <= JSONParser.maximumDepth else { throw error("JSON nested more than \(JSONParser.maximumDepth) levels deep") }
            let start = position
            position += 1
            var members: [(key: String, value: JSONValue)] = []
            skipWhitespace()
            if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
                position += 1
                return .object(JSONObject(members: members))
            }
            while true {
                skipWhitespace()
                guard position < bytes.count else { throw error("the JSON text ends inside an object opened at byte \(start)") }
                guard bytes[position] == UInt8(ascii: "\"") else {
                    throw error("expected a member name in double quotes, found \(describe(bytes[position]))")
                }
                let key = try parseString()
                skipWhitespace()
                guard position < bytes.count else { throw error("the JSON text ends inside an object opened at byte \(start)") }
                guard bytes[position] == UInt8(ascii: ":") else {
                    throw error("expected ':' after the member name \"\(key)\"")
                }
                position += 1
                skipWhitespace()
                guard position < bytes.count else { throw error("the JSON text ends inside an object opened at byte \(start)") }
                let value = try parseValue(depth: depth)
                members.append((key, value))
                skipWhitespace()
                guard position < bytes.count else { throw error("the JSON text ends inside an object opened at byte \(start)") }
                switch bytes[position] {
                case UInt8(ascii: ","): position += 1
                case UInt8(ascii: "}"):
                    position += 1
                    return .object(JSONObject(members: members))
                default: throw error("expected ',' or '}' in an object, found \(describe(bytes[position]))")
                }
            }
        }

        private mutating func parseArray(depth: Int) throws(JSONParseError) -> JSONValue {
            guard depth <= JSONParser.maximumDepth else { throw error("JSON nested more than \(JSONParser.maximumDepth) levels deep") }
            let start = position
            position += 1
            var elements: [JSONValue] = []
            skipWhitespace()
            if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
                position += 1
                return .array(elements)
            }
            while true {
                skipWhitespace()
                guard position < bytes.count else { throw error("the JSON text ends inside an array opened at byte \(start)") }
                elements.append(try parseValue(depth: depth))
                skipWhitespace()
                guard position < bytes.count else { throw error("the JSON text ends inside an array opened at byte \(start)") }
                switch bytes[position] {
                case UInt8(ascii: ","): position += 1
                case UInt8(ascii: "]"):
                    position += 1
                    return .array(elements)
                default: throw error("expected ',' or ']' in an array, found \(describe(bytes[position]))")
                }
            }
        }

        private mutating func parseNumber() throws(JSONParseError) -> String {
            let start = position
            if bytes[position] == UInt8(ascii: "-") { position += 1 }
            var digits = 0
            while position < bytes.count, bytes[position] >= 0x30, bytes[position] <= 0x39 { position += 1; digits += 1 }
            guard digits > 0 else { throw error("a number needs digits", at: start) }
            if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
                position += 1
                var fraction = 0
                while position < bytes.count, bytes[position] >= 0x30, bytes[position] <= 0x39 { position += 1; fraction += 1 }
                guard fraction > 0 else { throw error("a number needs digits after '.'") }
            }
            if position < bytes.count, bytes[position] | 0x20 == UInt8(ascii: "e") {
                position += 1
                if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") { position += 1 }
                var exponent = 0
                while position < bytes.count, bytes[position] >= 0x30, bytes[position] <= 0x39 { position += 1; exponent += 1 }
                guard exponent > 0 else { throw error("a number needs digits in its exponent") }
            }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
        }

        private mutating func parseString() throws(JSONParseError) -> String {
            let open = position
            position += 1
            let start = position
            // Fast path: no escapes, so the bytes between the quotes are the string.
            while position < bytes.count {
                let byte = bytes[position]
                if byte == UInt8(ascii: "\"") {
                    let slice = UnsafeBufferPointer(rebasing: bytes[start..<position])
                    position += 1
                    return try makeString(slice, startingAt: start)
                }
                if byte == UInt8(ascii: "\\") { break }
                position += 1
            }
            guard position < bytes.count else { throw error("the JSON text ends inside a string opened at byte \(open)", at: open) }
            scratch.removeAll(keepingCapacity: true)
            scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<position]))
            while position < bytes.count {
                // The bytes up to the next quote or escape are copied at once.
                let run = position
                while position < bytes.count, bytes[position] != UInt8(ascii: "\""), bytes[position] != UInt8(ascii: "\\") {
                    position += 1
                }
                if position > run { scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<position])) }
                guard position < bytes.count else { break }
                if bytes[position] == UInt8(ascii: "\"") {
                    position += 1
                    let value = try scratch.withUnsafeBufferPointer { buffer throws(JSONParseError) in
                        try makeString(buffer, startingAt: start)
                    }
                    return value
                }
                position += 1
                guard position < bytes.count else { break }
                let escape = bytes[position]
                position += 1
                switch escape {
                case UInt8(ascii: "\""): scratch.append(0x22)
                case UInt8(ascii: "\\"): scratch.append(0x5C)
                case UInt8(ascii: "/"): scratch.append(0x2F)
                case UInt8(ascii: "b"): scratch.append(0x08)
                case UInt8(ascii: "f"): scratch.append(0x0C)
                case UInt8(ascii: "n"): scratch.append(0x0A)
                case UInt8(ascii: "r"): scratch.append(0x0D)
                case UInt8(ascii: "t"): scratch.append(0x09)
                case UInt8(ascii: "u"):
                    var scalar = try parseHex4()
                    if (0xD800...0xDBFF).contains(scalar) {
                        // A high surrogate must be followed by \u and a low surrogate.
                        if position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u") {
                            let save = position
                            position += 2
                            let low = try parseHex4()
                            if (0xDC00...0xDFFF).contains(low) {
                                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                            } else {
                                position = save
                                scalar = 0xFFFD
                            }
                        } else {
                            scalar = 0xFFFD
                        }
                    } else if (0xDC00...0xDFFF).contains(scalar) {
                        scalar = 0xFFFD
                    }
                    appendUTF8(UnicodeScalar(scalar) ?? "\u{FFFD}")
                default:
                    throw error("unknown escape '\\\(Character(UnicodeScalar(escape)))' in a string", at: position - 2)
                }
            }
            throw error("the JSON text ends inside a string opened at byte \(open)", at: open)
        }

        private mutating func parseHex4() throws(JSONParseError) -> UInt32 {
            guard position + 4 <= bytes.count else { throw error("the JSON text ends inside a \\u escape") }
            var value: UInt32 = 0
            for _ in 0..<4 {
                let byte = bytes[position]
                let digit: UInt8
                switch byte {
                case 0x30...0x39: digit = byte - 0x30
                case 0x41...0x46: digit = byte - 0x41 + 10
                case 0x61...0x66: digit = byte - 0x61 + 10
                default: throw error("\\u needs four hexadecimal digits")
                }
                value = value << 4 | UInt32(digit)
                position += 1
            }
            return value
        }

        private mutating func appendUTF8(_ scalar: UnicodeScalar) {
            UTF8.encode(scalar) { scratch.append($0) }
        }

        private func makeString(_ bytes: UnsafeBufferPointer<UInt8>, startingAt offset: Int) throws(JSONParseError) -> String {
            // ASCII needs no validation; anything else must be valid UTF-8.
            var ascii = true
            for byte in bytes where byte >= 0x80 { ascii = false; break }
            if ascii { return String(decoding: bytes, as: UTF8.self) }
            guard let string = String(validating: bytes, as: UTF8.self) else {
                throw error("invalid UTF-8 in a string", at: offset + firstInvalidUTF8Offset(bytes))
            }
            return string
        }
    }
}

/// The offset of the first byte that does not belong to valid UTF-8 in `bytes`.
func firstInvalidUTF8Offset(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
    var decoder = UTF8()
    var iterator = bytes.makeIterator()
    var offset = 0
    while true {
        switch decoder.decode(&iterator) {
        case .scalarValue(let scalar): offset += UTF8.width(scalar)
        case .emptyInput: return offset
        case .error: return offset
        }
    }
}
