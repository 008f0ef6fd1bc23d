/// Builds the query's tree from its tokens.
///
/// Grammar, loosest binding first (OR binds tighter than the implicit AND, as
/// in web search boxes: `"open weights" llama OR mistral` wants the phrase and
/// either name):
///
/// ```
/// query    := sequence
/// sequence := or ( ["AND"] or )*
/// or       := unary ( "OR" unary )*
/// unary    := ("-" | "NOT") unary | near
/// near     := primary ( ("NEAR" | "NEAR/n") primary )*
/// primary  := word | phrase | filter | "(" sequence ")" | "NEAR(" term+ ["," n] ")"
/// ```
struct QueryParser {
    /// The distance of `NEAR` without one, FTS5's own default.
    static let defaultNearDistance = 10
    /// How deep groups and negations may nest: the parser, the compiler and
    /// FTS5 all recurse once per level, and no query a person writes comes close.
    static let maximumNesting = 100

    private let tokens: [QueryToken]
    private var index = 0
    private let end: QuerySpan
    /// Groups and negations open around the current token.
    private var nesting = 0

    /// Parses `text` into a node that is always an `.and` of the top-level items.
    /// The longest query, in bytes: a long beat is a few hundred; a megabyte pasted
    /// by mistake would otherwise cost memory many times its size in tokens and SQL.
    static let maximumLength = 65_536

    static func parse(_ text: String) throws(QueryError) -> QueryNode {
        guard text.utf8.count <= maximumLength else {
            throw QueryError(
                "the query is \(text.utf8.count / 1024) KB long; Beat takes queries up to \(maximumLength / 1024) KB",
                at: QuerySpan(column: 1, length: 1), hint: "name fewer terms, or split it into beats")
        }
        var parser = QueryParser(tokens: try QueryLexer.tokenize(text), length: text.count)
        return try parser.parseQuery()
    }

    private init(tokens: [QueryToken], length: Int) {
        self.tokens = tokens
        self.end = QuerySpan(column: length + 1, length: 1)
    }

    private var current: QueryToken? { index < tokens.count ? tokens[index] : nil }

    private mutating func parseQuery() throws(QueryError) -> QueryNode {
        let items = try parseSequence()
        if let stray = current {
            // parseSequence stops only at the end or at a `)`.
            throw QueryError(
                "unbalanced parenthesis: this ) has no matching (", at: stray.span,
                hint: "remove it, or quote text that contains it: \":)\"")
        }
        let span = items.first.map { first in items.last.map { first.span.through($0.span) } ?? first.span }
        return QueryNode(kind: .and(items), span: span ?? QuerySpan(column: 1, length: 0))
    }

    // MARK: - Levels

    private mutating func parseSequence() throws(QueryError) -> [QueryNode] {
        var items: [QueryNode] = []
        while let token = current, token.kind != .close {
            if token.kind == .and {
                guard !items.isEmpty else { throw missingSide(of: token, left: true) }
                index += 1
                guard startsOperand(current) else { throw missingSide(of: token, left: false) }
                continue
            }
            items.append(try parseOr())
        }
        return items
    }

    private mutating func parseOr() throws(QueryError) -> QueryNode {
        var operands = [try parseUnary()]
        while let token = current, token.kind == .or {
            index += 1
            guard startsOperand(current) else { throw missingSide(of: token, left: false) }
            operands.append(try parseUnary())
        }
        guard operands.count > 1, let first = operands.first, let last = operands.last else { return operands[0] }
        return QueryNode(kind: .or(operands), span: first.span.through(last.span))
    }

    private mutating func parseUnary() throws(QueryError) -> QueryNode {
        guard let token = current, token.kind == .minus || token.kind == .not else { return try parseNear() }
        index += 1
        guard startsOperand(current) else {
            throw QueryError(
                "NOT needs a word or phrase after it", at: token.span,
                hint: "write a NOT b, or a -b; to search for the word, write it in lowercase: not")
        }
        try enterNesting(at: token)
        defer { nesting -= 1 }
        let operand = try parseUnary()
        return QueryNode(kind: .not(operand), span: token.span.through(operand.span))
    }

    private mutating func parseNear() throws(QueryError) -> QueryNode {
        let left = try parsePrimary()
        guard case .near = current?.kind else { return left }
        var pairs: [QueryNode] = []
        var previous = left
        while let token = current, case .near(let distance) = token.kind {
            index += 1
            guard startsOperand(current) else { throw missingSide(of: token, left: false) }
            let right = try parsePrimary()
            let terms = [try nearTerm(previous), try nearTerm(right)]
            pairs.append(
                QueryNode(
                    kind: .near(terms, distance: distance ?? Self.defaultNearDistance),
                    span: previous.span.through(right.span)))
            previous = right
        }
        // Each NEAR joins the words on either side: a NEAR b NEAR c is (a NEAR b) (b NEAR c).
        return pairs.count == 1 ? pairs[0] : QueryNode(kind: .and(pairs), span: left.span.through(previous.span))
    }

    private func nearTerm(_ node: QueryNode) throws(QueryError) -> QueryTerm {
        guard case .term(let term) = node.kind, !term.inTitle else {
            throw QueryError(
                "NEAR joins words or phrases, not groups or filters", at: node.span,
                hint: "write a NEAR/5 b, or NEAR(a b c, 5)")
        }
        return term
    }

