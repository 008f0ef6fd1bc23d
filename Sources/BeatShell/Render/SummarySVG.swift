import BeatCore

/// The summary page's chart of volume over time: an inline SVG with a bar per bucket, bursts in
/// another colour with `▲` and their count above, the beat's share of the corpus as a line, axis
/// labels with dates and counts, and a `<title>` on the chart and on every bar.
enum SummarySVG {
    static let width = 800.0
    static let height = 260.0
    private static let left = 56.0
    private static let right = 56.0
    private static let top = 28.0
    private static let bottom = 44.0

    static func timeline(_ t: SummaryTimeline, label: String) -> String {
        let size = t.bucketSize
        let title = "Posts per \(size.rawValue) for \(label)"
        let plotWidth = width - left - right
        let plotHeight = height - top - bottom
        let largest = t.buckets.map(\.count).max() ?? 0
        // An empty window gets a short chart that says so, not a tall blank one.
        let chartHeight = largest > 0 ? height : 60
        var svg =
            "<svg class=\"timeline\" viewBox=\"0 0 \(n(width)) \(n(chartHeight))\" role=\"img\" aria-labelledby=\"timeline-title timeline-desc\" xmlns=\"http://www.w3.org/2000/svg\">\n"
        svg += "<title id=\"timeline-title\">\(HTMLEscaping.text(title))</title>\n"
        guard !t.buckets.isEmpty, largest > 0 else {
            svg += "<desc id=\"timeline-desc\">No posts in the window.</desc>\n"
            svg += "<line class=\"grid\" x1=\"\(n(left))\" x2=\"\(n(width - right))\" y1=\"50\" y2=\"50\" />\n"
            svg += "<text class=\"empty\" x=\"\(n(width / 2))\" y=\"32\" text-anchor=\"middle\">No posts in the window</text>\n"
            return svg + "</svg>"
        }
        let desc = Render.timelineNote(t, hasBurst: !t.bursts.isEmpty)
        svg += "<desc id=\"timeline-desc\">\(HTMLEscaping.text(desc))</desc>\n"
        let scale = niceCeiling(largest)
        let slot = plotWidth / Double(t.buckets.count)
        let gap = slot > 4 ? 1.0 : 0
        func y(_ count: Double) -> Double { top + plotHeight - count / Double(scale) * plotHeight }
        // Gridlines and count labels at 0, half and the top of the scale.
        for value in Array(Set([0, scale / 2, scale])).sorted() {
            svg +=
                "<line class=\"grid\" x1=\"\(n(left))\" x2=\"\(n(left + plotWidth))\" y1=\"\(n(y(Double(value))))\" y2=\"\(n(y(Double(value))))\" />\n"
            svg +=
                "<text class=\"axis\" x=\"\(n(left - 6))\" y=\"\(n(y(Double(value)) + 4))\" text-anchor=\"end\">\(value.formatted)</text>\n"
        }
        svg += "<text class=\"axis\" x=\"\(n(left - 6))\" y=\"\(n(top - 12))\" text-anchor=\"end\">posts</text>\n"
        for (i, b) in t.buckets.enumerated() {
            let x = left + Double(i) * slot
            let barHeight = Double(b.count) / Double(scale) * plotHeight
            let tip =
                "\(SummaryWording.bucketLabel(b.start, size)): \(Wording.posts(b.count)), \(SummaryWording.percent(b.share)) of the corpus"
                + (b.isBurst ? " (burst)" : "")
            svg +=
                "<rect class=\"bar\(b.isBurst ? " burst" : "")\" x=\"\(n(x + gap / 2))\" y=\"\(n(y(Double(b.count))))\" width=\"\(n(max(slot - gap, 0.5)))\" height=\"\(n(barHeight))\"><title>\(HTMLEscaping.text(tip))</title></rect>\n"
            if b.isBurst {
                svg +=
                    "<text class=\"mark\" x=\"\(n(x + slot / 2))\" y=\"\(n(y(Double(b.count)) - 4))\" text-anchor=\"middle\">▲ \(b.count.formatted)</text>\n"
            }
        }
        svg += shareLine(t, slot: slot, plotHeight: plotHeight)
        // Dates under the first, middle and last buckets.
        let marks = Array(Set([0, t.buckets.count / 2, t.buckets.count - 1])).sorted()
        for i in marks {
            let anchor = marks.count > 1 && i == marks.first ? "start" : i == marks.last && marks.count > 1 ? "end" : "middle"
            let x =
                anchor == "start"
                ? left + Double(i) * slot : anchor == "end" ? left + Double(i + 1) * slot : left + (Double(i) + 0.5) * slot
            svg +=
                "<text class=\"axis\" x=\"\(n(x))\" y=\"\(n(top + plotHeight + 18))\" text-anchor=\"\(anchor)\">\(HTMLEscaping.text(SummaryWording.bucketLabel(t.buckets[i].start, size)))</text>\n"
        }
        svg +=
            "<text class=\"legend\" x=\"\(n(left))\" y=\"\(n(height - 6))\">bars: posts per \(size.rawValue); line: share of all posts (right axis)\(t.bursts.isEmpty ? "" : "; ▲ burst")</text>\n"
        return svg + "</svg>"
    }

    /// The beat's share of each bucket's posts as a line against a right-hand percentage axis.
    private static func shareLine(_ t: SummaryTimeline, slot: Double, plotHeight: Double) -> String {
        let largest = t.buckets.map(\.share).max() ?? 0
        guard largest > 0 else { return "" }
        let axisX = width - right
        var out = "<text class=\"axis share\" x=\"\(n(axisX + 6))\" y=\"\(n(top + 4))\">\(SummaryWording.percent(largest))</text>\n"
        out += "<text class=\"axis share\" x=\"\(n(axisX + 6))\" y=\"\(n(top + plotHeight + 4))\">0%</text>\n"
        let points = t.buckets.enumerated().map { i, b in
            "\(n(left + (Double(i) + 0.5) * slot)),\(n(top + plotHeight - b.share / largest * plotHeight))"
        }
        out += "<polyline class=\"share\" points=\"\(points.joined(separator: " "))\" />\n"
        return out
    }

    /// The smallest 1, 2 or 5 × 10ⁿ at or above `value`, so the axis reads in round numbers.
    static func niceCeiling(_ value: Int) -> Int {
        var magnitude = 1
        while magnitude * 10 <= value { magnitude *= 10 }
        for step in [1, 2, 5, 10] where step * magnitude >= value { return step * magnitude }
        return 10 * magnitude
    }

    /// A coordinate with at most one decimal: `12`, `12.5`.
    static func n(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return tenths % 10 == 0 ? String(tenths / 10) : (tenths < 0 ? "-" : "") + "\(abs(tenths) / 10).\(abs(tenths) % 10)"
    }
}
