/// `$NAME` and `${NAME}` in query files: replaced by `--param NAME=VALUE`,
/// else by `set NAME VALUE`. A `$` not followed by a name (`$2.3 billion`) stays.
/// A value keeps the quotes it was set with (`set T "open weights"` makes `$T` a
/// phrase); inside a phrase its words go in without them.
enum Parameters {
    struct UnknownParameter: Error, CustomStringConvertible {
        let name: String
        var description: String {
            "unknown parameter $\(name); give it with 'set \(name) VALUE' in the file or --param \(name)=VALUE"
        }
    }

    /// The longest command a substitution may make, in bytes.
    static let maximumLength = 1_048_576

    static func substitute(in text: String, session: Session) throws -> String {
        guard text.contains("$") else { return text }
        var output = ""
        var index = text.startIndex
        // The quote the text is inside at `index`: a quoted value put inside a phrase
        // (`"${T} licence"`) gives its words, not its quotes.
        var quote: Character?
        while index < text.endIndex {
            let character = text[index]
            guard character == "$" else {
                if character == quote {
                    quote = nil
                } else if quote == nil && (character == "\"" || character == "'") {
                    quote = character
                }
                output.append(character)
                index = text.index(after: index)
                continue
            }
            var nameStart = text.index(after: index)
            let braced = nameStart < text.endIndex && text[nameStart] == "{"
            if braced { nameStart = text.index(after: nameStart) }
            var nameEnd = nameStart
            while nameEnd < text.endIndex, isNameCharacter(text[nameEnd], first: nameEnd == nameStart) {
                nameEnd = text.index(after: nameEnd)
            }
            let name = String(text[nameStart..<nameEnd])
            if name.isEmpty || (braced && (nameEnd == text.endIndex || text[nameEnd] != "}")) {
                output.append(character)
                index = text.index(after: index)
                continue
            }
            guard let value = session.parameters[name] ?? session.variables[name] else { throw UnknownParameter(name: name) }
            output += quote == nil ? value : unquoted(value)
            // `set a $a$a` doubles a value per line; a cap keeps a query file from growing one without bound.
            guard output.utf8.count <= maximumLength else {
                throw CommandFailure("with $\(name) put in, the command is over \(maximumLength / 1_048_576) MiB; Beat stops there")
            }
            index = braced ? text.index(after: nameEnd) : nameEnd
        }
        return output
    }

    /// `"two words"` or `'two words'` without its quotes; any other value as it is.
    private static func unquoted(_ value: String) -> String {
        guard value.count >= 2, let first = value.first, first == "\"" || first == "'", value.last == first else { return value }
        let inner = value.dropFirst().dropLast()
        return inner.contains(first) ? value : String(inner)
    }

    private static func isNameCharacter(_ character: Character, first: Bool) -> Bool {
        character == "_" || (character.isASCII && character.isLetter) || (!first && character.isASCII && character.isNumber)
    }
}
