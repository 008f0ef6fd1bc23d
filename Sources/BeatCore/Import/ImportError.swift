/// Why an import could not read a whole input. Problems with single records
/// are `ImportProblem`s instead: they are reported and skipped.
public enum ImportError: Error, Sendable, Equatable, CustomStringConvertible {
    case cannotOpen(path: String, reason: String)
    case emptyInput(path: String)
    case binaryInput(path: String)
    case unsupportedEncoding(path: String, encoding: String)
    case tooLarge(path: String, bytes: Int, limit: Int)
    case unknownFormat(path: String, hint: String)
    case malformedDocument(path: String, location: String, reason: String)
    case badMapping(String)
    case badOption(String)
    /// A record was bad and `--strict` was given: nothing from this import was kept.
    case strictAbort(ImportProblem)
    /// The import was cancelled; batches committed before are kept.
    case cancelled
    /// The temporary file an import sorts its records in could not be written or read.
    case spillFailed(folder: String, reason: String)
    /// Every post id of a day that a source may take is taken (`PostLane`).
    case dayFull(source: String, sourceID: String, publishedAt: Int64, line: Int?)

    /// The error as the shell shows it.
    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason):
            return "\(path): cannot open: \(reason)"
        case .emptyInput(let path):
            return "\(path): the input is empty; nothing to import"
        case .binaryInput(let path):
            return "\(path): this looks like a binary file, not text; import reads JSON, JSONL, CSV, XML feeds and text"
        case .unsupportedEncoding(let path, let encoding):
            return "\(path): the text is encoded as \(encoding); convert it to UTF-8 first (for example: iconv -f \(encoding) -t UTF-8)"
        case .tooLarge(let path, let bytes, let limit):
            return
                "\(path): \(bytes / 1_048_576) MiB is more than the \(limit / 1_048_576) MiB a single JSON or XML document may have; split it or convert it to one record per line (JSONL)"
        case .unknownFormat(let path, let hint):
            return
                "\(path): cannot tell the format: \(hint); name it with --as KIND (\(ImportFormat.allCases.map(\.rawValue).joined(separator: ", ")))"
        case .malformedDocument(let path, let location, let reason):
            return "\(path):\(location): \(reason); nothing from this file was imported"
        case .badMapping(let reason):
            return "--map: \(reason)"
        case .badOption(let reason):
            return reason
        case .strictAbort(let problem):
            return "\(problem) (--strict: the import was undone; the corpus is as it was before)"
        case .cancelled:
            return "import cancelled; records committed before the cancel are kept, and running the same import again completes it"
        case .spillFailed(let folder, let reason):
            return
                "cannot sort the records in a temporary file in \(folder): \(reason); free some space there or import the file in parts (batches committed before are kept)"
        case .dayFull(let source, let sourceID, let publishedAt, let line):
            // PostLane.capacity ids a second in the source's lane and as many shared, 86,400 seconds a day.
            return
                "\(source) post \(sourceID)\(line.map { " (record \($0))" } ?? ""): no post id is left for \(source) on \(CivilTime.isoDate(publishedAt)) (a day holds 131,072 posts of one source a second, and as many shared); check the file's dates"
        }
    }
}

/// A record that could not be imported: where it is and why.
public struct ImportProblem: Sendable, Equatable, CustomStringConvertible {
    /// The input as named on the command line.
    public var path: String
    /// `12` for a line, `12:7` for a line and column, or a JSON path such as `$.data.children[3]`.
    public var location: String
    /// What is wrong with the record.
    public var reason: String

    /// An `ImportProblem` made of the values given.
    public init(path: String, location: String, reason: String) {
        self.path = path
        self.location = location
        self.reason = reason
    }

    /// `file:line: reason`.
    public var description: String { "\(path):\(location): \(reason)" }
}
