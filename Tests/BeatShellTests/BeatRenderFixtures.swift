import BeatCore

/// Beats as `beats` and `beat show` report them: a rising, a falling, a new and a quiet beat, a
/// long query with quotes and commas, and a query holding control characters.
extension RenderFixtures {
    static func beatReport(_ name: String, _ query: String, _ description: String, _ volume: BeatVolume, changed: Bool = false)
        -> BeatReport
    {
        BeatReport(
            beat: BeatDefinition(name: name, query: query, createdAt: 1_776_244_860, updatedAt: changed ? 1_776_729_600 : 1_776_244_860),
            description: description, volume: volume, now: now)
    }

    static let beatReports: [BeatReport] = [
        beatReport(
            "ai-geopolitics", "chip OR chips OR \"export controls\" OR taiwan -source:news",
            "posts matching chip OR chips OR \"export controls\" OR taiwan not from news",
            BeatVolume(lastDay: 12, lastWeek: 1_250, previousWeek: 1_000, total: 48_210)),
        beatReport(
            "ai-healthcare", "fda OR patient* OR sepsis", "posts matching fda OR patient* OR sepsis",
            BeatVolume(lastDay: 0, lastWeek: 3, previousWeek: 5, total: 75), changed: true),
        beatReport(
            "aurora-launch", "aurora since:2026-04-15", "posts matching aurora since 2026-04-15",
            BeatVolume(lastDay: 4, lastWeek: 9, previousWeek: 0, total: 9)),
        beatReport(
            "quiet", "carbonara \"guanciale, not bacon\" " + longWord, "posts matching carbonara \"guanciale, not bacon\" " + longWord,
            BeatVolume(lastDay: 0, lastWeek: 0, previousWeek: 0, total: 4)),
        beatReport(
            "x", "\u{1B}[2Jwipe \u{202E}x", "posts matching \u{1B}[2Jwipe \u{202E}x",
            BeatVolume(lastDay: 0, lastWeek: 2, previousWeek: 2, total: 2)),
    ]
}
