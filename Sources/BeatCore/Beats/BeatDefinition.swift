/// A beat: a topic area the newsroom follows, stored in the corpus as a named
/// query of Beat's search grammar (`beat add chips "export controls" OR chip*`).
/// Any query can use it as `beat:NAME`.
public struct BeatDefinition: Sendable, Equatable {
    /// Lowercase letters, digits, `-` and `_`, starting with a letter or digit.
    public var name: String
    /// The query as it was typed.
    public var query: String
    /// Unix seconds, UTC.
    public var createdAt: Int64
    /// Unix seconds, UTC, of the last change (the creation time until replaced).
    public var updatedAt: Int64

    /// A `BeatDefinition` made of the values given.
    public init(name: String, query: String, createdAt: Int64, updatedAt: Int64) {
        self.name = name
        self.query = query
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    /// The longest name accepted, so names fit in tables and prompts.
    public static let maximumNameLength = 64

    /// Why `name` cannot name a beat, or nil when it can.
    public static func nameProblem(_ name: String) -> String? {
        let rule = "a beat name is lowercase letters, digits, '-' and '_', starting with a letter or digit"
        guard let first = name.unicodeScalars.first else { return "a beat needs a name: " + rule }
        if name.count > maximumNameLength { return "'\(name)' is longer than \(maximumNameLength) characters: " + rule }
        let isLetterOrDigit: (Unicode.Scalar) -> Bool = { ("a"..."z").contains($0) || ("0"..."9").contains($0) }
        guard name.unicodeScalars.allSatisfy({ isLetterOrDigit($0) || $0 == "-" || $0 == "_" }) else {
            let lowered = name.lowercased()
            let hint = lowered != name && nameProblem(lowered) == nil ? " (try '\(lowered)')" : ""
            return "'\(name)' is not a beat name: " + rule + hint
        }
        guard isLetterOrDigit(first) else { return "'\(name)' is not a beat name: " + rule }
        return nil
    }
}

/// What `BeatStore.add` did.
public enum BeatChange: Equatable, Sendable {
    /// A new beat.
    case added
    /// An existing beat given a new query (`--replace`).
    case replaced(previousQuery: String)
    /// The beat already had this query; nothing was written.
    case unchanged
}
