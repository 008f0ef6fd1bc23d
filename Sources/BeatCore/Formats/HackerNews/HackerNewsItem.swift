/// The fields of a Hacker News item that Beat stores, whichever API served
/// it. The Firebase and Algolia readers fill one in and turn it into a record
/// the same way, so the same item read from both APIs is one post.
struct HackerNewsItem {
    /// The HN item id, as text.
    var id: String
    var author: String?
    var publishedAt: Int64
    var title: String?
    /// The item's HTML text (`text`, `comment_text` or `story_text`).
    var html: String?
    /// The item this one answers (a comment's parent, a poll option's poll).
    var parent: String?
    /// The story at the root of the thread, when the input names it.
    var story: String?
    var score: Int64?

    static let venue = "HN"

    /// The discussion page on Hacker News: what an editor cites, whatever
    /// external link a story points to (that link stays in `raw`).
    static func permalink(_ id: String) -> String { "https://news.ycombinator.com/item?id=" + id }

    /// The record to store, with `raw` the native item.
    func record(raw: String) -> PostRecord {
        PostRecord(
            source: "hackernews",
            sourceID: id,
            venue: Self.venue,
            author: author,
            publishedAt: publishedAt,
            title: title.map(PlainText.normalize).flatMap { $0.isEmpty ? nil : $0 },
            text: html.map(HackerNewsText.plainText) ?? "",
            url: Self.permalink(id),
            parent: parent,
            // An item without a parent (story, job, poll) starts its own thread;
            // a comment's root story is known only when the input names it.
            thread: parent == nil ? id : story,
            score: score,
            raw: raw)
    }

    /// True when there is nothing to store: no title and no text.
    var isEmpty: Bool {
        (title?.isEmpty ?? true) && (html?.isEmpty ?? true)
    }
}
