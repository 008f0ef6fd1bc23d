import BeatCore
import BeatSQLite
import BeatTestSupport
import Foundation
import Testing

/// The demo corpus, a fixed clock, and independent ways to count posts.
enum QueryDemo {
    static let path: String = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/BeatCore/Resources/demo-corpus.jsonl").path

    /// 2026-07-15T12:00:00Z, the "now" of every relative date in these tests.
    static let now: Int64 = 1_784_116_800
    static let context = QueryContext(now: now)

    /// A fresh corpus holding the demo posts.
    static func corpus() throws -> TemporaryCorpus {
        let corpus = try TemporaryCorpus()
        let outcome = try corpus.importFiles([path])
        #expect(outcome.summary.added == 341)
        return corpus
    }

    /// Runs a statement of a compiled query and returns its rows.
    static func rows(_ statement: (sql: String, bindings: [SQLiteValue]), in corpus: TemporaryCorpus) throws -> [[SQLiteValue]] {
        try corpus.rows(statement.sql, statement.bindings)
    }

    /// Counts in Python, over the JSONL itself: `predicates` are Python
    /// expressions over a post `p`, with helpers that tokenize as the index
    /// does (lowercase, accents removed, letters, digits and `+`).
    static func python(counts predicates: [String], groups: [(predicate: String, dimension: String)] = []) throws -> (
        counts: [Int], groups: [[[String]]]
    ) {
        let script = """
            import json, sys, unicodedata, datetime
            def ts(s): return int(datetime.datetime.fromisoformat(s.replace('Z', '+00:00')).timestamp())
            def toks(s):
                out, cur = [], ''
                for ch in unicodedata.normalize('NFKD', s or ''):
                    cat = unicodedata.category(ch)
                    if cat == 'Mn': continue
                    if cat[0] in 'LN' or cat == 'Co' or ch == '+': cur += ch.lower()
                    elif cur: out.append(cur); cur = ''
                if cur: out.append(cur)
                return out
            posts = [json.loads(line) for line in open(sys.argv[1], encoding='utf-8')]
            for p in posts:
                p['ts'] = ts(p['published_at']); p['T'] = toks(p.get('title')); p['X'] = toks(p['text'])
            def has(p, w): return w in p['T'] or w in p['X']
            def run(col, ws): return any(col[i:i + len(ws)] == ws for i in range(len(col) - len(ws) + 1))
            def phrase(p, text): return run(p['T'], text.split()) or run(p['X'], text.split())
            def title(p, text): return run(p['T'], text.split())
            def prefix(p, w): return any(t.startswith(w) for t in p['T'] + p['X'])
            def near(p, a, b, n):
                return any(abs(i - j) - 1 <= n for col in (p['T'], p['X'])
                           for i, x in enumerate(col) if x == a for j, y in enumerate(col) if y == b)
            def day(s): return ts(s + 'T00:00:00Z')
            def utc(p): return datetime.datetime.fromtimestamp(p['ts'], datetime.timezone.utc)
            def week(p):
                d = utc(p).date()
                return (d - datetime.timedelta(days=d.weekday())).isoformat()
            keys = {'source': lambda p: p['source'], 'venue': lambda p: p.get('venue'), 'author': lambda p: p.get('author'),
                    'day': lambda p: utc(p).date().isoformat(), 'week': week,
                    'month': lambda p: utc(p).strftime('%Y-%m')}
            job = json.load(sys.stdin)
            counts = [sum(1 for p in posts if eval(e, globals(), {'p': p})) for e in job['counts']]
            groups = []
            for e, dim in job['groups']:
                tally = {}
                for p in posts:
                    if eval(e, globals(), {'p': p}):
                        k = keys[dim](p); tally[k] = tally.get(k, 0) + 1
                order = sorted(tally.items(), key=(lambda kv: kv[0]) if dim in ('day', 'week', 'month') else (lambda kv: (-kv[1], kv[0])))
                groups.append([[k, str(v)] for k, v in order])
            print(json.dumps({'counts': counts, 'groups': groups}))
            """
        let directory = NSTemporaryDirectory() + "beat-query-py-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try script.write(toFile: directory + "/count.py", atomically: true, encoding: .utf8)
        let job: [String: Any] = ["counts": predicates, "groups": groups.map { [$0.predicate, $0.dimension] }]
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", directory + "/count.py", path]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(try JSONSerialization.data(withJSONObject: job))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let decoded = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let counts = try #require(decoded["counts"] as? [Int])
        let groupRows = try #require(decoded["groups"] as? [[[String]]])
        return (counts, groupRows)
    }
}

