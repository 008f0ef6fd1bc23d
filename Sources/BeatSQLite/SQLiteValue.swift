/// A value SQLite can store: one of its five storage classes.
public enum SQLiteValue: Sendable, Equatable, Hashable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob([UInt8])

    /// The value as text, or nil for NULL. Numbers are written as SQLite would.
    public var stringValue: String? {
        switch self {
        case .null: return nil
        case .integer(let v): return String(v)
        case .real(let v): return String(v)
        case .text(let v): return v
        case .blob(let v): return String(decoding: v, as: UTF8.self)
        }
    }

    /// The value as an integer, or nil when it is not a number.
    public var int64Value: Int64? {
        switch self {
        case .integer(let v): return v
        case .real(let v): return Int64(exactly: v)
        case .text(let v): return Int64(v)
        default: return nil
        }
    }
}

// No ExpressibleByNilLiteral: with it, `optionalValue == nil` would quietly
// compare against `.null` instead of testing for absence.
extension SQLiteValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
    public init(stringLiteral value: String) { self = .text(value) }
    public init(integerLiteral value: Int64) { self = .integer(value) }
}

extension Optional where Wrapped == String {
    /// The string as an SQLite value, NULL when absent.
    public var sqliteValue: SQLiteValue { map { .text($0) } ?? .null }
}

extension Optional where Wrapped == Int64 {
    /// The integer as an SQLite value, NULL when absent.
    public var sqliteValue: SQLiteValue { map { .integer($0) } ?? .null }
}
