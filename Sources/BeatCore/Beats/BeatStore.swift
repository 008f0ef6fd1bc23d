import BeatSQLite
import Foundation

/// The beats stored in a corpus (the `beats` table): add, replace, remove, get
/// and list them, and the `QueryContext` that lets any query use `beat:NAME`.
///
/// A beat's query is checked by compiling it before it is stored, with the
/// other stored beats it names, so a stored beat always compiles; a beat that
/// includes itself, directly or through others, is refused.
public struct BeatStore {
    let corpus: Corpus

    /// A `BeatStore` made of the values given.
    public init(corpus: Corpus) { self.corpus = corpus }

    private var connection: Connection { corpus.connection }

    // MARK: - Reading

    /// Every beat, by name.
    public func list() throws -> [BeatDefinition] {
        var beats: [BeatDefinition] = []
        try connection.forEachRow("SELECT name, query, created_at, updated_at FROM beats ORDER BY name") { row in
            beats.append(
                BeatDefinition(
                    name: row.string(0) ?? "", query: row.string(1) ?? "", createdAt: row.int64(2), updatedAt: row.int64(3)))
        }
        return beats
    }

    /// The beat called `name`, or nil.
    public func get(_ name: String) throws -> BeatDefinition? {
        var found: BeatDefinition?
        try connection.forEachRow("SELECT name, query, created_at, updated_at FROM beats WHERE name = ?1", [.text(name)]) { row in
            found = BeatDefinition(
                name: row.string(0) ?? "", query: row.string(1) ?? "", createdAt: row.int64(2), updatedAt: row.int64(3))
        }
        return found
    }

    /// The beat called `name`.
    /// - Throws: `BeatError.notFound` with the closest stored name.
    public func require(_ name: String) throws -> BeatDefinition {
        if let beat = try get(name) { return beat }
        throw BeatError.notFound(name: name, suggestion: Suggestion.closest(to: name, among: try list().map(\.name)))
    }

    /// A context for compiling queries at `now` in which `beat:NAME` finds the
    /// stored beats. The beats are read once, here: the lookup must be
    /// `Sendable` and the connection is not.
    public func queryContext(now: Int64) throws -> QueryContext {
        try context(now: now, overriding: nil)
    }

    private func context(now: Int64, overriding override: (name: String, query: String)?) throws -> QueryContext {
        var queries: [String: String] = [:]
        for beat in try list() { queries[beat.name] = beat.query }
        if let override { queries[override.name] = override.query }
        let snapshot = queries
        return QueryContext(now: now, beatQuery: { snapshot[$0] }, beatNames: snapshot.keys.sorted())
    }

    // MARK: - Changing

    /// Stores `query` as the beat `name`, after compiling it.
    ///
    /// Adding a name again with the same query changes nothing (so a query file
    /// that defines its beats can run again); another query needs `replace`.
    /// - Parameter now: unix seconds, the time recorded and the "now" of the check compile.
    /// - Throws: `BeatError` for a bad name, a query that does not compile (with
    ///   its column), a beat that would include itself, or a name already taken.
    @discardableResult
    public func add(_ name: String, query rawQuery: String, replace: Bool = false, now: Int64) throws -> BeatChange {
        if let problem = BeatDefinition.nameProblem(name) { throw BeatError.badName(reason: problem) }
        let query = rawQuery.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !query.isEmpty else { throw BeatError.emptyQuery(name: name) }
        let existing = try get(name)
        if let existing {
            if existing.query == query { return .unchanged }
            if !replace { throw BeatError.exists(name: name, query: existing.query) }
        }
        // Compiled as it will be used: with the other beats, and this one already holding the new query.
        let context = try context(now: now, overriding: (name, query))
        do throws(QueryError) {
            _ = try QueryCompiler.compile(query, asBeat: name, context: context)
        } catch {
            throw BeatError.badQuery(name: name, query: query, error: error)
        }
        try corpus.prepareToWrite(command: "beat add")
        return try connection.transaction {
            if let existing {
                try connection.run(
                    "UPDATE beats SET query = ?2, updated_at = ?3 WHERE name = ?1", [.text(name), .text(query), .integer(now)])
                return .replaced(previousQuery: existing.query)
            }
            try connection.run(
                "INSERT INTO beats (name, query, created_at, updated_at) VALUES (?1, ?2, ?3, ?3)",
                [.text(name), .text(query), .integer(now)])
            return .added
        }
    }

    /// Removes the beat `name` and returns it.
    /// - Throws: `BeatError.notFound`, or `BeatError.inUse` when another beat's query names it.
    @discardableResult
    public func remove(_ name: String) throws -> BeatDefinition {
        let beat = try require(name)
        let users = try list().filter { $0.name != name && QueryCompiler.beatReferences(in: $0.query).contains(name) }
        guard users.isEmpty else { throw BeatError.inUse(name: name, by: users.map(\.name)) }
        try corpus.prepareToWrite(command: "beat rm")
        try connection.transaction { try connection.run("DELETE FROM beats WHERE name = ?1", [.text(name)]) }
        return beat
    }
}
