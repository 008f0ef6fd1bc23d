import BeatCore
import Foundation

/// The process environment, read once; the engine receives it as a value.
public enum ProcessEnvironment {
    public static var current: [String: String] { ProcessInfo.processInfo.environment }
}

/// Where the shell keeps its history: `$XDG_STATE_HOME/beat/history`, else
/// `~/.local/state/beat/history`.
public enum HistoryLocation {
    public static func path(environment: [String: String]) -> String? {
        let base: String
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            base = state
        } else if let home = environment["HOME"] {
            base = home + "/.local/state"
        } else {
            return nil
        }
        let folder = base + "/beat"
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder + "/history"
    }
}

/// The SQLite library's version, for `--version`.
public enum SQLiteVersion {
    public static var string: String { Corpus.sqliteVersion }
}

/// The start-up file: `$XDG_CONFIG_HOME/beat/beatrc`, else `~/.config/beat/beatrc`.
public enum StartupFile {
    public static func path(environment: [String: String]) -> String? {
        if let config = environment["XDG_CONFIG_HOME"], config.hasPrefix("/") { return config + "/beat/beatrc" }
        return environment["HOME"].map { $0 + "/.config/beat/beatrc" }
    }
}
