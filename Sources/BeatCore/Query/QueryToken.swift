/// One token of a query, with where it came from.
struct QueryToken: Equatable, Sendable {
    enum Kind: Equatable, Sendable {
        /// A bare word; `prefix` when it ended in `*`.
        case word(String, prefix: Bool)
        /// A `"quoted phrase"` (straight or curly quotes); `prefix` when followed by `*`.
        case phrase(String, prefix: Bool)
        /// `key:value,value` (the key as typed; values may be quoted).
        case filter(FilterToken)
        case open, close
        /// `NEAR(`, the start of a proximity group.
        case nearOpen
        /// `,` inside `NEAR(…)`, before the distance.
        case comma
        case or, and, not
        /// Infix `NEAR` or `NEAR/5`.
        case near(Int?)
        /// A `-` directly before a term: exclude it.
        case minus
    }

    var kind: Kind
    var span: QuerySpan
}

/// A `key:value` token before its key is checked against the known filters.
struct FilterToken: Equatable, Sendable {
    var key: String
    /// The key and its colon.
    var keySpan: QuerySpan
    var values: [FilterValue]
}

/// One value of a filter (`reddit` in `source:reddit,bluesky`).
struct FilterValue: Equatable, Sendable {
    var text: String
    var quoted: Bool
    /// Ended in `*` (meaningful for `title:` only).
    var prefix: Bool
    var span: QuerySpan
}
