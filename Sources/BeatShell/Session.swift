import BeatCore

/// What one run of Beat works with: the corpus, where output goes, and the
/// settings commands change. The shell and the command line share it.
public final class Session {
    public let output: OutputChannel
    public let errors: OutputChannel
    public let environment: [String: String]
    /// The corpus file.
    public let databasePath: String
    /// True when no `--db` or `BEAT_DB` named the corpus, so the demo may be loaded into it.
    public let usesDefaultDatabase: Bool
    /// True when a person types the commands at a terminal.
    public var isInteractive: Bool
    /// Set by Ctrl-C; long commands poll it.
    public let cancellation = CancellationFlag()
    /// Interrupts the corpus's running statement from the Ctrl-C watcher.
    public let interruptTarget = InterruptTarget()
    private var openedCorpus: Corpus?

    public init(
        databasePath: String, usesDefaultDatabase: Bool, environment: [String: String],
        output: OutputChannel, errors: OutputChannel, isInteractive: Bool
    ) {
        self.databasePath = databasePath
        self.usesDefaultDatabase = usesDefaultDatabase
        self.environment = environment
        self.output = output
        self.errors = errors
        self.isInteractive = isInteractive
    }

    /// The corpus, opened (and created or migrated) on first use.
    public func corpus() throws -> Corpus {
        if let openedCorpus { return openedCorpus }
        let corpus = try Corpus(path: databasePath)
        openedCorpus = corpus
        interruptTarget.set(corpus.connection.interruptHandle)
        return corpus
    }

    /// Loads the demo corpus when the default corpus is still empty, and says so.
    public func loadDemoIfNew() throws {
        guard usesDefaultDatabase, try corpus().isEmpty() else { return }
        let summary = try DemoCorpus.load(into: try corpus())
        errors.line("No corpus yet: loaded the demo corpus (\(summary.added) posts) into \(databasePath).")
        errors.line("Import your own with: import FILE...   (see: help import)")
    }
}
