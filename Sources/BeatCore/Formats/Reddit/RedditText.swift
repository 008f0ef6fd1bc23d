/// The text conventions of Reddit's JSON: Markdown escaped the way Reddit
/// escapes it, and ids written as "fullnames" (`t1_abc`).
enum RedditText {
    /// Decodes `&amp;`, `&lt;` and `&gt;` in one pass.
    ///
    /// Without `raw_json=1` (and in the Pushshift-era dumps) Reddit escapes
    /// exactly these three in `body`, `selftext` and `title`; other references
    /// the author typed (`&#x200B;`) are Markdown source and stay. One pass, so
    /// `&amp;lt;` becomes the `&lt;` the author wrote, not `<`.
    static func unescape(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "&")) else { return text }
        var output = ""
        output.reserveCapacity(text.utf8.count)
        var rest = Substring(text)
        while let ampersand = rest.firstIndex(of: "&") {
            output += rest[rest.startIndex..<ampersand]
            let tail = rest[ampersand...]
            if tail.hasPrefix("&amp;") {
                output += "&"
                rest = tail.dropFirst(5)
            } else if tail.hasPrefix("&lt;") {
                output += "<"
                rest = tail.dropFirst(4)
            } else if tail.hasPrefix("&gt;") {
                output += ">"
                rest = tail.dropFirst(4)
            } else {
                output += "&"
                rest = tail.dropFirst()
            }
        }
        output += rest
        return output
    }

    /// The id inside a fullname (`t1_abc` → `abc`); an id without a prefix is returned as is.
    static func id(fromFullname fullname: String) -> String {
        let bytes = Array(fullname.utf8)
        if bytes.count > 3, bytes[0] == UInt8(ascii: "t"), bytes[1] >= 0x30, bytes[1] <= 0x39, bytes[2] == UInt8(ascii: "_") {
            return String(decoding: bytes[3...], as: UTF8.self)
        }
        return fullname
    }
}
