import Foundation

/// The demo corpus shipped with Beat: a few hundred posts written for it, across
/// every source and several beats, loaded into a new default corpus so that a
/// first start has something real to explore.
public enum DemoCorpus {
    static let fileName = "demo-corpus.jsonl"

    /// The path of the bundled demo corpus, or nil when the resource bundle is
    /// not beside the executable (a copied binary without its resources).
    public static var path: String? { BundledResource.path(fileName) }

    /// The beats the demo's discussions belong to, as `beat add` would store them.
    ///
    /// Written from the words those discussions use (names, products, the
    /// vocabulary of each field), not from the posts' tags; `DemoBeatTests`
    /// measures their recall and precision against the tags.
    public static let beats: [(name: String, query: String)] = [
        (
            "open-source-ai",
            """
            aurora OR 70b OR 8b OR 30b OR "open weights" OR "open source" OR "open models" OR "open licence" \
            OR apache OR license OR llama OR gguf OR quant* OR "fine tune" OR "fine tuned" OR "fine tuning" OR lora \
            OR localllama OR weights OR llm OR benchmark* OR livecodebench OR gsm8k OR perplexity OR "self hosting" \
            OR gpu OR gpus OR api OR "context window" OR inference OR h100s
            """
        ),
        (
            "ai-geopolitics",
            """
            chip OR chips OR china OR taiwan OR export* OR sovereign* OR souveränität OR washington OR beijing \
            OR gulf OR uae OR registry OR commerce OR compute OR diplomacy OR geneva OR allies OR ally OR tsmc OR fab \
            OR subsid* OR deterrence OR military OR declaration OR eu OR "ai act" OR gdpr OR enforcement OR harmonised \
            OR "data centers" OR "data centres"
            """
        ),
        (
            "ai-healthcare",
            """
            fda OR patient* OR clinic* OR hospital* OR sepsis OR radiolog* OR skin OR dermatolog* OR health* \
            OR hipaa OR scribe* OR ambient OR nurs* OR diagnos* OR melanoma* OR doctor* OR medic*
            """
        ),
    ]

    /// What loading the demo did.
    public struct Loaded: Sendable {
        /// The import's counts.
        public var summary: ImportSummary
        /// Whole weeks its dates were moved by (negative: back).
        public var weeks: Int64
        /// Its newest post's time after the move.
        public var newest: Int64
    }

    static let week: Int64 = 7 * 86_400

    /// Imports the demo corpus into `corpus`, re-dated by whole weeks so that its newest post
    /// falls in the week before `now` (order, spacing and weekdays kept; see `redated`), and
    /// defines its beats (`beats`). A corpus is thus never empty in its recent days and weeks,
    /// whenever it is loaded.
    /// - Parameter now: unix seconds: the time the dates lead up to and the beats' creation time.
    /// - Throws: `ImportError.cannotOpen` when the demo file is not installed or cannot be copied.
    public static func load(into corpus: Corpus, now: Int64 = Int64(Date().timeIntervalSince1970)) throws -> Loaded {
        guard let path, let data = FileManager.default.contents(atPath: path) else {
            throw ImportError.cannotOpen(path: fileName, reason: "the demo corpus is not installed beside the beat executable")
        }
        let (text, weeks, newest) = redated(String(decoding: data, as: UTF8.self), now: now)
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("beat-demo-\(UInt64.random(in: 0...UInt64.max)).jsonl")
            .path
        guard FileManager.default.createFile(atPath: copy, contents: Data(text.utf8)) else {
            throw ImportError.cannotOpen(path: copy, reason: "cannot write the re-dated demo corpus")
        }
        defer { try? FileManager.default.removeItem(atPath: copy) }
        let summary = try Importer(corpus: corpus, options: ImportOptions(format: .jsonl)).run([copy])
        let store = BeatStore(corpus: corpus)
        for beat in beats { try store.add(beat.name, query: beat.query, now: now) }
        return Loaded(summary: summary, weeks: weeks, newest: newest)
    }

    /// The demo's JSONL with every `published_at` moved by the same whole number of weeks, the
    /// fewest that put the newest post at or before `now` and less than a week before it.
    /// Whole weeks keep each post's weekday and hour, and one shift keeps order and spacing.
    /// - Returns: the text, the weeks moved and the newest post's new time.
    public static func redated(_ text: String, now: Int64) -> (text: String, weeks: Int64, newest: Int64) {
        let key = "\"published_at\": \""
        var times: [Int64] = []
        var pieces: [Substring] = []
        var rest = Substring(text)
        while let found = rest.range(of: key) {
            pieces.append(rest[..<found.upperBound])
            rest = rest[found.upperBound...]
            let value = rest.prefix { $0 != "\"" }
            guard let seconds = DateParser.seconds(from: String(value)) else { continue }
            times.append(seconds)
            rest = rest[value.endIndex...]
            pieces.append("\u{0}")
        }
        pieces.append(rest)
        guard let newest = times.max() else { return (text, 0, now) }
        let gap = now - newest
        let weeks = gap >= 0 ? gap / week : -((-gap + week - 1) / week)
        var out = ""
        var next = times.makeIterator()
        for piece in pieces {
            if piece == "\u{0}", let time = next.next() {
                out += CivilTime.iso8601(time + weeks * week)
            } else {
                out += piece
            }
        }
        return (out, weeks, newest + weeks * week)
    }
}
