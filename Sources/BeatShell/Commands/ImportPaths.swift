import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The files an `import` names: in the shell no other program expands `*.json`, so
/// Beat does (`import extracted/*.json`), and a directory stands for the files in it
/// of the formats Beat reads, by extension, sorted by name.
enum ImportPaths {
    /// Extensions of the files a directory contributes.
    static let knownExtensions: Set<String> = [
        "json", "jsonl", "ndjson", "csv", "xml", "rss", "atom", "rdf", "md", "markdown", "txt", "html", "htm",
    ]

    /// `paths` with patterns and directories replaced by the files they name.
    /// - Throws: `ShellError.usage` for a pattern that matches nothing or a directory with no such files.
    static func expand(_ paths: [String]) throws -> [String] {
        var files: [String] = []
        for path in paths {
            let matches = isPattern(path) ? try glob(path) : [path]
            for match in matches {
                var isDirectory: ObjCBool = false
                if match != "-", FileManager.default.fileExists(atPath: match, isDirectory: &isDirectory), isDirectory.boolValue {
                    files += try filesIn(directory: match)
                } else {
                    files.append(match)
                }
            }
        }
        return files
    }

    private static func isPattern(_ path: String) -> Bool {
        path.contains("*") || path.contains("?") || path.contains("[")
    }

    private static func glob(_ pattern: String) throws -> [String] {
        var result = glob_t()
        defer { globfree(&result) }
        let expanded = pattern.hasPrefix("~/") ? NSHomeDirectory() + pattern.dropFirst() : pattern
        guard Glibc.glob(expanded, 0, nil, &result) == 0, result.gl_pathc > 0 else {
            // A file whose name holds the characters is named as it is.
            if FileManager.default.fileExists(atPath: pattern) { return [pattern] }
            throw ShellError.usage("no files match \(pattern)", command: "import")
        }
        return (0..<Int(result.gl_pathc)).compactMap { result.gl_pathv[$0].map { String(cString: $0) } }
    }

    private static func filesIn(directory: String) throws -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        let files = names.filter { name in
            !name.hasPrefix(".") && knownExtensions.contains((name as NSString).pathExtension.lowercased())
        }.sorted()
        guard !files.isEmpty else {
            throw ShellError.usage(
                "\(directory) holds no files Beat reads (\(knownExtensions.sorted().joined(separator: ", ")))", command: "import")
        }
        let base = directory.hasSuffix("/") ? directory : directory + "/"
        return files.map { base + $0 }
    }
}
