import BeatCore
import BeatSQLite
import BeatTestSupport
import Testing

/// Bluesky AppView and listRecords JSON. Expected values were read from the
/// fixtures with python3 (json module), not taken from the importer's output.
@Suite struct BlueskyImportTests {
    static let feedReply = "at://did:plc:iijrtk7ocored6zuziwmqq3c/app.bsky.feed.post/3jw7a2twtvt2j"
    static let feedParent = "at://did:plc:vpkhqolt662uhesyj6nxm7ys/app.bsky.feed.post/3jw77i2rdcu27"

    @Test func authorFeedStoresEachPostOnceWithReplyContextAndReposts() throws {
        let corpus = try TemporaryCorpus()
        let outcome = try corpus.importFiles([Fixtures.path("bluesky/author_feed.json")])
        #expect(outcome.formats == [.bluesky])
        // 8 feed posts + 4 distinct reply.root/parent views; the parent copies of
        // the same post are not emitted again, and the two stubs are ignored.
        #expect(outcome.summary.added == 12)
        #expect(outcome.summary.unchanged == 0)
        #expect(outcome.problems.isEmpty)
        #expect(try corpus.integer("SELECT count(*) FROM posts") == 12)

        let reply = try #require(try corpus.post("bluesky", Self.feedReply))
        #expect(reply["author"] == .text("shinyakato.dev"))
        #expect(reply["venue"] == .text("bsky.social"))
        #expect(reply["published_at"] == .integer(1_684_630_081))  // 2023-05-21T00:48:01.666Z
        #expect(reply["text"] == .text("I was very curious about this new feature"))
        #expect(reply["url"] == .text("https://bsky.app/profile/shinyakato.dev/post/3jw7a2twtvt2j"))
        #expect(reply["parent"] == .text(Self.feedParent))
        #expect(reply["thread"] == .text(Self.feedParent))
        #expect(reply["score"] == .integer(0))
        #expect(reply["title"] == .null)
        #expect(reply["lang"] == .null)  // langs sits outside the record here, which is not where Bluesky puts it

        // The parent, known only from the feed item's reply.root/parent copies;
        // the first copy (reply.root, which has the image's aspectRatio) is kept.
        let parent = try #require(try corpus.post("bluesky", Self.feedParent))
        #expect(parent["author"] == .text("why.bsky.team"))
        #expect(parent["published_at"] == .integer(1_684_629_451))
        #expect(parent["score"] == .integer(132))
        #expect(parent["parent"] == .null)
        #expect(parent["thread"] == .null)
        #expect(parent["raw"]?.stringValue?.contains("\"aspectRatio\"") == true)

        // Reposted by shinyakato.dev, written by nickwrightdata: stored under its author.
        let repost = try #require(try corpus.post("bluesky", "at://did:plc:7allko6vtrpvyxxcd5beapou/app.bsky.feed.post/3jw5xmd5eos25"))
        #expect(repost["author"] == .text("nickwrightdata.bsky.social"))
        #expect(repost["url"] == .text("https://bsky.app/profile/nickwrightdata.bsky.social/post/3jw5xmd5eos25"))
        #expect(repost["published_at"] == .integer(1_684_586_645))
        // Paragraphs kept; the trailing space after "@righto.com " is dropped.
        #expect(
            repost["text"]?.stringValue?.hasPrefix(
                "I finally--FINALLY--got the min-code Bluesky Firehose working in Python.\n\nMuch thanks") == true)
        #expect(repost["text"]?.stringValue?.contains("@m3ta.uk\n@righto.com\n@pfrazee.com\n\nNow to move on") == true)

        // An image reply with empty text is a post.
        let image = try #require(try corpus.post("bluesky", "at://did:plc:iijrtk7ocored6zuziwmqq3c/app.bsky.feed.post/3jvssg6xjas2u"))
        #expect(image["text"] == .text(""))
        #expect(image["parent"] == .text("at://did:plc:65djjyo6wsoxyautw5ohiojl/app.bsky.feed.post/3jvsryncwhs2o"))
        #expect(image["thread"] == .text("at://did:plc:iijrtk7ocored6zuziwmqq3c/app.bsky.feed.post/3jvsrvjl3sc2e"))
        let root = try #require(try corpus.post("bluesky", "at://did:plc:iijrtk7ocored6zuziwmqq3c/app.bsky.feed.post/3jvsrvjl3sc2e"))
        #expect(root["text"] == .text("What I broke in Bluesky:\n\n1. Cursors (following, followers, etc...)\n2. Mute lists 🆕"))

