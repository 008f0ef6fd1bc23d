import BeatSQLite

@testable import BeatCore

/// Writes a corpus file at `path` as the release of schema `version` made it, holding what
/// `sql` inserts (its imports, posts and their index entries), so that opening it runs the
/// later migrations on real rows.
func writeOlderCorpus(at path: String, version: Int, inserting sql: String) throws {
    let old = try Connection(path: path)
    for migration in Schema.migrations.prefix(version) { try old.execute(migration) }
    try old.execute("PRAGMA user_version = \(version)")
    try old.execute(sql)
}
