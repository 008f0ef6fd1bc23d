/// Rows of RFC 4180 CSV: fields separated by commas, records ended by CRLF, a field quoted (its
/// quotes doubled) when it holds a comma, a quote or a line break. Values are written verbatim:
/// CSV goes to programs, which need the stored text as it is.
enum CSVText {
    /// One record, CRLF included; nil is an empty field.
    static func row(_ fields: [String?]) -> String {
        fields.map { field($0 ?? "") }.joined(separator: ",") + "\r\n"
    }

    static func field(_ value: String) -> String {
        let needsQuotes = value.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
        guard needsQuotes else { return value }
        // By scalar, not by Character: a quote followed by a combining mark is one Character.
        var quoted = String.UnicodeScalarView()
        quoted.append("\"")
        for scalar in value.unicodeScalars {
            quoted.append(scalar)
            if scalar == "\"" { quoted.append("\"") }
        }
        quoted.append("\"")
        return String(quoted)
    }
}
