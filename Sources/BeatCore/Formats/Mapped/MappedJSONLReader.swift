/// Any JSONL (or JSON array of objects) with `--map`: each post field comes
/// from the input field or dotted path the mapping names.
struct MappedJSONLReader: JSONRecordReader {
    let mapping: FieldMapping

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
        let fields = MappedFields(mapping: mapping)
        guard var record = fields.record(at: location, output: output, lookup: { value.value(atPath: $0) }) else { return }
        record.raw = JSONWriter.serialize(value)
        output.emit(record, at: location)
    }
}
