/// A quotation found in a story, with where it is and whom the story says said it.
public struct StoryQuote: Sendable, Equatable {
    /// The quoted words as printed, without the quote marks (block quotes:
    /// without the `>` markers, lines joined by single spaces).
    public var text: String
    /// The quote split where words were left out or added: ellipses (`...`,
    /// `…`, `[...]`) become `.omission`, square-bracket insertions `.editorial`.
    public var segments: [QuoteSegment]
    /// 1-based line and column (in characters) of the opening quote mark, or
    /// of the block quote's first character, in the story file.
    public var line: Int
    /// See `line`.
    public var column: Int
    /// 1-based line and column just after the quotation's closing mark (block
    /// quotes: after the last quoted line), where a report annotating the story
    /// puts its verdict; nil when not known.
    public var endLine: Int?
    /// See `endLine`.
    public var endColumn: Int?
    /// How the story marks the quotation.
    public var kind: QuoteKind
    /// What the story says about the quote's origin; nil when it says nothing.
    public var attribution: StoryAttribution?

    /// A `StoryQuote` made of the values given.
    public init(
        text: String, segments: [QuoteSegment], line: Int, column: Int, kind: QuoteKind,
        attribution: StoryAttribution?, endLine: Int? = nil, endColumn: Int? = nil
    ) {
        self.endLine = endLine
        self.endColumn = endColumn
        self.text = text
        self.segments = segments
        self.line = line
        self.column = column
        self.kind = kind
        self.attribution = attribution
    }

    /// The words the story presents as the speaker's own: text segments only.
    public var quotedParts: [String] {
        segments.compactMap { if case .text(let part) = $0 { return part } else { return nil } }
    }
}

/// A piece of a quotation.
public enum QuoteSegment: Sendable, Equatable {
    /// Words the story attributes to the speaker.
    case text(String)
    /// An ellipsis: the story says words were left out here.
    case omission
    /// A square-bracket insertion (`[the company]`): the story's words, not the speaker's.
    case editorial(String)
}

/// How the story marks a quotation.
public enum QuoteKind: String, Sendable, Equatable {
    /// "…" or “…”
    case doubleQuoted
    /// '…' or ‘…’ spanning several words.
    case singleQuoted
    /// `>` lines in Markdown, `<blockquote>` in HTML.
    case blockQuote
}

/// The story's claim about who said a quote, where and when. Every field is
/// optional: a story may name only a venue ("on r/LocalLLaMA") or only a date.
public struct StoryAttribution: Sendable, Equatable {
    /// As the story names them: `avaer`, `@alice.bsky.social`, `Jane Doe`.
    public var author: String?
    /// Beat's source names: reddit, hackernews, bluesky, mastodon, news.
    public var source: String?
    /// Subreddit without `r/`, instance host, outlet host or name.
    public var venue: String?
    /// The span of time the story's stated date covers (a day, a month),
    /// `start ..< end` in unix seconds UTC.
    public var date: StoryDate?
    /// A reference (footnote) the quote points at, with a url or public id.
    public var reference: StoryReference?
    /// The words of the story the attribution was read from, for the report.
    public var evidence: String
    /// True when the story credits someone with saying the words (`wrote kim`, `one user wrote`, a
    /// dash line), not only names where they appeared (`a post on r/news read`).
    public var speakerCredited = false

    /// A `StoryAttribution` made of the values given.
    public init(
        author: String? = nil, source: String? = nil, venue: String? = nil, date: StoryDate? = nil,
        reference: StoryReference? = nil, evidence: String
    ) {
        self.author = author
        self.source = source
        self.venue = venue
        self.date = date
        self.reference = reference
        self.evidence = evidence
    }
}

/// A date a story states, as the span it covers.
public struct StoryDate: Sendable, Equatable {
    /// As written: `March 3, 2026`, `2026-03-03`, `last March`.
    public var text: String
    /// Unix seconds of the span's first moment.
    public var start: Int64
    /// Unix seconds of the span's last moment.
    public var end: Int64
    /// A `StoryDate` made of the values given.
    public init(text: String, start: Int64, end: Int64) {
        self.text = text
        self.start = start
        self.end = end
    }
}

/// An entry of the story's reference list that a footnote marker points at.
public struct StoryReference: Sendable, Equatable {
    /// The marker: `1`, `¹`.
    public var marker: String
    /// A url in the entry, when it has one.
    public var url: String?
    /// A Beat public id in the entry (`source:source_id`, as `show` takes it: `hackernews:40123456`), when it has one.
    public var publicID: String?
    /// The entry's text.
    public var text: String
    /// A `StoryReference` made of the values given.
    public init(marker: String, url: String?, publicID: String?, text: String) {
        self.marker = marker
        self.url = url
        self.publicID = publicID
        self.text = text
    }
}
