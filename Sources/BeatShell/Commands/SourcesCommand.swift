import BeatCore

enum SourcesCommand {
    static let command = ShellCommand(
        name: "sources",
        summary: "what the corpus holds: posts and dates per source and venue",
        examples: ["sources", "sources > coverage.txt"],
        run: { session, _ in
            Render.sources(
                try session.searchEngine().coverage(), spans: try SourceSpan.all(in: try session.corpus()),
                as: try session.outputFormat(for: "sources"), settings: session.renderSettings, to: session.output.write)
            return .success
        })
}
