/// The README's command reference, written from the command table: the text between
/// `<!-- commands:begin -->` and `<!-- commands:end -->`. A test compares it with the README, and
/// `BEAT_RECORD_GOLDEN=1` writes it there.
public enum CommandReference {
    public static let begin = "<!-- commands:begin (written from the command table; BEAT_RECORD_GOLDEN=1 swift test rewrites it) -->"
    public static let end = "<!-- commands:end -->"

    /// Every command with its usage and summary, every option with its help, and the global options.
    public static func markdown() -> String {
        var lines = ["| command | what it does |", "| --- | --- |"]
        for command in CommandTable.all {
            lines.append("| `\(cell(command.usage))` | \(cell(command.summary)) |")
        }
        lines += ["", "| command | option | what it does |", "| --- | --- | --- |"]
        for command in CommandTable.all {
            for option in command.options {
                lines.append(
                    "| `\(command.name)` | `\(cell(option.synopsis))`\(option.repeats ? " (repeatable)" : "") | \(cell(option.help)) |")
            }
        }
        lines += [
            "", GlobalOptions.rule.split(separator: "\n").joined(separator: " "), "", "| global option | what it does |", "| --- | --- |",
        ]
        for option in GlobalOptions.all {
            lines.append("| `\(cell(option.synopsis))` | \(cell(option.help)) |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `readme` with the reference between its markers replaced; nil when the markers are missing.
    public static func updating(_ readme: String) -> String? {
        guard let start = readme.range(of: begin), let stop = readme.range(of: end, range: start.upperBound..<readme.endIndex) else {
            return nil
        }
        return String(readme[..<start.upperBound]) + "\n" + markdown() + String(readme[stop.lowerBound...])
    }

    /// Text for a Markdown table cell: `|` escaped.
    private static func cell(_ text: String) -> String { text.replacingOccurrences(of: "|", with: "\\|") }
}
