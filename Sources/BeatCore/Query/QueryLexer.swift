/// Splits query text into tokens, counting columns in characters.
///
/// Bare text is taken as literally as possible: a word runs to the next space
/// (or a `)` that closes a group), so `don't`, `C++`, `r/LocalLLaMA`, URLs and
/// `f(x)` stay whole. `"` (or `“ ”`) opens a phrase only at the start of a term,
/// so `12"` is a word. `key:` is a filter only for letters-only keys, and not
/// before `//` (a URL). Operators are uppercase: `or`, `and`, `not`, `near` are words.
struct QueryLexer {
    private let characters: [Character]
    private var position = 0
    private var tokens: [QueryToken] = []
    /// One entry per open parenthesis: true for a `NEAR(` group, where `,` is a token.
    private var groups: [Bool] = []

    static func tokenize(_ text: String) throws(QueryError) -> [QueryToken] {
        var lexer = QueryLexer(characters: Array(text))
        try lexer.run()
        return lexer.tokens
    }

    private init(characters: [Character]) { self.characters = characters }

    private var inNearGroup: Bool { groups.last ?? false }

    private func character(at index: Int) -> Character? {
        index < characters.count ? characters[index] : nil
    }

    private mutating func emit(_ kind: QueryToken.Kind, from start: Int) {
        tokens.append(QueryToken(kind: kind, span: QuerySpan(column: start + 1, length: position - start)))
    }

    private mutating func run() throws(QueryError) {
        while let c = character(at: position) {
            let start = position
            if c.isWhitespace {
                position += 1
            } else if c == "(" {
                position += 1
                groups.append(false)
                emit(.open, from: start)
            } else if c == ")" {
                position += 1
                _ = groups.popLast()
                emit(.close, from: start)
            } else if c == "," && inNearGroup {
                position += 1
                emit(.comma, from: start)
            } else if c == "-" && startsTerm(at: position + 1) {
                position += 1
                emit(.minus, from: start)
            } else if Self.opensQuote(c) {
                let (text, _) = try quoted(from: position)
                let prefix = skipStars()
                emit(.phrase(text, prefix: prefix), from: start)
            } else if matches("NEAR(", at: position) {
                position += 5
                groups.append(true)
                emit(.nearOpen, from: start)
            } else if let filter = try filter(at: position) {
                emit(.filter(filter), from: start)
            } else {
                try word()
            }
        }
    }

    // MARK: - Terms

    private func startsTerm(at index: Int) -> Bool {
        guard let next = character(at: index) else { return false }
        return !next.isWhitespace && next != "-" && next != ")" && !(next == "," && inNearGroup)
    }

    static func opensQuote(_ c: Character) -> Bool { c == "\"" || c == "“" || c == "„" }
    static func closesQuote(_ c: Character) -> Bool { c == "\"" || c == "”" || c == "“" }

    private func matches(_ literal: String, at index: Int) -> Bool {
        let wanted = Array(literal)
        guard index + wanted.count <= characters.count else { return false }
        return Array(characters[index..<(index + wanted.count)]) == wanted
    }

    /// Reads a quoted run starting at the opening quote; returns its inside.
    private mutating func quoted(from open: Int) throws(QueryError) -> (String, QuerySpan) {
        var end = open + 1
        while let c = character(at: end), !Self.closesQuote(c) { end += 1 }
        guard end < characters.count else {
            throw QueryError(
                "unbalanced quote: this phrase is never closed", at: QuerySpan(column: open + 1, length: 1),
                hint: "end the phrase with a second \", or remove this one")
        }
        position = end + 1
        return (String(characters[(open + 1)..<end]), QuerySpan(column: open + 1, length: end + 1 - open))
    }

    private mutating func skipStars() -> Bool {
        var found = false
        while character(at: position) == "*" {
            position += 1
            found = true
        }
        return found
    }

