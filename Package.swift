// swift-tools-version:6.0
import PackageDescription

// Beat has no third-party Swift dependencies: its JSON, XML and CSV readers are
// written for the importers' needs (byte offsets for error messages, lenient
// feeds, streaming), and its command line shares the shell's command table.
let package = Package(
    name: "Beat",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "beat", targets: ["beat"]),
        .library(name: "BeatCore", targets: ["BeatCore"]),
    ],
    targets: [
        .systemLibrary(
            name: "CSQLite", pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"]), .brew(["sqlite"])]),
        .systemLibrary(
            name: "CEditLine", pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"]), .brew(["libedit"])]),
        .target(
            name: "BeatSQLite", dependencies: ["CSQLite"],
            // Glibc keeps floor/round in libm, which Swift's numeric conversions call.
            linkerSettings: [.linkedLibrary("m", .when(platforms: [.linux]))]),
        // One setting of the C library's allocator, which Swift's Glibc module does not expose.
        .target(name: "CAllocator"),
        .target(
            name: "BeatCore", dependencies: ["BeatSQLite", "CAllocator"],
            resources: [.copy("Resources/demo-corpus.jsonl"), .copy("Resources/sentiment")]),
        .target(name: "BeatShell", dependencies: ["BeatCore", "CEditLine"]),
        .executableTarget(name: "beat", dependencies: ["BeatShell", "BeatCore"]),
        // The bench executables' shared argument reading, clock and JSON lines.
        .target(name: "BenchSupport", dependencies: ["BeatCore"]),
        // Query latency inside the process; run by bench/query-bench.
        .executableTarget(name: "beat-bench", dependencies: ["BeatCore", "BeatShell", "BenchSupport"]),
        // Sentiment scores and scoring speed; run by bench/sentiment-bench.
        .executableTarget(name: "beat-sentiment-bench", dependencies: ["BeatCore", "BenchSupport"]),
        // Summary latency inside the process; run by bench/summary-bench.
        .executableTarget(name: "beat-summary-bench", dependencies: ["BeatCore", "BenchSupport"]),
        // Spread fingerprinting and lookup costs; run by bench/spread-bench.
        .executableTarget(name: "beat-spread-bench", dependencies: ["BeatCore", "BeatSQLite"]),
        .target(
            name: "BeatTestSupport", dependencies: ["BeatCore", "BeatSQLite"],
            path: "Tests/BeatTestSupport"),
        .testTarget(
            name: "BeatCoreTests", dependencies: ["BeatCore", "BeatSQLite", "BeatTestSupport"],
            exclude: ["Fixtures"]),
        .testTarget(name: "BeatShellTests", dependencies: ["BeatShell", "BeatCore", "BeatTestSupport"], exclude: ["Golden"]),
        .testTarget(
            name: "BeatEndToEndTests", dependencies: ["beat", "BeatCore", "BeatSQLite", "BeatTestSupport"],
            exclude: ["Golden"]),
    ],
    swiftLanguageModes: [.v6]
)
