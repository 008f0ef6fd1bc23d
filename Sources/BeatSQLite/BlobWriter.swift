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
        try walkBlob(table: table, column: column, row: row, writable: true, chunkSize: chunkSize) {
            (blob, _, offset, part) throws(SQLiteError) in
            fill(offset, part)
            let written = sqlite3_blob_write(blob, part.baseAddress, Int32(part.count), Int32(offset))
            guard written == SQLITE_OK else { throw blobError(written) }
            return true
        }
    }

    /// Reads the blob in `table.column` of `row` a chunk at a time: `read(length, offset, bytes)`
    /// gets the blob's whole length with each chunk, and returns false to stop. A large value
    /// (a 16 MB Bloom filter) is never held twice, as SQLite's copy and the caller's.
    public func readBlob(
        table: String, column: String, row: Int64, chunkSize: Int = 65_536,
        _ read: (Int, Int, UnsafeRawBufferPointer) -> Bool
    ) throws(SQLiteError) {
        try walkBlob(table: table, column: column, row: row, writable: false, chunkSize: chunkSize) {
            (blob, length, offset, part) throws(SQLiteError) in
            let got = sqlite3_blob_read(blob, part.baseAddress, Int32(part.count), Int32(offset))
            guard got == SQLITE_OK else { throw blobError(got) }
            return read(length, offset, UnsafeRawBufferPointer(part))
        }
    }

    /// Opens the blob at `row` of `table.column` and hands `step(blob, length, offset, chunk)`
    /// one chunk after another (the last one shorter), through one buffer of `chunkSize`
    /// bytes, until the end or until `step` returns false.
    private func walkBlob(
        table: String, column: String, row: Int64, writable: Bool, chunkSize: Int,
        _ step: (OpaquePointer, Int, Int, UnsafeMutableRawBufferPointer) throws(SQLiteError) -> Bool
    ) throws(SQLiteError) {
        var blob: OpaquePointer?
        let opened = sqlite3_blob_open(handle, "main", table, column, row, writable ? 1 : 0, &blob)
        guard opened == SQLITE_OK, let blob else {
            sqlite3_blob_close(blob)
            throw blobError(opened)
        }
        defer { sqlite3_blob_close(blob) }
        let length = Int(sqlite3_blob_bytes(blob))
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: max(1, chunkSize), alignment: 8)
        defer { chunk.deallocate() }
        var offset = 0
        while offset < length {
            let count = min(chunk.count, length - offset)
            guard try step(blob, length, offset, UnsafeMutableRawBufferPointer(rebasing: chunk[0..<count])) else { return }
            offset += count
        }
    }

    private func blobError(_ code: Int32) -> SQLiteError {
        SQLiteError(extendedCode: code, message: String(cString: sqlite3_errmsg(handle)))
    }
}
