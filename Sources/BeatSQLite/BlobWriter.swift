import CSQLite

extension Connection {
    /// Fills the blob stored at `row` of `table.column` (`zeroblob(N)` already there) a
    /// chunk at a time: `fill(offset, chunk)` writes the bytes from `offset` into `chunk`.
    /// Binding a large value makes SQLite copy it whole (and the caller make it whole first);
    /// this holds one chunk, so storing a 16 MB value costs 64 KB of memory.
    public func fillBlob(
        table: String, column: String, row: Int64, chunkSize: Int = 65_536,
        _ fill: (Int, UnsafeMutableRawBufferPointer) -> Void
    ) throws(SQLiteError) {
        var blob: OpaquePointer?
        let opened = sqlite3_blob_open(handle, "main", table, column, row, 1, &blob)
        guard opened == SQLITE_OK, let blob else {
            sqlite3_blob_close(blob)
            throw SQLiteError(extendedCode: opened, message: String(cString: sqlite3_errmsg(handle)))
        }
        defer { sqlite3_blob_close(blob) }
        let length = Int(sqlite3_blob_bytes(blob))
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: max(1, chunkSize), alignment: 8)
        defer { chunk.deallocate() }
        var offset = 0
        while offset < length {
            let count = min(chunk.count, length - offset)
            let part = UnsafeMutableRawBufferPointer(rebasing: chunk[0..<count])
            fill(offset, part)
            let written = sqlite3_blob_write(blob, part.baseAddress, Int32(count), Int32(offset))
            guard written == SQLITE_OK else {
                throw SQLiteError(extendedCode: written, message: String(cString: sqlite3_errmsg(handle)))
            }
            offset += count
        }
    }
}
