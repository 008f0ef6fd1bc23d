/// Web addresses reduced to one form per page, so that "who shared this link"
/// is one lookup whatever way each post wrote it.
///
/// The canonical form has no scheme (`http` and `https` are the same page for
/// this purpose), a lowercase host without `www.`, `m.`, `mobile.` or `amp.`,
/// no fragment, no tracking parameters (`utm_*`, `fbclid`, `gclid`, `ref_src`
/// …), the remaining parameters sorted, no trailing slash and no AMP suffix.
/// Platform addresses are folded to one host each: `old.reddit.com` and
/// `np.reddit.com` to `reddit.com`, `x.com`, `mobile.twitter.com` to
/// `twitter.com`, `youtu.be/ID` to `youtube.com/watch?v=ID`; a Reddit
/// comment link keeps its subreddit, post id and comment id (the slug is
/// dropped); a Bluesky profile link names the handle in lowercase.
public enum CanonicalLink {
    /// The canonical form of `address`, or nil when it is not an http(s) address with a host.
    public static func canonical(_ address: String) -> String? {
        var rest = Substring(address.trimmingTrailingPunctuation())
        guard let schemeEnd = rest.range(of: "://") else { return nil }
        let scheme = rest[..<schemeEnd.lowerBound].lowercased()
        guard scheme == "http" || scheme == "https" else { return nil }
        rest = rest[schemeEnd.upperBound...]
        if let hash = rest.firstIndex(of: "#") { rest = rest[..<hash] }
        let hostEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" }) ?? rest.endIndex
        var host = rest[..<hostEnd].lowercased()
        if let at = host.lastIndex(of: "@") { host = String(host[host.index(after: at)...]) }
        if host.hasSuffix(":80") || host.hasSuffix(":443") { host = String(host[..<host.lastIndex(of: ":")!]) }
        if host.hasSuffix(".") { host.removeLast() }
        guard !host.isEmpty, host.contains(".") else { return nil }
        var path = String(rest[hostEnd...])
        var query = ""
        if let mark = path.firstIndex(of: "?") {
            query = String(path[path.index(after: mark)...])
            path = String(path[..<mark])
        }

        for prefix in ["www.", "m.", "mobile.", "amp."] where host.hasPrefix(prefix) {
            host.removeFirst(prefix.count)
            break
        }
        for prefix in ["old.", "np.", "new.", "i."] where host.hasPrefix(prefix) && host.hasSuffix("reddit.com") {
            host.removeFirst(prefix.count)
        }
        host = hostAliases[host] ?? host

        var parameters = query.split(separator: "&", omittingEmptySubsequences: true).map(String.init).filter { parameter in
            let name = (parameter.split(separator: "=", maxSplits: 1).first.map(String.init) ?? parameter).lowercased()
            return !name.hasPrefix("utm_") && !trackingParameters.contains(name)
        }

        // AMP pages: /amp/ prefixes and suffixes (with or without the trailing slash), amp=1 parameters.
        while path.hasSuffix("/") { path.removeLast() }
        if path.hasSuffix("/amp") { path.removeLast(4) }
        if path.hasSuffix(".amp") { path.removeLast(4) }
        if path.hasPrefix("/amp/") { path.removeFirst(4) }
        parameters.removeAll { $0 == "amp" || $0 == "amp=1" || $0 == "outputType=amp" }

        switch host {
        case "reddit.com":
            path = redditPath(path)
        case "twitter.com":
            // /user/status/123/photo/1 → /user/status/123; handles are case-insensitive.
            let parts = path.split(separator: "/").map(String.init)
            if parts.count >= 3, parts[1] == "status" || parts[1] == "statuses" {
                path = "/" + parts[0].lowercased() + "/status/" + parts[2]
            } else if parts.count == 1 {
                path = "/" + parts[0].lowercased()
            }
            parameters.removeAll { $0.hasPrefix("s=") || $0.hasPrefix("t=") }
        case "bsky.app":
            let parts = path.split(separator: "/").map(String.init)
            if parts.count >= 2, parts[0] == "profile" {
                path = "/profile/" + parts[1].lowercased() + (parts.count > 2 ? "/" + parts[2...].joined(separator: "/") : "")
            }
        case "youtu.be":
            host = "youtube.com"
            let id = path.split(separator: "/").first.map(String.init) ?? ""
            parameters = ["v=" + id] + parameters.filter { !$0.hasPrefix("si=") }
            path = "/watch"
        case "youtube.com":
            parameters.removeAll { $0.hasPrefix("si=") || $0.hasPrefix("feature=") }
        default:
            break
        }

        while path.hasSuffix("/") { path.removeLast() }
        if path.hasSuffix("/index.html") || path.hasSuffix("/index.htm") {
            path = String(path[..<path.lastIndex(of: "/")!])
        }
        parameters.sort()
        var result = host + path
        if !parameters.isEmpty { result += "?" + parameters.joined(separator: "&") }
        return result
    }

