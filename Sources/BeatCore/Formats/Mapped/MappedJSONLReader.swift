/// Any JSONL (or JSON array of objects) with `--map`: each post field comes
/// from the input field or dotted path the mapping names.
///
/// A mapping that finds nothing would store every record without that field
/// (re-importing stored posts would empty their text), so the first
/// `MappingProbe.sampleSize` records are held back until every mapped path
/// has been found in at least one of them; a path found in none is an error
/// before anything is written.
struct MappedJSONLReader: JSONRecordReader {
    let mapping: FieldMapping
    private let probe = MappingProbe()

    init(mapping: FieldMapping) { self.mapping = mapping }

    func read(_ input: InputFile, into output: RecordOutput) throws {
        try readValues(input, into: output)
        try probe.finish(path: input.path) { value, location in emit(value, at: location, into: output) }
    }

    func records(in value: JSONValue, at location: RecordLocation, into output: RecordOutput) throws {
        if case .array(let elements) = value {
            for (index, element) in elements.enumerated() {
                try records(in: element, at: location.element(index), into: output)
            }
            return
        }
        guard case .object = value else {
            output.reject(at: location, "expected a JSON object")
            return
        }
        guard probe.isDecided else {
            try probe.hold(value, at: location, mapping: mapping) { value, location in emit(value, at: location, into: output) }
            return
        }
        emit(value, at: location, into: output)
    }

    private func emit(_ value: JSONValue, at location: RecordLocation, into output: RecordOutput) {
        let fields = MappedFields(mapping: mapping)
        guard var record = fields.record(at: location, output: output, lookup: { value.value(atPath: $0) }) else { return }
        record.raw = JSONWriter.serialize(value)
        output.emit(record, at: location)
    }
}

/// The records a mapped import holds back until its mapping is known to find something.
/// Used from the reader's one thread only.
final class MappingProbe: @unchecked Sendable {
    /// Records looked at before the mapping is judged.
    static let sampleSize = 1000

    private var held: [(JSONValue, RecordLocation)] = []
    private var found: Set<String> = []
    private var paths: [String: String] = [:]
    private(set) var isDecided = false

    /// Holds `value`; once `sampleSize` are held, judges the mapping and emits them.
    func hold(
        _ value: JSONValue, at location: RecordLocation, mapping: FieldMapping,
        emit: (JSONValue, RecordLocation) -> Void
    ) throws {
        paths = mapping.paths
        for path in Set(mapping.paths.values) where !found.contains(path) {
            if let hit = value.value(atPath: path), !hit.isNull { found.insert(path) }
        }
        held.append((value, location))
        if held.count >= Self.sampleSize { try decide(path: nil, emit: emit) }
    }

    /// At the end of the input: judges the mapping on what was held, if that has not happened.
    func finish(path: String, emit: (JSONValue, RecordLocation) -> Void) throws {
        guard !isDecided else { return }
        try decide(path: path, emit: emit)
    }

    private func decide(path: String?, emit: (JSONValue, RecordLocation) -> Void) throws {
        isDecided = true
        let sample = held
        held = []
        if !sample.isEmpty {
            let missing = paths.filter { !found.contains($0.value) }.sorted { $0.key < $1.key }
            if let (field, name) = missing.first {
                let keys = sample.first?.0.object.map { $0.keys.sorted().prefix(12).joined(separator: ", ") } ?? ""
                let placeOfSearch = path.map { " in \($0)" } ?? ""
                throw ImportError.badMapping(
                    "\(field)=\(name): no record\(placeOfSearch) has '\(name)' (looked at the first \(sample.count.formattedWithCommas)"
                        + "; the first record's fields are \(keys)); nothing was imported")
            }
        }
        for (value, location) in sample { emit(value, location) }
    }
}
