import BeatSQLite

/// What `beat doctor` finds: SQLite's own check of the file's pages and
/// indexes, and FTS5's check that the full-text index agrees with the posts.
public struct CorpusHealth: Sendable, Equatable {
    /// Problems `PRAGMA integrity_check` reported (at most `maximumReported`), empty when it said ok.
    public var fileProblems: [String]
    /// What FTS5's `integrity-check` said when the index is out of step with the posts, nil when it agrees.
    public var indexProblem: String?
    /// Posts stored, when they could be counted.
    public var posts: Int?
    /// False when the corpus is open read-only: FTS5 runs its check as an `INSERT`, which
    /// SQLite's read-only flag refuses, so the index is then not checked.
    public var indexChecked = true

    /// How many of `integrity_check`'s messages are kept.
    public static let maximumReported = 20

    /// True when neither the file nor its full-text index has a problem.
    public var isHealthy: Bool { fileProblems.isEmpty && indexProblem == nil }

    /// True when rebuilding the full-text index from the posts would mend everything found.
    public var isRepairable: Bool { fileProblems.isEmpty && indexProblem != nil }

    /// Runs both checks on `corpus`. Reads every page: seconds for a large corpus.
    public static func check(_ corpus: Corpus) throws -> CorpusHealth {
        let connection = corpus.connection
        var fileProblems: [String] = []
        do {
            try connection.forEachRow("PRAGMA integrity_check(\(maximumReported))") { row in
                if let message = row.string(0), message != "ok" { fileProblems.append(message) }
            }
        } catch let error as SQLiteError {
            // Damage bad enough that the check itself stops.
            fileProblems.append(error.message)
        }
        var indexProblem: String?
        if !corpus.isReadOnly {
            do {
                try connection.execute("INSERT INTO posts_fts(posts_fts, rank) VALUES ('integrity-check', 1)")
            } catch {
                indexProblem = error.message
            }
        }
        let posts = try? corpus.postCount()
        return CorpusHealth(fileProblems: fileProblems, indexProblem: indexProblem, posts: posts, indexChecked: !corpus.isReadOnly)
    }

    /// What `doctor --repair` does: drop the full-text index's contents and build them again from the posts.
    public static let repairPlan =
        "rebuild the full-text index from the stored posts (FTS5 'rebuild'); the posts themselves are not changed"

    /// Rebuilds the full-text index from the posts table, in one transaction.
    public static func rebuildIndex(_ corpus: Corpus) throws {
        try corpus.prepareToWrite(command: "doctor --repair", checkingPages: false)
        try corpus.connection.transaction {
            try corpus.connection.execute("INSERT INTO posts_fts(posts_fts) VALUES ('rebuild')")
        }
    }
}
