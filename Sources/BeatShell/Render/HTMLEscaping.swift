import BeatCore

/// Text made safe for an HTML (and XML) page: stored text must read as written, never become
/// markup, and never hold a character XML forbids.
enum HTMLEscaping {
    /// Stored text on one line: controls made visible, then escaped.
    static func text(_ stored: String) -> String { escape(VisibleText.line(stored)) }

    /// Stored text with its line breaks kept as `<br />`.
    static func lines(_ stored: String) -> String {
        VisibleText.make(stored, .lines).split(separator: "\n", omittingEmptySubsequences: false)
            .map { escape(String($0)) }.joined(separator: "<br />")
    }

    /// `&`, `<`, `>`, `"` and `'` as entities (safe in text and in quoted attributes); U+FFFE and
    /// U+FFFF, which XML does not allow, as U+FFFD.
    static func escape(_ visible: String) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(visible.unicodeScalars.count)
        for scalar in visible.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\u{FFFE}", "\u{FFFF}": out += "\u{FFFD}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// `<a href="url">label</a>` for an http or https url, else the label alone: a stored
    /// `javascript:` url must not become a link. `label` is already escaped.
    static func link(_ label: String, url: String?) -> String {
        guard let url = SummaryWording.webURL(url) else { return label }
        return "<a href=\"" + escape(VisibleText.line(url)) + "\">" + label + "</a>"
    }

}
