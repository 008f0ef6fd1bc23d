// beat-bench: query latency measured inside the process, without start-up.
//
//   beat-bench --db PATH [--runs N] [--warmup N] [--budget SECONDS] [--now UNIX] [--halving-matches N] [QUERY…]
//
// Opens the corpus read-write (so pending migrations apply, timed once as
// "open"), then for each query (the built-in set when none is given) times
// two operations:
//
//   search  what the `search` command does for one top-20 page, rendering
//           excepted: compile, then SearchEngine.search (sort rank, limit 20:
//           the total, the page, the summaries and the highlighted snippets);
//   count   what `count` does: compile and SearchEngine.count.
//
// Each operation runs --warmup times untimed, then --runs times (default 20),
// fewer when one warm-up run shows that --runs would exceed --budget seconds
// (never fewer than 5). One JSON line per query and operation on standard
// output, with p50, p95, every sample in ms, and the count; search lines also
// give each phase's p50. bench/query-bench runs this and compares it with the
// same FTS5 statements run directly.

import BeatCore
import BeatShell
import BenchSupport

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The fixed query set of bench/query-bench (issue 3, "Speed").
let defaultQueries = [
    "the",  // a word in three posts of four
    "item",  // the most common word that is not a function word (a fifth of the posts)
    "data",  // a mid-frequency word (5 %)
    "zugzwang",  // a rare, planted word (57 posts at 1M)
    "data center",  // two words, unquoted: both must match, anywhere
    "\"open weights\"",  // a planted phrase
    "regulat*",  // a prefix
    "\"open weights\" source:reddit since:2024-03-01 until:2024-06-30",  // phrase + source + date range
]

struct Options {
    var run: BenchRunOptions
    var budget: Double
    var now: Int64
    /// `SearchEngine.halvingMatches`: 0 halves every ranked page, a huge number none (for an A/B).
    var halvingMatches: Int
    var queries: [String]

    init(_ arguments: [String]) {
        let parsed = BenchArguments(
            arguments, program: "beat-bench",
            usage: "beat-bench --db PATH [--runs N] [--warmup N] [--budget SECONDS] [--now UNIX] [--halving-matches N] [QUERY…]",
            options: BenchRunOptions.declared + [.init("--budget"), .init("--now"), .init("--halving-matches")])
        run = BenchRunOptions(parsed, defaultRuns: 20)
        budget = parsed.positiveNumber("--budget", default: 10)
        let nowText = parsed.string("--now", default: String(time(nil)))
        guard let now = Int64(nowText) else { parsed.fail("--now takes unix seconds, not '\(nowText)'") }
        self.now = now
        let halving = parsed.string("--halving-matches", default: String(SearchEngine.halvingMatches))
        guard let halvingMatches = Int(halving), halvingMatches >= 0 else {
            parsed.fail("--halving-matches takes a count, not '\(halving)'")
        }
        self.halvingMatches = halvingMatches
        queries = parsed.positional.isEmpty ? defaultQueries : parsed.positional
    }
}

func fail(_ message: String) -> Never { BenchArguments.fail("beat-bench", message) }

let nowNanoseconds = BenchTiming.nowNanoseconds
let quantile = BenchTiming.quantile

// MARK: - The measured work

/// Per-phase times of one search, in ms.
struct Phases {
    var compile = 0.0, search = 0.0
}

/// Results checked after the runs, so that nothing measured can be optimised away.
struct Outcome {
    var count = 0
    var hits = 0
    var segments = 0
}

/// What `search QUERY` does for its first page (SearchCommand), without rendering.
func search(_ text: String, engine: SearchEngine, context: QueryContext, phases: inout Phases) throws -> Outcome {
    var mark = nowNanoseconds()
    func lap() -> Double {
        let now = nowNanoseconds()
        defer { mark = now }
        return Double(now - mark) / 1e6
    }
    let query = try QueryCompiler.compile(text, context: context)
    phases.compile = lap()
    let page = try engine.search(query, shownAs: text, sort: .rank, limit: 20)
    phases.search = lap()
    return Outcome(count: page.total, hits: page.hits.count, segments: page.hits.reduce(0) { $0 + $1.snippet.segments.count })
}

/// What `count QUERY` does, without rendering.
func count(_ text: String, engine: SearchEngine, context: QueryContext) throws -> Outcome {
    Outcome(count: try engine.count(QueryCompiler.compile(text, context: context)))
}

// MARK: - Output

let jsonString = BenchTiming.string
let jsonNumber = BenchTiming.number
let emit = BenchTiming.emit

// MARK: - Main

let options = Options(Array(CommandLine.arguments.dropFirst()))
let context = QueryContext(now: options.now)

