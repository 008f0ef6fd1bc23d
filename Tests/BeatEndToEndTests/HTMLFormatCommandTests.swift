import BeatTestSupport
import Testing

/// `--format html` through the built `beat`: other commands exit 2 with a message that says
/// which command writes html and what to use instead.
@Suite struct HTMLFormatCommandTests {
    @Test func countWithHTMLIsAUsageError() throws {
        let home = try TemporaryCorpus()
        let result = try BeatProcess.run(["--db", home.directory + "/c.db", "--format", "html", "count", "aurora"], home: home.directory)
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(
            result.stderr == "error: count does not write html: only summary does. "
                + "Choose another format for count with 'format FORMAT' or --format (table, json, jsonl, csv, md).\n")
    }

    @Test func helpNamesTheFormat() throws {
        let home = try TemporaryCorpus()
        let result = try BeatProcess.run(["--help"], home: home.directory)
        #expect(
            result.stdout.contains(
                "--format table|json|jsonl|csv|md|html   how results are written (default table; html is written by summary only)"))
    }
}