        // A link post: the space before the blank line goes, the URL stays whole.
        let link = try #require(try corpus.post("bluesky", "at://did:plc:iijrtk7ocored6zuziwmqq3c/app.bsky.feed.post/3jw6cjuys3625"))
        #expect(
            link["text"]
                == .text(
                    "I’ll try new endpoints of feed generator tomorrow\n\nhttps://github.com/bluesky-social/atproto/blob/main/lexicons/app/bsky/feed/getFeedSkeleton.json"
                ))

        // notFoundPost / blockedPost stubs are not posts.
        #expect(try corpus.post("bluesky", "at://did:plc:24lz3lshhmjsieafxih4exlw/app.bsky.feed.post/3jui52oiuad24") == nil)
        #expect(try corpus.integer("SELECT count(*) FROM posts_fts WHERE posts_fts MATCH 'firehose'") == 1)
        try corpus.checkIndexIntegrity()
    }

    @Test func postThreadWalksParentsAndReplies() throws {
        let corpus = try TemporaryCorpus()
        let outcome = try corpus.importFiles([Fixtures.path("bluesky/post_thread.json")])
        #expect(outcome.formats == [.bluesky])
        // The focus post, 16 ancestors through `parent`, 4 replies.
        #expect(outcome.summary.added == 21)
        #expect(outcome.problems.isEmpty)
        let rootURI = "at://did:plc:nx3kofpg4oxmkonqr6su5lw4/app.bsky.feed.post/3juhgsu4tpi2e"
        #expect(try corpus.integer("SELECT count(*) FROM posts WHERE thread = ?1", [.text(rootURI)]) == 21)

        let focus = try #require(try corpus.post("bluesky", "at://did:plc:iuk433sj23ncu2oo2pfnw7fw/app.bsky.feed.post/3jujgsslyxt2h"))
        #expect(focus["author"] == .text("skeet.computer"))
        #expect(focus["text"] == .text("hellthread hellthread hellthread\n\ndid it work?"))
        #expect(focus["published_at"] == .integer(1_682_781_902))
        #expect(focus["parent"] == .text("at://did:plc:mf5dzzqkp7fnmby6blfeljwj/app.bsky.feed.post/3jujdjxptu42j"))
        #expect(focus["score"] == .integer(5))

        // The top of the fetched ancestor chain, 16 levels up.
        let top = try #require(try corpus.post("bluesky", "at://did:plc:2zwqewi6t7coiohtmpfzz2wd/app.bsky.feed.post/3jujc2fuvmy2n"))
        #expect(top["author"] == .text("brandon.dimcheff.com"))
        #expect(top["parent"] == .text("at://did:plc:gyyq55ydkyp5aighjvp5vmjh/app.bsky.feed.post/3jujbx4mkr526"))

        let laterReply = try #require(try corpus.post("bluesky", "at://did:plc:yxobbkztpigv6u4jnwymnwvp/app.bsky.feed.post/3jve4frgrzy2f"))
        #expect(laterReply["author"] == .text("metasj.bsky.social"))
        #expect(laterReply["text"] == .text("Skeetlejuice skeetlejuiCE SKEETLEJUICE"))
        #expect(laterReply["published_at"] == .integer(1_683_698_442))
        #expect(laterReply["parent"] == .text("at://did:plc:iuk433sj23ncu2oo2pfnw7fw/app.bsky.feed.post/3jujgsslyxt2h"))

        let imageOnly = try #require(try corpus.post("bluesky", "at://did:plc:br3xfixls5cxd5z4arm3tzlv/app.bsky.feed.post/3jujdcayikn2z"))
        #expect(imageOnly["text"] == .text(""))
        #expect(imageOnly["author"] == .text("marynmck.bsky.social"))
        try corpus.checkIndexIntegrity()
    }

    @Test func searchPostsAndTheAsOverride() throws {
        let corpus = try TemporaryCorpus()
        let outcome = try corpus.importFiles(
            [Fixtures.path("bluesky/search_posts.json")], options: ImportOptions(format: .bluesky))
        #expect(outcome.formats == [.bluesky])
        #expect(outcome.summary.added == 1)
        #expect(outcome.problems.isEmpty)
        let post = try #require(try corpus.post("bluesky", "at://did:plc:d3zpokjdspr22chfrc427eis/app.bsky.feed.post/3ju4p6u2i3a2g"))
        #expect(post["author"] == .text("luy.gay"))
        #expect(post["venue"] == .text("bsky.social"))
        #expect(post["published_at"] == .integer(1_682_344_219))
        #expect(post["score"] == .integer(7))
        #expect(post["url"] == .text("https://bsky.app/profile/luy.gay/post/3ju4p6u2i3a2g"))
        #expect(post["text"]?.stringValue?.hasPrefix("eu queria um fone de ouvido com fio, não me dou bem") == true)
        #expect(try corpus.integer("SELECT count(*) FROM posts_fts WHERE posts_fts MATCH 'orelha'") == 1)
    }

    @Test func listRecordsTakesTheAuthorFromTheURI() throws {
        let corpus = try TemporaryCorpus()
        let outcome = try corpus.importFiles([Fixtures.path("bluesky/list_records.json")])
        #expect(outcome.formats == [.bluesky])
        #expect(outcome.summary.added == 50)
        #expect(outcome.problems.isEmpty)
        let did = "did:plc:r64txawptxlk3hx6k7r2kyh3"
        #expect(try corpus.integer("SELECT count(*) FROM posts WHERE author = ?1", [.text(did)]) == 50)
        #expect(try corpus.integer("SELECT count(*) FROM posts WHERE parent IS NOT NULL") == 31)
        #expect(try corpus.integer("SELECT count(*) FROM posts WHERE text = ''") == 4)
        #expect(try corpus.integer("SELECT count(*) FROM posts WHERE score IS NOT NULL") == 0)

        let first = try #require(try corpus.post("bluesky", "at://\(did)/app.bsky.feed.post/3jxzbtxkj4k2n"))
        #expect(first["text"] == .text("Ty marina 🙏"))
        #expect(first["published_at"] == .integer(1_686_624_863))  // 2023-06-13T02:54:23.387Z
        #expect(first["url"] == .text("https://bsky.app/profile/\(did)/post/3jxzbtxkj4k2n"))
        #expect(first["parent"] == .text("at://did:plc:rripmnmsyo2vb4c6hccja3my/app.bsky.feed.post/3jxyztkasnk2n"))
        #expect(first["raw"]?.stringValue?.hasPrefix("{\"uri\":\"at://\(did)/app.bsky.feed.post/3jxzbtxkj4k2n\",\"cid\":") == true)
        // A quote's strong reference ({uri, cid}) is not a post of its own.
        #expect(try corpus.post("bluesky", "at://did:plc:5shzbeszmcw47rqzmse7kwry/app.bsky.feed.post/3jxyp3uqsb32j") == nil)
    }

    @Test func reimportIsIdempotent() throws {
        let corpus = try TemporaryCorpus()
        let files = ["author_feed.json", "post_thread.json", "search_posts.json", "list_records.json"]
            .map { Fixtures.path("bluesky/" + $0) }
        let first = try corpus.importFiles(files)
        #expect(first.summary.added == 84)
        let again = try corpus.importFiles(files)
        #expect(again.summary.added == 0)
        #expect(again.summary.updated == 0)
        #expect(again.summary.unchanged == 84)
        #expect(again.problems.isEmpty)
        try corpus.checkIndexIntegrity()
    }

    /// A post whose text is empty and whose quoted post comes as a
    /// `recordWithMedia#view` (trimmed from MarshalX/atproto's
    /// thread_view_post_with_embed_media.json).
    @Test func quotedPostsInEmbedViewsAreStored() throws {
        let corpus = try TemporaryCorpus()
        let file = try corpus.write(
            "quote.json",
            #"""
            {"thread": {"$type": "app.bsky.feed.defs#threadViewPost", "post": {"uri": "at://did:plc:kvwvcn5iqfooopmyzvb4qzba/app.bsky.feed.post/3kaheyt6vpc22", "cid": "bafyreigb666sdjyyaczcahxmf5tzh7dec6bwr3nhdab7llebn7vhsxzgr4", "author": {"did": "did:plc:kvwvcn5iqfooopmyzvb4qzba", "handle": "test.marshal.dev", "displayName": "Python SDK"},
             "record": {"$type": "app.bsky.feed.post", "createdAt": "2023-09-28T12:49:36.735Z", "embed": {"$type": "app.bsky.embed.recordWithMedia", "media": {"$type": "app.bsky.embed.images", "images": []}, "record": {"$type": "app.bsky.embed.record", "record": {"cid": "bafyreier7l7l33k23invvoeth2ed2hkwlxlv3igbhp3536hmmeouob7mzi", "uri": "at://did:plc:kvwvcn5iqfooopmyzvb4qzba/app.bsky.feed.post/3kahesw26il2z"}}}, "langs": ["en"], "text": ""},
             "embed": {"$type": "app.bsky.embed.recordWithMedia#view", "media": {"$type": "app.bsky.embed.images#view", "images": []},
               "record": {"record": {"$type": "app.bsky.embed.record#viewRecord", "uri": "at://did:plc:kvwvcn5iqfooopmyzvb4qzba/app.bsky.feed.post/3kahesw26il2z", "cid": "bafyreier7l7l33k23invvoeth2ed2hkwlxlv3igbhp3536hmmeouob7mzi",
                 "author": {"did": "did:plc:kvwvcn5iqfooopmyzvb4qzba", "handle": "test.marshal.dev", "displayName": "Python SDK", "createdAt": "2023-04-26T19:05:34.249Z"},
                 "value": {"$type": "app.bsky.feed.post", "createdAt": "2023-09-28T12:46:18.414Z", "langs": ["en"], "text": "test"}, "labels": [], "likeCount": 0, "replyCount": 0, "repostCount": 0, "indexedAt": "2023-09-28T12:46:18.414Z", "embeds": []}}},
             "replyCount": 0, "repostCount": 0, "likeCount": 0, "indexedAt": "2023-09-28T12:49:36.735Z", "viewer": {"threadMuted": false}, "labels": []}, "replies": []}}
            """#)
        let outcome = try corpus.importFiles([file])
        #expect(outcome.formats == [.bluesky])
        #expect(outcome.summary.added == 2)
        #expect(outcome.problems.isEmpty)
        let outer = try #require(try corpus.post("bluesky", "at://did:plc:kvwvcn5iqfooopmyzvb4qzba/app.bsky.feed.post/3kaheyt6vpc22"))
        #expect(outer["text"] == .text(""))
        #expect(outer["lang"] == .text("en"))
        let quoted = try #require(try corpus.post("bluesky", "at://did:plc:kvwvcn5iqfooopmyzvb4qzba/app.bsky.feed.post/3kahesw26il2z"))
        #expect(quoted["text"] == .text("test"))
        #expect(quoted["author"] == .text("test.marshal.dev"))
        #expect(quoted["published_at"] == .integer(1_695_905_178))  // 2023-09-28T12:46:18Z
        #expect(quoted["raw"]?.stringValue?.contains("app.bsky.embed.record#viewRecord") == true)
    }

    /// listNotifications: a like carries no post; a reply does (trimmed from
    /// atproto.dart's listNotifications.json).
    @Test func notificationsKeepOnlyPostRecords() throws {
        let corpus = try TemporaryCorpus()
        let file = try corpus.write(
            "notifications.json",
            #"""
            {"notifications": [
            {"cid": "bafyreidxtv4wn27wenxe3oz4nny474nbkcgai72hub6oync7qll4psya2a", "uri": "at://did:plc:q763ih4uco7th4jxe2wvo2mt/app.bsky.feed.like/3k6k5mmghct24", "author": {"did": "did:plc:q763ih4uco7th4jxe2wvo2mt", "handle": "mistyksnow.bsky.social"}, "reason": "like", "reasonSubject": "at://did:plc:iijrtk7ocored6zuziwmqq3c/app.bsky.feed.post/3k6k5mbzzig23", "isRead": true, "record": {"$type": "app.bsky.feed.like", "subject": {"cid": "bafyreigkty7pdby434epx3w22muay4lt3tkamjzk4stog2dkhpaawmgrw4", "uri": "at://did:plc:iijrtk7ocored6zuziwmqq3c/app.bsky.feed.post/3k6k5mbzzig23"}, "createdAt": "2023-09-04T04:25:05.748Z"}, "labels": [], "indexedAt": "2023-09-04T04:25:05.748Z"},
            {"cid": "bafyreidkrb4ci4v6o2laiicznvak2wxwklkmdpccna6r6qlvvz6sewghkq", "uri": "at://did:plc:wpmuup4caccl3a726wdni6wj/app.bsky.feed.post/3k6k4as23yu2g", "author": {"did": "did:plc:wpmuup4caccl3a726wdni6wj", "handle": "maccalennon.bsky.social"}, "reason": "reply", "reasonSubject": "at://did:plc:iijrtk7ocored6zuziwmqq3c/app.bsky.feed.post/3k6k42e25xo2i", "isRead": true, "record": {"text": "\u3042\u3001\u306a\u308b\u307b\u3069\u305d\u3046\u3044\u3046\u3053\u3068\u3060\u3063\u305f\u3093\u3067\u3059\u306d\uff01\u3054\u89aa\u5207\u306b\u3042\u308a\u304c\u3068\u3046\u3054\u3056\u3044\u307e\u3059\ud83d\ude0a", "$type": "app.bsky.feed.post", "langs": ["ja"], "reply": {"root": {"cid": "bafyreihvdsfczasqo7fadxtwsdq56e6mrodlfn6f4qaleglzr2nwmwkrxm", "uri": "at://did:plc:wpmuup4caccl3a726wdni6wj/app.bsky.feed.post/3k6k3k3gwjt2q"}, "parent": {"cid": "bafyreihmjmbzecoryhclbrquoxaai5q4kybnfrrdtx3nzwgzt4tfh7fr7u", "uri": "at://did:plc:iijrtk7ocored6zuziwmqq3c/app.bsky.feed.post/3k6k42e25xo2i"}}, "createdAt": "2023-09-04T04:00:35.516Z"}, "labels": [], "indexedAt": "2023-09-04T04:00:35.516Z"}
            ], "cursor": "1693801235516::bafyreidkrb4ci4v6o2laiicznvak2wxwklkmdpccna6r6qlvvz6sewghkq"}
            """#)
        let outcome = try corpus.importFiles([file])
        #expect(outcome.formats == [.bluesky])
        #expect(outcome.summary.added == 1)
        #expect(outcome.problems.isEmpty)
        let reply = try #require(try corpus.post("bluesky", "at://did:plc:wpmuup4caccl3a726wdni6wj/app.bsky.feed.post/3k6k4as23yu2g"))
        #expect(reply["author"] == .text("maccalennon.bsky.social"))
        #expect(reply["lang"] == .text("ja"))
        #expect(reply["text"] == .text("あ、なるほどそういうことだったんですね！ご親切にありがとうございます😊"))
        #expect(reply["published_at"] == .integer(1_693_800_035))  // 2023-09-04T04:00:35Z
        #expect(reply["thread"] == .text("at://did:plc:wpmuup4caccl3a726wdni6wj/app.bsky.feed.post/3k6k3k3gwjt2q"))
    }

    /// Client-supplied createdAt: microseconds with +00:00, no zone (UTC),
    /// unreadable (indexedAt is used), and neither date usable (rejected).
    @Test func datesFromCreatedAtWithFallbackToIndexedAt() throws {
        let corpus = try TemporaryCorpus()
        func view(_ rkey: String, created: String, indexed: String) -> String {
            #"{"uri": "at://did:plc:abc/app.bsky.feed.post/\#(rkey)", "cid": "c", "author": {"did": "did:plc:abc", "handle": "handle.invalid"}, "record": {"$type": "app.bsky.feed.post", "text": "t \#(rkey)", "createdAt": \#(created)}, "indexedAt": \#(indexed)}"#
        }
        let file = try corpus.write(
            "dates.json",
            """
            {"posts": [
            \(view("a", created: "\"2024-02-22T19:58:13.903293+00:00\"", indexed: "\"2024-02-22T19:58:14.000Z\"")),
            \(view("b", created: "\"2023-07-21T01:33:51.481951\"", indexed: "\"2023-07-21T01:33:52.000Z\"")),
            \(view("c", created: "\"sometime\"", indexed: "\"2023-07-21T01:33:52.000Z\"")),
            \(view("d", created: "\"sometime\"", indexed: "null"))
            ]}
            """)
        let outcome = try corpus.importFiles([file])
        #expect(outcome.summary.added == 3)
        #expect(outcome.problems.map(\.location) == ["$.posts[3]"])
        #expect(outcome.problems.first?.reason.contains("createdAt is \"sometime\"") == true)
        func date(_ rkey: String) throws -> SQLiteValue? {
            try corpus.post("bluesky", "at://did:plc:abc/app.bsky.feed.post/\(rkey)")?["published_at"]
        }
        #expect(try date("a") == .integer(1_708_631_893))
        #expect(try date("b") == .integer(1_689_903_231))
        #expect(try date("c") == .integer(1_689_903_232))
        // `handle.invalid` is no name: the DID stands in.
        let a = try #require(try corpus.post("bluesky", "at://did:plc:abc/app.bsky.feed.post/a"))
        #expect(a["author"] == .text("did:plc:abc"))
        #expect(a["url"] == .text("https://bsky.app/profile/did:plc:abc/post/a"))
    }

    /// The phone-number spam of indigo's capture_hackerdarkweb.json: bidi
    /// embedding marks (U+202A … U+202C) stay in the text and the number is
    /// searchable. The capture names its account in accountMeta.
    @Test func spamWithBidiMarksImportsUnchangedAndSearchable() throws {
        let corpus = try TemporaryCorpus()
        let file = try corpus.write(
            "capture.json",
            #"""
            {"capturedAt": "2023-12-09T05:50:42.004Z", "accountMeta": {"Identity": {"DID": "did:plc:suvj7i7gk6vzc7wvwd3gx6zq", "Handle": "hackerdarkweb.bsky.social"}}, "postRecords": [{"cid": "bafyreibnj3dh27zcuywx6bcbgde74f57sqjsly2iirkam2kwbztckiuzu4", "uri": "at://did:plc:suvj7i7gk6vzc7wvwd3gx6zq/app.bsky.feed.post/3kfxt24db3v2f", "value": {"$type": "app.bsky.feed.post", "createdAt": "2023-12-07T16:49:26.393Z", "langs": ["en"], "reply": {"parent": {"cid": "bafyreiai3o2b7d5alheiiohqb3zeagplz37lngvndowzabzy2ox2gil3ji", "uri": "at://did:plc:zhxe4qbuwbmvliuh7subna6p/app.bsky.feed.post/3kfrqvnrbjk22"}, "root": {"cid": "bafyreiai3o2b7d5alheiiohqb3zeagplz37lngvndowzabzy2ox2gil3ji", "uri": "at://did:plc:zhxe4qbuwbmvliuh7subna6p/app.bsky.feed.post/3kfrqvnrbjk22"}}, "text": "Message on WhatsApp to recover your lost account \n\n\u202a+1\u00a0(765)\u00a0734\u20113839\u202c"}}]}
            """#)
        let outcome = try corpus.importFiles([file])
        #expect(outcome.formats == [.bluesky])
        #expect(outcome.summary.added == 1)
        let post = try #require(try corpus.post("bluesky", "at://did:plc:suvj7i7gk6vzc7wvwd3gx6zq/app.bsky.feed.post/3kfxt24db3v2f"))
        #expect(post["author"] == .text("hackerdarkweb.bsky.social"))
        // Unchanged but for Beat's normalisation: the trailing space of the line
        // and the no-break spaces (U+00A0 → space); U+2011 and the marks stay.
        #expect(post["text"] == .text("Message on WhatsApp to recover your lost account\n\n\u{202A}+1 (765) 734\u{2011}3839\u{202C}"))
        #expect(try corpus.integer("SELECT count(*) FROM posts_fts WHERE posts_fts MATCH '3839'") == 1)
        #expect(try corpus.integer("SELECT count(*) FROM posts_fts WHERE posts_fts MATCH 'whatsapp'") == 1)
        try corpus.checkIndexIntegrity()
    }

    /// Shortened display links are restored from their facets, cut at UTF-8
    /// byte offsets (an emoji precedes them). Record from indigo's capture_atprotocom.json.
    @Test func shortenedLinksAreExpandedByByteOffsets() throws {
        let corpus = try TemporaryCorpus()
        let file = try corpus.write(
            "links.json",
            #"""
            {"records": [{"uri": "at://did:plc:ewvi7nxzyoun6zhxrhs64oiz/app.bsky.feed.post/3kblbjgnevy25", "cid": "bafyreihrrsdswqqco2mn3bhm3d7wdtioaqz7gr3tj7ms6cvakz2obv3qha", "value": {"$type": "app.bsky.feed.post", "createdAt": "2023-10-12T19:23:09.439Z", "facets": [{"features": [{"$type": "app.bsky.richtext.facet#mention", "did": "did:plc:sq6aa2wa32tiiqrbub64vcja"}], "index": {"byteEnd": 24, "byteStart": 12}}, {"features": [{"$type": "app.bsky.richtext.facet#link", "uri": "https://github.com/mozzius/graysky"}], "index": {"byteEnd": 132, "byteStart": 106}}, {"features": [{"$type": "app.bsky.richtext.facet#link", "uri": "https://atproto.com/community/projects#clients"}], "index": {"byteEnd": 297, "byteStart": 270}}], "langs": ["en"], "text": "congrats to @graysky.app, a third-party open-source bluesky client! \ud83d\udd25\n\ncheck out the source code here: github.com/mozzius/gray...\n\nbecause the AT Protocol is open, third-party developers can create entirely separate frontends for the network. find more clients here: atproto.com/community/pr..."}}]}
            """#)
        let outcome = try corpus.importFiles([file])
        #expect(outcome.summary.added == 1)
        let post = try #require(try corpus.post("bluesky", "at://did:plc:ewvi7nxzyoun6zhxrhs64oiz/app.bsky.feed.post/3kblbjgnevy25"))
        #expect(
            post["text"]
                == .text(
                    "congrats to @graysky.app, a third-party open-source bluesky client! 🔥\n\ncheck out the source code here: https://github.com/mozzius/graysky\n\nbecause the AT Protocol is open, third-party developers can create entirely separate frontends for the network. find more clients here: https://atproto.com/community/projects#clients"
                ))
        #expect(post["raw"]?.stringValue?.contains("github.com/mozzius/gray...") == true)
        #expect(try corpus.integer("SELECT count(*) FROM posts_fts WHERE posts_fts MATCH 'projects'") == 1)
    }

    @Test func inputsWithoutPostsAreReported() throws {
        let corpus = try TemporaryCorpus()
        let bare = try corpus.write(
            "bare.json", #"{"$type": "app.bsky.feed.post", "text": "no address", "createdAt": "2023-01-01T00:00:00Z"}"#)
        let other = try corpus.write("other.json", #"{"kind": "Listing", "data": {"children": []}}"#)
        let empty = try corpus.write("empty.json", #"{"feed": [], "cursor": "x"}"#)
        // The shape of indigo's firehose_commit_4621317030.json, blocks cut short.
        let firehose = try corpus.write(
            "firehose.json",
            #"{"blobs": [], "blocks": {"$bytes": "OqJlcm9vdHOB"}, "commit": {"$link": "bafyreif"}, "ops": [{"action": "create", "cid": {"$link": "bafyreia"}, "path": "app.bsky.feed.post/3kdnc3r5rzs2p"}], "repo": "did:plc:abc", "rev": "3kdnc3r", "seq": 4621317030, "time": "2023-11-09T02:26:27.123Z", "tooBig": false}"#
        )
        let outcome = try corpus.importFiles([bare, other, empty, firehose], options: ImportOptions(format: .bluesky))
        #expect(outcome.summary.added == 0)
        #expect(outcome.problems.count == 3)
        #expect(outcome.problems.map(\.path) == [bare, other, firehose])
        #expect(outcome.problems[0].reason.contains("no at-URI"))
        #expect(outcome.problems[1].reason.hasPrefix("no Bluesky post here"))
        #expect(outcome.problems[2].reason.contains("CAR bytes"))
        #expect(outcome.failures.isEmpty)
    }
}
