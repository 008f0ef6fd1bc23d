extension SummaryHTMLPage {
    /// The page's only stylesheet, inline: system fonts, readable line length, numbers aligned,
    /// and a print layout that keeps the bars and chart colours and avoids splitting a section.
    static let css = """
        :root { --ink: #1d1d1f; --muted: #5f6368; --bar: #3b6ea8; --burst: #c0392b; --rule: #d9d9de; --paper: #ffffff; }
        * { box-sizing: border-box; }
        body { margin: 0; background: var(--paper); color: var(--ink); font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; }
        main { max-width: 60rem; margin: 0 auto; padding: 1.5rem 1.25rem 3rem; }
        h1 { font-size: 1.6rem; margin: 0 0 0.25rem; overflow-wrap: anywhere; }
        h2 { font-size: 1.15rem; margin: 2rem 0 0.5rem; padding-bottom: 0.2rem; border-bottom: 1px solid var(--rule); overflow-wrap: anywhere; }
        h3 { font-size: 1rem; margin: 1.25rem 0 0.25rem; }
        p, li, td, th, caption, figcaption, blockquote { overflow-wrap: anywhere; }
        .headline { font-size: 1.1rem; }
        .query, .note, .none, figcaption, caption, footer { color: var(--muted); }
        caption { text-align: left; font-size: 0.85rem; padding-bottom: 0.25rem; }
        table { border-collapse: collapse; width: 100%; margin: 0.25rem 0 0.5rem; }
        th, td { text-align: left; padding: 0.2rem 0.6rem 0.2rem 0; border-bottom: 1px solid var(--rule); vertical-align: top; }
        th { font-weight: 600; white-space: nowrap; }
        .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        .barcell { width: 35%; vertical-align: middle; }
        .meter { display: block; height: 0.8rem; min-width: 2px; background: var(--bar); }
        .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
        figure { margin: 0.5rem 0; }
        svg.timeline { width: 100%; height: auto; display: block; }
        svg .bar { fill: var(--bar); }
        svg .bar.burst { fill: var(--burst); }
        svg .grid { stroke: var(--rule); stroke-width: 1; }
        svg .axis, svg .legend { fill: var(--muted); font-size: 12px; }
        svg .mark { fill: var(--burst); font-size: 12px; font-weight: 600; paint-order: stroke; stroke: var(--paper); stroke-width: 3px; }
        svg .share { fill: none; stroke: var(--ink); stroke-width: 1.5; stroke-dasharray: 4 3; }
        svg text.share { fill: var(--ink); stroke: none; }
        svg .empty { fill: var(--muted); font-size: 16px; }
        ol.quotes, ol.bursts { padding-left: 1.5rem; }
        ol.quotes li, ol.bursts li { margin-bottom: 1rem; }
        blockquote { margin: 0.25rem 0; padding-left: 0.8rem; border-left: 3px solid var(--rule); }
        blockquote p { margin: 0; }
        .cite { margin: 0.2rem 0 0; font-size: 0.9rem; color: var(--muted); }
        code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 0.9em; overflow-wrap: anywhere; }
        a { color: var(--bar); }
        .estimate { font-weight: normal; color: var(--muted); }
        footer { margin-top: 2.5rem; font-size: 0.85rem; }
        @media print {
          body { font-size: 11pt; }
          main { max-width: none; padding: 0; }
          section, figure, tr, li { break-inside: avoid; }
          h2, h3 { break-after: avoid; }
          details > summary { display: none; }
          .meter, svg { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
          a { color: inherit; text-decoration: none; }
        }

        """
}
