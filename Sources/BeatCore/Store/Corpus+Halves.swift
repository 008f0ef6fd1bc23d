import BeatSQLite

extension Corpus {
    /// `older` on this corpus's connection while `newer` runs on the kept helper connection,
    /// on the other core: the two halves of a ranked page or of a summary's pass.
    ///
    /// A Ctrl-C or a failure in `older` stops `newer` before its connection closes, then is
    /// thrown. When the helper could not read (its connection could not open, say), `newer`
    /// runs here after `older`; a Ctrl-C that stopped it is thrown.
    func inHalves<Value: Sendable>(
        older: () throws -> Value, newer: @escaping @Sendable (Connection) throws -> Value
    ) throws -> (older: Value, newer: Value) {
        let opener = readerOpener()
        let helper = BackgroundResult { () -> Result<Value, any Error> in
            Result { try opener.withConnection(newer) }
        }
        let first: Value
        do {
            first = try older()
        } catch {
            helperInterrupts.interruptAll()
            _ = helper.value()
            throw error
        }
        switch helper.value() {
        case .success(let second): return (first, second)
        case .failure(let error) where Corpus.isInterruption(error): throw error
        case .failure: return (first, try newer(connection))
        }
    }
}
