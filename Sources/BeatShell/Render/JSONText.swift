import BeatCore

/// A JSON value built in a fixed key order and written on one line with `", "` and `": "`
/// between items, the way `{"count": 12}` reads in the documentation.
indirect enum JSONText {
    case string(String)
    /// A number already written as JSON text.
    case number(String)
    case null
    case array([JSONText])
    case object([(String, JSONText)])

    static func string(_ value: String?) -> JSONText { value.map { .string($0) } ?? .null }
    static func int(_ value: Int) -> JSONText { .number(String(value)) }
    static func int(_ value: Int64?) -> JSONText { value.map { .number(String($0)) } ?? .null }

    /// A finite double as Swift writes it shortest (`-7.25`, `1e-06`), which is valid JSON; NaN and
    /// infinities, which JSON cannot hold, become null.
    static func double(_ value: Double?) -> JSONText {
        guard let value, value.isFinite else { return .null }
        return .number(String(describing: value))
    }

    /// A time as ISO 8601 UTC: `2026-04-15T09:21:00Z`.
    static func time(_ seconds: Int64) -> JSONText { .string(CivilTime.iso8601(seconds)) }

    /// `JSONWriter.quote`, with DEL, the C1 controls and the bidi embeddings, overrides and isolates
    /// also written as `\u` escapes: the same string to a JSON reader, and harmless when the
    /// output goes to a terminal (a raw U+009B can start an escape sequence there).
    static func quote(_ s: String) -> String {
        let quoted = JSONWriter.quote(s)
        guard quoted.unicodeScalars.contains(where: needsEscape) else { return quoted }
        var out = ""
        for scalar in quoted.unicodeScalars {
            if needsEscape(scalar) {
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private static func needsEscape(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    /// A json document with the session filters it was made under appended as `"filters"`
    /// (a string as typed after `filter`, null when none).
    func document(_ settings: RenderSettings) -> String {
        guard case .object(let members) = self else { return text + "\n" }
        let filters: JSONText = settings.filters.isEmpty ? .null : .string(settings.filters)
        return JSONText.object(members + [("filters", filters)]).text + "\n"
    }

    /// The JSON text, on one line.
    var text: String {
        var out = ""
        write(into: &out)
        return out
    }

    private func write(into out: inout String) {
        switch self {
        case .string(let s): out += Self.quote(s)
        case .number(let n): out += n
        case .null: out += "null"
        case .array(let elements):
            out += "["
            for (i, element) in elements.enumerated() {
                if i > 0 { out += ", " }
                element.write(into: &out)
            }
            out += "]"
        case .object(let members):
            out += "{"
            for (i, member) in members.enumerated() {
                if i > 0 { out += ", " }
                out += JSONWriter.quote(member.0)
                out += ": "
                member.1.write(into: &out)
            }
            out += "}"
        }
    }
}

extension JSONText {
    /// The text of a number, nil for null (a CSV field).
    var numberText: String? {
        if case .number(let n) = self { return n }
        return nil
    }
}
