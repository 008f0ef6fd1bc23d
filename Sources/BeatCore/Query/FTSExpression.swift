/// An FTS5 query expression built from user text, rendered with every word
/// inside an FTS5 string, so no user text is ever read as FTS5 syntax.
///
/// Related SQLite documentation: https://www.sqlite.org/fts5.html#full_text_query_syntax
indirect enum FTSExpression: Equatable, Sendable {
    /// One word or phrase (an FTS5 string, tokenized by the index's tokenizer).
    case phrase(String, prefix: Bool, inTitle: Bool)
    case and([FTSExpression])
    case or([FTSExpression])
    /// Rows matching the first and not the second.
    case not(FTSExpression, excluding: FTSExpression)
    /// Phrases within `distance` tokens of each other.
    case near([FTSExpression], distance: Int)

    /// The expression in FTS5's query syntax.
    var rendered: String {
        switch self {
        case .phrase(let text, let prefix, let inTitle):
            return (inTitle ? "{title} : " : "") + FTSText.quoted(text) + (prefix ? "*" : "")
        case .and(let items):
            return items.map(\.operand).joined(separator: " AND ")
        case .or(let items):
            return items.map(\.operand).joined(separator: " OR ")
        case .not(let positive, let negative):
            return positive.operand + " NOT " + negative.operand
        case .near(let phrases, let distance):
            return "NEAR(" + phrases.map(\.rendered).joined(separator: " ") + ", \(distance))"
        }
    }

    /// Rendered for use inside another operator: groups are parenthesised,
    /// because FTS5 gives NOT, AND and OR their own precedence.
    private var operand: String {
        switch self {
        case .phrase, .near: return rendered
        case .and, .or, .not: return "(" + rendered + ")"
        }
    }

    /// All of `items`, without a group around a single one.
    static func all(_ items: [FTSExpression]) -> FTSExpression {
        items.count == 1 ? items[0] : .and(items)
    }

    /// Any of `items`, without a group around a single one.
    static func any(_ items: [FTSExpression]) -> FTSExpression {
        items.count == 1 ? items[0] : .or(items)
    }
}

/// How user text becomes FTS5 strings, and which text the index can find at all.
enum FTSText {
    /// `text` as an FTS5 string: in double quotes, with inner quotes doubled.
    ///
    /// Control characters (NUL among them, which would end FTS5's parsing
    /// early) are separators for the tokenizer anyway, so they become spaces.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            if scalar == "\"" {
                result += "\"\""
            } else if scalar.properties.generalCategory == .control {
                result += " "
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    /// True when `match`, as `FTSExpression.rendered` and `CompiledQuery.combined` write
    /// expressions, is one phrase for FTS5: `"x"`, `"x"*` or `{title} : "x"`, in any
    /// parentheses. Anything else outside the phrase (an operator, a bare word, a second
    /// phrase) makes it not one.
    static func isOnePhrase(_ match: String) -> Bool {
        let scalars = Array(match.unicodeScalars)
        let titleFilter = Array("{title}".unicodeScalars)
        var phrases = 0
        var index = 0
        while index < scalars.count {
            switch scalars[index] {
            case "\"":
                phrases += 1
                index += 1
                // To the closing quote; a doubled quote is one quote inside the string.
                while index < scalars.count {
                    if scalars[index] == "\"" {
                        if index + 1 < scalars.count, scalars[index + 1] == "\"" {
                            index += 1
                        } else {
                            break
                        }
                    }
                    index += 1
                }
                index += 1
            case " ", "(", ")", "*", ":":
                index += 1
            case "{" where scalars[index...].starts(with: titleFilter):
                index += titleFilter.count
            default:
                return false
            }
        }
        return phrases == 1
    }

    /// True when the index's tokenizer (`unicode61`, `tokenchars '+'`) finds at
    /// least one token in `text`: such text can be searched for.
    ///
    /// unicode61 classifies characters with Unicode 6.1 tables: letters,
    /// numbers and private-use characters are token characters, and so is
    /// anything those tables had not assigned yet (newer scripts and emoji).
    /// Everything else (punctuation, symbols, most emoji, spaces, controls) only
    /// separates tokens, and a run of combining marks alone folds away. Checked
    /// against SQLite 3.40 for every code point: 23 of 1.1 million disagree.
    static func hasTokens(_ text: String) -> Bool {
        text.unicodeScalars.contains(where: isTokenCharacter)
    }

    static func isTokenCharacter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == "+" { return true }
        let properties = scalar.properties
        // U+FFFE and U+FFFF are the only unassigned code points its tables list, as separators.
        if scalar.value == 0xFFFE || scalar.value == 0xFFFF { return false }
        guard let age = properties.age, age.major < 6 || (age.major == 6 && age.minor <= 1) else { return true }
        switch properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .decimalNumber, .letterNumber, .otherNumber, .privateUse, .unassigned:
            return true
        default:
            return false
        }
    }
}
