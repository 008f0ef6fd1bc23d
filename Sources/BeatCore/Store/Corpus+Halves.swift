import BeatSQLite

extension Corpus {
    /// `older` on this corpus's connection while `newer` runs on the kept helper connection,
    /// on the other core: the two halves of a ranked page or of a summary's pass. The caller
    /// has no transaction open, or is inside `inOneSnapshot` (`splitsReads`).
    ///
    /// Both halves read one state of the corpus, as one pass would, even while an import
    /// commits: they run inside `inOneSnapshot`, whose two connections read one snapshot.
    /// When it could not pair them (a commit at every try, no helper), both halves run here,
    /// `older` first, in this connection's one transaction.
    ///
    /// A Ctrl-C or a failure in `older` stops `newer` before its connection is free, then is
    /// thrown. When the helper fails otherwise, `newer` runs here after `older`; a Ctrl-C that
    /// stopped it is thrown.
    func inHalves<Value: Sendable>(
        older: () throws -> Value, newer: @escaping @Sendable (Connection) throws -> Value
    ) throws -> (older: Value, newer: Value) {
        try inOneSnapshot {
            guard snapshotHelper != nil else { return (try older(), try newer(connection)) }
            let opener = readerOpener()
            let helper = BackgroundResult { Result<Value?, any Error> { try opener.withConnection { try newer($0) } } }
            let (first, second) = try runOlder(older, beside: helper)
            return (first, try second ?? newer(connection))
        }
    }

    /// `older` on this connection while `helper` works, and the helper's value: nil when it
    /// has none to give (it failed), so that the caller runs its half here. A failure here,
    /// or a Ctrl-C in either, stops the helper and is thrown once it has stopped.
    private func runOlder<Value: Sendable>(
        _ older: () throws -> Value, beside helper: BackgroundResult<Result<Value?, any Error>>
    ) throws -> (older: Value, newer: Value?) {
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
        case .failure: return (first, nil)
        }
    }
}
