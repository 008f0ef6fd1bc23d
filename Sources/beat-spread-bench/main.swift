// beat-spread-bench: the cost of spread, measured inside the process; run by bench/spread-bench.
//
//   beat-spread-bench import --db PATH [--no-fingerprints] FILE…   one JSON line: seconds, posts
//   beat-spread-bench regroup --db PATH                            fingerprint and group every post again
//   beat-spread-bench targets --db PATH [--runs N]                 `spread` of N grouped posts: p50, p95, max
//   beat-spread-bench top --db PATH [--runs N] QUERY               `spread QUERY --top 20`: matches, p50, p95
//   beat-spread-bench links --db PATH [--runs N] QUERY             `links QUERY --top 20`: p50, p95
//
// Each prints one JSON line. The import compares with and without
// fingerprinting on the same file, so the ratio is meaningful even on a busy machine.

import BeatCore
import BeatSQLite
import Foundation

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(("beat-spread-bench: " + message + "\n").data(using: .utf8)!)
    exit(2)
}

func now() -> Double { Date().timeIntervalSince1970 }

func percentile(_ samples: [Double], _ p: Double) -> Double {
    let sorted = samples.sorted()
    guard !sorted.isEmpty else { return 0 }
    return sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * p).rounded()))]
}

func milliseconds(_ value: Double) -> String { String(format: "%.2f", value * 1000) }

var arguments = Array(CommandLine.arguments.dropFirst())
guard let mode = arguments.first else { fail("usage: beat-spread-bench import|regroup|targets|top|links --db PATH …") }
arguments.removeFirst()
var database = ""
var runs = 20
var fingerprints = true
var rest: [String] = []
var index = 0
while index < arguments.count {
    switch arguments[index] {
    case "--db":
        index += 1
        database = arguments[index]
    case "--runs":
        index += 1
        runs = Int(arguments[index]) ?? runs
    case "--no-fingerprints": fingerprints = false
    default: rest.append(arguments[index])
    }
    index += 1
}
guard !database.isEmpty else { fail("--db PATH is required") }

switch mode {
case "import":
    let corpus = try Corpus(path: database)
    var options = ImportOptions()
    options.fingerprints = fingerprints
    let started = now()
    let summary = try Importer(corpus: corpus, options: options).run(rest)
    let seconds = now() - started
    print(
        #"{"mode": "import", "fingerprints": \#(fingerprints), "posts": \#(summary.added + summary.updated), "seconds": \#(String(format: "%.2f", seconds))}"#
    )
case "regroup":
    let corpus = try Corpus(path: database)
    let started = now()
    let posts = try SpreadIndex(connection: corpus.connection).rebuild()
    let seconds = now() - started
    let groups = try corpus.connection.scalar("SELECT count(*) FROM spread_groups")?.int64Value ?? 0
    print(#"{"mode": "regroup", "posts": \#(posts), "groups": \#(groups), "seconds": \#(String(format: "%.2f", seconds))}"#)
case "targets":
    let corpus = try Corpus(path: database, readOnly: true)
    let engine = SearchEngine(corpus: corpus)
    var ids: [String] = []
    try corpus.connection.forEachRow(
        """
        SELECT p.source || ':' || p.source_id FROM spread_groups g JOIN posts p ON p.id = g.origin
        ORDER BY g.size DESC, g.id LIMIT ?1
        """, [.integer(Int64(runs))]
    ) { ids.append($0.string(0) ?? "") }
    guard !ids.isEmpty else { fail("no spread groups in \(database)") }
    var samples: [Double] = []
    var largest = 0
    for id in ids {
        let started = now()
        let report = try engine.spread(of: .post(id))
        samples.append(now() - started)
        largest = max(largest, report?.members.count ?? 0)
    }
    print(
        #"{"mode": "targets", "targets": \#(ids.count), "largest_group": \#(largest), "p50_ms": \#(milliseconds(percentile(samples, 0.5))), "p95_ms": \#(milliseconds(percentile(samples, 0.95))), "max_ms": \#(milliseconds(samples.max() ?? 0))}"#
    )
case "top", "links":
    let corpus = try Corpus(path: database, readOnly: true)
    let engine = SearchEngine(corpus: corpus)
    let text = rest.joined(separator: " ")
    let query = try QueryCompiler.compile(text, context: QueryContext(now: Int64(now())))
    let matches = try engine.distinctVolume(for: query).posts
    var samples: [Double] = []
    var found = 0
    for _ in 0..<max(runs, 1) {
        let started = now()
        if mode == "top" {
            found = try engine.spreadGroups(for: query, limit: 20).count
        } else {
            found = try engine.sharedLinks(for: query, limit: 20).count
        }
        samples.append(now() - started)
    }
    print(
        #"{"mode": "\#(mode)", "query": "\#(text)", "matches": \#(matches), "found": \#(found), "p50_ms": \#(milliseconds(percentile(samples, 0.5))), "p95_ms": \#(milliseconds(percentile(samples, 0.95)))}"#
    )
default:
    fail("unknown mode \(mode)")
}
