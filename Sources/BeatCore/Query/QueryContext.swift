/// What compiling a query needs from outside the query text.
public struct QueryContext: Sendable {
    /// Unix seconds, UTC, that relative dates count back from (`since:7d`):
    /// the clock, or `--now` for reproducible scripts.
    public var now: Int64

    /// Looks up a beat by name and returns its query text, for `beat:NAME`.
    /// Nil (or a nil answer) makes `beat:NAME` a "no beat named …" error.
    public var beatQuery: (@Sendable (String) -> String?)?

    /// The names of the stored beats, for the hint of an unknown `beat:NAME` (the closest name,
    /// or that none are defined yet); nil gives no hint.
    public var beatNames: [String]?

    /// A `QueryContext` made of the values given.
    public init(now: Int64, beatQuery: (@Sendable (String) -> String?)? = nil, beatNames: [String]? = nil) {
        self.now = now
        self.beatQuery = beatQuery
        self.beatNames = beatNames
    }
}
