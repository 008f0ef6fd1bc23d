// beat-sentiment-bench: the lexicon scorer's scores and speed, inside the process.
//
//   beat-sentiment-bench [--refinements standard|reference|NAME,…] [--scores OUT]
//                        [--plain] [--seconds S] FILE…
//
// Reads the texts of each FILE: lines `id<TAB>mean<TAB>text` (the VADER
// ground-truth format; a byte-order mark and CR line ends are allowed), or with
// --plain one text per line. With --scores it writes the compound score of
// every text, one per line in input order, to OUT. Then it scores the whole
// list again and again for at least --seconds (default 2) and prints one JSON
// line: the texts, their total bytes, the runs, the best run's wall and CPU
// seconds and texts per second of each, and the time to load the lexicon. bench/sentiment-bench runs this
// and compares the scores with the reference implementation's.
//
// NAME is one of the `LexiconSentiment.Refinements`: typographicApostrophes,
// unicodePunctuation, emojiPresentation, handles, htmlEntities,
// contrastByPosition.

import BeatCore
import BenchSupport
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// This thread's CPU time in seconds: on a loaded machine the wall time of a
/// run includes the time other processes had the core.
func threadCPUSeconds() -> Double {
    var now = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now)
    return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
}

let refinementNames: [String: LexiconSentiment.Refinements] = [
    "typographicApostrophes": .typographicApostrophes,
    "unicodePunctuation": .unicodePunctuation,
    "emojiPresentation": .emojiPresentation,
    "handles": .handles,
    "htmlEntities": .htmlEntities,
    "contrastByPosition": .contrastByPosition,
    "standard": .standard,
    "reference": .reference,
]

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("beat-sentiment-bench: \(message)\n".utf8))
    exit(2)
}

let arguments = BenchArguments(
    Array(CommandLine.arguments.dropFirst()), program: "beat-sentiment-bench",
    usage: "beat-sentiment-bench [--refinements LIST] [--scores FILE] [--plain] [--seconds N] FILE…",
    options: [.init("--refinements"), .init("--scores"), .init("--plain", takesValue: false), .init("--seconds")])
var refinements = LexiconSentiment.Refinements.standard
if let list = arguments.values["--refinements"] {
    refinements = []
    for name in list.split(separator: ",") {
        guard let named = refinementNames[String(name)] else {
            fail("unknown refinement '\(name)'; use \(refinementNames.keys.sorted().joined(separator: ", "))")
        }
        refinements.formUnion(named)
    }
}
let scoresPath = arguments.values["--scores"]
let plain = arguments.flags.contains("--plain")
let minimumSeconds = arguments.positiveNumber("--seconds", default: 2.0)
let files = arguments.positional
if files.isEmpty { fail("name at least one file of texts") }

func texts(of path: String, plain: Bool) -> [String] {
    guard var bytes = FileManager.default.contents(atPath: path).map([UInt8].init) else { fail("\(path): cannot read") }
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
    return bytes.split(separator: UInt8(ascii: "\n")).compactMap { line in
        let trimmed = line.last == UInt8(ascii: "\r") ? line.dropLast() : line[...]
        if trimmed.isEmpty { return nil }
        if plain { return String(decoding: trimmed, as: UTF8.self) }
        let fields = trimmed.split(separator: UInt8(ascii: "\t"), maxSplits: 2, omittingEmptySubsequences: false)
        guard fields.count == 3 else { fail("\(path): a line without id, mean and text") }
        return String(decoding: fields[2], as: UTF8.self)
    }
}

let allTexts = files.flatMap { texts(of: $0, plain: plain) }
let loadStart = Date()
let lexicon: SentimentLexicon
do { lexicon = try .bundled() } catch { fail("\(error)") }
let loadSeconds = Date().timeIntervalSince(loadStart)
let scorer = LexiconSentiment(lexicon: lexicon, refinements: refinements)

if let scoresPath {
    let lines = allTexts.map { String(scorer.compound($0)) }.joined(separator: "\n") + "\n"
    do { try lines.write(toFile: scoresPath, atomically: true, encoding: .utf8) } catch { fail("\(scoresPath): \(error)") }
}

var best = Double.infinity
var bestCPU = Double.infinity
var runs = 0
var checksum = 0.0
let started = Date()
repeat {
    let runStart = Date()
    let cpuStart = threadCPUSeconds()
    for text in allTexts { checksum += scorer.compound(text) }
    bestCPU = min(bestCPU, threadCPUSeconds() - cpuStart)
    best = min(best, Date().timeIntervalSince(runStart))
    runs += 1
} while Date().timeIntervalSince(started) < minimumSeconds
let bytes = allTexts.reduce(0) { $0 + $1.utf8.count }
print(
    "{\"texts\": \(allTexts.count), \"bytes\": \(bytes), \"runs\": \(runs), \"best_seconds\": \(best), "
        + "\"per_second\": \(Double(allTexts.count) / best), \"best_cpu_seconds\": \(bestCPU), "
        + "\"per_cpu_second\": \(Double(allTexts.count) / bestCPU), \"load_seconds\": \(loadSeconds), "
        + "\"checksum\": \(checksum / Double(runs))}")
