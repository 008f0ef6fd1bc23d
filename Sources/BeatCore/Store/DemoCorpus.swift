import Foundation

/// The demo corpus shipped with Beat: a few hundred posts written for it, across
/// every source and several beats, loaded into a new default corpus so that a
/// first start has something real to explore.
public enum DemoCorpus {
    static let fileName = "demo-corpus.jsonl"

    /// The path of the bundled demo corpus, or nil when the resource bundle is
    /// not beside the executable (a copied binary without its resources).
    public static var path: String? { BundledResource.path(fileName) }

    /// Imports the demo corpus into `corpus`.
    /// - Throws: `ImportError.cannotOpen` when the demo file is not installed.
    public static func load(into corpus: Corpus) throws -> ImportSummary {
        guard let path else {
            throw ImportError.cannotOpen(path: fileName, reason: "the demo corpus is not installed beside the beat executable")
        }
        return try Importer(corpus: corpus, options: ImportOptions(format: .jsonl)).run([path])
    }
}
