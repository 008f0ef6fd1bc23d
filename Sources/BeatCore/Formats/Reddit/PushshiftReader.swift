/// Pushshift and Arctic-Shift Reddit dumps: one comment or submission per
/// line, with the field names of the API's `data` objects plus dump fields
/// (`retrieved_on`, `_meta`), kept in `raw`.
///
/// A line may also hold an array of such objects or a Pushshift API answer
/// (`{"data": [...]}`). Comments carry `body`; submissions `title`.
struct PushshiftReader: JSONRecordReader {
    // Dumps are always one record per line, and can be far larger than memory.
    var isLineBased: Bool { true }

    func records(in value: JSONValue, at location: RecordLocation, into output: RecordOutput) throws {
        switch value {
        case .array(let elements):
            for (index, element) in elements.enumerated() {
                record(element, at: location.element(index), into: output)
            }
        case .object(let object):
            if object["body"] == nil, object["title"] == nil, let list = object["data"]?.array {
                for (index, element) in list.enumerated() {
                    record(element, at: location.member("data").element(index), into: output)
                }
            } else {
                record(value, at: location, into: output)
            }
        default:
            output.reject(at: location, "expected a JSON object: a Reddit comment or submission")
        }
    }

    private func record(_ value: JSONValue, at location: RecordLocation, into output: RecordOutput) {
        guard let object = value.object else {
            output.reject(at: location, "expected a JSON object: a Reddit comment or submission")
            return
        }
        let kind: RedditThing.Kind
        if object["body"] != nil {
            kind = .comment
        } else if object["title"] != nil {
            kind = .submission
        } else {
            output.reject(at: location, "neither a comment ('body') nor a submission ('title')")
            return
        }
        if let record = RedditThing.record(kind, data: object, raw: value, at: location, into: output) {
            output.emit(record, at: location)
        }
    }
}
