import BeatCore

/// `doctor [--repair]`: checks the corpus file, its full-text index and its posts per
/// day, and rebuilds the index or the day counts when that is what is wrong.
enum DoctorCommand {
    static let command = ShellCommand(
        name: "doctor",
        summary: "check the corpus file, its full-text index and its day counts; --repair rebuilds them",
        options: [
            CommandOption("--repair", help: "rebuild the full-text index or the day counts from the stored posts, after saying so")
        ],
        examples: ["doctor", "doctor --repair"],
        details: """
            Runs SQLite's PRAGMA integrity_check (every page and index of the file), FTS5's
            integrity-check (the full-text index against the posts) and a count of the posts per day
            against the counts kept for windows, and says what each found. They read the whole file:
            seconds for a large corpus.
            --repair first says what it will do, then rebuilds the full-text index or the day counts
            from the stored posts, which mends either out of step with its table; damaged pages of the file itself
            cannot be rebuilt from inside it, and doctor says how to recover what is readable.
            Exit status 0 when the corpus is healthy (after the repair), 1 otherwise.
            """,
        mayLoadDemo: false,
        run: { session, arguments in
            let repair = arguments.options.has("--repair")
            if repair {
                try session.refuseWhenSafe("doctor --repair", because: "it would write to the corpus")
                if session.isReadOnly { throw CorpusFault.readOnly(path: session.databasePath, command: "doctor --repair") }
            }
            let output = session.output
            let corpus: Corpus
            do {
                corpus = try session.corpus()
            } catch {
                output.line("\(session.databasePath): cannot be opened as a corpus")
                throw error
            }
            var health = try CorpusHealth.check(corpus)
            report(health, path: corpus.path, to: output)
            guard !health.isHealthy else { return .success }
            guard repair else {
                output.line(
                    health.isRepairable
                        ? "repair: 'doctor --repair' would \(health.repairPlan)"
                        : recoveryAdvice(corpus.path))
                return .failure
            }
            guard health.isRepairable else {
                output.line(recoveryAdvice(corpus.path))
                return .failure
            }
            output.line("repair: will \(health.repairPlan)")
            output.flush()
            try health.repair(corpus)
            health = try CorpusHealth.check(corpus)
            output.line(health.isHealthy ? "repair: done; every check now passes" : "repair: the checks still fail:")
            if !health.isHealthy { report(health, path: corpus.path, to: output) }
            return health.isHealthy ? .success : .failure
        })

    private static func report(_ health: CorpusHealth, path: String, to output: OutputChannel) {
        let posts = health.posts.map { " (\($0.formatted) posts)" } ?? ""
        output.line("corpus: \(path)\(posts)")
        if health.fileProblems.isEmpty {
            output.line("file (PRAGMA integrity_check): ok")
        } else {
            let more = health.fileProblems.count >= CorpusHealth.maximumReported ? " (the first \(CorpusHealth.maximumReported))" : ""
            output.line("file (PRAGMA integrity_check): \(health.fileProblems.count) problems\(more)")
            for problem in health.fileProblems { output.line("  \(problem)") }
        }
        if !health.indexChecked {
            output.line(
                "full-text index (FTS5 integrity-check): not checked, as FTS5 needs write access for it; run doctor without --read-only")
        } else if let problem = health.indexProblem {
            output.line("full-text index (FTS5 integrity-check): out of step with the posts (\(problem))")
        } else {
            output.line("full-text index (FTS5 integrity-check): ok")
        }
        if !health.fileProblems.isEmpty {
            output.line("posts per day: not checked, as the file's pages are damaged")
        } else if health.dayCountProblems.isEmpty {
            output.line("posts per day: ok")
        } else {
            let more = health.dayCountProblems.count >= CorpusHealth.maximumReported ? " (the first \(CorpusHealth.maximumReported))" : ""
            let days = health.dayCountProblems.count == 1 ? "1 day" : "\(health.dayCountProblems.count) days"
            output.line("posts per day: \(days) out of step with the posts\(more)")
            for problem in health.dayCountProblems { output.line("  \(problem)") }
        }
    }

    private static func recoveryAdvice(_ path: String) -> String {
        """
        repair: the file's own pages are damaged, which doctor cannot rebuild from inside it. Restore a copy, \
        or recover what SQLite can still read into a new file and import nothing into this one:
          sqlite3 \(path) .recover | sqlite3 recovered.db
        """
    }
}
