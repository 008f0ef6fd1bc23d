/// Reads the date and time forms found in the platforms' data and normalises
/// them to unix seconds, UTC.
///
/// Accepted: epoch seconds, milliseconds or microseconds (numbers or numeric
/// strings, told apart by magnitude); ISO 8601 with or without fractional
/// seconds and with `Z`, `±HH:MM`, `±HHMM` or no zone (taken as UTC); RFC 822
/// (`Sat, 07 Sep 2002 00:00:01 GMT`, numeric or named zones); and spreadsheet
/// forms `M/D/YYYY H:MM[:SS] [AM|PM]` (month first) and `YYYY/MM/DD HH:MM`.
public enum DateParser {
    /// Parses `value` as a date, or returns nil when it is not one of the accepted forms.
    public static func seconds(from value: JSONValue) -> Int64? {
        switch value {
        case .number(let n): return epoch(n)
        case .string(let s): return seconds(from: s)
        default: return nil
        }
    }

    /// Parses text as a date, or returns nil when it is not one of the accepted forms.
    public static func seconds(from text: String) -> Int64? {
        let trimmed = text.trimmingASCIIWhitespace
        guard let first = trimmed.utf8.first else { return nil }
        if let epoch = epoch(trimmed) { return epoch }
        var scanner = Scanner(trimmed)
        if first >= 0x30 && first <= 0x39 {
            if let iso = scanner.iso8601() { return iso }
            scanner = Scanner(trimmed)
            if let sheet = scanner.spreadsheet() { return sheet }
            scanner = Scanner(trimmed)
        }
        return scanner.rfc822()
    }

    /// Epoch text: seconds, or milliseconds/microseconds when the value is too
    /// large to be seconds of a plausible date (past the year 5000).
    static func epoch(_ text: String) -> Int64? {
        var sawDigit = false
        for (index, byte) in text.utf8.enumerated() {
            switch byte {
            case 0x30...0x39: sawDigit = true
            case UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"), UInt8(ascii: "+"): continue
            case UInt8(ascii: "-") where index == 0: continue
            default: return nil
            }
        }
        guard sawDigit, let value = Double(text), value.isFinite else { return nil }
        let magnitude = abs(value)
        let seconds: Double
        if magnitude >= 1e14 { seconds = value / 1_000_000 } else if magnitude >= 1e11 { seconds = value / 1_000 } else { seconds = value }
        // Years 1 to 9999 only: a larger number (`1e300`) is no date, and converting it
        // would trap; post ids also need the seconds to fit in 43 bits (see Schema).
        guard seconds >= -62_135_596_800, seconds < 253_402_300_800 else { return nil }
        return Int64(seconds.rounded(.down))
    }

    /// A parser for an explicit pattern given by `--date-format`, strftime style:
    /// `%Y %m %d %H %M %S %y %b %p %z %%`; anything else must match literally.
    public static func seconds(from text: String, pattern: String) -> Int64? {
        var scanner = Scanner(text.trimmingASCIIWhitespace)
        var fields = Fields()
        var patternBytes = Array(pattern.utf8)[...]
        while let byte = patternBytes.popFirst() {
            if byte == UInt8(ascii: "%"), let directive = patternBytes.popFirst() {
                switch directive {
                case UInt8(ascii: "Y"): guard let v = scanner.number(maxDigits: 4) else { return nil }; fields.year = v
                case UInt8(ascii: "y"):
                    guard let v = scanner.number(maxDigits: 2) else { return nil }; fields.year = v < 70 ? 2000 + v : 1900 + v
                case UInt8(ascii: "m"): guard let v = scanner.number(maxDigits: 2) else { return nil }; fields.month = v
                case UInt8(ascii: "d"): guard let v = scanner.number(maxDigits: 2) else { return nil }; fields.day = v
                case UInt8(ascii: "H"): guard let v = scanner.number(maxDigits: 2) else { return nil }; fields.hour = v
                case UInt8(ascii: "M"): guard let v = scanner.number(maxDigits: 2) else { return nil }; fields.minute = v
                case UInt8(ascii: "S"): guard let v = scanner.number(maxDigits: 2) else { return nil }; fields.second = v
                case UInt8(ascii: "b"): guard let v = scanner.monthName() else { return nil }; fields.month = v
                case UInt8(ascii: "p"): guard let pm = scanner.meridiem() else { return nil }; fields.pm = pm
                case UInt8(ascii: "z"): guard let v = scanner.zone() else { return nil }; fields.offset = v
                case UInt8(ascii: "%"): guard scanner.take(UInt8(ascii: "%")) else { return nil }
                default: return nil
                }
            } else if byte == UInt8(ascii: " ") {
                scanner.skipSpaces()
            } else if !scanner.take(byte) {
                return nil
            }
        }
        guard scanner.atEnd else { return nil }
        return fields.seconds()
    }