/// One count case: a query, the same selection as a hand-written WHERE clause
/// on `posts`, and (where cheap) as a Python predicate over the JSONL.
struct QueryCountCase: CustomTestStringConvertible, Sendable {
    let query: String
    let sqlWhere: String
    let python: String?
    var testDescription: String { query }

    init(_ query: String, _ sqlWhere: String, _ python: String? = nil) {
        self.query = query
        self.sqlWhere = sqlWhere
        self.python = python
    }
}

@Suite struct QueryCountTests {
    static func fts(_ match: String) -> String { "id IN (SELECT rowid FROM posts_fts WHERE posts_fts MATCH '\(match)')" }
    static func at(_ time: String) -> String { "CAST(strftime('%s', '\(time)') AS INTEGER)" }

    static let cases: [QueryCountCase] = [
        // Filters, one at a time.
        QueryCountCase("source:reddit", "source = 'reddit'", "p['source'] == 'reddit'"),
        QueryCountCase("source:hn,bsky", "source IN ('hackernews', 'bluesky')", "p['source'] in ('hackernews', 'bluesky')"),
        QueryCountCase("source:mastodon source:news", "source IN ('mastodon', 'news')", "p['source'] in ('mastodon', 'news')"),
        QueryCountCase("-source:news", "source <> 'news'", "p['source'] != 'news'"),
        QueryCountCase("venue:localllama", "venue = 'LocalLLaMA'", "p.get('venue') == 'LocalLLaMA'"),
        QueryCountCase("in:r/LocalLLaMA", "venue = 'LocalLLaMA'", "p.get('venue') == 'LocalLLaMA'"),
        QueryCountCase("author:gguf_goblin", "author = 'gguf_goblin'", "p.get('author') == 'gguf_goblin'"),
        QueryCountCase("author:@radgirl.bsky.social", "author = 'radgirl.bsky.social'", "p.get('author') == 'radgirl.bsky.social'"),
        QueryCountCase("since:2026-04-01", "published_at >= \(at("2026-04-01"))", "p['ts'] >= day('2026-04-01')"),
        QueryCountCase("until:2026-01-31", "published_at < \(at("2026-02-01"))", "p['ts'] < day('2026-02-01')"),
        QueryCountCase("on:2026-04-15", "date(published_at, 'unixepoch') = '2026-04-15'", "p['published_at'].startswith('2026-04-15')"),
        QueryCountCase("on:2026-04", "strftime('%Y-%m', published_at, 'unixepoch') = '2026-04'", "p['published_at'].startswith('2026-04')"),
        QueryCountCase(
            "on:2026", "published_at >= \(at("2026-01-01")) AND published_at < \(at("2027-01-01"))", "p['published_at'].startswith('2026')"),
        // A relative since ends at now: the demo holds posts after the fixed now.
        QueryCountCase(
            "since:30d", "published_at BETWEEN \(at("2026-06-15 12:00:00")) AND \(at("2026-07-15 12:00:00"))",
            "ts('2026-06-15T12:00:00Z') <= p['ts'] <= ts('2026-07-15T12:00:00Z')"),
        QueryCountCase(
            "since:3m", "published_at BETWEEN \(at("2026-04-15 12:00:00")) AND \(at("2026-07-15 12:00:00"))",
            "ts('2026-04-15T12:00:00Z') <= p['ts'] <= ts('2026-07-15T12:00:00Z')"),
        QueryCountCase(
            "since:7d", "published_at BETWEEN \(at("2026-07-08 12:00:00")) AND \(at("2026-07-15 12:00:00"))",
            "ts('2026-07-08T12:00:00Z') <= p['ts'] <= ts('2026-07-15T12:00:00Z')"),
        QueryCountCase("since:2w until:1d", "published_at BETWEEN \(at("2026-07-01 12:00:00")) AND \(at("2026-07-14 12:00:00"))"),
        QueryCountCase("since:1y until:2026-01-01", "published_at < \(at("2026-01-02"))", "p['ts'] < day('2026-01-02')"),
        // Negations and alternatives of filters.
        QueryCountCase(
            "-on:2026-04", "strftime('%Y-%m', published_at, 'unixepoch') <> '2026-04'", "not p['published_at'].startswith('2026-04')"),
        QueryCountCase(
            "on:2026-04 on:2026-06", "strftime('%Y-%m', published_at, 'unixepoch') IN ('2026-04', '2026-06')",
            "p['published_at'][:7] in ('2026-04', '2026-06')"),
        QueryCountCase("-since:2026-06-01", "published_at < \(at("2026-06-01"))", "p['ts'] < day('2026-06-01')"),
        QueryCountCase("-until:2026-06-01", "published_at >= \(at("2026-06-02"))", "p['ts'] >= day('2026-06-02')"),
        QueryCountCase(
            "source:reddit -in:LocalLLaMA", "source = 'reddit' AND venue <> 'LocalLLaMA'",
            "p['source'] == 'reddit' and p.get('venue') != 'LocalLLaMA'"),
        QueryCountCase(
            "-author:lapsed_physics source:hackernews", "source = 'hackernews' AND author <> 'lapsed_physics'",
            "p['source'] == 'hackernews' and p.get('author') != 'lapsed_physics'"),
        // Combinations of filters.
        QueryCountCase(
            "source:reddit since:2026-03-01", "source = 'reddit' AND published_at >= \(at("2026-03-01"))",
            "p['source'] == 'reddit' and p['ts'] >= day('2026-03-01')"),
        QueryCountCase(
            "venue:LocalLLaMA author:gguf_goblin", "venue = 'LocalLLaMA' AND author = 'gguf_goblin'",
            "p.get('venue') == 'LocalLLaMA' and p.get('author') == 'gguf_goblin'"),
        QueryCountCase(
            "source:reddit,news -venue:geopolitics since:2026-02-01 until:2026-09-30",
            "source IN ('reddit', 'news') AND venue <> 'geopolitics' AND published_at >= \(at("2026-02-01")) AND published_at < \(at("2026-10-01"))"
        ),
        // Text.
        QueryCountCase("C++", fts("\"c++\""), "has(p, 'c++')"),
        QueryCountCase("r/LocalLLaMA", fts("\"r localllama\""), "phrase(p, 'r localllama')"),
        QueryCountCase("don't", fts("\"don t\""), "phrase(p, 'don t')"),
        QueryCountCase("Café", fts("cafe"), "has(p, 'cafe')"),
        QueryCountCase("zurich", fts("zürich"), "has(p, 'zurich')"),
        QueryCountCase("cafe\u{301}", fts("cafe"), "has(p, 'cafe')"),
        QueryCountCase("日本語*", fts("日本語*"), "prefix(p, '日本語')"),
        QueryCountCase("licences OR chips", fts("licences OR chips"), "has(p, 'licences') or has(p, 'chips')"),
        QueryCountCase("chips -export", fts("chips NOT export"), "has(p, 'chips') and not has(p, 'export')"),
        QueryCountCase("chips NOT export", fts("chips NOT export"), "has(p, 'chips') and not has(p, 'export')"),
        QueryCountCase("export*", fts("export*"), "prefix(p, 'export')"),
        QueryCountCase("commerce NEAR/8 chips", fts("NEAR(commerce chips, 8)"), "near(p, 'commerce', 'chips', 8)"),
        QueryCountCase("commerce NEAR chips", fts("NEAR(commerce chips)"), "near(p, 'commerce', 'chips', 10)"),
        QueryCountCase("NEAR(data center, 0)", fts("NEAR(data center, 0)"), "near(p, 'data', 'center', 0)"),
        QueryCountCase("title:\"open weights\"", fts("title : \"open weights\""), "title(p, 'open weights')"),
        QueryCountCase(
            "\"require licences for any AI data center\"", fts("\"require licences for any ai data center\""),
            "phrase(p, 'require licences for any ai data center')"),
        // Text with filters.
        QueryCountCase(
            "\"open weights\" source:reddit since:2026-01-01 until:2026-06-30",
            "source = 'reddit' AND published_at >= \(at("2026-01-01")) AND published_at < \(at("2026-07-01")) AND "
                + fts("\"open weights\""),
            "p['source'] == 'reddit' and ts('2026-01-01T00:00:00Z') <= p['ts'] < ts('2026-07-01T00:00:00Z') and phrase(p, 'open weights')"),
        QueryCountCase(
            "-licences source:news", "source = 'news' AND id NOT IN (SELECT rowid FROM posts_fts WHERE posts_fts MATCH 'licences')",
            "p['source'] == 'news' and not has(p, 'licences')"),
        QueryCountCase(
            "(nvidia OR chips) -source:reddit", "source <> 'reddit' AND " + fts("nvidia OR chips"),
            "p['source'] != 'reddit' and (has(p, 'nvidia') or has(p, 'chips'))"),
        QueryCountCase(
            "quant* on:2026-04 -author:gguf_goblin",
            "strftime('%Y-%m', published_at, 'unixepoch') = '2026-04' AND author <> 'gguf_goblin' AND " + fts("quant*"),
            "p['published_at'].startswith('2026-04') and p.get('author') != 'gguf_goblin' and prefix(p, 'quant')"),
        QueryCountCase(
            "\"open weights\" OR licences -on:2026-04 in:LocalLLaMA,geopolitics",
            "venue IN ('LocalLLaMA', 'geopolitics') AND strftime('%Y-%m', published_at, 'unixepoch') <> '2026-04' AND "
                + fts("\"open weights\" OR licences")),
    ]

