/// The filters a query can use, by key.
enum FilterKey: String, CaseIterable, Sendable {
    case source, venue, author, title, since, until, on, beat

    /// Every key a user may type, aliases included, for suggestions and help.
    static let names = ["source", "venue", "in", "author", "title", "since", "until", "on", "beat"]

    /// Reads a key as typed (any case); `in` is `venue`.
    init?(name: String) {
        let lowered = name.lowercased()
        if lowered == "in" {
            self = .venue
        } else if let key = FilterKey(rawValue: lowered) {
            self = key
        } else {
            return nil
        }
    }

    /// An example of the filter, for hints.
    var example: String {
        switch self {
        case .source: return "e.g. source:reddit,bluesky"
        case .venue: return "e.g. venue:LocalLLaMA or in:r/LocalLLaMA"
        case .author: return "e.g. author:em-bee"
        case .title: return "e.g. title:\"open weights\""
        case .since: return "e.g. since:2026-04-01 or since:7d"
        case .until: return "e.g. until:2026-06-30"
        case .on: return "e.g. on:2026-04-18 or on:2026-04"
        case .beat: return "e.g. beat:chips"
        }
    }

    /// True for the date filters, which become id ranges.
    var isDate: Bool { self == .since || self == .until || self == .on }
}

/// A word or phrase of the query's text part.
struct QueryTerm: Equatable, Sendable {
    var text: String
    var isPhrase: Bool
    var isPrefix: Bool
    /// From `title:…`: matched in the title column only.
    var inTitle: Bool
    var span: QuerySpan
}

/// A filter other than `title:` (which is text), with its values.
struct QueryFilter: Equatable, Sendable {
    var key: FilterKey
    var values: [FilterValue]
    var negated: Bool
    /// The whole filter, `-` included.
    var span: QuerySpan
}

/// A node of the parsed query; every node knows its place in the text.
struct QueryNode: Equatable, Sendable {
    indirect enum Kind: Equatable, Sendable {
        case term(QueryTerm)
        case and([QueryNode])
        case or([QueryNode])
        case not(QueryNode)
        /// Terms within `distance` words of each other.
        case near([QueryTerm], distance: Int)
        case filter(QueryFilter)
    }

    var kind: Kind
    var span: QuerySpan
}
