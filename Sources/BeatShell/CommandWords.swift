/// Splits a command line into words as a POSIX shell would for quoting:
/// whitespace separates words, single quotes keep everything, double quotes
/// keep everything but `\"` and `\\`, and a backslash escapes the next character.
public enum CommandWords {
    /// Why a line could not be split, with the column (1-based) of the problem.
    public struct SplitError: Error, Equatable {
        public let reason: String
        public let column: Int

        public init(reason: String, column: Int) {
            self.reason = reason
            self.column = column
        }
    }

    /// The words of `line`; the tokenizer is the option parser's, so the two never split a line differently.
    public static func split(_ line: String) throws(SplitError) -> [String] {
        do {
            return try OptionParser.tokens(line).map(\.word)
        } catch {
            guard case .unclosedQuote(let reason, _, let column) = error else {
                throw SplitError(reason: error.description, column: 1)
            }
            throw SplitError(reason: reason, column: column)
        }
    }

    /// True when `line` ends inside quotes or after a continuation backslash,
    /// so the shell should read another line before running it.
    public static func needsContinuation(_ line: String) -> Bool {
        if line.hasSuffix("\\") && !line.hasSuffix("\\\\") { return true }
        do { _ = try split(line) } catch { return true }
        return false
    }

    /// The quote character left open at the end of `line`, if any.
    public static func openQuote(_ line: String) -> Character? {
        do { _ = try split(line) } catch {
            guard let index = line.index(line.startIndex, offsetBy: error.column - 1, limitedBy: line.endIndex),
                index < line.endIndex
            else { return nil }
            return line[index]
        }
        return nil
    }

    /// The text after the first word, as typed (leading spaces removed).
    public static func rest(afterFirstWordOf text: String) -> String {
        var rest = Substring(text).drop { $0 == " " || $0 == "\t" }
        rest = rest.drop { $0 != " " && $0 != "\t" }
        return String(rest.drop { $0 == " " || $0 == "\t" })
    }

    /// Splits off a trailing `> FILE` or `>> FILE` (outside quotes): the command
    /// and where its output goes.
    public static func splitRedirection(_ text: String) throws(SplitError) -> (String, (path: String, append: Bool)?) {
        let position = unquotedIndices(of: text, where: { $0 == ">" }).first
        guard let position else { return (text, nil) }
        var after = text.index(after: position)
        let append = after < text.endIndex && text[after] == ">"
        if append { after = text.index(after: after) }
        let target = try split(String(text[after...]))
        guard target.count == 1 else {
            let column = text.distance(from: text.startIndex, to: position) + 1
            throw SplitError(reason: target.isEmpty ? "'>' needs a file name after it" : "'>' takes one file name", column: column)
        }
        return (String(text[..<position]), (target[0], append))
    }

    /// Positions of the characters satisfying `isWanted` that stand outside
    /// quotes and are not escaped by a backslash.
    static func unquotedIndices(of text: String, where isWanted: (Character) -> Bool) -> [String.Index] {
        var found: [String.Index] = []
        var quote: Character?
        var escaping = false
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if escaping {
                escaping = false
            } else if character == "\\" && quote != "'" {
                escaping = true
            } else if let q = quote {
                if character == q { quote = nil }
            } else if character == "'" || character == "\"" {
                quote = character
            } else if isWanted(character) {
                found.append(index)
            }
            index = text.index(after: index)
        }
        return found
    }

    /// Quotes `word` so that `split` gives it back unchanged.
    public static func quote(_ word: String) -> String {
        if !word.isEmpty && word.allSatisfy({ $0.isLetter || $0.isNumber || "-_./:=,@+%".contains($0) }) { return word }
        return "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}

extension String {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
