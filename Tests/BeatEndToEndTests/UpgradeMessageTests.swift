import BeatCore
import BeatTestSupport
import Foundation
import Testing

/// The first open for writing after an upgrade says what it does when that takes a while,
/// and does it once.
@Suite struct UpgradeMessageTests {
    @Test func fingerprintingAnOlderCorpusIsAnnouncedAndTimedOnce() throws {
        let home = try TemporaryCorpus()
        let db = home.directory + "/older.db"
        let lines = (0..<12_000).map { i in
            #"{"id": "p\#(i)", "source": "web", "published_at": \#(1_700_000_000 + i * 60), "text": "post number \#(i) says something about item \#(i % 97) and more"}"#
        }
        let file = try home.write("posts.jsonl", lines.joined(separator: "\n"))
        let imported = try BeatProcess.run(["--db", db, "--no-rc", "import", file], home: home.directory)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(!imported.stderr.contains("fingerprinting"), "\(imported.stderr)")

        // As a corpus from before spread: nothing fingerprinted yet.
        let corpus = try Corpus(path: db)
        try corpus.connection.execute(
            """
            DELETE FROM spread_bands; DELETE FROM spread_pending; DELETE FROM spread_members; DELETE FROM spread_groups;
            DELETE FROM post_links; DELETE FROM spread_backfill; INSERT INTO spread_backfill VALUES (0);
            """)

        let first = try BeatProcess.run(["--db", db, "--no-rc", "count", "item"], home: home.directory)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stderr.contains("fingerprinting 12,000 posts for spread, once after an upgrade"), "\(first.stderr)")
        #expect(first.stderr.range(of: #"fingerprinted 12,000 posts in \d+ s"#, options: .regularExpression) != nil, "\(first.stderr)")
        #expect(first.stdout.contains("12,000 posts matching item"), "\(first.stdout)")
        #expect(try corpus.connection.scalar("SELECT count(DISTINCT post_id) FROM spread_bands")?.int64Value == 12_000)
        #expect(try corpus.connection.scalar("SELECT count(*) FROM spread_bands")?.int64Value == 72_000)

        let second = try BeatProcess.run(["--db", db, "--no-rc", "count", "item"], home: home.directory)
        #expect(second.stderr.isEmpty, "\(second.stderr)")
    }

    @Test func migratingALargeCorpusIsAnnounced() throws {
        let home = try TemporaryCorpus()
        let db = home.directory + "/older.db"
        let file = try home.write(
            "posts.jsonl",
            #"{"id": "p1", "source": "web", "published_at": 1700000000, "text": "a post that is long enough to fingerprint here"}"#)
        #expect(try BeatProcess.run(["--db", db, "--no-rc", "import", file], home: home.directory).status == 0)
        // Back to schema 6, in a file over the 20 MB that makes a migration worth announcing.
        let corpus = try Corpus(path: db)
        try OlderSchema.restore(corpus.connection, version: 6)
        try corpus.connection.execute(
            """
            CREATE TABLE padding(bytes BLOB); INSERT INTO padding VALUES (zeroblob(21000000));
            PRAGMA wal_checkpoint(TRUNCATE);
            """)

        let first = try BeatProcess.run(["--db", db, "--no-rc", "count", "fingerprint"], home: home.directory)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stderr.contains("migrating \(db) from schema 6 to \(Corpus.schemaVersion), once after an upgrade"), "\(first.stderr)")
        #expect(try corpus.connection.scalar("SELECT count(*) FROM spread_bands")?.int64Value == 6)

        let second = try BeatProcess.run(["--db", db, "--no-rc", "count", "fingerprint"], home: home.directory)
        #expect(second.stderr.isEmpty, "\(second.stderr)")
    }
}
