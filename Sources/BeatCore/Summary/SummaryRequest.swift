/// What to summarise: a beat or query, over a window, optionally against
/// another window or beat.
public struct SummaryRequest: Sendable {
    /// What the user named: `beat open-source-ai`, or the query text.
    public var label: String
    /// The beat or query with the session's filters, without the window.
    public var query: CompiledQuery
    /// The query as the summary names it when its words are not the compiled query's
    /// description: a beat's stored query (`aurora OR 70b …`), with the session's filters.
    public var shownQuery: String?
    /// The time the summary covers.
    public var window: SummaryWindow
    /// The window to compare with, if any.
    public var comparison: SummaryComparisonRequest?
    /// At most this many quotes.
    public var quoteCount: Int
    /// At most this many key terms.
    public var termCount: Int
    /// At most this many voices.
    public var voiceCount: Int
    /// At most this many venues.
    public var venueCount: Int

    /// A `SummaryRequest` made of the values given.
    public init(
        label: String, query: CompiledQuery, window: SummaryWindow, comparison: SummaryComparisonRequest? = nil,
        quoteCount: Int = 5, termCount: Int = 15, voiceCount: Int = 10, venueCount: Int = 10
    ) {
        self.label = label
        self.query = query
        self.window = window
        self.comparison = comparison
        self.quoteCount = quoteCount
        self.termCount = termCount
        self.voiceCount = voiceCount
        self.venueCount = venueCount
    }
}

/// What `--vs` compares against.
public enum SummaryComparisonRequest: Sendable {
    /// The same query in the window of equal length just before.
    case previous
    /// Another beat or query in the same window.
    case other(label: String, query: CompiledQuery)
}

extension SummaryWindow {
    /// The window a date-only compiled query covers (`since:… until:…`), so a
    /// window means exactly what the same filters mean to `count`. Post ids
    /// are `seconds << 20 | sequence` (see `Schema`).
    public init(idRange: ClosedRange<Int64>) {
        self.init(
            start: idRange.lowerBound >> Schema.sequenceBits,
            end: (idRange.upperBound >> Schema.sequenceBits) + 1)
    }

    /// The post ids of the window, for `CompiledQuery.idRange`.
    public var idRange: ClosedRange<Int64> {
        (start << Schema.sequenceBits)...((end << Schema.sequenceBits) - 1)
    }
}
