// beat-summary-bench: how long a summary takes, measured inside the process.
//
//   beat-summary-bench --db PATH --since DAY --until DAY [--runs N] [--warmup N] [--cold] [--vs previous] QUERY…
//
// The window is `since` (inclusive) to the end of `until`, UTC days. Warm
// (the default): the corpus is opened once (timed as "open"), then for each
// query the whole `SummaryBuilder.summary(for:)` (compiling the query
// included) runs --warmup times untimed and --runs times timed (default 10);
// one JSON line per query with p50, p95, every sample in ms, the p50 of the
// processor time (user and system) and the summary's headline figures. --cold: each query is timed once from before opening the
// corpus to the finished summary, in a new connection each time, as a first
// `beat summary` would run it; bench/summary-bench starts the program once
// per cold sample so nothing is cached in the process.

import BeatCore
import BeatSQLite
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

struct Options {
    var database = ""
    var since = ""
    var until = ""
    var runs = 10
    var warmup = 2
    var cold = false
    var previous = false
    var queries: [String] = []
}

func fail(_ message: String) -> Never {
    fflush(nil)
    let line = "beat-summary-bench: \(message)\n"
    _ = line.withCString { write(2, $0, strlen($0)) }
    exit(2)
}

func parseOptions(_ arguments: [String]) -> Options {
    var options = Options()
    var index = 0
    func value(_ name: String) -> String {
        index += 1
        guard index < arguments.count else { fail("\(name) needs a value") }
        return arguments[index]
    }
    while index < arguments.count {
        let argument = arguments[index]
        switch argument {
        case "--db": options.database = value(argument)
        case "--since": options.since = value(argument)
        case "--until": options.until = value(argument)
        case "--runs":
            guard let n = Int(value(argument)), n > 0 else { fail("--runs takes a positive number") }
            options.runs = n
        case "--warmup":
            guard let n = Int(value(argument)), n >= 0 else { fail("--warmup takes a number") }
            options.warmup = n
        case "--cold": options.cold = true
        case "--vs":
            guard value(argument) == "previous" else { fail("--vs takes 'previous'") }
            options.previous = true
        case "-h", "--help":
            print("usage: beat-summary-bench --db PATH --since DAY --until DAY [--runs N] [--warmup N] [--cold] [--vs previous] QUERY…")
            exit(0)
        default:
            if argument.hasPrefix("--") { fail("unknown option \(argument)") }
            options.queries.append(argument)
        }
        index += 1
    }
    if options.database.isEmpty { fail("--db PATH is required") }
    if options.queries.isEmpty { fail("give at least one query") }
    return options
}

/// Unix seconds of a `YYYY-MM-DD` day at 00:00 UTC.
func day(_ text: String) -> Int64 {
    let parts = text.split(separator: "-").compactMap { Int($0) }
    guard parts.count == 3, let seconds = CivilTime.seconds(year: parts[0], month: parts[1], day: parts[2]) else {
        fail("a day is YYYY-MM-DD, not '\(text)'")
    }
    return seconds
}


/// Processor time of this process so far, user and system, in ms.
func cpuMilliseconds() -> Double {
    var usage = rusage()
    #if os(Linux)
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    #else
    getrusage(RUSAGE_SELF, &usage)
    #endif
    func ms(_ t: timeval) -> Double { Double(t.tv_sec) * 1000 + Double(t.tv_usec) / 1000 }
    return ms(usage.ru_utime) + ms(usage.ru_stime)
}

func nowNanoseconds() -> UInt64 {
    var spec = timespec()
    clock_gettime(CLOCK_MONOTONIC, &spec)
    return UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec)
}

func milliseconds(since start: UInt64) -> Double { Double(nowNanoseconds() - start) / 1e6 }

/// Linear interpolation between closest ranks, as bench/query-bench computes it.
func quantile(_ samples: [Double], _ q: Double) -> Double {
    let sorted = samples.sorted()
    guard sorted.count > 1 else { return sorted.first ?? 0 }
    let position = q * Double(sorted.count - 1)
    let low = Int(position.rounded(.down))
    let high = min(low + 1, sorted.count - 1)
    return sorted[low] + (sorted[high] - sorted[low]) * (position - Double(low))
}

