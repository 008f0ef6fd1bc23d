/// The source a post id carries.
///
/// Below the publication second (`id >> Schema.sequenceBits`), an id holds three bits of
/// lane and seventeen of sequence: `second << 20 | lane << 17 | n`. Lanes 1 to 7 are the
/// sources in `SourceKind` order, so that a source filter on a text search reads the id the
/// FTS5 index yields instead of seeking each match's row (1.6 µs a match: most of a
/// filtered phrase's time at ten million posts). Lane 0 says nothing about the source:
/// it holds the posts stored before schema 12 (whose ids counted 2^20 a second in one
/// run) and those of a source whose lane of that second is full; a query reads their
/// source from the facets index. So do the seconds listed in `post_lane_exceptions`, where an
/// older corpus had more than 2^17 posts in one second and its ids spilled into the lane
/// bits.
///
/// A second whose ids for a source are all taken (its lane and lane 0 full: a file whose
/// dates have no time of day puts a whole day's posts at midnight) sends the post to the
/// next second with room, later in its UTC day first, then earlier (`second(after:for:)`):
/// the id's second is then not the post's, which `published_at` keeps, but its day is, so
/// date filters and day counts hold. Three bits hold seven sources; an eighth would take
/// lane 0.
enum PostLane {
    /// Bits of the sequence within a lane.
    static let sequenceBits: Int64 = 17
    /// Posts a lane holds in one second.
    static let capacity: Int64 = 1 << sequenceBits
    /// The lane that says nothing about the source.
    static let unsorted: Int64 = 0

    /// The lane of a source (a `SourceKind` raw value): 1 to 7, or 0 for a name Beat does not know.
    static func lane(of source: String) -> Int64 {
        guard let kind = SourceKind(rawValue: source) else { return unsorted }
        return lane(of: kind)
    }

    /// The lane of a source: its place in `SourceKind.allCases`, from 1, written out because
    /// lanes are stored in ids and must not move if the enum's order does.
    static func lane(of kind: SourceKind) -> Int64 {
        switch kind {
        case .reddit: 1
        case .hackernews: 2
        case .bluesky: 3
        case .mastodon: 4
        case .news: 5
        case .web: 6
        case .other: 7
        }
    }

    /// The lane bits of `id`.
    static func lane(ofID id: Int64) -> Int64 { (id >> sequenceBits) & 7 }

    /// The ids of a lane within a second.
    static func ids(second: Int64, lane: Int64) -> ClosedRange<Int64> {
        let first = second << Schema.sequenceBits | lane << sequenceBits
        return first...(first + capacity - 1)
    }

    /// The second to look for a free id in after `current`, for a post published at `second`:
    /// the later seconds of its UTC day in turn, then the earlier ones; nil when the day has
    /// none left.
    static func second(after current: Int64, for second: Int64) -> Int64? {
        let dayStart = PostDays.dayStart(second)
        if current >= second {
            if current + 1 < dayStart + PostDays.daySeconds { return current + 1 }
            return second > dayStart ? second - 1 : nil
        }
        return current > dayStart ? current - 1 : nil
    }

    /// SQL for the lane of the id column `id`.
    static func sql(_ id: String) -> String { "((\(id) >> \(sequenceBits)) & 7)" }
}
