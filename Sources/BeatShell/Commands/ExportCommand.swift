import BeatCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

enum ExportCommand {
    static let command = ShellCommand(
        name: "export",
        summary: "the matching posts as Beat JSONL, which import reads back",
        operands: CommandOperands("QUERY > FILE", .query),
        examples: ["export source:reddit since:2026-04-01 > reddit-april.jsonl", "export \"open weights\" > ow.jsonl"],
        details: "Without '> FILE' the posts are written to standard output.\n\n" + QueryHelp.grammar,
        run: { session, arguments in
            try ExportCommand.checkFormat(session.format)
            let query = try session.compile(arguments.raw)
            let output = session.output
            var written = 0
            do {
                written = try session.searchEngine().export(query) { line in
                    if session.cancellation.isSet { throw CommandFailure("export cancelled") }
                    // A closed pipe or a failed write (full disk) ends the export; the
                    // shell reports a failed one (see OutputChannel.checkWritten).
                    if output.isBroken { throw OutputStopped() }
                    output.write(line)
                    written += 1
                }
            } catch  where session.cancellation.isSet {
                throw ExportCommand.cancelled(after: written, in: session)
            } catch is OutputStopped {
                try output.checkWritten()
                return .success
            }
            if !output.isTerminal && session.isInteractive { session.errors.line("exported \(written) posts") }
            return .success
        })

    /// Thrown inside the export's loop when its output stops taking lines.
    struct OutputStopped: Error {}

    /// Export writes Beat JSONL, the format `import` reads back; `jsonl` names it, and the
    /// default `table` means "no format chosen". Any other is refused rather than ignored.
    static func checkFormat(_ format: OutputFormat) throws {
        guard format == .jsonl || format == .table else {
            throw ShellError.usage(
                """
                export writes Beat JSONL only (what import reads back), not \(format.rawValue); \
                for \(format.rawValue) use search QUERY --limit N with that format, or export with 'format jsonl'
                """, command: "export")
        }
    }

    /// Ctrl-C during an export: a file the export created is removed, as a partial export is
    /// not one a reader should take for whole; a file appended to keeps what was written, and
    /// the message says how much.
    static func cancelled(after written: Int, in session: Session) -> CommandFailure {
        session.output.flush()
        guard let target = session.redirection else {
            return CommandFailure("export cancelled after \(written.formatted) posts")
        }
        if !target.append, unlink(target.path) == 0 {
            return CommandFailure("export cancelled: removed the partial \(target.path) (\(written.formatted) posts had been written)")
        }
        return CommandFailure(
            "export cancelled: \(target.path) keeps the \(written.formatted) posts written before it stopped, each line whole")
    }
}
