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
        ("open-source-ai", """
            aurora OR 70b OR 8b OR 30b OR "open weights" OR "open source" OR "open models" OR "open licence" \
            OR apache OR license OR llama OR gguf OR quant* OR "fine tune" OR "fine tuned" OR "fine tuning" OR lora \
            OR localllama OR weights OR llm OR benchmark* OR livecodebench OR gsm8k OR perplexity OR "self hosting" \
            OR gpu OR gpus OR api OR "context window" OR inference OR h100s
            """),
        ("ai-geopolitics", """
            chip OR chips OR china OR taiwan OR export* OR sovereign* OR souveränität OR washington OR beijing \
            OR gulf OR uae OR registry OR commerce OR compute OR diplomacy OR geneva OR allies OR ally OR tsmc OR fab \
            OR subsid* OR deterrence OR military OR declaration OR eu OR "ai act" OR gdpr OR enforcement OR harmonised \
            OR "data centers" OR "data centres"
            """),
        ("ai-healthcare", """
            fda OR patient* OR clinic* OR hospital* OR sepsis OR radiolog* OR skin OR dermatolog* OR health* \
            OR hipaa OR scribe* OR ambient OR nurs* OR diagnos* OR melanoma* OR doctor* OR medic*
            """),
    ]

    /// Imports the demo corpus into `corpus` and defines its beats (`beats`).
    /// - Parameter now: unix seconds recorded as the beats' creation time (the clock by default).
    /// - Throws: `ImportError.cannotOpen` when the demo file is not installed.
    public static func load(into corpus: Corpus, now: Int64 = Int64(Date().timeIntervalSince1970)) throws -> ImportSummary {
        guard let path else {
            throw ImportError.cannotOpen(path: fileName, reason: "the demo corpus is not installed beside the beat executable")
        }
        let summary = try Importer(corpus: corpus, options: ImportOptions(format: .jsonl)).run([path])
        let store = BeatStore(corpus: corpus)
        for beat in beats { try store.add(beat.name, query: beat.query, now: now) }
        return summary
    }
}
