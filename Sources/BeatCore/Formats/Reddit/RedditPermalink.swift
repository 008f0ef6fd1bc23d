/// Absolute web addresses of Reddit posts.
enum RedditPermalink {
    static let origin = "https://www.reddit.com"

    /// `permalink` as an absolute address: Reddit's JSON writes it relative
    /// (`/r/sub/comments/…`), older exports absolute. Nil when it is neither.
    static func absolute(_ permalink: String) -> String? {
        if permalink.hasPrefix("/") { return origin + permalink }
        if permalink.hasPrefix("https://") || permalink.hasPrefix("http://") { return permalink }
        return nil
    }

    /// The address of a submission, for records that carry no permalink.
    static func submission(id: String, subreddit: String?) -> String {
        prefix(subreddit) + "/comments/\(id)/"
    }

    /// The address of a comment, for records that carry no permalink (early
    /// dumps); Reddit accepts any slug in place of the title, so `_` stands in.
    static func comment(id: String, thread: String, subreddit: String?) -> String {
        prefix(subreddit) + "/comments/\(thread)/_/\(id)/"
    }

    private static func prefix(_ subreddit: String?) -> String {
        subreddit.map { origin + "/r/" + $0 } ?? origin
    }
}
