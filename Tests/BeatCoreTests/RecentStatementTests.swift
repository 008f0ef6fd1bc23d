import BeatSQLite
import BeatTestSupport
import Testing

/// `Connection.recentStatement` keeps the statements of the last few query shapes compiled,
/// and no more.
@Suite struct RecentStatementTests {
    @Test func theLastShapesStayCompiledAndTheOldestIsLetGo() throws {
        let corpus = try TemporaryCorpus()
        let connection = corpus.corpus.connection
        let shapes = (0...Connection.recentStatementCount).map { "SELECT ?1 + \($0)" }
        let first = try connection.recentStatement(shapes[0])
        #expect(try connection.recentStatement(shapes[0]) === first, "asked again: the same statement")
        for shape in shapes.dropFirst() { _ = try connection.recentStatement(shape) }
        #expect(try connection.recentStatement(shapes[0]) !== first, "the least recently used was let go")
        let last = try connection.recentStatement(shapes[Connection.recentStatementCount])
        #expect(try connection.recentStatement(shapes[Connection.recentStatementCount]) === last)

        // A statement handed out again starts from its first row, with new bindings.
        let statement = try connection.recentStatement("SELECT value FROM json_each(?1)")
        try statement.bind([.text("[1, 2, 3]")])
        #expect(try statement.step() && statement.int64(0) == 1)
        let again = try connection.recentStatement("SELECT value FROM json_each(?1)")
        try again.bind([.text("[7]")])
        #expect(try again.step() && again.int64(0) == 7)
        #expect(try !again.step())
        again.reset()
    }
}
