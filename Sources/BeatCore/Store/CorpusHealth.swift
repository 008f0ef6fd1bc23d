import BeatSQLite

/// What `beat doctor` finds: SQLite's own check of the file's pages and
/// indexes, FTS5's check that the full-text index agrees with the posts, and
/// whether the posts per day (`PostDays`) and per source per day (`PostSourceDays`) are the
/// posts' own count.
public struct CorpusHealth: Sendable, Equatable {
    /// Problems `PRAGMA integrity_check` reported (at most `maximumReported`), empty when it said ok.
    public var fileProblems: [String]
    /// What FTS5's `integrity-check` said when the index is out of step with the posts, nil when it agrees.
    public var indexProblem: String?
    /// Days whose kept count of posts is not the posts' (at most `maximumReported` of each
    /// kind), as `2024-03-01: 12 kept, 13 stored` and `2024-03-01 reddit: 5 kept, 6 stored`;
    /// empty when every day agrees.
    public var dayCountProblems: [String] = []
    /// Posts stored, when they could be counted.
    public var posts: Int?
    /// False when the corpus is open read-only: FTS5 runs its check as an `INSERT`, which
    /// SQLite's read-only flag refuses, so the index is then not checked.
    public var indexChecked = true

    /// How many of `integrity_check`'s messages are kept.
    public static let maximumReported = 20

    /// True when neither the file nor its full-text index has a problem.
    public var isHealthy: Bool { fileProblems.isEmpty && indexProblem == nil && dayCountProblems.isEmpty }

    /// True when rebuilding what is derived from the posts would mend everything found.
    public var isRepairable: Bool { !isHealthy && fileProblems.isEmpty }

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
        var dayCountProblems: [String] = []
        if fileProblems.isEmpty {
            dayCountProblems = try PostDays.disagreements(on: connection, limit: maximumReported).map {
                "\(CivilTime.isoDate($0.day)): \($0.kept) kept, \($0.counted) stored"
            }
            dayCountProblems += try PostSourceDays.disagreements(on: connection, limit: maximumReported).map {
                "\(CivilTime.isoDate($0.day)) \($0.source): \($0.kept) kept, \($0.counted) stored"
            }
        }
        let posts = try? corpus.postCount()
        return CorpusHealth(
            fileProblems: fileProblems, indexProblem: indexProblem, dayCountProblems: dayCountProblems, posts: posts,
            indexChecked: !corpus.isReadOnly)
    }

    /// What `doctor --repair` does for the problems found; the posts themselves are never changed.
    public var repairPlan: String {
        var steps: [String] = []
        if indexProblem != nil { steps.append("rebuild the full-text index from the stored posts (FTS5 'rebuild')") }
        if !dayCountProblems.isEmpty { steps.append("count the stored posts per day again") }
        return steps.joined(separator: " and ") + "; the posts themselves are not changed"
    }

    /// Builds again, in one transaction, what was found out of step with the posts: the
    /// full-text index, the posts per day and per source.
    public func repair(_ corpus: Corpus) throws {
        try corpus.prepareToWrite(command: "doctor --repair", checkingPages: false)
        try corpus.connection.transaction {
            if indexProblem != nil { try corpus.connection.execute("INSERT INTO posts_fts(posts_fts) VALUES ('rebuild')") }
            if !dayCountProblems.isEmpty {
                try PostDays.rebuild(on: corpus.connection)
                try PostSourceDays.rebuild(on: corpus.connection)
            }
        }
    }
}
