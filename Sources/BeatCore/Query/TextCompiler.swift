/// The text part of a query (words, phrases, operators, `title:`) compiled to
/// FTS5: what must match, what must not, and the part as it will be described.
struct CompiledText: Equatable, Sendable {
    /// What rows must match; nil when the text only excludes (`-draft`).
    var positive: FTSExpression?
    /// What rows must not match.
    var negatives: [FTSExpression]
    /// The pieces that must match, as the description shows them: `"open weights"`, `llama OR mistral`.
    var shown: [String]
    /// The pieces that must not match, as shown (without their `-`).
    var shownExcluded: [String]
    /// Words that the index cannot find (emoji, lone punctuation), dropped from the query.
    var ignored: [String]

    /// The text as understood: `"open weights" llama -gguf`.
    var display: String { (shown + shownExcluded.map { "-" + $0 }).joined(separator: " ") }

    /// The whole text as one FTS5 expression, when it has something to match.
    var match: FTSExpression? {
        guard let positive else { return nil }
        return negatives.isEmpty ? positive : .not(positive, excluding: .any(negatives))
    }

    /// Both texts must hold.
    func and(_ other: CompiledText) -> CompiledText {
        let positives = [positive, other.positive].compactMap { $0 }
        return CompiledText(
            positive: positives.isEmpty ? nil : .all(positives), negatives: negatives + other.negatives,
            shown: shown + other.shown, shownExcluded: shownExcluded + other.shownExcluded,
            ignored: ignored + other.ignored)
    }
}

/// Compiles the text nodes of a parsed query to FTS5.
///
/// Words that FTS5's tokenizer would turn into no token at all are dropped
/// where that only widens an AND (`llama 🎉` is `llama`), and reported where
/// dropping them would change the meaning (one side of OR or NEAR) or leave
/// nothing to search.
struct TextCompiler {
    /// One compiled piece of an AND: an expression and how to show it.
    private struct Piece {
        var expression: FTSExpression
        var display: String
        /// The display needs parentheses inside OR or after `-`.
        var isGroup: Bool

        var operandDisplay: String { isGroup ? "(\(display))" : display }
    }

    /// An AND's pieces, split into what must and must not match.
    private struct Conjunction {
        var positives: [Piece] = []
        var negatives: [Piece] = []
        var isEmpty: Bool { positives.isEmpty && negatives.isEmpty }
    }

    private(set) var ignored: [(text: String, span: QuerySpan)] = []

    /// Compiles the top-level text items; nil when there are none.
    static func compile(_ items: [QueryNode]) throws(QueryError) -> CompiledText? {
        guard let first = items.first, let last = items.last else { return nil }
        var compiler = TextCompiler()
        let conjunction = try compiler.conjunction(items)
        let ignoredTexts = compiler.ignored.map(\.text)
        guard !conjunction.isEmpty else {
            let span = compiler.ignored.first.map { f in compiler.ignored.last.map { f.span.through($0.span) } ?? f.span }
            throw Self.nothingSearchable(ignoredTexts.joined(separator: " "), at: span ?? first.span.through(last.span))
        }
        return CompiledText(
            positive: conjunction.positives.isEmpty ? nil : .all(conjunction.positives.map(\.expression)),
            negatives: conjunction.negatives.map(\.expression),
            shown: conjunction.positives.map(\.display), shownExcluded: conjunction.negatives.map(\.operandDisplay),
            ignored: ignoredTexts)
    }

    static func nothingSearchable(_ text: String, at span: QuerySpan) -> QueryError {
        QueryError(
            "nothing searchable in '\(text)'", at: span,
            hint: "the index holds words and numbers; punctuation and most emoji are not indexed, so they cannot be searched for")
    }

    // MARK: - Nodes

    private mutating func conjunction(_ items: [QueryNode]) throws(QueryError) -> Conjunction {
        var result = Conjunction()
        for item in items {
            switch item.kind {
            case .and(let inner):
                // AND is associative and a NOT inside it excludes from the whole: flatten.
                let nested = try conjunction(inner)
                result.positives += nested.positives
                result.negatives += nested.negatives
            case .not(let operand):
                if let piece = try excluded(operand) { result.negatives.append(piece) }
            default:
                if let piece = try piece(item) { result.positives.append(piece) }
            }
        }
        return result
    }

    /// The operand of a NOT, or nil when it has nothing searchable.
    private mutating func excluded(_ operand: QueryNode) throws(QueryError) -> Piece? {
        if case .not = operand.kind {
            throw QueryError("a double negation", at: operand.span, hint: "remove both - (or NOT) to search for it")
        }
        return try piece(operand)
    }

    /// One node as a single expression, or nil when it has nothing searchable.
    private mutating func piece(_ node: QueryNode) throws(QueryError) -> Piece? {
        switch node.kind {
        case .term(let term):
            guard FTSText.hasTokens(term.text) else {
                ignored.append((display(term), term.span))
                return nil
            }
            return Piece(expression: expression(term), display: display(term), isGroup: false)
        case .and(let items):
            let nested = try conjunction(items)
            if nested.isEmpty { return nil }
            guard !nested.positives.isEmpty else { throw onlyExclusions(node.span) }
            if nested.positives.count == 1 && nested.negatives.isEmpty { return nested.positives[0] }
            var expression = FTSExpression.all(nested.positives.map(\.expression))
            if !nested.negatives.isEmpty {
                expression = .not(expression, excluding: .any(nested.negatives.map(\.expression)))
            }
            let display = (nested.positives.map(\.display) + nested.negatives.map { "-" + $0.operandDisplay })
                .joined(separator: " ")
            return Piece(expression: expression, display: display, isGroup: nested.positives.count + nested.negatives.count > 1)
        case .or(let operands):
            var pieces: [Piece] = []
            for operand in operands {
                if case .not = operand.kind { throw onlyExclusions(operand.span) }
                guard let piece = try piece(operand) else {
                    throw Self.nothingSearchable(ignored.last?.text ?? "", at: operand.span)
                }
                pieces.append(piece)
            }
            return Piece(
                expression: .any(pieces.map(\.expression)),
                display: pieces.map(\.operandDisplay).joined(separator: " OR "),
                isGroup: true)
        case .not:
            throw onlyExclusions(node.span)
        case .near(let terms, let distance):
            for term in terms where !FTSText.hasTokens(term.text) {
                throw Self.nothingSearchable(display(term), at: term.span)
            }
            let display =
                terms.count == 2
                ? "\(display(terms[0])) NEAR/\(distance) \(display(terms[1]))"
                : "NEAR(\(terms.map(display).joined(separator: " ")), \(distance))"
            return Piece(expression: .near(terms.map(expression), distance: distance), display: display, isGroup: false)
        case .filter(let filter):
            throw QueryError(
                "filters apply to the whole query, not inside parentheses, OR or NEAR", at: filter.span,
                hint: "move it out to the top level of the query")
        }
    }

    private func onlyExclusions(_ span: QuerySpan) -> QueryError {
        QueryError(
            "an exclusion needs something to exclude from here", at: span,
            hint: "a -b keeps a without b; OR and parentheses need a word to match on each side")
    }

    private func expression(_ term: QueryTerm) -> FTSExpression {
        .phrase(term.text, prefix: term.isPrefix, inTitle: term.inTitle)
    }

    private func display(_ term: QueryTerm) -> String {
        let text = term.isPhrase || (term.inTitle && term.text.contains(" ")) ? "\"\(term.text)\"" : term.text
        return (term.inTitle ? "title:" : "") + text + (term.isPrefix ? "*" : "")
    }
}
