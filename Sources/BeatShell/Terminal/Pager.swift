import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Shows text longer than the terminal through `$PAGER` (default `less -FRX`),
/// as psql and git do; shorter text is written as it is.
enum Pager {
    /// The terminal's height in lines, or nil when it cannot be told.
    static func rows() -> Int? {
        var size = winsize()
        guard ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_row > 0 else { return nil }
        return Int(size.ws_row)
    }

    /// Writes `text` to the terminal, through the pager when it does not fit.
    static func show(_ text: String, environment: [String: String], output: OutputChannel) {
        let lines = text.reduce(into: 0) { count, character in if character == "\n" { count += 1 } }
        let command = environment["PAGER"].flatMap { $0.isEmpty ? nil : $0 } ?? "less -FRX"
        guard lines >= (rows() ?? 24) - 1, command != "cat" else {
            output.write(text)
            return
        }
        output.flush()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        var pagerEnvironment = environment
        pagerEnvironment["LESSCHARSET"] = pagerEnvironment["LESSCHARSET"] ?? "utf-8"
        process.environment = pagerEnvironment
        let input = Pipe()
        process.standardInput = input
        do {
            try process.run()
        } catch {
            output.write(text)
            return
        }
        // The pager may quit before reading everything (q in less): a closed pipe is fine.
        input.fileHandleForWriting.writeabilityHandler = nil
        let data = Data(text.utf8)
        data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = write(input.fileHandleForWriting.fileDescriptor, raw.baseAddress! + offset, raw.count - offset)
                if written <= 0 { break }
                offset += written
            }
        }
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
    }
}
