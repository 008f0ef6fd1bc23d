import BeatCore

/// Words and numbers every summary format shares, so a figure reads the same in a table, a brief
/// and a page.
enum SummaryWording {
    /// `41.5%`; `<0.1%` for a share too small to show at one decimal but not zero; `0%` for none.
    static func percent(_ share: Double) -> String {
        guard share.isFinite, share > 0 else { return "0%" }
        if share < 0.0005 { return "<0.1%" }
        let tenths = Int((share * 1000).rounded())
        return "\(tenths / 10).\(tenths % 10)%"
    }

    /// A count with one decimal, for baselines: `15.3`.
    static func decimal(_ value: Double) -> String {
        guard value.isFinite else { return "-" }
        let tenths = Int((value * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        return "\(sign)\(abs(tenths) / 10).\(abs(tenths) % 10)"
    }

    /// The relative change from `before` to `after` (0.26 for +26%), nil when there was nothing before.
    static func change(from before: Int, to after: Int) -> Double? {
        before == 0 ? nil : Double(after - before) / Double(before)
    }

    /// `+26%`, `-4%`, `no change`, or `new` when the other side had none.
    static func changeText(from before: Int, to after: Int) -> String {
        guard let change = change(from: before, to: after) else { return after == 0 ? "no change" : "new" }
        let points = Int((change * 100).rounded())
        if points == 0 { return before == after ? "no change" : "±0%" }
        return (points > 0 ? "+" : "") + "\(points)%"
    }

    /// `2026-10-23 – 2026-11-21`: the first and last day a window covers (its end is exclusive).
    static func dates(_ window: SummaryWindow) -> String {
        let first = CivilTime.isoDate(window.start)
        let last = CivilTime.isoDate(max(window.start, window.end - 1))
        return first == last ? first : "\(first) – \(last)"
    }

    /// `30 days`, `36 hours`, `11 months`: the window's length in whole units (`SummaryWindow.lengthInWords`).
    static func length(_ window: SummaryWindow) -> String { window.lengthInWords }

    /// The unit of the timeline in words: `hour`, `day`, `week` (from Monday), `month`.
    static func unit(_ size: BucketSize) -> String {
        size == .week ? "week (from Monday)" : size.rawValue
    }

    /// Where a bucket starts, as precise as its size: `2026-11-21 14:00`, `2026-11-21`, `2026-11`.
    static func bucketLabel(_ start: Int64, _ size: BucketSize) -> String {
        // A week is named by its Monday, even when the window starts later in it.
        let time = CivilTime.iso8601(size == .week ? size.start(of: start) : start)
        switch size {
        case .hour: return String(time.prefix(10)) + " " + String(time.dropFirst(11).prefix(5))
        case .day, .week: return String(time.prefix(10))
        case .month: return String(time.prefix(7))
        }
    }

    /// A term as it would be searched: a phrase in double quotes.
    static func term(_ term: KeyTerm) -> String { term.isPhrase ? "\"\(term.term)\"" : term.term }

    /// A term of a comparison, with the same quoting.
    static func term(_ text: String) -> String { text.contains(" ") ? "\"\(text)\"" : text }

    /// `LocalLLaMA`, or `(no venue)` for posts without one.
    static func venue(_ share: SummaryShare) -> String { share.key ?? "(no venue)" }

    /// `reddit`, or `(no source)` for a row without one.
    static func source(_ share: SummaryShare) -> String { share.key ?? "(no source)" }

    /// `1,234 posts in 30 days (2026-10-23 – 2026-11-21), 56 in the last 24 hours, 3.4% of all
    /// 36,000 posts in the corpus`: the headline in words, without the label.
    static func headline(_ s: BeatSummary) -> String {
        let v = s.volume
        guard v.posts > 0 else {
            return "No posts in \(length(s.window)) (\(dates(s.window))); the corpus holds "
                + "\(Wording.posts(v.corpusPosts)) in that window."
        }
        return "\(Wording.posts(v.posts)) in \(length(s.window)) (\(dates(s.window))), "
            + "\(v.lastDay.formatted) in the last 24 hours, \(percent(v.share)) of all \(Wording.posts(v.corpusPosts)) in the corpus."
    }

    /// `123 posts, 8.2× the usual 15.0 per day (score 5.3)`.
    static func burst(_ b: Burst, _ size: BucketSize) -> String {
        let ratio =
            b.baseline > 0
            ? ", \(decimal(Double(b.count) / b.baseline))× the usual \(decimal(b.baseline)) per \(size.rawValue)"
            : ", usually \(decimal(b.baseline)) per \(size.rawValue)"
        return Wording.posts(b.count) + ratio + " (score \(decimal(b.score)))"
    }

    /// `estimate from 400 of 1,234 posts (32.4%), scored by lexicon …`.
    static func sentimentBasis(_ e: SentimentEstimate) -> String {
        let share = e.population > 0 ? " (\(percent(Double(e.sampleSize) / Double(e.population))))" : ""
        return "estimate from a sample of \(e.sampleSize.formatted) of \(Wording.posts(e.population))\(share), scored by \(e.method)"
    }

    /// The three classes with their counts, most positive first.
    static func sentimentRows(_ e: SentimentEstimate) -> [(name: String, count: Int, share: Double)] {
        let total = Double(e.sampleSize)
        return [("positive", e.positive), ("neutral", e.neutral), ("critical", e.critical)].map {
            ($0.0, $0.1, total > 0 ? Double($0.1) / total : 0)
        }
    }

    /// `1,234 posts against 980 (+26%) in 2026-09-22 – 2026-10-21`; when the corpus does not cover
    /// the other window, no percentage but why: `12 posts against 0 in … (not comparable: the
    /// corpus's reddit posts begin on 2026-01-22, after that window starts)`.
    static func comparisonVolume(_ s: BeatSummary, _ c: SummaryComparison) -> String {
        guard c.isCovered else {
            return
                "\(Wording.posts(s.volume.posts)) against \(c.posts.formatted) in \(dates(c.window)) (not comparable: \(coverageNote(c.uncovered)))"
        }
        return
            "\(Wording.posts(s.volume.posts)) against \(c.posts.formatted) (\(changeText(from: c.posts, to: s.volume.posts))) in \(dates(c.window))"
    }

    /// `the corpus's posts of reddit (from 2026-01-22) and news (from 2026-01-20) begin after that
    /// window starts; of mastodon (up to 2025-10-01) end before it`.
    static func coverageNote(_ gaps: [CoverageGap]) -> String {
        func list(_ items: [String]) -> String {
            items.count <= 1 ? items.joined() : items.dropLast().joined(separator: ", ") + " and " + items.last!
        }
        let late = gaps.filter { $0.kind == .beginsAfter }.map { "\($0.span.source) (from \(CivilTime.isoDate($0.span.first)))" }
        let early = gaps.filter { $0.kind == .endsBefore }.map { "\($0.span.source) (up to \(CivilTime.isoDate($0.span.last)))" }
        var parts: [String] = []
        if !late.isEmpty { parts.append("the corpus's posts of \(list(late)) begin after that window starts") }
        if !early.isEmpty { parts.append("\(parts.isEmpty ? "the corpus's posts " : "")of \(list(early)) end before it") }
        return parts.joined(separator: "; ")
    }

    /// `url` when it is http or https, else nil: a stored `javascript:` or `data:` url must not
    /// become a link in a brief or a page.
    static func webURL(_ url: String?) -> String? {
        guard let url, let scheme = url.split(separator: ":", maxSplits: 1).first?.lowercased(),
            scheme == "http" || scheme == "https"
        else { return nil }
        return url
    }

    /// `12 posts, 9 distinct once copies are counted once (4 posts are copies in 1 group)`.
    static func distinctVoices(_ volume: DistinctVolume) -> String {
        guard volume.posts > 0 else { return "no posts in the window" }
        guard volume.copies > 0 else { return "\(Wording.posts(volume.posts)), none a copy of another" }
        let groups = volume.copies - (volume.posts - volume.distinct)
        return "\(Wording.posts(volume.posts)), \(volume.distinct.formatted) distinct once copies are counted once "
            + "(\(Wording.posts(volume.copies)) are copies, in \(groups == 1 ? "1 group" : "\(groups.formatted) groups"))"
    }

    /// `bluesky 2, mastodon 1`.
    static func platforms(_ g: SpreadGroupSummary) -> String {
        g.sources.map { "\($0.source) \($0.posts)" }.joined(separator: ", ")
    }
}