let openStart = nowNanoseconds()
let corpus: Corpus
do {
    corpus = try Corpus(path: options.run.database)
} catch {
    fail("\(error)")
}
let openMilliseconds = BenchTiming.milliseconds(since: openStart)
let engine = SearchEngine(corpus: corpus)
engine.halvingMatches = options.halvingMatches
let posts = (try? corpus.postCount()) ?? -1
emit([
    ("event", jsonString("open")), ("db", jsonString(options.run.database)), ("ms", jsonNumber(openMilliseconds)),
    ("schema", String(Corpus.schemaVersion)), ("posts", String(posts)),
    ("sqlite", jsonString(Corpus.sqliteVersion)),
])

/// Runs `body` as configured: warm-ups, then as many timed runs as the budget allows.
func measure(_ body: () throws -> Void) throws -> [Double] {
    var slowestWarmup = 0.0
    for _ in 0..<options.run.warmup {
        let start = nowNanoseconds()
        try body()
        slowestWarmup = max(slowestWarmup, BenchTiming.milliseconds(since: start))
    }
    var runs = options.run.runs
    if slowestWarmup > 0, Double(runs) * slowestWarmup > options.budget * 1000 {
        runs = max(5, Int(options.budget * 1000 / slowestWarmup))
    }
    var samples: [Double] = []
    samples.reserveCapacity(runs)
    for _ in 0..<runs {
        let start = nowNanoseconds()
        try body()
        samples.append(BenchTiming.milliseconds(since: start))
    }
    return samples
}

var failed = false
for text in options.queries {
    do {
        let compiled = try QueryCompiler.compile(text, context: context)
        var outcome = Outcome()
        var phases = Phases()
        var phaseSamples: [String: [Double]] = [:]
        let searchSamples = try measure {
            outcome = try search(text, engine: engine, context: context, phases: &phases)
            phaseSamples["compile", default: []].append(phases.compile)
            phaseSamples["search", default: []].append(phases.search)
        }
        // Phases over the timed runs only (the warm-ups come first).
        let timed = searchSamples.count
        let phaseFields = ["compile", "search"].map { name in
            (name, jsonNumber(quantile(Array(phaseSamples[name, default: []].suffix(timed)), 0.5)))
        }
        let (searchSQL, _) = compiled.searchSQL(sort: .rank, limit: 20)
        emit([
            ("query", jsonString(text)), ("op", jsonString("search")), ("runs", String(timed)),
            ("p50_ms", jsonNumber(quantile(searchSamples, 0.5))), ("p95_ms", jsonNumber(quantile(searchSamples, 0.95))),
            ("count", String(outcome.count)), ("hits", String(outcome.hits)), ("segments", String(outcome.segments)),
            ("phases_p50_ms", "{" + phaseFields.map { jsonString($0.0) + ": " + $0.1 }.joined(separator: ", ") + "}"),
            ("match", compiled.match.map(jsonString) ?? "null"), ("sql", jsonString(searchSQL)),
            ("samples_ms", "[" + searchSamples.map(jsonNumber).joined(separator: ", ") + "]"),
        ])

        var counted = Outcome()
        let countSamples = try measure { counted = try count(text, engine: engine, context: context) }
        let (countSQL, _) = compiled.countSQL()
        emit([
            ("query", jsonString(text)), ("op", jsonString("count")), ("runs", String(countSamples.count)),
            ("p50_ms", jsonNumber(quantile(countSamples, 0.5))), ("p95_ms", jsonNumber(quantile(countSamples, 0.95))),
            ("count", String(counted.count)), ("sql", jsonString(countSQL)),
            ("samples_ms", "[" + countSamples.map(jsonNumber).joined(separator: ", ") + "]"),
        ])
    } catch {
        failed = true
        emit([("query", jsonString(text)), ("error", jsonString("\(error)"))])
    }
}
let completer = Completer(source: CorpusCompletions { corpus })
// Tab completion of author prefixes, as the shell asks for it: three-letter prefixes of
// authors found under three initials spread through the alphabet.
let prefixes: [String] = ["c", "m", "s"].compactMap { initial in
    guard let names = try? engine.authors(prefix: initial), !names.isEmpty else { return nil }
    return String(names[names.count / 2].prefix(3))
}
for prefix in prefixes {
    var found = 0
    let samples = (try? measure { found = completer.complete("search author:" + prefix).candidates.count }) ?? []
    emit([
        ("event", jsonString("complete")), ("line", jsonString("search author:" + prefix)), ("candidates", String(found)),
        ("p50_ms", jsonNumber(quantile(samples, 0.5))), ("p95_ms", jsonNumber(quantile(samples, 0.95))),
    ])
}
exit(failed ? 1 : 0)