    private mutating func parsePrimary() throws(QueryError) -> QueryNode {
        guard let token = current else {
            throw QueryError("the query ends too early", at: end)
        }
        index += 1
        switch token.kind {
        case .word(let text, let prefix):
            return term(text, isPhrase: false, prefix: prefix, span: token.span)
        case .phrase(let text, let prefix):
            return term(text, isPhrase: true, prefix: prefix, span: token.span)
        case .filter(let filter):
            return try filterNode(filter, span: token.span)
        case .open:
            try enterNesting(at: token)
            defer { nesting -= 1 }
            let items = try parseSequence()
            guard let close = current, close.kind == .close else {
                throw QueryError(
                    "unbalanced parenthesis: this ( is never closed", at: token.span,
                    hint: "add a ) to close the group, or remove the (")
            }
            index += 1
            guard !items.isEmpty else {
                throw QueryError("nothing inside the parentheses", at: token.span.through(close.span))
            }
            return QueryNode(kind: .and(items), span: token.span.through(close.span))
        case .nearOpen:
            return try parseNearGroup(opening: token)
        case .or, .and, .near:
            throw missingSide(of: token, left: true)
        case .close:
            throw QueryError(
                "unbalanced parenthesis: this ) has no matching (", at: token.span,
                hint: "remove it, or quote text that contains it: \":)\"")
        case .comma, .minus, .not:
            // parseUnary takes `-` and NOT; a comma is a token only inside NEAR(…), before its distance.
            let isComma = token.kind == .comma
            throw QueryError(
                "unexpected '\(isComma ? "," : "-")' here", at: token.span, hint: isComma ? "write NEAR(a b, 5)" : nil)
        }
    }

    private mutating func enterNesting(at token: QueryToken) throws(QueryError) {
        nesting += 1
        guard nesting <= Self.maximumNesting else {
            throw QueryError(
                "the query nests groups or NOTs more than \(Self.maximumNesting) deep", at: token.span,
                hint: "write it with fewer parentheses")
        }
    }

    private mutating func parseNearGroup(opening: QueryToken) throws(QueryError) -> QueryNode {
        var terms: [QueryTerm] = []
        var distance = Self.defaultNearDistance
        while let token = current, token.kind != .close, token.kind != .comma {
            let node = try parsePrimary()
            terms.append(try nearTerm(node))
        }
        if let comma = current, comma.kind == .comma {
            index += 1
            guard let number = current, case .word(let digits, false) = number.kind, let value = Int(digits),
                value >= 0, value <= 10_000
            else {
                throw QueryError(
                    "NEAR( needs a distance in words after the comma", at: current?.span ?? comma.span,
                    hint: "write NEAR(a b, 5)")
            }
            distance = value
            index += 1
            if let extra = current, extra.kind != .close {
                throw QueryError("expected ) after the distance of NEAR(", at: extra.span, hint: "write NEAR(a b, 5)")
            }
        }
        guard let close = current, close.kind == .close else {
            throw QueryError(
                "unbalanced parenthesis: this NEAR( is never closed", at: opening.span,
                hint: "write NEAR(a b, 5)")
        }
        index += 1
        let span = opening.span.through(close.span)
        guard terms.count >= 2 else {
            throw QueryError("NEAR( needs at least two words or phrases", at: span, hint: "write NEAR(a b, 5)")
        }
        return QueryNode(kind: .near(terms, distance: distance), span: span)
    }

    // MARK: - Helpers

    private func term(_ text: String, isPhrase: Bool, prefix: Bool, span: QuerySpan) -> QueryNode {
        QueryNode(
            kind: .term(QueryTerm(text: text, isPhrase: isPhrase, isPrefix: prefix, inTitle: false, span: span)),
            span: span)
    }

    /// `title:` is text in the title column; every other key is a filter.
    private func filterNode(_ token: FilterToken, span: QuerySpan) throws(QueryError) -> QueryNode {
        guard let key = FilterKey(name: token.key) else {
            // The lexer only makes filter tokens of known keys.
            throw QueryError("unknown filter '\(token.key):'", at: token.keySpan)
        }
        for value in token.values where value.text.isEmpty {
            throw QueryError("\(token.key): has an empty value", at: value.span, hint: key.example)
        }
        guard key == .title else {
            return QueryNode(kind: .filter(QueryFilter(key: key, values: token.values, negated: false, span: span)), span: span)
        }
        let terms = token.values.map { value in
            QueryNode(
                kind: .term(
                    QueryTerm(
                        text: value.text, isPhrase: value.quoted, isPrefix: value.prefix, inTitle: true, span: value.span)),
                span: value.span)
        }
        return terms.count == 1 ? terms[0] : QueryNode(kind: .or(terms), span: span)
    }

    private func startsOperand(_ token: QueryToken?) -> Bool {
        guard let token else { return false }
        switch token.kind {
        case .word, .phrase, .filter, .open, .nearOpen, .minus, .not: return true
        case .close, .comma, .or, .and, .near: return false
        }
    }

    private func missingSide(of token: QueryToken, left: Bool) -> QueryError {
        let name: String
        switch token.kind {
        case .or: name = "OR"
        case .and: name = "AND"
        default: name = "NEAR"
        }
        let hint =
            name == "NEAR"
            ? "write a NEAR/5 b, or NEAR(a b, 5); to search for the word, write it in lowercase: near"
            : "write a \(name) b; to search for the word itself, write it in lowercase: \(name.lowercased())"
        return QueryError("\(name) needs a word or phrase on its \(left ? "left" : "right")", at: token.span, hint: hint)
    }
}
