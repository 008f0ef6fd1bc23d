/// Mastodon statuses as the REST API returns them: one status, an array
/// (timelines, account statuses), one per line (streaming captures), or a
/// thread context (`/statuses/:id/context`, `{ancestors, descendants}`).
/// Statuses federated from Pleroma, Akkoma, Misskey or Pixelfed come in the
/// same shape and are read the same way.
struct MastodonReader: JSONRecordReader {
    func records(in value: JSONValue, at location: RecordLocation, into output: RecordOutput) throws {
        var seen = Set<String>()
        switch value {
        case .array(let elements):
            for (index, element) in elements.enumerated() {
                if output.isCancelled { return }
                MastodonStatus.emit(element, at: location.element(index), thread: nil, seen: &seen, into: output)
            }
        case .object(let object) where object["ancestors"] != nil || object["descendants"] != nil:
            context(object, at: location, seen: &seen, into: output)
        default:
            MastodonStatus.emit(value, at: location, thread: nil, seen: &seen, into: output)
        }
    }

    /// A context lists the statuses above and below one status, flat and
    /// oldest first, without that status itself.
    private func context(_ object: JSONObject, at location: RecordLocation, seen: inout Set<String>, into output: RecordOutput) {
        let ancestors = object["ancestors"]?.array ?? []
        let descendants = object["descendants"]?.array ?? []
        let root = Self.threadRoot(ancestors: ancestors, descendants: descendants)
        for (key, statuses) in [("ancestors", ancestors), ("descendants", descendants)] {
            for (index, status) in statuses.enumerated() {
                if output.isCancelled { return }
                MastodonStatus.emit(status, at: location.member(key).element(index), thread: root, seen: &seen, into: output)
            }
        }
    }

    /// The first status of the thread: the first ancestor when it answers
    /// nothing; with no ancestors, the status the context was asked for, which
    /// the first descendant (descendants come depth first) answers. Nil when
    /// the chain is cut (an ancestor hidden from the viewer).
    static func threadRoot(ancestors: [JSONValue], descendants: [JSONValue]) -> String? {
        if let first = ancestors.first {
            guard first["in_reply_to_id"]?.nonEmptyText == nil else { return nil }
            return first["id"]?.nonEmptyText
        }
        return descendants.first?["in_reply_to_id"]?.nonEmptyText
    }
}
