/// One Mastodon status turned into a post record.
///
/// - The id stays a string (snowflakes exceed 2^53); it is the id on the
///   server the data came from, as `in_reply_to_id` is.
/// - A content warning (`spoiler_text`) is not a title: it says what the text
///   is about so a reader may skip it, not what the post is called, and
///   searches weight titles threefold. It opens the text as a paragraph of its
///   own, `CW: …`, as Mastodon shows it above the hidden text.
/// - `score` is `favourites_count`, the number Mastodon shows as likes.
/// - The HTML needs no pre-pass: a shortened link is three spans
///   (`invisible` scheme, `ellipsis` start, `invisible` rest) whose texts
///   join, once tags are removed, into the full address exactly once.
enum MastodonStatus {
    static func emit(
        _ value: JSONValue, at location: RecordLocation, thread: String?, seen: inout Set<String>, into output: RecordOutput
    ) {
        guard case .object(let object) = value else {
            output.reject(at: location, "expected a Mastodon status object, found \(JSONWriter.serialize(value).prefix(40))")
            return
        }
        // A boost is a wrapper with no content of its own around the boosted
        // status: the original is stored, under its own id and author.
        if let original = object["reblog"], case .object = original {
            emit(original, at: location.member("reblog"), thread: nil, seen: &seen, into: output)
            return
        }
        guard let id = object["id"]?.nonEmptyText else {
            if object["content"] != nil && object["account"] != nil {
                output.reject(at: location, "a status edit (from /statuses/:id/history) has no id; import the status itself")
            } else {
                output.reject(
                    at: location,
                    "expected a Mastodon status (id, created_at, account, content); found keys \(object.keys.prefix(6).joined(separator: ", "))"
                )
            }
            return
        }
        guard
            let published = output.requiredDate(
                object["created_at"], at: location, missing: "status \(id) has no 'created_at'",
                unreadable: { "status \(id): 'created_at' \($0) is not a date" })
        else { return }
        guard seen.insert(id).inserted else { return }
        let url = object["url"]?.nonEmptyText ?? object["uri"]?.nonEmptyText
        let author = MastodonAuthor(account: object["account"], statusURI: object["uri"]?.nonEmptyText ?? url)
        let parent = object["in_reply_to_id"]?.nonEmptyText
        let warning = object["spoiler_text"]?.nonEmptyText.map(PlainText.normalize).flatMap { $0.isEmpty ? nil : $0 }
        // Media-only statuses have empty content, which Mastodon allows.
        let content = object["content"]?.string.map(HTMLText.plainText) ?? ""
        let record = PostRecord(
            source: "mastodon",
            sourceID: id,
            venue: author.instance,
            author: author.handle,
            publishedAt: published,
            title: nil,
            text: warning.map { "CW: \($0)" + (content.isEmpty ? "" : "\n\n" + content) } ?? content,
            url: url,
            parent: parent,
            thread: thread ?? (parent == nil ? id : nil),
            score: object["favourites_count"]?.int64,
            lang: object["language"]?.nonEmptyText,
            raw: JSONWriter.serialize(value))
        output.emit(record, at: location)
    }
}
