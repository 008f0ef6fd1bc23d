#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The command line of a benchmark program, read against its declared options: the one
/// argument loop the bench executables share. Options may come in any order among the
/// positional arguments; a mistake ends the program with status 2 and a message naming it.
public struct BenchArguments {
    /// An option a program accepts: `--runs N` takes a value, `--cold` does not.
    public struct Option: Sendable {
        public var name: String
        public var takesValue: Bool
        public init(_ name: String, takesValue: Bool = true) {
            self.name = name
            self.takesValue = takesValue
        }
    }

    public let program: String
    /// The value given to each option that takes one (the last, when given twice).
    public private(set) var values: [String: String] = [:]
    /// The options without values that were given.
    public private(set) var flags: Set<String> = []
    /// The arguments that are not options, in order.
    public private(set) var positional: [String] = []

    /// Reads `arguments` (without the program name). `-h` and `--help` print `usage` and exit 0.
    public init(_ arguments: [String], program: String, usage: String, options: [Option]) {
        self.program = program
        var remaining = arguments[...]
        while let argument = remaining.popFirst() {
            if argument == "-h" || argument == "--help" {
                print("usage: " + usage)
                exit(0)
            }
            guard argument.hasPrefix("--") else {
                positional.append(argument)
                continue
            }
            guard let option = options.first(where: { $0.name == argument }) else {
                BenchArguments.fail(program, "unknown option \(argument)")
            }
            if option.takesValue {
                guard let value = remaining.popFirst() else { BenchArguments.fail(program, "\(argument) needs a value") }
                values[argument] = value
            } else {
                flags.insert(argument)
            }
        }
    }

    /// The option's value, or `fallback` when it was not given.
    public func string(_ name: String, default fallback: String = "") -> String { values[name] ?? fallback }

    /// The option's whole-number value, at least `minimum`; `fallback` when not given.
    public func integer(_ name: String, default fallback: Int, minimum: Int = 0) -> Int {
        guard let text = values[name] else { return fallback }
        guard let value = Int(text), value >= minimum else { fail("\(name) takes a whole number of at least \(minimum), not '\(text)'") }
        return value
    }

    /// The option's value as a number of seconds (or any positive quantity); `fallback` when not given.
    public func positiveNumber(_ name: String, default fallback: Double) -> Double {
        guard let text = values[name] else { return fallback }
        guard let value = Double(text), value > 0 else { fail("\(name) takes a positive number, not '\(text)'") }
        return value
    }

    /// Ends the program with status 2 and `message` on standard error.
    public func fail(_ message: String) -> Never { BenchArguments.fail(program, message) }

    /// Ends the program with status 2 and `program: message` on standard error.
    public static func fail(_ program: String, _ message: String) -> Never {
        fflush(nil)
        let line = "\(program): \(message)\n"
        _ = line.withCString { write(2, $0, strlen($0)) }
        exit(2)
    }
}

/// The options every timing program takes: the corpus, and how many runs it times.
public struct BenchRunOptions: Sendable {
    /// The corpus file (`--db`, required).
    public var database: String
    /// Timed runs of each measurement (`--runs`).
    public var runs: Int
    /// Untimed runs before them (`--warmup`, default 2).
    public var warmup: Int

    /// `--db`, `--runs` and `--warmup`, for `BenchArguments`.
    public static let declared: [BenchArguments.Option] = [.init("--db"), .init("--runs"), .init("--warmup")]

    /// Reads the three options; a missing `--db` ends the program.
    public init(_ parsed: BenchArguments, defaultRuns: Int) {
        database = parsed.string("--db")
        runs = parsed.integer("--runs", default: defaultRuns, minimum: 1)
        warmup = parsed.integer("--warmup", default: 2)
        if database.isEmpty { parsed.fail("--db PATH is required") }
    }
}
