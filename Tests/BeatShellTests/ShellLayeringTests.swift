import Foundation
import Testing

/// The shell parses and renders; the engine runs every query. A shell source that
/// imports the SQLite layer is executing SQL itself.
@Suite struct ShellLayeringTests {
    static let sources = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources")

    static func swiftFiles(in folder: String) throws -> [URL] {
        let root = sources.appendingPathComponent(folder)
        let enumerator = try #require(FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil))
        return enumerator.compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }
    }

    @Test(arguments: ["BeatShell", "beat", "beat-bench"])
    func importsNoSQLiteLayer(folder: String) throws {
        let files = try Self.swiftFiles(in: folder)
        #expect(!files.isEmpty, "no Swift files under Sources/\(folder)")
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            let imports = text.split(separator: "\n").filter { $0.hasPrefix("import ") || $0.hasPrefix("@_exported import ") }
            #expect(
                !imports.contains { $0.hasSuffix(" BeatSQLite") || $0.hasSuffix(" CSQLite") }, "\(file.lastPathComponent) imports SQLite")
        }
    }

    @Test func packageGivesTheShellNoSQLiteDependency() throws {
        let manifest = try String(
            contentsOf: Self.sources.deletingLastPathComponent().appendingPathComponent("Package.swift"), encoding: .utf8)
        let shellTargets = manifest.split(separator: "\n").filter {
            $0.contains("name: \"BeatShell\"") || $0.contains("name: \"beat-bench\"")
        }
        #expect(shellTargets.count == 2)
        for line in shellTargets { #expect(!line.contains("BeatSQLite"), "\(line)") }
    }
}
