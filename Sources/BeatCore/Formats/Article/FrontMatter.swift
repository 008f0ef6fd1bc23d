import Foundation

/// A YAML-style front matter block at the top of an article:
///
///     ---
///     title: "A title: with a colon"
///     date: 2024-11-14
///     tags:
///       - ai
///     ---
///
/// Only what articles use is read: `key: value` lines with plain, single- or
/// double-quoted values, and `- item` lists under a key. Keys are matched in
/// any case; everything is kept, in order, for the record's `raw`.
struct FrontMatter {
    /// Keys as written, each with a string or an array of strings.
    private(set) var fields: [(key: String, value: JSONValue)] = []

    /// The first non-empty string value among `keys` (any case).
    subscript(_ keys: String...) -> String? {
        for key in keys {
            for field in fields where field.key.lowercased() == key {
                if let text = field.value.string?.xmlTrimmed, !text.isEmpty { return text }
            }
        }
        return nil
    }

    /// The fields as a JSON object, for `raw`.
    var json: String { JSONWriter.serialize(.object(JSONObject(members: fields))) }

    /// Splits `text` into its front matter and the body after it. Without a
    /// `---` first line and a closing `---` (or `...`) line there is no front
    /// matter, and the body is the whole text.
    static func split(_ text: String) -> (FrontMatter?, body: Substring) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.first, first.xmlTrimmedLine == "---" else { return (nil, text[...]) }
        var matter = FrontMatter()
        for index in lines.indices.dropFirst() {
            let trimmed = lines[index].xmlTrimmedLine
            if trimmed == "---" || trimmed == "..." {
                let bodyStart = index + 1 < lines.count ? lines[index + 1].startIndex : text.endIndex
                return (matter, text[bodyStart...])
            }
            matter.add(lines[index])
        }
        return (nil, text[...])
    }

    private mutating func add(_ line: Substring) {
        let trimmed = line.xmlTrimmedLine
        guard !trimmed.isEmpty, !trimmed.hasPrefix("#") else { return }
        if trimmed.hasPrefix("- "), let last = fields.indices.last {
            let item = JSONValue.string(Self.scalar(trimmed.dropFirst(2)))
            switch fields[last].value {
            case .array(let items): fields[last].value = .array(items + [item])
            case .string(let s) where s.isEmpty: fields[last].value = .array([item])
            default: break
            }
            return
        }
        guard let colon = trimmed.firstIndex(of: ":") else { return }
        let key = trimmed[..<colon].xmlTrimmedLine
        guard !key.isEmpty else { return }
        fields.append((key, .string(Self.scalar(trimmed[trimmed.index(after: colon)...]))))
    }

    /// A YAML scalar: quotes removed, `\"` and `\\` unescaped in double
    /// quotes, `''` in single quotes.
    static func scalar(_ raw: Substring) -> String {
        let value = raw.xmlTrimmedLine
        if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") {
            var out = ""
            var escaped = false
            for c in value.dropFirst().dropLast() {
                if escaped {
                    switch c {
                    case "n": out.append("\n")
                    case "t": out.append("\t")
                    default: out.append(c)
                    }
                    escaped = false
                } else if c == "\\" {
                    escaped = true
                } else {
                    out.append(c)
                }
            }
            return out
        }
        if value.count >= 2, value.hasPrefix("'"), value.hasSuffix("'") {
            return value.dropFirst().dropLast().replacingOccurrences(of: "''", with: "'")
        }
        return value
    }
}

extension Substring {
    /// The line without surrounding spaces, tabs and a trailing CR.
    var xmlTrimmedLine: String { String(self).xmlTrimmed }
}
