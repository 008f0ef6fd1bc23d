import BeatCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The clock, the quantiles and the JSON lines the bench executables share, so that
/// bench/query-bench and bench/summary-bench read their figures the same way.
public enum BenchTiming {
    /// The monotonic clock, in nanoseconds.
    public static func nowNanoseconds() -> UInt64 {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec)
    }

    /// Milliseconds since `start` (a `nowNanoseconds()` reading).
    public static func milliseconds(since start: UInt64) -> Double { Double(nowNanoseconds() - start) / 1e6 }

    /// Processor time of this process so far, user and system, in ms.
    public static func cpuMilliseconds() -> Double {
        var usage = rusage()
        #if os(Linux)
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        #else
        getrusage(RUSAGE_SELF, &usage)
        #endif
        func ms(_ t: timeval) -> Double { Double(t.tv_sec) * 1000 + Double(t.tv_usec) / 1000 }
        return ms(usage.ru_utime) + ms(usage.ru_stime)
    }

    /// The q-quantile of `samples` by linear interpolation between closest ranks
    /// (as Python's `statistics.quantiles(method="inclusive")` and the bench scripts compute it).
    public static func quantile(_ samples: [Double], _ q: Double) -> Double {
        let sorted = samples.sorted()
        guard sorted.count > 1 else { return sorted.first ?? 0 }
        let position = q * Double(sorted.count - 1)
        let low = Int(position.rounded(.down))
        let high = min(low + 1, sorted.count - 1)
        return sorted[low] + (sorted[high] - sorted[low]) * (position - Double(low))
    }

    /// A number of ms as JSON, to the microsecond.
    public static func number(_ value: Double) -> String { String(Double((value * 1000).rounded()) / 1000) }

    /// A JSON string.
    public static func string(_ text: String) -> String { JSONWriter.quote(text) }

    /// One JSON line of `fields` (values already JSON) on standard output, flushed.
    public static func emit(_ fields: [(String, String)]) {
        print("{" + fields.map { JSONWriter.quote($0.0) + ": " + $0.1 }.joined(separator: ", ") + "}")
        fflush(nil)
    }
}
