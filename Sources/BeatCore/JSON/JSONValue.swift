/// A parsed JSON value. Numbers keep their source text, so ids larger than
/// 2^53 (Mastodon snowflakes, some HN exports) survive unchanged.
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(String)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    /// The member `key` of an object, or nil for anything else.
    public subscript(key: String) -> JSONValue? {
        if case .object(let object) = self { return object[key] }
        return nil
    }

    /// Follows a dotted path such as `user.name` through nested objects.
    public func value(atPath path: String) -> JSONValue? {
        var current: JSONValue? = self
        for part in path.split(separator: ".", omittingEmptySubsequences: false) {
            current = current?[String(part)]
        }
        return current
    }

    /// The string, nil for any other value.
    public var string: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    /// The elements, nil for any other value.
    public var array: [JSONValue]? {
        if case .array(let a) = self { return a }
        return nil
    }

    /// The object, nil for any other value.
    public var object: JSONObject? {
        if case .object(let o) = self { return o }
        return nil
    }

    /// The boolean, nil for any other value.
    public var bool: Bool? {
        if case .bool(let b) = self { return b }
        return nil
    }

    /// True for `null`.
    public var isNull: Bool { self == .null }

    /// Text for scalars: strings as they are, numbers as written, booleans as
    /// `true`/`false`; nil for null, arrays and objects.
    public var text: String? {
        switch self {
        case .string(let s): return s
        case .number(let n): return n
        case .bool(let b): return b ? "true" : "false"
        default: return nil
        }
    }

    /// A number, or a string holding one (many exports quote every value).
    public var double: Double? {
        switch self {
        case .number(let n): return Double(n)
        case .string(let s): return Double(s.trimmingASCIIWhitespace)
        default: return nil
        }
    }

    /// An integer, from a number or numeric string; fractional values are truncated.
    public var int64: Int64? {
        switch self {
        case .number(let n), .string(let n):
            if let exact = Int64(n) { return exact }
            guard let d = Double(n.trimmingASCIIWhitespace), d.isFinite, abs(d) < 9.2e18 else { return nil }
            return Int64(d)
        default: return nil
        }
    }

    /// A non-empty string, number text, or nil.
    public var nonEmptyText: String? {
        guard let t = text, !t.isEmpty else { return nil }
        return t
    }
}

/// A JSON object with its members in source order.
public struct JSONObject: Sendable, Equatable {
    /// The members in source order.
    public private(set) var members: [(key: String, value: JSONValue)]
    // Objects with many keys (Reddit things have over 100) get a hash index;
    // small ones are searched linearly, which is faster for them.
    private var index: [String: Int]?

    /// An object with `members` in this order (the first of two equal keys is the one looked up).
    public init(members: [(key: String, value: JSONValue)]) {
        self.members = members
        if members.count > 12 {
            var index = [String: Int](minimumCapacity: members.count)
            for (offset, member) in members.enumerated() where index[member.key] == nil {
                index[member.key] = offset
            }
            self.index = index
        }
    }

    /// The value of the first member named `key`.
    public subscript(key: String) -> JSONValue? {
        if let index { return index[key].map { members[$0].value } }
        for member in members where member.key == key { return member.value }
        return nil
    }

    /// The member names in source order.
    public var keys: [String] { members.map(\.key) }

    /// Equal when the members are, in the same order.
    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        lhs.members.count == rhs.members.count
            && zip(lhs.members, rhs.members).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    }
}
