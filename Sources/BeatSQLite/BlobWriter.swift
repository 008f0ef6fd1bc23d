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

extension Connection {
    /// Reads the blob in `table.column` of `row` a chunk at a time: `read(length, offset, bytes)`
    /// gets the blob's whole length with each chunk, and returns false to stop. A large value
    /// (a 16 MB Bloom filter) is never held twice, as SQLite's copy and the caller's.
    public func readBlob(
        table: String, column: String, row: Int64, chunkSize: Int = 65_536,
        _ read: (Int, Int, UnsafeRawBufferPointer) -> Bool
    ) throws(SQLiteError) {
        var blob: OpaquePointer?
        let opened = sqlite3_blob_open(handle, "main", table, column, row, 0, &blob)
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
            let got = sqlite3_blob_read(blob, chunk.baseAddress, Int32(count), Int32(offset))
            guard got == SQLITE_OK else {
                throw SQLiteError(extendedCode: got, message: String(cString: sqlite3_errmsg(handle)))
            }
            guard read(length, offset, UnsafeRawBufferPointer(rebasing: chunk[0..<count])) else { return }
            offset += count
        }
    }
}
