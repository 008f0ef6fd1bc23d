/// The one set of trimming helpers: each names what it removes from the ends of a string.
extension StringProtocol {
    /// The string without the characters `isTrimmed` holds for at either end.
    public func trimming(where isTrimmed: (Character) -> Bool) -> String {
        guard let first = firstIndex(where: { !isTrimmed($0) }), let last = lastIndex(where: { !isTrimmed($0) }) else {
            return ""
        }
        return String(self[first...last])
    }

    /// The string without any of `characters` at either end: `"(x)".trimming(anyOf: "()")` is `x`.
    public func trimming(anyOf characters: String) -> String { trimming { characters.contains($0) } }

    /// The string without whitespace, line breaks included, at either end.
    public var trimmingWhitespace: String { trimming(where: \.isWhitespace) }

    /// The string without spaces and tabs at either end (a command line's blanks).
    public var trimmingSpacesAndTabs: String { trimming(anyOf: " \t") }

    /// The string without ASCII spaces, tabs and line breaks at either end, as data formats
    /// define whitespace (CRLF, one `Character`, is trimmed whole).
    public var trimmingASCIIWhitespace: String {
        trimming { $0.unicodeScalars.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" } }
    }

    /// The string without line feeds at its end.
    public var trimmingTrailingNewlines: String {
        var end = endIndex
        while end > startIndex, self[index(before: end)] == "\n" { end = index(before: end) }
        return String(self[..<end])
    }
}
