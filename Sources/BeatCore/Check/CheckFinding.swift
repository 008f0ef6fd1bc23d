/// What `check` concluded about one quotation of a story.
public enum CheckVerdict: String, Sendable, CaseIterable, Equatable {
    /// The text is in the corpus as quoted, and any stated attribution agrees.
    case verified
    /// Found with differences (see `CheckFinding.similarity` and `differences`).
    case close
    /// The text is found, but the story's author, source, venue or date disagrees with the record.
    case misattributed
    /// Nothing in the corpus is close, and the corpus covers the story's sources and dates.
    case notFound = "not_found"
    /// Nothing found, and the story's stated source or dates are not covered: no judgement possible.
    case outsideCoverage = "outside_coverage"
}

/// The stored post a quotation was matched to, and the passage of it that matched.
public struct QuoteMatch: Sendable, Equatable {
    /// The post holding the words.
    public var post: PostSummary
    /// The matching passage, verbatim: a substring of the post's stored text (or title).
    public var passage: String
    /// A `QuoteMatch` made of the values given.
    public init(post: PostSummary, passage: String) {
        self.post = post
        self.passage = passage
    }
}

/// One difference between a quotation and the passage it was matched to.
public struct WordDifference: Sendable, Equatable {
    /// The corpus's words (empty when the story added words).
    public var old: String
    /// The story's words (empty when the story dropped words without an ellipsis).
    public var new: String
    /// A `WordDifference` made of the values given.
    public init(old: String, new: String) {
        self.old = old
        self.new = new
    }
}

/// An attribution field the story states that the record contradicts.
public struct AttributionConflict: Sendable, Equatable {
    /// The part of an attribution that disagrees with the post.
    public enum Field: String, Sendable, Equatable { case author, source, venue, date, reference }
    /// Which part of the attribution disagrees.
    public var field: Field
    /// What the story says.
    public var stated: String
    /// What the record says.
    public var recorded: String
    /// An `AttributionConflict` made of the values given.
    public init(field: Field, stated: String, recorded: String) {
        self.field = field
        self.stated = stated
        self.recorded = recorded
    }
}

/// The verdict on one quotation, with the evidence behind it.
public struct CheckFinding: Sendable, Equatable {
    /// The quotation as the story has it.
    public var quote: StoryQuote
    /// What the corpus says about it.
    public var verdict: CheckVerdict
    /// 1 for an exact match (after normalising case, whitespace, quote marks, dashes and
    /// apostrophes), lower for near matches, 0 when nothing was found.
    public var similarity: Double
    /// The best matching record, nil for `not_found` and `outside_coverage`.
    public var match: QuoteMatch?
    /// Words that differ between the quotation and the passage (`close`).
    public var differences: [WordDifference]
    /// Attribution fields that disagree with the record (`misattributed`).
    public var conflicts: [AttributionConflict]
    /// Why the verdict, in one line for the report: `exact match`, `2 words differ`,
    /// `author: story says kim, record says em-bee`, `no bluesky posts before 2026-03-01 in the corpus`.
    public var reason: String
    /// What the corpus holds around the quotation's time, for `not_found` and `outside_coverage`:
    /// `hackernews: 3 posts in the 7 days before 2026-06-13, against a usual 900 a day`.
    public var evidence: String?
    /// The earliest post holding the words, how many others hold them and the first few, when several
    /// do: the posts holding the words as quoted, and their copies in the spread index's groups.
    public var origin: QuoteOrigin?
    /// Why the story's wording changes the meaning of the post's (a negation added or dropped, a
    /// number, date or word replaced by its opposite), nil when it does not.
    public var meaningChange: String?
    /// True when `meaningChange` names a change of meaning.
    public var meaningChanged: Bool { meaningChange != nil }

    /// A `CheckFinding` made of the values given.
    public init(
        quote: StoryQuote, verdict: CheckVerdict, similarity: Double, match: QuoteMatch?,
        differences: [WordDifference], conflicts: [AttributionConflict], reason: String
    ) {
        self.quote = quote
        self.verdict = verdict
        self.similarity = similarity
        self.match = match
        self.differences = differences
        self.conflicts = conflicts
        self.reason = reason
    }
}

/// The first post holding a quotation's words, when several do (cross-posts, reposts, quote-posts,
/// and the copies the spread index grouped with them: edited versions, articles quoting the post).
public struct QuoteOrigin: Sendable, Equatable {
    /// The earliest post holding the words.
    public var post: PostSummary
    /// How many other posts hold them.
    public var others: Int
    /// True when the earliest post holds the words edited (a few words differ): the posts holding
    /// them as quoted are later copies of it, in its spread group.
    public var edited: Bool
    /// The other posts holding the words, earliest first: at most `QuoteOrigin.shownHolders` of the `others`.
    public var holders: [QuoteHolder]

    /// Holders listed with the origin; `others` counts them all.
    public static let shownHolders = 5

    /// A `QuoteOrigin` made of the values given.
    public init(post: PostSummary, others: Int, edited: Bool = false, holders: [QuoteHolder] = []) {
        self.post = post
        self.others = others
        self.edited = edited
        self.holders = holders
    }
}

/// A post that holds a quotation's words besides its origin.
public struct QuoteHolder: Sendable, Equatable {
    /// The post: platform, venue, author and date.
    public var post: PostSummary
    /// True when it holds the words as quoted; false when it holds them edited (a copy the spread
    /// index grouped with a post that holds them).
    public var exact: Bool
    /// A `QuoteHolder` made of the values given.
    public init(post: PostSummary, exact: Bool) {
        self.post = post
        self.exact = exact
    }
}

/// Every finding of one story, in the order its quotations appear.
public struct CheckReport: Sendable, Equatable {
    /// The story as given (a path, or `-` for standard input).
    public var story: String
    /// One finding per quotation, in story order.
    public var findings: [CheckFinding]
    /// A `CheckReport` made of the values given.
    public init(story: String, findings: [CheckFinding]) {
        self.story = story
        self.findings = findings
    }

    /// How many findings have `verdict`.
    public func count(_ verdict: CheckVerdict) -> Int { findings.filter { $0.verdict == verdict }.count }

    /// True when every quotation is verified: `check` exits 0 only then.
    public var allVerified: Bool { findings.allSatisfy { $0.verdict == .verified } }
}