    /// The web addresses written in `text` (starting `http://` or `https://`), in order, each once.
    /// An address ends at white space (any Unicode space), `<`, `>` or `"`.
    ///
    /// Scans UTF-8 bytes: every imported post goes through it.
    public static func addresses(in text: String) -> [String] {
        var found: [String] = []
        var text = text
        text.withUTF8 { bytes in
            let count = bytes.count
            var index = 0
            while index + 7 <= count {
                guard bytes[index] == UInt8(ascii: "h"), bytes[index + 1] == UInt8(ascii: "t"),
                    bytes[index + 2] == UInt8(ascii: "t"), bytes[index + 3] == UInt8(ascii: "p")
                else {
                    index += 1
                    continue
                }
                let start = index
                var end = index + 4
                while end < count, addressContinues(bytes, at: end) { end += 1 }
                let candidate = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
                if candidate.hasPrefix("http://") || candidate.hasPrefix("https://"), !found.contains(candidate) {
                    found.append(candidate)
                }
                index = end
            }
        }
        return found
    }

    /// Whether the byte at `index` is part of an address: not white space (ASCII, or one of
    /// the Unicode spaces: U+0085, U+00A0, U+1680, U+2000…U+200A, U+2028, U+2029, U+202F,
    /// U+205F, U+3000), `<`, `>` or `"`. A space's first byte ends the address.
    @inline(__always)
    private static func addressContinues(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        let byte = bytes[index]
        switch byte {
        case 0x09...0x0D, 0x20, UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""): return false
        case 0xC2:
            guard index + 1 < bytes.count else { return true }
            return bytes[index + 1] != 0x85 && bytes[index + 1] != 0xA0
        case 0xE1:
            guard index + 2 < bytes.count else { return true }
            return !(bytes[index + 1] == 0x9A && bytes[index + 2] == 0x80)
        case 0xE2:
            guard index + 2 < bytes.count else { return true }
            let second = bytes[index + 1], third = bytes[index + 2]
            if second == 0x80 { return !(third <= 0x8A || third == 0xA8 || third == 0xA9 || third == 0xAF) }
            if second == 0x81 { return third != 0x9F }
            return true
        case 0xE3:
            guard index + 2 < bytes.count else { return true }
            return !(bytes[index + 1] == 0x80 && bytes[index + 2] == 0x80)
        default: return true
        }
    }

    /// Reddit posts and comments: `/r/SUB/comments/ID[/slug[/COMMENT]]` keeps the subreddit
    /// (lowercase), the post id and any comment id; anything else loses only its case.
    private static func redditPath(_ path: String) -> String {
        let parts = path.split(separator: "/").map(String.init)
        guard parts.count >= 4, parts[0] == "r", parts[2] == "comments" else { return path }
        var result = "/r/" + parts[1].lowercased() + "/comments/" + parts[3].lowercased()
        if parts.count >= 6 { result += "/_/" + parts[5].lowercased() }
        return result
    }

    private static let hostAliases: [String: String] = [
        "x.com": "twitter.com", "twitter.com": "twitter.com", "redd.it": "reddit.com",
        "news.ycombinator.com": "news.ycombinator.com",
    ]

    private static let trackingParameters: Set<String> = [
        "fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "igshid", "ref_src", "ref_url", "ref", "cmpid",
        "_hsenc", "_hsmi", "mkt_tok", "yclid", "twclid", "s_cid", "ncid", "sr_share", "smid", "share",
    ]
}

extension String {
    /// Without the punctuation that ends a sentence around a link: `(see https://a.org/x).` → `https://a.org/x`.
    func trimmingTrailingPunctuation() -> String {
        var result = Substring(self)
        while let last = result.last, ".,;:!?'\"".contains(last) || (last == ")" && !result.contains("(")) {
            result = result.dropLast()
        }
        return String(result)
    }
}
