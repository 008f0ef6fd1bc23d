import BeatCore

/// The summary's JSON objects, keys in the order `OutputFormat` documents; json writes them as
/// one document and jsonl one item per line.
enum SummaryJSON {
    static func document(_ s: BeatSummary) -> JSONText {
        .object(
            head(s) + [
                ("sources", .array(s.sources.map(source))), ("venues", .array(s.venues.map(venue))),
                ("timeline", timeline(s.timeline)), ("terms", .array(s.terms.map(term))),
                ("voices", .array(s.voices.map(voice))), ("spread", spreadSection(s.spread)),
                ("quotes", .array(s.quotes.map(quote))),
                ("sentiment", s.sentiment.map(sentiment) ?? .null),
                ("comparison", s.comparison.map { comparison($0, s) } ?? .null),
            ])
    }

    /// One object per line, each headed by its `section`.
    static func lines(_ s: BeatSummary) -> [JSONText] {
        func item(_ section: String, _ value: JSONText) -> JSONText {
            guard case .object(let members) = value else { return value }
            return .object([("section", .string(section))] + members)
        }
        var lines = [item("volume", .object(head(s)))]
        lines += s.sources.map { item("source", source($0)) }
        lines += s.venues.map { item("venue", venue($0)) }
        lines += s.timeline.buckets.map { item("bucket", bucket($0, s.timeline.bucketSize)) }
        lines += s.timeline.bursts.map { item("burst", burst($0)) }
        lines += s.terms.map { item("term", term($0)) }
        lines += s.voices.map { item("voice", voice($0)) }
        lines.append(item("spread", spreadHead(s.spread)))
        lines += s.spread.groups.map { item("spread_group", spreadGroup($0)) }
        lines += s.quotes.map { item("quote", quote($0)) }
        if let e = s.sentiment { lines.append(item("sentiment", sentiment(e))) }
        if let c = s.comparison {
            lines.append(item("comparison", .object(comparisonHead(c, s))))
            lines += c.risingTerms.map { item("rising_term", termChange($0)) }
            lines += c.fallingTerms.map { item("falling_term", termChange($0)) }
            lines += c.risingVoices.map { item("rising_voice", voiceChange($0)) }
            lines += c.fallingVoices.map { item("falling_voice", voiceChange($0)) }
            lines += c.newVoices.map { item("new_voice", voice($0)) }
        }
        return lines
    }

    private static func head(_ s: BeatSummary) -> [(String, JSONText)] {
        [
            ("label", .string(s.label)), ("query", .string(s.query)), ("window", window(s.window)),
            (
                "volume",
                .object([
                    ("posts", .int(s.volume.posts)), ("last_day", .int(s.volume.lastDay)),
                    ("corpus_posts", .int(s.volume.corpusPosts)), ("share", .double(s.volume.share)),
                ])
            ),
        ]
    }

    static func window(_ w: SummaryWindow) -> JSONText { .object([("start", .time(w.start)), ("end", .time(w.end))]) }

    private static func source(_ s: SummaryShare) -> JSONText {
        .object([("source", .string(s.key)), ("posts", .int(s.count)), ("share", .double(s.share))])
    }

    private static func venue(_ s: SummaryShare) -> JSONText {
        .object([("venue", .string(s.key)), ("source", .string(s.source)), ("posts", .int(s.count)), ("share", .double(s.share))])
    }

    private static func timeline(_ t: SummaryTimeline) -> JSONText {
        .object([
            ("bucket_size", .string(t.bucketSize.rawValue)),
            ("buckets", .array(t.buckets.map { bucket($0, nil) })),
            ("bursts", .array(t.bursts.map(burst))),
        ])
    }

    /// A bucket; jsonl adds its size, which the document says once for all.
    private static func bucket(_ b: TimeBucket, _ size: BucketSize?) -> JSONText {
        .object(
            (size.map { [("bucket_size", JSONText.string($0.rawValue))] } ?? []) + [
                ("start", .time(b.start)), ("end", .time(b.end)), ("posts", .int(b.count)),
                ("corpus_posts", .int(b.corpusCount)), ("share", .double(b.share)), ("burst", .bool(b.isBurst)),
            ])
    }

    private static func burst(_ b: Burst) -> JSONText {
        .object([
            ("start", .time(b.start)), ("end", .time(b.end)), ("posts", .int(b.count)),
            ("baseline", .double(b.baseline)), ("score", .double(b.score)), ("quote", b.quote.map(quote) ?? .null),
        ])
    }

