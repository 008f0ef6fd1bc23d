@testable import BeatCore
import Foundation

/// The parsers a fuzz run can drive, by the name given in `BEAT_FUZZ_TARGET`.
/// Each takes arbitrary bytes and must return (or throw its own error) without
/// crashing, hanging or exhausting memory.
enum FuzzTarget: String, CaseIterable {
    case query, json, feed, csv, article, markdown, story, date

    func run(_ bytes: UnsafeRawBufferPointer) {
        switch self {
        case .query:
            let text = String(decoding: bytes, as: UTF8.self)
            let context = QueryContext(
                now: 1_790_000_000, beatQuery: { name in name == "loop" ? "beat:loop" : name == "ai" ? "llama OR \"open weights\"" : nil },
                beatNames: ["ai", "loop"])
            _ = try? QueryCompiler.compile(text, context: context)
        case .json:
            if let value = try? JSONParser.parse(Array(bytes)) { _ = FormatDetector.classify(value) }
            Self.read(bytes, extension: "json")
        case .feed: Self.read(bytes, extension: "xml", format: .feed)
        case .csv: Self.read(bytes, extension: "csv", format: .csv)
        case .article: Self.read(bytes, extension: "html", format: .article)
        case .markdown: Self.read(bytes, extension: "md", format: .article)
        case .story:
            let text = String(decoding: bytes, as: UTF8.self)
            for format in StoryFormat.allCases {
                _ = StoryExtractor.quotes(in: text, format: format, includeShort: true)
                _ = StoryExtractor.dateline(in: text, format: format)
            }
        case .date:
            _ = DateParser.seconds(from: String(decoding: bytes, as: UTF8.self))
        }
    }

    /// Imports `bytes` as a file with the reader of `format` (detected when nil), as
    /// `beat import` does, collecting the records and problems and storing nothing.
    private static func read(_ bytes: UnsafeRawBufferPointer, extension ext: String, format: ImportFormat? = nil) {
        let path = "/tmp/beat-fuzz-\(getpid()).\(ext)"
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else { return }
        defer { unlink(path) }
        guard let input = try? InputFile(path: path),
              let chosen = try? (format ?? FormatDetector.detect(input: input, hasMapping: false)),
              let reader = try? chosen.makeReader(options: ImportOptions(format: chosen))
        else { return }
        let channel = reader.startReading(input, path: path, options: ImportOptions(format: chosen))
        while let batch = try? channel.receive() { _ = batch.count }
        channel.close()
    }
}

nonisolated(unsafe) private var selected: FuzzTarget?

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    if selected == nil {
        let name = ProcessInfo.processInfo.environment["BEAT_FUZZ_TARGET"] ?? ""
        guard let target = FuzzTarget(rawValue: name) else {
            fatalError("set BEAT_FUZZ_TARGET to one of \(FuzzTarget.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        selected = target
    }
    selected?.run(UnsafeRawBufferPointer(start: data, count: size))
    return 0
}
