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
import BenchSupport

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

struct Options {
    var run: BenchRunOptions
    var since: String
    var until: String
    var cold: Bool
    var previous: Bool
    var queries: [String]

    init(_ arguments: [String]) {
        let parsed = BenchArguments(
            arguments, program: "beat-summary-bench",
            usage: "beat-summary-bench --db PATH --since DAY --until DAY [--runs N] [--warmup N] [--cold] [--vs previous] QUERY…",
            options: BenchRunOptions.declared + [.init("--since"), .init("--until"), .init("--cold", takesValue: false), .init("--vs")])
        run = BenchRunOptions(parsed, defaultRuns: 10)
        since = parsed.string("--since")
        until = parsed.string("--until")
        cold = parsed.flags.contains("--cold")
        if let vs = parsed.values["--vs"], vs != "previous" { parsed.fail("--vs takes 'previous'") }
        previous = parsed.values["--vs"] != nil
        queries = parsed.positional
        if queries.isEmpty { parsed.fail("give at least one query") }
    }
}

func fail(_ message: String) -> Never { BenchArguments.fail("beat-summary-bench", message) }

/// Unix seconds of a `YYYY-MM-DD` day at 00:00 UTC.
func day(_ text: String) -> Int64 {
    let parts = text.split(separator: "-").compactMap { Int($0) }
    guard parts.count == 3, let seconds = CivilTime.seconds(year: parts[0], month: parts[1], day: parts[2]) else {
        fail("a day is YYYY-MM-DD, not '\(text)'")
    }
    return seconds
}

let cpuMilliseconds = BenchTiming.cpuMilliseconds
let nowNanoseconds = BenchTiming.nowNanoseconds
let quantile = BenchTiming.quantile
let number = BenchTiming.number
let emit = BenchTiming.emit

let options = Options(Array(CommandLine.arguments.dropFirst()))
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
            let corpus = try Corpus(path: options.run.database)
            let opened = BenchTiming.milliseconds(since: start)
            let summary = try summarise(text, in: corpus)
            let total = BenchTiming.milliseconds(since: start)
            emit(
                [
                    ("query", JSONWriter.quote(text)), ("op", JSONWriter.quote("cold")), ("open_ms", number(opened)),
                    ("ms", number(total)), ("cpu_ms", number(cpuMilliseconds() - cpuStart)),
                ] + figures(summary))
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
    corpus = try Corpus(path: options.run.database)
} catch {
    fail("\(error)")
}
emit([
    ("event", JSONWriter.quote("open")), ("ms", number(BenchTiming.milliseconds(since: openStart))),
    ("sqlite", JSONWriter.quote(Corpus.sqliteVersion)),
])
for text in options.queries {
    do {
        var summary = try summarise(text, in: corpus)
        for _ in 1..<max(options.run.warmup, 1) { summary = try summarise(text, in: corpus) }
        var samples: [Double] = []
        var cpu: [Double] = []
        for _ in 0..<options.run.runs {
            let start = nowNanoseconds()
            let cpuStart = cpuMilliseconds()
            summary = try summarise(text, in: corpus)
            samples.append(BenchTiming.milliseconds(since: start))
            cpu.append(cpuMilliseconds() - cpuStart)
        }
        emit(
            [
                ("query", JSONWriter.quote(text)), ("op", JSONWriter.quote("warm")), ("runs", String(samples.count)),
                ("p50_ms", number(quantile(samples, 0.5))), ("p95_ms", number(quantile(samples, 0.95))),
                ("cpu_p50_ms", number(quantile(cpu, 0.5))),
            ]
                + figures(summary) + [("samples_ms", "[" + samples.map(number).joined(separator: ", ") + "]")])
    } catch {
        failed = true
        emit([("query", JSONWriter.quote(text)), ("error", JSONWriter.quote("\(error)"))])
    }
}
exit(failed ? 1 : 0)
