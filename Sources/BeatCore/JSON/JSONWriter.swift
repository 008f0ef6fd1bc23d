/// Writes JSON text: string escaping and serialisation of `JSONValue`, for the stored
/// records (compact) and for the shell's `json` output (spaced, safe on a terminal).
public enum JSONWriter {
    /// How items are separated.
    public enum Layout: Sendable {
        /// `{"a":1,"b":[2,3]}`: stored records and exports.
        case compact
        /// `{"a": 1, "b": [2, 3]}`, the way documents read in the documentation.
        case spaced
    }

    /// `s` as a JSON string literal, quotes included.
    ///
    /// With `terminalSafe`, DEL, the C1 controls and the bidi embeddings, overrides and
    /// isolates are also written as `\u` escapes: the same string to a JSON reader, and
    /// harmless when the output goes to a terminal (a raw U+009B can start an escape sequence there).
    public static func quote(_ s: String, terminalSafe: Bool = false) -> String {
        var out = "\""
        out.reserveCapacity(s.utf8.count + 2)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 || (terminalSafe && movesTerminal(scalar)) {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
        return out
    }

    private static func movesTerminal(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    /// `["a","b"]`.
    public static func stringArray(_ values: [String]) -> String {
        "[" + values.map { quote($0) }.joined(separator: ",") + "]"
    }

    /// JSON text for `value` on one line, members in their original order.
    /// - Parameter terminalSafe: escapes string values as `quote(_:terminalSafe:)` does.
    public static func serialize(_ value: JSONValue, layout: Layout = .compact, terminalSafe: Bool = false) -> String {
        var out = ""
        write(
            value, into: &out, separator: layout == .compact ? "," : ", ",
            colon: layout == .compact ? ":" : ": ", terminalSafe: terminalSafe)
        return out
    }

    private static func write(_ value: JSONValue, into out: inout String, separator: String, colon: String, terminalSafe: Bool) {
        switch value {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let n): out += n
        case .string(let s): out += quote(s, terminalSafe: terminalSafe)
        case .array(let elements):
            out += "["
            for (i, element) in elements.enumerated() {
                if i > 0 { out += separator }
                write(element, into: &out, separator: separator, colon: colon, terminalSafe: terminalSafe)
            }
            out += "]"
        case .object(let object):
            out += "{"
            for (i, member) in object.members.enumerated() {
                if i > 0 { out += separator }
                // Keys are written as given: the shell's are fixed names or stored names already shown.
                out += quote(member.key)
                out += colon
                write(member.value, into: &out, separator: separator, colon: colon, terminalSafe: terminalSafe)
            }
            out += "}"
        }
    }
}
