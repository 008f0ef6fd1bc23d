/// CSV (or TSV) with a header row: each row is a post, its fields found by
/// header name through `--map` or the usual names (`selftext`, `created_utc` …).
struct CSVRecordReader: FormatReader {
    let mapping: FieldMapping?

    func read(_ input: InputFile, into output: RecordOutput) throws {
        let separator: UInt8 = input.path.lowercased().hasSuffix(".tsv") ? 0x09 : UInt8(ascii: ",")
        var parser = CSVParser(separator: separator)
        var header: [String]?
        var headerIndex: [String: Int] = [:]
        let fields = MappedFields(mapping: mapping)

        func handle(_ row: [String], line: Int) throws {
            guard let columns = header else {
                let names = row.map { $0.trimming(anyOf: " ") }
                header = names
                for (index, name) in names.enumerated() where headerIndex[name] == nil { headerIndex[name] = index }
                // A mapping that names no column would store every row without that
                // field (an empty text, no author): refused before a row is read.
                if let mapping {
                    for (field, column) in mapping.paths.sorted(by: { $0.key < $1.key }) where headerIndex[column] == nil {
                        throw ImportError.badMapping(
                            "\(field)=\(column): \(input.path):\(line): the header has no column '\(column)' "
                                + "(columns: \(names.joined(separator: ", "))); nothing was imported")
                    }
                }
                return
            }
            let location = RecordLocation(line: line)
            if row.count == 1 && row[0].isEmpty { return }
            guard row.count == columns.count else {
                output.reject(at: location, "expected \(columns.count) fields as in the header, found \(row.count)")
                return
            }
            guard
                var record = fields.record(
                    at: location, output: output,
                    lookup: { name in
                        headerIndex[name].map { .string(row[$0]) }
                    })
            else { return }
            if record.source.isEmpty, output.defaultSource == nil, headerIndex["subreddit_id"] != nil || headerIndex["selftext"] != nil {
                record.source = "reddit"
            }
            output.emit(record, at: location)
        }

        try input.forEachLine(
            { line, number in
                if output.isCancelled { throw ImportError.cancelled }
                if let row = try parser.feed(line, lineNumber: number) { try handle(row.fields, line: row.line) }
            },
            tooLong: { number in
                output.reject(at: "\(number)", "line longer than \(InputFile.lineLimit / 1_048_576) MiB; skipped")
            })
        if let row = parser.finish() {
            output.reject(at: "\(row.line)", "a quoted field is not closed before the end of the file")
        }
    }
}

/// An RFC 4180 CSV parser fed one line at a time: a quoted field may hold
/// separators, doubled quotes and line breaks, so one record can span lines.
struct CSVParser {
    let separator: UInt8
    private var fields: [String] = []
    private var field: [UInt8] = []
    private var inQuotes = false
    private var startLine = 0
    private var open = false

    init(separator: UInt8) { self.separator = separator }

    /// Adds a line; returns a record when one is complete.
    mutating func feed(_ line: UnsafeBufferPointer<UInt8>, lineNumber: Int) throws -> (fields: [String], line: Int)? {
        if !open {
            open = true
            startLine = lineNumber
            fields.removeAll(keepingCapacity: true)
            field.removeAll(keepingCapacity: true)
        } else {
            field.append(0x0A)  // the line break inside a quoted field
        }
        var i = 0
        var start = true
        if !fields.isEmpty || !field.isEmpty || inQuotes { start = false }
        while i < line.count {
            let byte = line[i]
            if inQuotes {
                if byte == UInt8(ascii: "\"") {
                    if i + 1 < line.count, line[i + 1] == UInt8(ascii: "\"") {
                        field.append(byte)
                        i += 2
                        continue
                    }
                    inQuotes = false
                } else {
                    field.append(byte)
                }
            } else if byte == UInt8(ascii: "\"") && (start || field.isEmpty) {
                inQuotes = true
            } else if byte == separator {
                fields.append(String(decoding: field, as: UTF8.self))
                field.removeAll(keepingCapacity: true)
                start = true
                i += 1
                continue
            } else {
                field.append(byte)
            }
            start = false
            i += 1
        }
        if inQuotes { return nil }
        fields.append(String(decoding: field, as: UTF8.self))
        open = false
        return (fields, startLine)
    }

    /// At end of input: the unfinished record, if a quote was left open.
    mutating func finish() -> (fields: [String], line: Int)? {
        open && inQuotes ? (fields, startLine) : nil
    }
}
