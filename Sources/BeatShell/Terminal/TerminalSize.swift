#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The terminal's width in columns.
public enum TerminalSize {
    /// `COLUMNS` when set, else the width the terminal reports, else 80.
    public static func columns(environment: [String: String]) -> Int {
        if let text = environment["COLUMNS"], let value = Int(text), value > 0 { return value }
        var size = winsize()
        if ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return 80
    }
}
