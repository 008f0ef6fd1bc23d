extension QueryCompiler {
    /// Compiles `text` as the query of the beat `name`: a `beat:NAME` inside it,
    /// directly or through other beats, is refused as a beat that includes itself.
    /// - Throws: `QueryError`, its column in `text`.
    public static func compile(_ text: String, asBeat name: String, context: QueryContext) throws(QueryError) -> CompiledQuery {
        try compile(text, context: context, beatStack: [name])
    }

    /// The beats `text` names with `beat:` (negated or not), in order, each once;
    /// empty when `text` does not parse.
    public static func beatReferences(in text: String) -> [String] {
        guard let parsed = try? ParsedText(text) else { return [] }
        var names: [String] = []
        for filter in parsed.filters where filter.key == .beat {
            for value in filter.values where !names.contains(value.text) { names.append(value.text) }
        }
        return names
    }
}
