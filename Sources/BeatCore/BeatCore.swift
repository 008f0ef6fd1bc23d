import BeatSQLite

/// Beat's version.
public enum BeatVersion {
    /// `major.minor.patch`, as `--version` shows it.
    public static let string = "0.1.0"
}
