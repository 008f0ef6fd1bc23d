/// Reads one article per file: plain text or Markdown with optional front
/// matter (`FrontMatter`), or a publisher's HTML page (`HTMLPage`).
///
/// - title: front matter `title`, else the body's leading heading or short first line (`ArticleBody`);
///   for pages og:title, JSON-LD headline or `<title>`, without a trailing site name.
/// - publishedAt: front matter `date`/`published`, the page's `article:published_time` or
///   JSON-LD `datePublished`, else the file's modification time. Standard input has none:
///   such an article without a date is rejected.
/// - source: front matter `source`, else `--source`, else `news`.
/// - venue: front matter `venue`, else the url's host, else `--venue` (for pages: og:site_name before `--venue`).
/// - sourceID: the url (front matter `url`, the page's canonical link or og:url), else
///   `sha1-` and a hash of the title and text, so that importing the same article again,
///   from any path, finds the same record.
/// - raw: the front matter, or the page's metadata, as a JSON object; the text is the body itself.
struct ArticleReader: FormatReader {
    func read(_ input: InputFile, into output: RecordOutput) throws {
        let bytes = try input.contents()
        let location = RecordLocation(line: 1)
        var article: Article
        if Self.isHTML(bytes) {
            let encoding = FeedEncoding.htmlCharset(in: bytes) ?? FeedEncoding.declared(in: bytes)
            let utf8 = try FeedEncoding.utf8(bytes, encoding: encoding, path: input.path, what: "the page")
            article = Article(page: HTMLPage(utf8))
        } else {
            let utf8 = try FeedEncoding.utf8(bytes, encoding: nil, path: input.path, what: "the article")
            let lowerPath = input.path.lowercased()
            let isMarkdown = !lowerPath.hasSuffix(".txt") && !lowerPath.hasSuffix(".text")
            article = Article(text: String(decoding: utf8, as: UTF8.self), isMarkdown: isMarkdown)
        }

        let published: Int64
        if let date = article.date {
            guard let seconds = output.date(from: .string(date.value)) else {
                output.reject(
                    at: location,
                    "\(date.field) '\(date.value)' is not a date Beat reads; write it as ISO 8601 (2024-11-14 or 2024-11-14T09:30:00Z) or use --date-format"
                )
                return
            }
            published = seconds
        } else if let modified = input.modificationTime {
            published = modified
        } else {
            output.reject(
                at: location,
                "the article has no date and standard input has no modification time; add front matter with a date (---, date: 2024-11-14, ---) or import it from a file"
            )
            return
        }
        guard article.title != nil || !article.text.isEmpty else {
            output.reject(at: location, "the article is empty: it has neither a title nor any text")
            return
        }
        let sourceID = article.url ?? "sha1-" + SHA1.hex(of: (article.title ?? "") + "\n" + article.text)
        let record = PostRecord(
            source: article.source ?? output.defaultSource ?? "news", sourceID: sourceID,
            venue: article.venue ?? FeedLinks.host(of: article.url) ?? article.siteName,
            author: article.author, publishedAt: published, title: article.title, text: article.text, url: article.url,
            lang: article.lang?.lowercased(), raw: article.raw)
        output.emit(record, at: location)
    }

    /// True for an HTML page: markup first, with an html, body or article element near the top.
    static func isHTML(_ bytes: [UInt8]) -> Bool {
        guard bytes.first(where: { ![0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) }) == UInt8(ascii: "<") else { return false }
        let head = String(decoding: bytes.prefix(4096), as: UTF8.self).lowercased()
        return ["<html", "<!doctype html", "<body", "<article", "<head"].contains { head.contains($0) }
    }
}
