namespace Avrr.Analytics.Reports.Html;

/// <summary>
/// The report's one style sheet, inlined in the page: a system font stack, tables that read on screen and
/// paper, each section on a new printed page with its heading kept with what follows, tables whose header
/// repeats on every page, and margins that fit both A4 and Letter (the page size is left to the printer).
/// </summary>
internal static class ReportStyle
{
    public const string Css = """
        :root { --ink: #1a1a1a; --muted: #555; --rule: #c8c8c8; --band: #f3f5f8; --warn: #8a1c00; }
        * { box-sizing: border-box; }
        html { font-family: "Segoe UI", "Noto Sans", "DejaVu Sans", "Helvetica Neue", Arial, sans-serif; font-size: 15px; color: var(--ink); background: #fff; }
        body { max-width: 60rem; margin: 0 auto; padding: 1.5rem 1.25rem 3rem; line-height: 1.45; }
        h1 { font-size: 1.9rem; margin: 0 0 .25rem; }
        h2 { font-size: 1.45rem; border-bottom: 2px solid var(--ink); padding-bottom: .2rem; margin: 2.2rem 0 .8rem; }
        h3 { font-size: 1.1rem; margin: 1.4rem 0 .5rem; }
        p.subtitle { color: var(--muted); margin: 0 0 1rem; }
        nav.toc ol { padding-left: 1.4rem; } nav.toc li { margin: .15rem 0; }
        nav.toc .off { color: var(--muted); }
        a { color: #0b4f8a; }
        dl.facts { display: grid; grid-template-columns: max-content max-content; gap: .2rem 1rem; margin: .5rem 0 1rem; }
        dl.facts dt { font-weight: 600; } dl.facts dd { margin: 0; }
        table { border-collapse: collapse; margin: .6rem 0 1rem; font-variant-numeric: tabular-nums; }
        th, td { border-bottom: 1px solid var(--rule); padding: .25rem .6rem; text-align: left; vertical-align: top; }
        thead th { border-bottom: 2px solid var(--ink); font-size: .9rem; }
        tbody th { font-weight: 600; }
        tr.main th, tr.main td { font-weight: 700; }
        tr.flag th, tr.flag td { background: var(--band); }
        tr.total th, tr.total td { border-top: 2px solid var(--ink); font-weight: 600; }
        .ci { color: var(--muted); white-space: nowrap; }
        .suppressed { color: var(--muted); font-style: italic; }
        .row-note { color: var(--muted); font-size: .8rem; font-style: italic; }
        .code, .hash { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: .85rem; }
        .hash { word-break: break-all; }
        .muted, .note { color: var(--muted); }
        p.note, p.missing { font-size: .92rem; }
        p.missing { border-left: 3px solid var(--rule); padding-left: .6rem; }
        p.left-out { border-left: 3px solid var(--warn); padding-left: .6rem; }
        p.lead { font-size: 1rem; }
        ul.findings li { margin: .35rem 0; }
        ul.findings li.below::marker { content: "▼ "; } ul.findings li.above::marker { content: "▲ "; } ul.findings li.none::marker { content: "– "; }
        ul.tree, ul.tree ul { list-style: none; padding-left: 1.1rem; } ul.tree { padding-left: 0; }
        ul.tree li { margin: .1rem 0; } ul.tree ul.questions { font-size: .9rem; }
        .weight { color: var(--muted); font-size: .9rem; }
        div.warning { border: 2px solid var(--warn); color: var(--warn); padding: .6rem .8rem; margin: .6rem 0 1rem; font-weight: 600; }
        figure { margin: 1rem 0; break-inside: avoid; page-break-inside: avoid; }
        figure svg.chart { width: 100%; height: auto; display: block; }
        figcaption { color: var(--muted); font-size: .9rem; margin-top: .3rem; }
        footer { margin-top: 3rem; border-top: 1px solid var(--rule); padding-top: .6rem; color: var(--muted); font-size: .85rem; }
        @page { margin: 15mm 14mm; }
        @media print {
          html { font-size: 10.5pt; }
          body { max-width: none; padding: 0; }
          section.report-section { break-before: page; page-break-before: always; }
          h2, h3 { break-after: avoid; page-break-after: avoid; }
          thead { display: table-header-group; }
          tr, li { break-inside: avoid; page-break-inside: avoid; }
          a { color: inherit; text-decoration: none; }
          nav.toc a::after { content: ""; }
        }
        """;
}
