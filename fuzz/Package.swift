// swift-tools-version:6.0
import PackageDescription

// Coverage-guided fuzzing of Beat's parsers with libFuzzer. Kept out of the main
// package so that its builds and tests never compile the sanitizer. Built and run
// by scripts/fuzz: swift build --sanitize=fuzzer, one binary, its target chosen by
// BEAT_FUZZ_TARGET.
let package = Package(
    name: "BeatFuzz",
    dependencies: [.package(name: "Beat", path: "..")],
    targets: [
        .executableTarget(
            name: "beat-fuzz",
            dependencies: [.product(name: "BeatCore", package: "Beat")],
            // libFuzzer supplies main().
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]),
    ],
    swiftLanguageModes: [.v6]
)
