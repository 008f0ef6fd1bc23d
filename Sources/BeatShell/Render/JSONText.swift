import BeatCore

/// A JSON document as the renderers build it, in a fixed key order; `JSONWriter` writes it on
/// one line with `", "` and `": "` between items, the way `{"count": 12}` reads in the documentation.
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

    /// A json document with the session filters it was made under appended as `"filters"`
    /// (a string as typed after `filter`, null when none).
    func document(_ settings: RenderSettings) -> String {
        guard case .object(let members) = self else { return text + "\n" }
        let filters: JSONText = settings.filters.isEmpty ? .null : .string(settings.filters)
        return JSONText.object(members + [("filters", filters)]).text + "\n"
    }

    /// The JSON text, on one line, safe to print on a terminal.
    var text: String { JSONWriter.serialize(value, layout: .spaced, terminalSafe: true) }

    /// The same document as the engine's JSON model, which `JSONWriter` writes.
    var value: JSONValue {
        switch self {
        case .string(let s): return .string(s)
        case .number(let n): return .number(n)
        case .null: return .null
        case .array(let elements): return .array(elements.map(\.value))
        case .object(let members): return .object(JSONObject(members: members.map { (key: $0.0, value: $0.1.value) }))
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
