import BeatSQLite

/// Name look-ups for completion, each one an index search (never a scan).
extension SearchEngine {
    /// Distinct authors in `[?1, ?2)` (`?2` is the prefix followed by the
    /// highest character), in the NOCASE index's order. Each step seeks the
    /// next name after the previous one, so a prolific author costs one index
    /// probe rather than a walk over all their posts. Names differing only in
    /// case come back once (filters ignore case anyway).
    public static let authorSQL = distinctSQL("author")
    /// Distinct venues, as `authorSQL` finds authors.
    public static let venueSQL = distinctSQL("venue")
    /// One index probe per source kind (posts_source_id).
    public static let sourceSQL = "SELECT 1 FROM posts WHERE source = ?1 LIMIT 1"

    private static func distinctSQL(_ column: String) -> String {
        """
        WITH RECURSIVE names(name) AS (
          SELECT (SELECT \(column) FROM posts WHERE \(column) >= ?1 COLLATE NOCASE AND \(column) < ?2 COLLATE NOCASE
                  ORDER BY \(column) COLLATE NOCASE LIMIT 1)
          UNION ALL
          SELECT (SELECT \(column) FROM posts WHERE \(column) > name COLLATE NOCASE AND \(column) < ?2 COLLATE NOCASE
                  ORDER BY \(column) COLLATE NOCASE LIMIT 1)
          FROM names WHERE name IS NOT NULL
        )
        SELECT name FROM names WHERE name IS NOT NULL LIMIT 50
        """
    }

    /// The bindings of `authorSQL` and `venueSQL`: the range of strings starting with `prefix`.
    public static func nameBounds(_ prefix: String) -> [SQLiteValue] {
        [.text(prefix), .text(prefix + "\u{10FFFF}")]
    }

    /// Up to 50 distinct authors starting with `prefix` (ignoring case).
    public func authors(prefix: String) throws -> [String] { try names(Self.authorSQL, prefix) }

    /// Up to 50 distinct venues starting with `prefix` (ignoring case).
    public func venues(prefix: String) throws -> [String] { try names(Self.venueSQL, prefix) }

    /// The sources the corpus holds posts from, in `SourceKind` order.
    public func sourcesPresent() throws -> [String] {
        try SourceKind.allCases.map(\.rawValue).filter { try connection.scalar(Self.sourceSQL, [.text($0)]) != nil }
    }

    private func names(_ sql: String, _ prefix: String) throws -> [String] {
        var names: [String] = []
        try connection.forEachRow(sql, Self.nameBounds(prefix)) { row in
            if let name = row.value(0).stringValue, !name.isEmpty { names.append(name) }
        }
        return names
    }
}