func number(_ value: Double) -> String { String(Double((value * 1000).rounded()) / 1000) }

func emit(_ fields: [(String, String)]) {
    print("{" + fields.map { JSONWriter.quote($0.0) + ": " + $0.1 }.joined(separator: ", ") + "}")
    fflush(nil)
}

let options = parseOptions(Array(CommandLine.arguments.dropFirst()))
let window = SummaryWindow(start: day(options.since), end: day(options.until) + 86_400)
let context = QueryContext(now: window.end)

func summarise(_ text: String, in corpus: Corpus) throws -> BeatSummary {
    let query = try QueryCompiler.compile(text, context: context)
    let request = SummaryRequest(label: text, query: query, window: window, comparison: options.previous ? .previous : nil)
    return try SummaryBuilder(corpus: corpus, loadingScorer: { try LexiconSentiment.shared }).summary(for: request)
}

func figures(_ summary: BeatSummary) -> [(String, String)] {
    [
        ("posts", String(summary.volume.posts)), ("corpus_posts", String(summary.volume.corpusPosts)),
        ("buckets", String(summary.timeline.buckets.count)), ("bursts", String(summary.timeline.bursts.count)),
        ("terms", "[" + summary.terms.prefix(5).map { JSONWriter.quote($0.term) }.joined(separator: ", ") + "]"),
        ("quotes", String(summary.quotes.count)), ("sentiment_sample", String(summary.sentiment?.sampleSize ?? 0)),
    ]
}

var failed = false
if options.cold {
    for text in options.queries {
        do {
            let start = nowNanoseconds()
            let cpuStart = cpuMilliseconds()
            let corpus = try Corpus(path: options.database)
            let opened = milliseconds(since: start)
            let summary = try summarise(text, in: corpus)
            let total = milliseconds(since: start)
            emit(
                [("query", JSONWriter.quote(text)), ("op", JSONWriter.quote("cold")), ("open_ms", number(opened)),
                 ("ms", number(total)), ("cpu_ms", number(cpuMilliseconds() - cpuStart))] + figures(summary))
        } catch {
            failed = true
            emit([("query", JSONWriter.quote(text)), ("error", JSONWriter.quote("\(error)"))])
        }
    }
    exit(failed ? 1 : 0)
}

let openStart = nowNanoseconds()
let corpus: Corpus
do {
    corpus = try Corpus(path: options.database)
} catch {
    fail("\(error)")
}
emit([("event", JSONWriter.quote("open")), ("ms", number(milliseconds(since: openStart))), ("sqlite", JSONWriter.quote(Connection.libraryVersion))])
for text in options.queries {
    do {
        var summary = try summarise(text, in: corpus)
        for _ in 1..<max(options.warmup, 1) { summary = try summarise(text, in: corpus) }
        var samples: [Double] = []
        var cpu: [Double] = []
        for _ in 0..<options.runs {
            let start = nowNanoseconds()
            let cpuStart = cpuMilliseconds()
            summary = try summarise(text, in: corpus)
            samples.append(milliseconds(since: start))
            cpu.append(cpuMilliseconds() - cpuStart)
        }
        emit(
            [("query", JSONWriter.quote(text)), ("op", JSONWriter.quote("warm")), ("runs", String(samples.count)),
             ("p50_ms", number(quantile(samples, 0.5))), ("p95_ms", number(quantile(samples, 0.95))),
             ("cpu_p50_ms", number(quantile(cpu, 0.5)))]
                + figures(summary) + [("samples_ms", "[" + samples.map(number).joined(separator: ", ") + "]")])
    } catch {
        failed = true
        emit([("query", JSONWriter.quote(text)), ("error", JSONWriter.quote("\(error)"))])
    }
}
exit(failed ? 1 : 0)