    @Test(arguments: cases) func countMatchesDirectSQL(_ testCase: QueryCountCase) throws {
        let corpus = try QueryDemo.corpus()
        let query = try QueryCompiler.compile(testCase.query, context: QueryDemo.context)
        let expected = try #require(try corpus.integer("SELECT count(*) FROM posts WHERE \(testCase.sqlWhere)"))
        let count = try #require(try QueryDemo.rows(query.countSQL(), in: corpus).first?.first?.int64Value)
        #expect(count == expected)
        #expect(expected > 0, "a case that matches nothing tests little")
        // Every statement of the query selects the same posts.
        let ids = try corpus.rows("SELECT id FROM posts WHERE \(testCase.sqlWhere) ORDER BY id").compactMap { $0[0].int64Value }
        let fromIDs = try QueryDemo.rows(query.idsSQL(), in: corpus).compactMap { $0[0].int64Value }.sorted()
        let newest = try QueryDemo.rows(query.searchSQL(sort: .new, limit: 1000), in: corpus).compactMap { $0[0].int64Value }
        let oldest = try QueryDemo.rows(query.searchSQL(sort: .old, limit: 1000), in: corpus).compactMap { $0[0].int64Value }
        let ranked = try QueryDemo.rows(query.searchSQL(sort: .rank, limit: 1000), in: corpus).compactMap { $0[0].int64Value }
        #expect(fromIDs == ids)
        #expect(oldest == ids)
        #expect(newest == ids.reversed())
        #expect(ranked.sorted() == ids)
    }

