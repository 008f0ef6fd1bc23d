import BeatSQLite
import BeatTestSupport
import Foundation
import Testing

@testable import BeatCore

/// Beats stored in a real corpus file: round trip, naming rule, checked queries, inclusion, removal.
@Suite struct BeatStoreTests {
    /// 2026-04-21T00:00:00Z.
    static let now: Int64 = 1_776_729_600

    let corpus: TemporaryCorpus
    let store: BeatStore

    init() throws {
        corpus = try TemporaryCorpus()
        store = BeatStore(corpus: corpus.corpus)
    }

    @Test func storedBeatsSurviveReopeningTheFile() throws {
        #expect(try store.add("chips", query: "\"export controls\" OR chip*", now: Self.now) == .added)
        #expect(try store.add("ai-health_2", query: "  sepsis source:reddit  ", now: Self.now + 5) == .added)
        let reopened = BeatStore(corpus: try Corpus(path: corpus.path))
        #expect(
            try reopened.list() == [
                BeatDefinition(name: "ai-health_2", query: "sepsis source:reddit", createdAt: Self.now + 5, updatedAt: Self.now + 5),
                BeatDefinition(name: "chips", query: "\"export controls\" OR chip*", createdAt: Self.now, updatedAt: Self.now),
            ])
        #expect(try reopened.get("chips")?.query == "\"export controls\" OR chip*")
        #expect(try reopened.get("nothing") == nil)
    }

    @Test func addingTheSameQueryAgainChangesNothing() throws {
        try store.add("chips", query: "chip*", now: Self.now)
        #expect(try store.add("chips", query: "chip*", now: Self.now + 60) == .unchanged)
        #expect(try store.get("chips")?.updatedAt == Self.now)
    }

    @Test func anotherQueryNeedsReplace() throws {
        try store.add("chips", query: "chip*", now: Self.now)
        #expect(throws: BeatError.exists(name: "chips", query: "chip*")) { try store.add("chips", query: "tsmc", now: Self.now) }
        #expect(try store.add("chips", query: "tsmc", replace: true, now: Self.now + 60) == .replaced(previousQuery: "chip*"))
        #expect(try store.get("chips") == BeatDefinition(name: "chips", query: "tsmc", createdAt: Self.now, updatedAt: Self.now + 60))
    }

    @Test(arguments: ["Chips", "-chips", "_x", "chips!", "café", "two words", "", String(repeating: "a", count: 65)])
    func badNamesAreRefusedWithTheRule(_ name: String) throws {
        do {
            try store.add(name, query: "chip", now: Self.now)
            Issue.record("\(name) was accepted")
        } catch let error as BeatError {
            guard case .badName(let reason) = error else { Issue.record("\(error)"); return }
            #expect(reason.contains("lowercase letters, digits, '-' and '_', starting with a letter or digit"), "\(reason)")
        }
        #expect(try store.list().isEmpty)
        #expect(BeatDefinition.nameProblem("Chips")?.contains("(try 'chips')") == true)
        #expect(BeatDefinition.nameProblem("0day") == nil)
    }

    @Test func aBadQueryIsRefusedWithItsCaret() throws {
        #expect(throws: BeatError.self) { try store.add("chips", query: "chip auther:kim", now: Self.now) }
        do {
            try store.add("chips", query: "chip auther:kim", now: Self.now)
        } catch let error as BeatError {
            #expect(
                error.description == """
                    beat 'chips': unknown filter 'auther:'
                    chip auther:kim
                         ^~~~~~~
                    hint: did you mean 'author:'?
                    """)
        }
        #expect(throws: BeatError.emptyQuery(name: "chips")) { try store.add("chips", query: "   ", now: Self.now) }
        #expect(try store.list().isEmpty)
    }

    @Test func aBeatMayIncludeAnotherButNeverItself() throws {
        try store.add("chips", query: "chip*", now: Self.now)
        try store.add("taiwan-chips", query: "beat:chips taiwan", now: Self.now)
        // Directly.
        do {
            try store.add("loop", query: "x OR y beat:loop", now: Self.now)
            Issue.record("a beat including itself was stored")
        } catch BeatError.badQuery(_, _, let error) {
            #expect(error.message == "beat 'loop' includes itself")
            #expect(error.column == 13 && error.length == 4, "\(error)")
        }
        // Through another beat: chips would include taiwan-chips, which includes chips.
        do {
            try store.add("chips", query: "beat:taiwan-chips", replace: true, now: Self.now)
            Issue.record("a cycle through another beat was stored")
        } catch BeatError.badQuery(_, _, let error) {
            #expect(error.message == "beat 'taiwan-chips': beat 'chips' includes itself", "\(error.message)")
        }
        #expect(try store.get("chips")?.query == "chip*")
        #expect(try store.get("loop") == nil)
        // Naming a beat that does not exist is a mistake in the query.
        #expect(throws: BeatError.self) { try store.add("x", query: "beat:nope", now: Self.now) }
    }

    @Test func removingRefusesABeatAnotherUses() throws {
        try store.add("chips", query: "chip*", now: Self.now)
        try store.add("taiwan-chips", query: "taiwan beat:chips", now: Self.now)
        try store.add("not-chips", query: "-beat:chips compute", now: Self.now)
        #expect(throws: BeatError.inUse(name: "chips", by: ["not-chips", "taiwan-chips"])) { try store.remove("chips") }
        #expect(try store.remove("taiwan-chips").query == "taiwan beat:chips")
        try store.remove("not-chips")
        try store.remove("chips")
        #expect(try store.list().isEmpty)
        #expect(throws: BeatError.notFound(name: "chips", suggestion: nil)) { try store.remove("chips") }
    }

    @Test func unknownNamesSuggestTheClosestBeat() throws {
        try store.add("chips", query: "chip*", now: Self.now)
        #expect(throws: BeatError.notFound(name: "chip", suggestion: "chips")) { try store.require("chip") }
        let context = try store.queryContext(now: Self.now)
        #expect(
            throws: QueryError(
                message: "no beat named 'chps'", column: 13, length: 4, hint: "did you mean 'beat:chips'? ('beats' lists them)")
        ) {
            try QueryCompiler.compile("sepsis beat:chps", context: context)
        }
        #expect(FilterCompiler.unknownBeatHint("x", among: []) == "no beats are defined yet; 'beat add NAME QUERY' defines one")
        #expect(FilterCompiler.unknownBeatHint("x", among: nil) == nil)
        #expect(FilterCompiler.unknownBeatHint("zzz", among: ["chips", "health"]) == "the beats are chips, health ('beats' lists them)")
    }

    @Test func referencesAreTheBeatFiltersOfAQuery() {
        #expect(QueryCompiler.beatReferences(in: "a beat:x,y -beat:z beat:x") == ["x", "y", "z"])
        #expect(QueryCompiler.beatReferences(in: "\"beat:x\" b").isEmpty)
        #expect(QueryCompiler.beatReferences(in: "(unbalanced").isEmpty)
    }

    /// A corpus written by schema 3 (before beats) opens, gains the beats table and keeps its posts.
    @Test func aSchema3CorpusMigratesAndKeepsItsPosts() throws {
        let path = corpus.directory + "/old.db"
        try writeOlderCorpus(
            at: path, version: 3,
            inserting: """
                INSERT INTO imports (id, path, format, started_at) VALUES (1, 'a.jsonl', 'jsonl', 1776729600);
                INSERT INTO posts (id, source, source_id, author, published_at, text, import_id, imported_at)
                    VALUES (1776729600 << 20, 'reddit', 'a1', 'em-bee', 1776729600, 'chip export rules', 1, 1776729600),
                           ((1776729601 << 20), 'hackernews', '9', 'pg', 1776729601, 'tsmc capacity', 1, 1776729600);
                """)
        let migrated = try Corpus(path: path)
        #expect(try migrated.connection.scalar("PRAGMA user_version")?.int64Value == Int64(Corpus.schemaVersion))
        #expect(Corpus.schemaVersion >= 4)
        #expect(try migrated.postCount() == 2)
        let matches = try migrated.connection.scalar("SELECT count(*) FROM posts_fts WHERE posts_fts MATCH 'chip'")?.int64Value
        #expect(matches == 1)
        let store = BeatStore(corpus: migrated)
        try store.add("chips", query: "chip OR tsmc", now: Self.now)
        let query = try QueryCompiler.compile("beat:chips", context: try store.queryContext(now: Self.now))
        #expect(try migrated.connection.scalar(query.countSQL().sql, query.countSQL().bindings)?.int64Value == 2)
    }
}
