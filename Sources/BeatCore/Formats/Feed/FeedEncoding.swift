import Foundation

/// Turns the bytes of an XML feed or HTML page into UTF-8, per the encoding
/// the document declares.
///
/// Windows-1251 and Windows-1252 are decoded with tables here (ISO-8859-1 is
/// read as Windows-1252, as browsers do: the two differ only in C1 controls,
/// which real Latin-1 text does not use); other single-byte and Japanese
/// encodings go through Foundation. Text declared (or defaulting to) UTF-8
/// that is not valid UTF-8 is refused with its position rather than stored
/// with replacement characters: nothing is ever stored mangled silently.
enum FeedEncoding {
    /// The encoding named by an XML declaration near the start (after a BOM,
    /// whitespace or a comment), lowercased, or nil when there is none.
    static func declared(in bytes: [UInt8]) -> String? {
        let head = String(decoding: bytes.prefix(2048), as: UTF8.self)
        guard let declaration = head.range(of: "<?xml") else { return nil }
        let rest = head[declaration.upperBound...]
        guard let first = rest.unicodeScalars.first, first == " " || first == "\t" || first == "\n" || first == "\r",
            let end = rest.range(of: "?>")
        else { return nil }
        return attributeValue("encoding", in: String(rest[..<end.lowerBound]))
    }

