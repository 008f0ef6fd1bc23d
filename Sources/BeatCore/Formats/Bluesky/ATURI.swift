/// An AT Protocol record address, `at://<authority>/<collection>/<rkey>`.
///
/// Bluesky posts are stored under their full at-URI, not the rkey alone: an
/// rkey is only unique within one account's repository, the URI everywhere.
struct ATURI: Sendable, Equatable {
    /// The repository: a DID (`did:plc:…`) in everything the AppView returns.
    let authority: String
    let collection: String
    let rkey: String

    static let postCollection = "app.bsky.feed.post"

    /// Parses `at://authority/collection/rkey`; nil for anything else.
    init?(_ text: String) {
        guard text.hasPrefix("at://") else { return nil }
        let parts = text.dropFirst(5).split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty }) else { return nil }
        authority = String(parts[0])
        collection = String(parts[1])
        rkey = String(parts[2])
    }

    init(authority: String, collection: String, rkey: String) {
        self.authority = authority
        self.collection = collection
        self.rkey = rkey
    }

    var isPost: Bool { collection == Self.postCollection }

    var string: String { "at://\(authority)/\(collection)/\(rkey)" }
}