    struct Fields {
        var year = 1970, month = 1, day = 1, hour = 0, minute = 0, second = 0
        var pm: Bool?
        var offset = 0

        func seconds() -> Int64? {
            var hour = self.hour
            if let pm {
                guard (1...12).contains(hour) else { return nil }
                hour = hour % 12 + (pm ? 12 : 0)
            }
            guard let local = CivilTime.seconds(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
            else { return nil }
            return local - Int64(offset)
        }
    }

    /// A byte scanner over one date string.
    struct Scanner {
        let bytes: [UInt8]
        var index = 0

        init(_ text: String) { bytes = Array(text.utf8) }

        var atEnd: Bool { index == bytes.count }
        var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

        mutating func take(_ byte: UInt8) -> Bool {
            guard peek == byte else { return false }
            index += 1
            return true
        }

        mutating func skipSpaces() {
            while let b = peek, b == 0x20 || b == 0x09 { index += 1 }
        }

        mutating func number(minDigits: Int = 1, maxDigits: Int) -> Int? {
            var value = 0, digits = 0
            while digits < maxDigits, let b = peek, b >= 0x30, b <= 0x39 {
                value = value * 10 + Int(b - 0x30)
                digits += 1
                index += 1
            }
            return digits >= minDigits ? value : nil
        }

        mutating func word() -> String {
            let start = index
            while let b = peek, (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) { index += 1 }
            return String(decoding: bytes[start..<index], as: UTF8.self)
        }

        mutating func monthName() -> Int? {
            let name = word().lowercased()
            guard name.count >= 3 else { return nil }
            let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
            return months.firstIndex(of: String(name.prefix(3))).map { $0 + 1 }
        }

        mutating func meridiem() -> Bool? {
            switch word().lowercased() {
            case "am", "a.m": return false
            case "pm", "p.m": return true
            default: return nil
            }
        }

        /// `Z`, `±HH:MM`, `±HHMM`, `±HH`, or a named zone; returns seconds east of UTC.
        mutating func zone() -> Int? {
            guard let b = peek else { return nil }
            if b == UInt8(ascii: "Z") || b == UInt8(ascii: "z") { index += 1; return 0 }
            if b == UInt8(ascii: "+") || b == UInt8(ascii: "-") {
                index += 1
                guard let hours = number(minDigits: 2, maxDigits: 2) else { return nil }
                _ = take(UInt8(ascii: ":"))
                let minutes = number(minDigits: 2, maxDigits: 2) ?? 0
                let offset = hours * 3600 + minutes * 60
                return b == UInt8(ascii: "-") ? -offset : offset
            }
            let names: [String: Int] = [
                "UT": 0, "UTC": 0, "GMT": 0, "Z": 0,
                "EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7, "MDT": -6, "PST": -8, "PDT": -7,
                "CET": 1, "CEST": 2, "BST": 1, "IST": 1, "JST": 9, "AEST": 10,
            ]
            let name = word().uppercased()
            if let hours = names[name] { return hours * 3600 }
            // RFC 822 military zones other than Z are ambiguous in practice; treat as UTC.
            if name.count == 1 { return 0 }
            return nil
        }

