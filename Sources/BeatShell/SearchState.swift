import BeatCore

/// The last `search`, so that `more` can show the page after it.
public struct SearchState: Sendable {
    public var text: String
    public var query: CompiledQuery
    public var sort: SearchSort
    public var limit: Int
    /// 0-based position of the next page.
    public var nextOffset: Int
    public var total: Int
}
