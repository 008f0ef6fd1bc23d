/// JSON Feed 1.0 and 1.1: `{version, title, home_page_url, items: [{id, url,
/// title, content_html | content_text, date_published, author | authors}]}`.
/// Each item's `raw` is the item object exactly as read.
enum JSONFeed {
    static func read(_ bytes: [UInt8], path: String, into output: RecordOutput) throws {
        let document: JSONValue
        do throws(JSONParseError) {
            document = try JSONParser.parse(bytes)
        } catch {
            let (line, column) = lineAndColumn(of: error.offset, in: bytes)
            throw ImportError.malformedDocument(path: path, location: "\(line):\(column)", reason: "not valid JSON: \(error.reason)")
        }
        let root = RecordLocation(path: "$")
        guard case .object(let feed) = document, let items = feed["items"]?.array else {
            throw ImportError.malformedDocument(
                path: path, location: "$",
                reason: "not a JSON Feed: expected an object with 'version' (https://jsonfeed.org/version/1.1) and an 'items' array")
        }
        var info = FeedChannel()
        info.venue =
            FeedLinks.host(of: feed["home_page_url"]?.string) ?? FeedLinks.host(of: feed["feed_url"]?.string)
            ?? feed["title"]?.string.map(FeedText.singleLine).flatMap(FeedText.nonEmpty)
        info.lang = feed["language"]?.nonEmptyText
        info.author = authors(feed["authors"], feed["author"])
        info.fallbackDateField = "date"

        for (index, value) in items.enumerated() {
            if output.isCancelled { return }
            let location = root.member("items").element(index)
            guard case .object(let object) = value else {
                output.reject(at: location, "expected an item object")
                continue
            }
            var item = FeedItem()
            item.url = object["url"]?.nonEmptyText ?? object["external_url"]?.nonEmptyText
            item.id = object["id"]?.nonEmptyText ?? item.url
            item.title = object["title"]?.string.map(FeedText.singleLine).flatMap(FeedText.nonEmpty)
            if let html = object["content_html"]?.nonEmptyText {
                item.text = HTMLText.plainText(html)
            } else if let text = object["content_text"]?.nonEmptyText ?? object["summary"]?.nonEmptyText {
                item.text = PlainText.normalize(text)
            }
            item.author = authors(object["authors"], object["author"])
            item.dateFields = "date_published or date_modified"
            if let date = object["date_published"]?.nonEmptyText {
                item.date = date
                item.dateField = "date_published"
            } else if let date = object["date_modified"]?.nonEmptyText {
                item.date = date
                item.dateField = "date_modified"
            }
            item.lang = object["language"]?.nonEmptyText
            item.raw = JSONWriter.serialize(value)
            item.emit(channel: info, at: location, into: output)
        }
    }

    /// Names from 1.1 `authors` (an array) or 1.0 `author` (one object), joined with commas.
    private static func authors(_ list: JSONValue?, _ single: JSONValue?) -> String? {
        let people = list?.array ?? single.map { [$0] } ?? []
        let names = people.compactMap { $0["name"]?.nonEmptyText }
        return names.isEmpty ? nil : names.joined(separator: ", ")
    }
}
