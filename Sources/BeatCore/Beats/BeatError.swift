/// Why a beat could not be stored, removed or found.
public enum BeatError: Error, Equatable, CustomStringConvertible {
    /// The name breaks the naming rule (the reason says which part).
    case badName(reason: String)
    /// The query is empty (a beat of every post would follow nothing).
    case emptyQuery(name: String)
    /// The query does not compile; `query` is the text the error's column refers to.
    case badQuery(name: String, query: String, error: QueryError)
    /// The name holds another query and `--replace` was not given.
    case exists(name: String, query: String)
    /// No beat has this name; `suggestion` is a close stored name.
    case notFound(name: String, suggestion: String?)
    /// Other beats use this one through `beat:NAME`.
    case inUse(name: String, by: [String])

    /// The error as the shell shows it: what went wrong and what to do.
    public var description: String {
        switch self {
        case .badName(let reason):
            return reason
        case .emptyQuery(let name):
            return "beat '\(name)' needs a query\nhint: beat add \(name) QUERY, e.g. beat add \(name) \"export controls\" OR chip*"
        case .badQuery(let name, let query, let error):
            return "beat '\(name)': " + error.rendered(query: query).dropPrefix("error: ")
        case .exists(let name, let query):
            return "beat '\(name)' already exists with the query \(query)\n"
                + "hint: add --replace to give it the new query, or choose another name"
        case .notFound(let name, let suggestion):
            let hint = suggestion.map { "did you mean '\($0)'?" } ?? "'beats' lists the beats"
            return "no beat named '\(name)'\nhint: \(hint)"
        case .inUse(let name, let users):
            let list = users.map { "'\($0)'" }.joined(separator: ", ")
            return "beat '\(name)' is used by \(users.count == 1 ? "beat" : "beats") \(list) through beat:\(name)\n"
                + "hint: remove \(users.count == 1 ? "that beat" : "those beats") first, or replace \(users.count == 1 ? "its" : "their") query "
                + "without beat:\(name) (beat add NAME QUERY --replace)"
        }
    }
}

extension String {
    fileprivate func dropPrefix(_ prefix: String) -> String { hasPrefix(prefix) ? String(dropFirst(prefix.count)) : self }
}