        /// `YYYY-MM-DD[(T| )HH:MM[:SS[.fraction]]][zone]`.
        mutating func iso8601() -> Int64? {
            var f = Fields()
            guard let year = number(minDigits: 4, maxDigits: 4), take(UInt8(ascii: "-")),
                let month = number(minDigits: 1, maxDigits: 2), take(UInt8(ascii: "-")),
                let day = number(minDigits: 1, maxDigits: 2)
            else { return nil }
            (f.year, f.month, f.day) = (year, month, day)
            if atEnd { return f.seconds() }
            guard take(UInt8(ascii: "T")) || take(UInt8(ascii: "t")) || take(UInt8(ascii: " ")) else { return nil }
            guard let hour = number(minDigits: 2, maxDigits: 2), take(UInt8(ascii: ":")),
                let minute = number(minDigits: 2, maxDigits: 2)
            else { return nil }
            (f.hour, f.minute) = (hour, minute)
            if take(UInt8(ascii: ":")) {
                guard let second = number(minDigits: 2, maxDigits: 2) else { return nil }
                f.second = second
                if take(UInt8(ascii: ".")) || take(UInt8(ascii: ",")) {
                    guard number(maxDigits: 12) != nil else { return nil }
                }
            }
            skipSpaces()
            if !atEnd {
                guard let offset = zone() else { return nil }
                f.offset = offset
            }
            return atEnd ? f.seconds() : nil
        }

        /// `M/D/YYYY H:MM[:SS] [AM|PM]` (month first, as US spreadsheets write it) or `YYYY/MM/DD HH:MM[:SS]`.
        mutating func spreadsheet() -> Int64? {
            var f = Fields()
            guard let a = number(maxDigits: 4), take(UInt8(ascii: "/")),
                let b = number(maxDigits: 2), take(UInt8(ascii: "/")),
                let c = number(maxDigits: 4)
            else { return nil }
            if a > 31 { (f.year, f.month, f.day) = (a, b, c) } else { (f.month, f.day, f.year) = (a, b, c < 100 ? 2000 + c : c) }
            skipSpaces()
            if !atEnd {
                guard let hour = number(maxDigits: 2), take(UInt8(ascii: ":")), let minute = number(minDigits: 2, maxDigits: 2)
                else { return nil }
                (f.hour, f.minute) = (hour, minute)
                if take(UInt8(ascii: ":")) {
                    guard let second = number(minDigits: 2, maxDigits: 2) else { return nil }
                    f.second = second
                }
                skipSpaces()
                if !atEnd {
                    guard let pm = meridiem() else { return nil }
                    f.pm = pm
                }
            }
            return atEnd ? f.seconds() : nil
        }

        /// RFC 822 / 2822: `[Day,] DD Mon YYYY HH:MM[:SS] [zone]`.
        mutating func rfc822() -> Int64? {
            var f = Fields()
            skipSpaces()
            if let b = peek, (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) {
                _ = word()
                _ = take(UInt8(ascii: ","))
                skipSpaces()
            }
            guard let day = number(maxDigits: 2) else { return nil }
            skipSpaces()
            guard let month = monthName() else { return nil }
            skipSpaces()
            guard let year = number(minDigits: 2, maxDigits: 4) else { return nil }
            f.day = day
            f.month = month
            f.year = year < 100 ? (year < 70 ? 2000 + year : 1900 + year) : year
            skipSpaces()
            if !atEnd {
                guard let hour = number(maxDigits: 2), take(UInt8(ascii: ":")), let minute = number(minDigits: 2, maxDigits: 2)
                else { return nil }
                (f.hour, f.minute) = (hour, minute)
                if take(UInt8(ascii: ":")) {
                    guard let second = number(minDigits: 2, maxDigits: 2) else { return nil }
                    f.second = second
                }
                skipSpaces()
                if !atEnd {
                    guard let offset = zone() else { return nil }
                    f.offset = offset
                }
            }
            skipSpaces()
            return atEnd ? f.seconds() : nil
        }
    }
}
