import BeatSQLite
import BeatTestSupport
import Foundation
import Testing

@testable import BeatCore

/// Grouping accuracy on a labelled set: the demo corpus's posts as originals, with
/// planted copies on other platforms hours later (exact cross-posts, 1-3 words
/// changed, cut short, inside commentary), and unrelated posts that share a
/// six-word phrase with one of them. The file is shuffled and imported in small
/// batches twice: in time order, as an import writes it, and in the order of the
/// file, so that copies often arrive before their original.
///
/// Pairs are scored among the labelled posts (copies, phrase-sharers, and the
/// originals that have copies); two demo posts with no planted copy between them
/// are unlabelled and left out. The demo has its own cross-posts (the ClearNote
/// nurse's post on four platforms): originals that hold most of each other's
/// five-word runs, counted here on the words themselves, are one cluster.
@Suite struct SpreadEvaluationTests {
    enum Kind: String, CaseIterable { case exact, edited, truncated, commentary }

    struct Planted {
        let id: String
        let cluster: String
        let kind: Kind?
    }

    /// A deterministic generator (SplitMix64), so the set is the same on every run.
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
        mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
    }

    static let commentary = [
        "This is the part nobody is talking about:", "Saw this going around, worth a read.", "Can't believe this is real.",
        "Sharing because it matters:", "Hot take incoming, but read this first.", "Wow. Just wow.",
        "Bookmarking this for later, thread below.", "Someone on another site put it better than I could:",
    ]
    static let replacements = ["really", "totally", "new", "huge", "this", "that", "some", "honestly", "massive", "tiny"]

    struct Evaluation {
        var precision = 0.0, recall = 0.0, origin = 0.0
        var recallByKind: [Kind: Double] = [:]
        var pairs = 0, predicted = 0, clusters = 0, copies = 0, decoys = 0
    }

    /// The clusters of the originals: each original's id mapped to the first original of the
    /// set of originals it copies or is copied by (half the five-word runs of the shorter one
    /// in the other), found with union-find.
    static func demoClusters(_ originals: [(id: String, words: [String])]) -> [String: String] {
        let runs = originals.map { original -> Set<String> in
            let words = original.words.map { $0.lowercased().filter { $0.isLetter || $0.isNumber } }
            guard words.count >= 5 else { return [] }
            return Set((0...(words.count - 5)).map { words[$0..<($0 + 5)].joined(separator: " ") })
        }
        var root = Array(originals.indices)
        func find(_ index: Int) -> Int {
            var index = index
            while root[index] != index { index = root[index] }
            return index
        }
        for i in originals.indices {
            for j in originals.indices where j > i && !runs[i].isEmpty && !runs[j].isEmpty {
                let shared = runs[i].intersection(runs[j]).count
                guard shared * 2 >= min(runs[i].count, runs[j].count) else { continue }
                root[find(j)] = find(i)
            }
        }
        var clusters: [String: String] = [:]
        for index in originals.indices { clusters[originals[index].id] = originals[find(index)].id }
        return clusters
    }

    static func evaluate(timeOrder: Bool) throws -> Evaluation {
        let demo = try #require(DemoCorpus.path)
        let lines = try String(contentsOfFile: demo, encoding: .utf8).split(separator: "\n").map(String.init)
        var generator = Generator(state: 16)
        var output: [String] = lines
        var planted: [Planted] = []
        var vocabulary: [String] = []
        var originals: [(id: String, words: [String], source: String, published: Date)] = []
        let iso = ISO8601DateFormatter()
        for line in lines {
            let fields = try JSONParser.parse(line)
            let text = fields["text"]?.text ?? ""
            let words = text.split(whereSeparator: { $0.isWhitespace }).map(String.init)
            vocabulary += words
            guard words.count >= 16, let source = fields["source"]?.text, let id = fields["id"]?.text,
                let date = fields["published_at"]?.text.flatMap(iso.date(from:))
            else { continue }
            originals.append((source + ":" + id, words, source, date))
        }
        let sources = ["reddit", "hackernews", "bluesky", "mastodon", "news"]
        func line(_ id: String, _ source: String, _ date: Date, _ text: String) -> String {
            let fields = [
                ("id", id), ("source", source), ("venue", "planted"), ("author", "copier\(generator.below(500))"),
                ("published_at", iso.string(from: date)), ("text", text),
            ]
            return "{" + fields.map { JSONWriter.quote($0.0) + ": " + JSONWriter.quote($0.1) }.joined(separator: ", ") + "}"
        }
        var copyNumber = 0
        for (index, original) in originals.enumerated() where index % 2 == 0 {
            for _ in 0..<(1 + generator.below(4)) {
                let kind = generator.pick(Kind.allCases)
                var words = original.words
                switch kind {
                case .exact: break
                case .edited:
                    for _ in 0..<(1 + generator.below(3)) { words[generator.below(words.count)] = generator.pick(replacements) }
                case .truncated:
                    let keep = max(12, words.count * (50 + generator.below(41)) / 100)
                    words = Array(words.prefix(keep))
                case .commentary:
                    let comment = generator.pick(commentary).split(separator: " ").map(String.init)
                    words = generator.below(2) == 0 ? comment + words : words + comment
                }
                copyNumber += 1
                let source = generator.pick(sources.filter { $0 != original.source })
                let date = original.published.addingTimeInterval(Double(600 + generator.below(72 * 3600)))
                let id = "copy\(copyNumber)"
                output.append(line(id, source, date, words.joined(separator: " ")))
                planted.append(Planted(id: source + ":" + id, cluster: original.id, kind: kind))
            }
        }
        // Unrelated posts that share a six-word phrase with an original, in text of their own.
        var decoys = 0
        for (index, original) in originals.enumerated() where index % 3 == 1 {
            let start = generator.below(original.words.count - 6)
            let phrase = original.words[start..<(start + 6)]
            let filler = (0..<(20 + generator.below(20))).map { _ in generator.pick(vocabulary) }
            let cut = generator.below(filler.count)
            decoys += 1
            let id = "decoy\(decoys)"
            let source = generator.pick(sources)
            output.append(
                line(
                    id, source, original.published.addingTimeInterval(3600),
                    (filler[..<cut] + phrase + filler[cut...]).joined(separator: " ")))
            planted.append(Planted(id: source + ":" + id, cluster: source + ":" + id, kind: nil))
        }
        for i in stride(from: output.count - 1, to: 0, by: -1) { output.swapAt(i, generator.below(i + 1)) }

        let corpus = try TemporaryCorpus()
        let file = try corpus.write("labelled.jsonl", output.joined(separator: "\n") + "\n")
        var options = ImportOptions(format: .jsonl, batchSize: 64)
        options.timeOrder = timeOrder
        _ = try corpus.importFiles([file], options: options)

        var groupOf: [String: Int64] = [:]
        var originOf: [Int64: String] = [:]
        for row in try corpus.rows(
            """
            SELECT p.source || ':' || p.source_id, s.group_id, o.source || ':' || o.source_id
            FROM spread_members s JOIN posts p ON p.id = s.post_id JOIN spread_groups g ON g.id = s.group_id
            JOIN posts o ON o.id = g.origin WHERE s.group_id IS NOT NULL
            """)
        {
            let group = row[1].int64Value ?? 0
            groupOf[row[0].stringValue ?? ""] = group
            originOf[group] = row[2].stringValue
        }
        let copiedOriginals = Set(planted.filter { $0.kind != nil }.map(\.cluster))
        let clusters = demoClusters(originals.map { ($0.id, $0.words) })
        var labelled = planted.map { (id: $0.id, cluster: clusters[$0.cluster] ?? $0.cluster, kind: $0.kind) }
        labelled += copiedOriginals.sorted().map { (id: $0, cluster: clusters[$0] ?? $0, kind: nil) }
        var truePairs = 0, goldPairs = 0, predictedPairs = 0
        for i in labelled.indices {
            for j in labelled.indices where j > i {
                let a = labelled[i], b = labelled[j]
                let gold = a.cluster == b.cluster
                let predicted = groupOf[a.id] != nil && groupOf[a.id] == groupOf[b.id]
                if gold { goldPairs += 1 }
                if predicted { predictedPairs += 1 }
                if gold && predicted { truePairs += 1 }
            }
        }
        var evaluation = Evaluation()
        evaluation.pairs = goldPairs
        evaluation.predicted = predictedPairs
        evaluation.precision = predictedPairs == 0 ? 0 : Double(truePairs) / Double(predictedPairs)
        evaluation.recall = goldPairs == 0 ? 0 : Double(truePairs) / Double(goldPairs)
        for kind in Kind.allCases {
            let copies = planted.filter { $0.kind == kind }
            let found = copies.filter { groupOf[$0.id] != nil && groupOf[$0.id] == groupOf[$0.cluster] }
            evaluation.recallByKind[kind] = Double(found.count) / Double(max(copies.count, 1))
        }
        // A cluster's origin is its earliest original (a demo cross-post's first appearance).
        var earliest: [String: (id: String, published: Date)] = [:]
        for original in originals {
            let cluster = clusters[original.id] ?? original.id
            if let first = earliest[cluster], (first.published, first.id) <= (original.published, original.id) { continue }
            earliest[cluster] = (original.id, original.published)
        }
        let correct = copiedOriginals.filter { original in
            groupOf[original].flatMap { originOf[$0] } == earliest[clusters[original] ?? original]?.id
        }
        evaluation.origin = Double(correct.count) / Double(max(copiedOriginals.count, 1))
        evaluation.clusters = copiedOriginals.count
        evaluation.copies = planted.filter { $0.kind != nil }.count
        evaluation.decoys = decoys
        return evaluation
    }

    /// In time order (as `beat import` writes a file) and in the order read (copies often first).
    @Test(arguments: [true, false])
    func groupingMeetsItsTargets(timeOrder: Bool) throws {
        let e = try Self.evaluate(timeOrder: timeOrder)
        print(
            String(
                format: "spread evaluation (%@): %d originals, %d copies, %d phrase-sharing decoys; %d gold pairs, %d predicted",
                timeOrder ? "time order" : "order read", e.clusters, e.copies, e.decoys, e.pairs, e.predicted))
        print(String(format: "  pair precision %.3f, pair recall %.3f, origin correct %.3f", e.precision, e.recall, e.origin))
        for kind in Kind.allCases {
            print(String(format: "  %@ copies grouped with their original: %.3f", kind.rawValue, e.recallByKind[kind] ?? 0))
        }
        #expect(e.precision >= 0.97)
        #expect(e.recall >= 0.9)
        #expect(e.origin >= 0.97)
        #expect((e.recallByKind[.edited] ?? 0) >= 0.9)
    }
}
