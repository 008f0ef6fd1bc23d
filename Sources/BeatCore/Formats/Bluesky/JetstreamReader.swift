/// Bluesky Jetstream: one JSON event per line,
/// `{"did", "time_us", "kind", "commit": {"operation", "collection", "rkey", "record", …}}`.
///
/// Only commits that create or update an `app.bsky.feed.post` are posts. An
/// update is an edit: it has the same at-URI, so it replaces the stored post.
/// Deletes, likes, follows, reposts and `identity`/`account` events are
/// passed over without a report. Jetstream carries no handle, so the author is
/// the DID.
struct JetstreamReader: JSONRecordReader {
    var isLineBased: Bool { true }

    func records(in value: JSONValue, at location: RecordLocation, into output: RecordOutput) throws {
        guard value.object != nil, let kind = value["kind"]?.string else {
            output.reject(at: location, "not a Jetstream event: expected an object with did, time_us and kind")
            return
        }
        guard kind == "commit", let commit = value["commit"], commit["collection"]?.string == ATURI.postCollection,
            let operation = commit["operation"]?.string, operation == "create" || operation == "update"
        else { return }
        guard let did = value["did"]?.nonEmptyText, let rkey = commit["rkey"]?.nonEmptyText else {
            output.reject(at: location, "post commit without 'did' or 'commit.rkey': its at-URI cannot be formed")
            return
        }
        let uri = ATURI(authority: did, collection: ATURI.postCollection, rkey: rkey)
        guard let record = commit["record"], record.object != nil else {
            output.reject(at: location, "'\(operation)' commit of \(uri.string) has no record")
            return
        }
        let post = BlueskyPost(uri: uri, record: record, fallbackDate: value["time_us"], native: value)
        do throws(BlueskyPost.Problem) {
            output.emit(try post.postRecord(), at: location)
        } catch {
            output.reject(at: location, error.reason)
        }
    }
}