    /// The charset an HTML page names in `<meta charset>` or its `http-equiv` form, lowercased.
    static func htmlCharset(in bytes: [UInt8]) -> String? {
        let head = String(decoding: bytes.prefix(4096), as: UTF8.self).lowercased()
        guard let range = head.range(of: "charset=") else { return nil }
        var value = head[range.upperBound...].drop { $0 == "\"" || $0 == "'" || $0 == " " }
        value = value.prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ":" || $0 == "." }
        return value.isEmpty ? nil : String(value)
    }

    /// `name="value"` or `name='value'` inside a declaration.
    static func attributeValue(_ name: String, in text: String) -> String? {
        guard let key = text.range(of: name) else { return nil }
        var rest = text[key.upperBound...].drop { $0 == " " || $0 == "\t" }
        guard rest.first == "=" else { return nil }
        rest = rest.dropFirst().drop { $0 == " " || $0 == "\t" }
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
        let value = rest.dropFirst().prefix { $0 != quote }
        return value.trimmingCharacters(in: .whitespaces).lowercased()
    }

    /// The document as UTF-8 bytes, without a byte order mark.
    /// - Parameters:
    ///   - encoding: the declared encoding, or nil for UTF-8.
    ///   - what: how to name the document in messages ("the feed", "the page").
    /// - Throws: `ImportError.unsupportedEncoding` for an encoding Beat cannot
    ///   decode, `.malformedDocument` at the first byte that is not UTF-8.
    static func utf8(_ bytes: [UInt8], encoding: String?, path: String, what: String) throws(ImportError) -> [UInt8] {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        let name = (encoding ?? "utf-8").replacingOccurrences(of: "_", with: "-")
        switch name {
        case "utf-8", "utf8", "us-ascii", "ascii", "unicode-1-1-utf-8",
            // A file that says UTF-16 but reached here has no NUL bytes: it is
            // not UTF-16, and UTF-8 is the only reading that can be checked.
            "utf-16", "utf-16le", "utf-16be", "unicode":
            if let bad = firstInvalidUTF8(body) {
                let all = Array(body)
                let (line, column) = lineAndColumn(of: bad - body.startIndex, in: all)
                let declared = encoding.map { " although \(what) declares \($0)" } ?? ""
                let fix = encoding == nil ? "" : " or correct the declaration"
                let byte = "0x" + String(all[bad - body.startIndex], radix: 16, uppercase: true)
                throw .malformedDocument(
                    path: path, location: "\(line):\(column)",
                    reason:
                        "byte \(byte) is not valid UTF-8\(declared); if the text is in another encoding, convert it to UTF-8 (for example: iconv -f WINDOWS-1252 -t UTF-8)\(fix)"
                )
            }
            return Array(body)
        case "windows-1252", "cp1252", "x-cp1252", "iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "iso-ir-100", "ibm819", "cp819":
            return singleByte(body, high: windows1252High)
        case "windows-1251", "cp1251", "x-cp1251":
            return singleByte(body, high: windows1251High)
        default:
            guard let foundation = foundationEncodings[name],
                let text = String(data: Data(body), encoding: foundation)
            else { throw .unsupportedEncoding(path: path, encoding: encoding ?? name) }
            return Array(text.utf8)
        }
    }

    private static let foundationEncodings: [String: String.Encoding] = [
        "windows-1250": .windowsCP1250, "cp1250": .windowsCP1250,
        "windows-1253": .windowsCP1253, "cp1253": .windowsCP1253,
        "windows-1254": .windowsCP1254, "cp1254": .windowsCP1254,
        "iso-8859-2": .isoLatin2, "iso8859-2": .isoLatin2, "latin2": .isoLatin2,
        "shift-jis": .shiftJIS, "shift_jis": .shiftJIS, "sjis": .shiftJIS, "x-sjis": .shiftJIS,
        "macintosh": .macOSRoman, "x-mac-roman": .macOSRoman,
    ]

    /// Decodes a single-byte encoding whose lower half is ASCII.
    private static func singleByte(_ body: ArraySlice<UInt8>, high: [UInt16]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(body.count + body.count / 4)
        for byte in body {
            if byte < 0x80 {
                out.append(byte)
                continue
            }
            let scalar = UInt32(high[Int(byte) - 0x80])
            if scalar < 0x800 {
                out.append(UInt8(0xC0 | (scalar >> 6)))
                out.append(UInt8(0x80 | (scalar & 0x3F)))
            } else {
                out.append(UInt8(0xE0 | (scalar >> 12)))
                out.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
                out.append(UInt8(0x80 | (scalar & 0x3F)))
            }
        }
        return out
    }

    /// The index of the first byte that does not belong to a valid UTF-8 sequence.
    static func firstInvalidUTF8(_ bytes: ArraySlice<UInt8>) -> Int? {
        var i = bytes.startIndex
        let end = bytes.endIndex
        while i < end {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            let length: Int
            var low: UInt8 = 0x80, high: UInt8 = 0xBF
            switch b {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE, 0xEF: length = 3
            case 0xED: length = 3; high = 0x9F  // no surrogates
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F
            default: return i
            }
            guard i + length <= end else { return i }
            let second = bytes[i + 1]
            guard second >= low && second <= high else { return i }
            for k in 2..<max(2, length) where bytes[i + k] & 0xC0 != 0x80 { return i }
            i += length
        }
        return nil
    }

    /// Windows-1252, bytes 0x80–0xFF (the five unassigned bytes map to C1 controls, as in browsers).
    static let windows1252High: [UInt16] =
        [
            0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
            0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
            0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
            0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
        ] + (0xA0...0xFF).map { UInt16($0) }

    /// Windows-1251, bytes 0x80–0xFF; 0xC0–0xFF are А–я in order.
    static let windows1251High: [UInt16] =
        [
            0x0402, 0x0403, 0x201A, 0x0453, 0x201E, 0x2026, 0x2020, 0x2021,
            0x20AC, 0x2030, 0x0409, 0x2039, 0x040A, 0x040C, 0x040B, 0x040F,
            0x0452, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
            0x0098, 0x2122, 0x0459, 0x203A, 0x045A, 0x045C, 0x045B, 0x045F,
            0x00A0, 0x040E, 0x045E, 0x0408, 0x00A4, 0x0490, 0x00A6, 0x00A7,
            0x0401, 0x00A9, 0x0404, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x0407,
            0x00B0, 0x00B1, 0x0406, 0x0456, 0x0491, 0x00B5, 0x00B6, 0x00B7,
            0x0451, 0x2116, 0x0454, 0x00BB, 0x0458, 0x0405, 0x0455, 0x0457,
        ] + (0x0410...0x044F).map { UInt16($0) }
}
