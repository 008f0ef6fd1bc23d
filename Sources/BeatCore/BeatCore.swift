import BeatSQLite
public enum BeatVersion { public static let string = "0.1.0" }
