/// Reddit API JSON: a Listing, the two Listings of a `/comments/<id>` page
/// (the submission, then the comment tree), a single thing, or an
/// `/api/morechildren` answer; as one document or one value per line.
///
/// Comments (`t1`) and submissions (`t3`) become posts, nested `replies`
/// included; `more` stubs and other kinds (users, subreddits …) are ignored.
struct RedditReader: JSONRecordReader {
    func records(in value: JSONValue, at location: RecordLocation, into output: RecordOutput) throws {
        var walker = RedditTreeWalker(output: output)
        if !walker.visit(value, at: location) {
            output.reject(
                at: location,
                "not Reddit API JSON: expected a Listing, a thing ({\"kind\": \"t1\", \"data\": …}), an array of them, or a morechildren answer"
            )
        }
    }
}
