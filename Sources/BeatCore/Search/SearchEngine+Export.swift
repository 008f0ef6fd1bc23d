extension SearchEngine {
    /// Writes the posts matching `query` as Beat's own JSONL, oldest first,
    /// one post per call of `write` (a JSON object followed by `\n`), reading
    /// row by row so that memory stays flat whatever the size.
    /// - Returns: the number of posts written.
    /// - Throws: what `write` throws (the export stops there), or `SQLiteError`.
    @discardableResult
    public func export(_ query: CompiledQuery, to write: (String) throws -> Void) throws -> Int {
        guard !query.isEmptyRange else { return 0 }
        let ids = query.idsSQL()
        // Ids are time-ordered, so id order is publication order.
        let sql = "SELECT \(BeatJSONLWriter.columns) FROM posts p WHERE p.id IN (\(ids.sql)) ORDER BY p.id"
        var written = 0
        try eachRow(sql, ids.bindings) { row in
            try write(BeatJSONLWriter.line(row) + "\n")
            written += 1
        }
        return written
    }
}