    private mutating func word() throws(QueryError) {
        let start = position
        var depth = 0
        while let c = character(at: position), !c.isWhitespace {
            if c == "(" {
                depth += 1
            } else if c == ")" {
                if depth == 0 { break }
                depth -= 1
            } else if c == "," && inNearGroup {
                break
            }
            position += 1
        }
        let text = String(characters[start..<position])
        switch text {
        case "OR": emit(.or, from: start)
        case "AND": emit(.and, from: start)
        case "NOT": emit(.not, from: start)
        case "NEAR": emit(.near(nil), from: start)
        default:
            if text.hasPrefix("NEAR/") {
                let digits = text.dropFirst(5)
                guard let distance = Int(digits), distance >= 0, distance <= 10_000 else {
                    throw QueryError(
                        "NEAR/ needs a distance in words", at: QuerySpan(column: start + 1, length: position - start),
                        hint: "write a NEAR/5 b: a and b at most 5 words apart")
                }
                emit(.near(distance), from: start)
                return
            }
            var bare = Substring(text)
            var prefix = false
            while bare.hasSuffix("*") {
                bare = bare.dropLast()
                prefix = true
            }
            emit(.word(String(bare), prefix: prefix), from: start)
        }
    }

    // MARK: - Filters

    /// Reads `key:values` at `start`, or returns nil when the text there is not a filter.
    private mutating func filter(at start: Int) throws(QueryError) -> FilterToken? {
        var colon = start
        while let c = character(at: colon), c.isASCII, c.isLetter { colon += 1 }
        guard colon > start, character(at: colon) == ":" else { return nil }
        // `https://…` and the like are words.
        if character(at: colon + 1) == "/" && character(at: colon + 2) == "/" { return nil }
        let key = String(characters[start..<colon])
        let keySpan = QuerySpan(column: start + 1, length: colon + 1 - start)
        let valueEmpty = character(at: colon + 1).map { $0.isWhitespace || $0 == ")" } ?? true
        guard FilterKey(name: key) != nil else {
            if let suggestion = Suggestion.closest(to: key, among: FilterKey.names) {
                throw QueryError(
                    "unknown filter '\(key):'", at: keySpan, hint: "did you mean '\(suggestion):'?")
            }
            // `Update: …` is a word with a colon; `re:invent` looks like a mistyped filter.
            if valueEmpty { return nil }
            let rest = String(characters[start..<endOfWord(from: start)])
            throw QueryError(
                "unknown filter '\(key):'", at: keySpan,
                hint: "filters are \(FilterKey.names.map { $0 + ":" }.joined(separator: ", ")); "
                    + "to search for the text, quote it: \"\(rest)\"")
        }
        position = colon + 1
        var values: [FilterValue] = []
        var separator = keySpan
        while true {
            guard let c = character(at: position), !c.isWhitespace, c != ")", c != "," else {
                let message = values.isEmpty ? "\(key): needs a value" : "empty value after ','"
                throw QueryError(message, at: separator, hint: FilterKey(name: key)?.example)
            }
            let valueStart = position
            if c == "(" {
                throw QueryError(
                    "\(key): takes words, not a group", at: QuerySpan(column: position + 1, length: 1),
                    hint: "list alternatives with commas: \(key):a,b")
            }
            if Self.opensQuote(c) {
                let (text, _) = try quoted(from: position)
                let prefix = skipStars()
                values.append(
                    FilterValue(
                        text: text, quoted: true, prefix: prefix,
                        span: QuerySpan(column: valueStart + 1, length: position - valueStart)))
            } else {
                while let v = character(at: position), !v.isWhitespace, v != ",", v != ")" { position += 1 }
                var text = Substring(String(characters[valueStart..<position]))
                var prefix = false
                while text.hasSuffix("*") {
                    text = text.dropLast()
                    prefix = true
                }
                values.append(
                    FilterValue(
                        text: String(text), quoted: false, prefix: prefix,
                        span: QuerySpan(column: valueStart + 1, length: position - valueStart)))
            }
            guard character(at: position) == "," else { break }
            separator = QuerySpan(column: position + 1, length: 1)
            position += 1
        }
        return FilterToken(key: key, keySpan: keySpan, values: values)
    }

    private func endOfWord(from start: Int) -> Int {
        var end = start
        while let c = character(at: end), !c.isWhitespace { end += 1 }
        return end
    }
}