    @Test func countsAgreeWithPythonOnTheJSONL() throws {
        let corpus = try QueryDemo.corpus()
        let withPython = Self.cases.filter { $0.python != nil }
        #expect(withPython.count >= 30)
        let (counts, _) = try QueryDemo.python(counts: withPython.compactMap(\.python))
        for (testCase, pythonCount) in zip(withPython, counts) {
            let query = try QueryCompiler.compile(testCase.query, context: QueryDemo.context)
            let count = try QueryDemo.rows(query.countSQL(), in: corpus).first?.first?.int64Value
            #expect(count == Int64(pythonCount), "\(testCase.query)")
        }
    }

    @Test func breakdownsAgreeWithPython() throws {
        let corpus = try QueryDemo.corpus()
        let queries: [(query: String, predicate: String)] = [
            ("\"open weights\"", "phrase(p, 'open weights')"),
            ("source:reddit since:2026-01-01", "p['source'] == 'reddit' and p['ts'] >= day('2026-01-01')"),
            ("licences OR chips -source:news", "(has(p, 'licences') or has(p, 'chips')) and p['source'] != 'news'"),
            ("", "True"),
        ]
        let dimensions = CountDimension.allCases
        var jobs: [(predicate: String, dimension: String)] = []
        for query in queries { for dimension in dimensions { jobs.append((query.predicate, dimension.rawValue)) } }
        let (_, groups) = try QueryDemo.python(counts: [], groups: jobs)
        var job = 0
        for query in queries {
            let compiled = try QueryCompiler.compile(query.query, context: QueryDemo.context)
            for dimension in dimensions {
                let rows = try QueryDemo.rows(compiled.groupCountSQL(by: dimension), in: corpus)
                    .map { [$0[0].stringValue ?? "", $0[1].stringValue ?? ""] }
                #expect(rows == groups[job], "\(query.query) by \(dimension)")
                job += 1
            }
        }
    }
}
