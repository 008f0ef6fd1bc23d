/// Who wrote a Mastodon status and on which instance, from its `account`.
///
/// `acct` is `user` for accounts of the server that answered and
/// `user@domain` for remote ones; Beat always stores `user@instance`, taking a
/// local account's instance from the host of its profile `url`.
struct MastodonAuthor {
    /// `user@instance`, or nil when the status has no account.
    let handle: String?
    /// The host serving the account (`social.tchncs.de`): the post's venue.
    let instance: String?

    /// - Parameters:
    ///   - account: the status's `account` object.
    ///   - statusURI: the status's `uri` or `url`, for the host when the account has no `url`.
    init(account: JSONValue?, statusURI: String?) {
        let profileHost = account?["url"]?.string.flatMap(Self.host)
        let fallbackHost = profileHost ?? statusURI.flatMap(Self.host)
        var name = account?["acct"]?.nonEmptyText ?? account?["username"]?.nonEmptyText
        if name?.hasPrefix("@") == true { name?.removeFirst() }
        if let name, let at = name.firstIndex(of: "@") {
            let domain = name[name.index(after: at)...].lowercased()
            handle = String(name[..<at]) + "@" + domain
            // The profile's host can differ from the acct domain (ondra@unextro.net is
            // served by social.unextro.net); the venue is the server that hosts the account.
            instance = profileHost ?? (domain.isEmpty ? fallbackHost : domain)
        } else if let name {
            handle = fallbackHost.map { name + "@" + $0 } ?? name
            instance = fallbackHost
        } else {
            handle = nil
            instance = fallbackHost
        }
    }

    /// The lowercased host of an absolute URL (`https://host:port/path` → `host`).
    static func host(_ url: String) -> String? {
        guard let scheme = url.firstRange(of: "://") else { return nil }
        var authority = url[scheme.upperBound...].prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
        let host = authority.prefix { $0 != ":" }
        return host.isEmpty ? nil : host.lowercased()
    }
}
