import Foundation
import Testing

/// Whole-output comparison with files under `Golden/`. Setting `BEAT_RECORD_GOLDEN=1` writes the
/// actual output over the file instead, and still fails the test: a recorded file must be read
/// and committed by a person, so a CI run can never pass by recording.
public enum Golden {
    /// The `Golden` folder beside the test file at `filePath` (pass `#filePath`).
    public static func directory(besides filePath: String) -> String {
        URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("Golden").path
    }

    public static var recordingRequested: Bool { ProcessInfo.processInfo.environment["BEAT_RECORD_GOLDEN"] == "1" }

    /// Records an issue unless `actual` equals the file `name`, with a line diff when it differs.
    public static func check(
        _ actual: String, _ name: String, directory: String, recording: Bool = recordingRequested,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let path = directory + "/" + name
        if recording {
            do {
                try Data(actual.utf8).write(to: URL(fileURLWithPath: path))
                Issue.record("recorded Golden/\(name); review it and run again without BEAT_RECORD_GOLDEN", sourceLocation: sourceLocation)
            } catch {
                Issue.record("could not record Golden/\(name): \(error)", sourceLocation: sourceLocation)
            }
            return
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            Issue.record("no file Golden/\(name); BEAT_RECORD_GOLDEN=1 records it", sourceLocation: sourceLocation)
            return
        }
        let expected = String(decoding: data, as: UTF8.self)
        guard expected != actual else { return }
        let message = "output differs from Golden/\(name) (- expected, + actual):\n" + diff(expected, actual)
        Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
    }

    /// The changed lines with one line of context, from a longest common subsequence of lines.
    /// Escapes, carriage returns and tabs are shown as `\e`, `\r` and `\t` so the log stays readable.
    public static func diff(_ expected: String, _ actual: String) -> String {
        let a = splitLines(expected)
        let b = splitLines(actual)
        var common = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                common[i][j] = a[i] == b[j] ? common[i + 1][j + 1] + 1 : max(common[i + 1][j], common[i][j + 1])
            }
        }
        var lines: [(mark: Character, text: String)] = []
        var (i, j) = (0, 0)
        while i < a.count || j < b.count {
            if i < a.count && j < b.count && a[i] == b[j] {
                lines.append((" ", a[i]))
                i += 1
                j += 1
            } else if i < a.count && (j == b.count || common[i + 1][j] >= common[i][j + 1]) {
                lines.append(("-", a[i]))
                i += 1
            } else {
                lines.append(("+", b[j]))
                j += 1
            }
        }
        let changed = Set(lines.indices.filter { lines[$0].mark != " " })
        var out: [String] = []
        for (n, line) in lines.enumerated() where (n - 1...n + 1).contains(where: changed.contains) {
            var shown = ""
            for scalar in line.text.unicodeScalars {
                switch scalar {
                case "\u{1B}": shown += "\\e"
                case "\r": shown += "\\r"
                case "\t": shown += "\\t"
                default: shown.unicodeScalars.append(scalar)
                }
            }
            out.append("\(line.mark) \(shown)")
        }
        return out.joined(separator: "\n")
    }

    /// Lines split by scalar: on Characters, "\r\n" is one Character and would not split.
    private static func splitLines(_ text: String) -> [String] {
        text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { String(String.UnicodeScalarView($0)) }
    }
}
