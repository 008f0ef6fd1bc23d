/// How a story file is written.
public enum StoryFormat: String, Sendable, CaseIterable {
    case text, markdown, html
}

extension StoryFormat {
    /// Detects the format from the extension when it names one, else from the content:
    /// HTML when it holds real tags, Markdown when it uses Markdown markers.
    static func detect(_ story: String, path: String?) -> StoryFormat {
        if let path {
            let name = path.lowercased()
            if name.hasSuffix(".html") || name.hasSuffix(".htm") || name.hasSuffix(".xhtml") { return .html }
            if name.hasSuffix(".md") || name.hasSuffix(".markdown") || name.hasSuffix(".mdown") { return .markdown }
            if name.hasSuffix(".txt") { return .text }
        }
        let head = String(story.prefix(65_536))
        let lowered = head.lowercased()
        if lowered.contains("<!doctype html") || lowered.contains("<html") || lowered.contains("<p>") || lowered.contains("<p ")
            || lowered.contains("<blockquote") || lowered.contains("<article") || lowered.contains("<body")
            || lowered.contains("<div") || lowered.contains("<h1")
        {
            return .html
        }
        let markers = StoryLines(head).lines.lazy.map { StoryLines.trimmed($0) }.contains { line in
            line.hasPrefix("# ") || line.hasPrefix("## ") || line.hasPrefix("### ") || line.hasPrefix("> ")
                || line.hasPrefix("```") || line.hasPrefix("* ") || line.hasPrefix("[^")
                || line.contains("](http") || line.contains("**")
        }
        return markers ? .markdown : .text
    }
}
