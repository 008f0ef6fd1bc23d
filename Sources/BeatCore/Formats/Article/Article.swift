import Foundation

/// An article's fields before they become a record.
struct Article {
    var title: String?
    var text = ""
    var author: String?
    var date: (value: String, field: String)?
    var url: String?
    var source: String?
    var venue: String?
    /// The outlet's name (og:site_name), for a venue when the page has no url.
    var siteName: String?
    var lang: String?
    var raw: String?

    init(text: String, isMarkdown: Bool) {
        // "\r\n" is one Character, so Windows line endings would hide every "\n" from the line splitting.
        let (matter, bodyText) = FrontMatter.split(text.replacingOccurrences(of: "\r\n", with: "\n"))
        let body = ArticleBody(bodyText, givenTitle: matter?["title"].map(FeedText.singleLine), isMarkdown: isMarkdown)
        title = body.title
        self.text = body.text
        guard let matter else { return }
        author = matter["author", "byline", "authors"]
        if let value = matter["date", "published", "published_at", "pubdate"] { date = (value, "front matter date") }
        url = matter["url", "link", "canonical"]
        source = matter["source"]
        venue = matter["venue", "site"]
        lang = matter["lang", "language"]
        raw = matter.json
    }

    init(page: HTMLPage) {
        title = page.title
        text = page.text
        author = page.author
        date = page.published
        url = (page.canonical ?? page.meta["og:url"]).flatMap(FeedText.nonEmpty)
        siteName = page.meta["og:site_name"]
        lang = page.lang ?? page.meta["og:locale"]?.replacingOccurrences(of: "_", with: "-")
        var members: [(key: String, value: JSONValue)] = []
        if let title = page.documentTitle { members.append(("title", .string(title))) }
        if let canonical = page.canonical { members.append(("canonical", .string(canonical))) }
        if let lang = page.lang { members.append(("lang", .string(lang))) }
        for key in page.metaOrder { if let value = page.meta[key] { members.append((key, .string(value))) } }
        if let date = page.jsonLD.datePublished { members.append(("ld:datePublished", .string(date))) }
        if let author = page.jsonLD.author { members.append(("ld:author", .string(author))) }
        if let headline = page.jsonLD.headline { members.append(("ld:headline", .string(headline))) }
        raw = JSONWriter.serialize(.object(JSONObject(members: members)))
    }
}
