import Foundation

/// Files bundled with BeatCore (`Package.swift` `resources:`), found beside the
/// running executable.
enum BundledResource {
    /// The path of the bundled resource `name` (`"sentiment/vader_lexicon.txt"`),
    /// or nil when the resource bundle is not beside the executable (a copied
    /// binary without its resources).
    static func path(_ name: String) -> String? {
        // Looked up by hand: SwiftPM's generated `Bundle.module` stops the
        // program when the bundle is missing, and callers report that instead.
        candidates(name).first { FileManager.default.isReadableFile(atPath: $0) }
    }

    /// Every path where `name` is looked for, in order, for error messages.
    static func candidates(_ name: String) -> [String] {
        let bundleNames = ["Beat_BeatCore.resources", "Beat_BeatCore.bundle/Contents/Resources", "Beat_BeatCore.bundle"]
        var folders = [Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent()]
        if let executable = Bundle.main.executableURL?.resolvingSymlinksInPath().deletingLastPathComponent() {
            folders.append(executable)
        }
        return folders.flatMap { folder in
            bundleNames.map { folder.appendingPathComponent($0).appendingPathComponent(name).path }
        }
    }
}