    private static func term(_ t: KeyTerm) -> JSONText {
        .object([
            ("term", .string(t.term)), ("phrase", .bool(t.isPhrase)), ("posts", .int(t.posts)),
            ("other_posts", .int(t.otherPosts)), ("score", .double(t.score)),
        ])
    }

    private static func voice(_ v: Voice) -> JSONText {
        .object([("author", .string(v.author)), ("source", .string(v.source)), ("posts", .int(v.posts))])
    }

    /// As `quotes` writes a quote, with its `context`: `{"before", "after"}`, the sentences next
    /// to it in its post (each null at the post's start or end).
    static func quote(_ q: Quote) -> JSONText {
        let members = q.post.jsonMembers.filter { $0.0 != "title" }
        let context: JSONText = .object([("before", .string(q.before)), ("after", .string(q.after))])
        return .object([("text", .string(q.text))] + members + [("count", .int(q.count)), ("context", context)])
    }

    private static func sentiment(_ e: SentimentEstimate) -> JSONText {
        .object([
            ("kind", .string("estimate")), ("method", .string(e.method)), ("sample_size", .int(e.sampleSize)),
            ("population", .int(e.population)), ("positive", .int(e.positive)), ("neutral", .int(e.neutral)),
            ("critical", .int(e.critical)),
        ])
    }

    private static func comparisonHead(_ c: SummaryComparison, _ s: BeatSummary) -> [(String, JSONText)] {
        [
            ("label", .string(c.label)), ("window", window(c.window)), ("posts", .int(c.posts)),
            ("change", c.isCovered ? .double(SummaryWording.change(from: c.posts, to: s.volume.posts)) : .null),
            (
                "uncovered",
                .array(
                    c.uncovered.map { gap in
                        .object([
                            ("source", .string(gap.span.source)), ("first", .time(gap.span.first)), ("last", .time(gap.span.last)),
                            ("reason", .string(gap.kind == .beginsAfter ? "begins_after" : "ends_before")),
                        ])
                    })
            ),
        ]
    }

    private static func comparison(_ c: SummaryComparison, _ s: BeatSummary) -> JSONText {
        .object(
            comparisonHead(c, s) + [
                ("rising_terms", .array(c.risingTerms.map(termChange))),
                ("falling_terms", .array(c.fallingTerms.map(termChange))),
                ("rising_voices", .array(c.risingVoices.map(voiceChange))),
                ("falling_voices", .array(c.fallingVoices.map(voiceChange))),
                ("new_voices", .array(c.newVoices.map(voice))),
            ])
    }

    private static func termChange(_ t: TermChange) -> JSONText {
        .object([("term", .string(t.term)), ("before", .int(t.before)), ("after", .int(t.after))])
    }

    private static func voiceChange(_ v: VoiceChange) -> JSONText {
        .object([("author", .string(v.author)), ("source", .string(v.source)), ("before", .int(v.before)), ("after", .int(v.after))])
    }

    /// `{"posts", "distinct_posts", "copies", "groups": [GROUP]}`.
    static func spreadSection(_ spread: SummarySpread) -> JSONText {
        guard case .object(let head) = spreadHead(spread) else { return .null }
        return .object(head + [("groups", .array(spread.groups.map(spreadGroup)))])
    }

    static func spreadHead(_ spread: SummarySpread) -> JSONText {
        .object([
            ("posts", .int(spread.volume.posts)), ("distinct_posts", .int(spread.volume.distinct)),
            ("copies", .int(spread.volume.copies)),
        ])
    }

    /// `{"origin": POST, "excerpt", "matching", "size", "sources": [{"source", "posts"}]}`.
    static func spreadGroup(_ g: SpreadGroupSummary) -> JSONText {
        .object([
            ("origin", .object(g.origin.jsonMembers)), ("excerpt", .string(g.excerpt)), ("matching", .int(g.matching)),
            ("size", .int(g.size)),
            ("sources", .array(g.sources.map { .object([("source", .string($0.source)), ("posts", .int($0.posts))]) })),
        ])
    }
}

extension JSONText {
    /// `true` or `false`.
    static func bool(_ value: Bool) -> JSONText { .number(value ? "true" : "false") }
}
