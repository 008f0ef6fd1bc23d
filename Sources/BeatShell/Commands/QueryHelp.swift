/// The query grammar, shown by `help` for every command that takes a query.
enum QueryHelp {
    static let grammar = """
        QUERY: words (all must match), "exact phrases", OR, NOT word or -word, (groups), prefix*,
        a NEAR/5 b or NEAR(a b, 5); and filters, each negatable with a leading '-':
          source:reddit,bluesky   venue:LocalLLaMA (in:)   author:NAME   title:"words"
          since:2026-04-01  until:2026-06-30  on:2026-04-18  on:2026-04  since:24h  since:7d  since:3m
          beat:NAME (a stored beat's query; see: help beat)
        A query may be filters only. Relative dates count from now, or from --now in scripts.
        Matching folds case and accents; a quoted phrase matches those words in that order.
        """
}
