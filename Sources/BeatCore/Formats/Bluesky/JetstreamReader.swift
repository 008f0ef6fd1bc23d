// PENDING: replaced by the real reader.
struct JetstreamReader: FormatReader {
    func read(_ input: InputFile, into output: RecordOutput) throws {
        throw ImportError.badOption("\(input.path): this format's reader is not available yet")
    }
}
