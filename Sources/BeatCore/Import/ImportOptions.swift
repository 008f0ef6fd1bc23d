/// How an import reads its input.
public struct ImportOptions: Sendable {
    /// The format, or nil to detect it from the content.
    public var format: ImportFormat?
    /// The platform for records whose format does not say (a CSV export of one subreddit).
    public var source: String?
    /// The venue for records whose format does not say.
    public var venue: String?
    /// Where each post field is found in a generic JSONL or CSV input.
    public var mapping: FieldMapping?
    /// A strftime-style pattern for dates the built-in forms do not cover.
    public var dateFormat: String?
    /// Abort the whole import, leaving the database as before, at the first bad record.
    public var strict: Bool
    /// Records per transaction; each committed batch survives a crash.
    public var batchSize: Int
    /// Bytes of write-ahead log after which a commit copies the log into the
    /// database, so that the log of a huge import stays about this size
    /// instead of growing with the input.
    public var checkpointBytes: Int
    /// Fingerprint posts for spread as each batch is written (`SpreadIndex`). Off, the
    /// import leaves them to the next open's backfill, as for posts from before the spread tables.
    public var fingerprints = true
    /// Write the records of each input in time order (`TimeSorter`), not in the order read.
    public var timeOrder = true
    /// The folder of the temporary file records are sorted in; nil: the corpus's folder (an
    /// import sets it). Readers started without it send records in the order read.
    public var sortFolder: String?
    /// Records held in memory before a sorted run is written to the temporary file (their size, estimated).
    var sortRunBytes = 32 << 20

    /// An `ImportOptions` made of the values given.
    public init(
        format: ImportFormat? = nil, source: String? = nil, venue: String? = nil, mapping: FieldMapping? = nil,
        dateFormat: String? = nil, strict: Bool = false, batchSize: Int = 5_000, checkpointBytes: Int = 1 << 30
    ) {
        self.format = format
        self.source = source
        self.venue = venue
        self.mapping = mapping
        self.dateFormat = dateFormat
        self.strict = strict
        self.batchSize = batchSize
        self.checkpointBytes = checkpointBytes
    }

    /// Parses a date with `dateFormat` when one is set, else with the built-in forms.
    func date(from value: JSONValue) -> Int64? {
        if let dateFormat, let text = value.text { return DateParser.seconds(from: text, pattern: dateFormat) }
        return DateParser.seconds(from: value)
    }
}

/// Which input field feeds each post field: `--map text=body,author=user.name`.
public struct FieldMapping: Sendable, Equatable {
    /// The post fields a mapping may name.
    public static let fields = [
        "id", "source", "venue", "author", "published_at", "title", "text", "url", "parent", "thread", "score", "lang", "tags",
    ]

    /// Post field → input field name or dotted path.
    public private(set) var paths: [String: String]

    /// A `FieldMapping` made of the values given.
    public init(paths: [String: String]) { self.paths = paths }

    /// Parses `field=path,field=path`.
    /// - Throws: `ImportError.badMapping` naming the entry at fault.
    public init(parsing text: String) throws(ImportError) {
        var paths: [String: String] = [:]
        for entry in text.split(separator: ",") {
            let parts = entry.split(separator: "=", maxSplits: 1).map { $0.trimming(anyOf: " ") }
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                throw .badMapping("'\(entry)' is not FIELD=PATH (for example text=body)")
            }
            let field = parts[0] == "source_id" ? "id" : parts[0]
            guard Self.fields.contains(field) else {
                let hint = Suggestion.closest(to: field, among: Self.fields).map { " (did you mean '\($0)'?)" } ?? ""
                throw .badMapping("'\(parts[0])' is not a post field\(hint); fields: \(Self.fields.joined(separator: ", "))")
            }
            paths[field] = parts[1]
        }
        self.paths = paths
    }

    /// The input path for a post field.
    public subscript(field: String) -> String? { paths[field] }
}
