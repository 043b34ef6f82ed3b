/// The report's inline stylesheet: large type for a projector, A4 landscape for paper.
///
/// Colour always doubles something written (a number, a symbol, a label), so the page reads on
/// a grey-scale printer and for colour-blind readers; text on a fill keeps at least 4.5:1
/// contrast. System fonts only: the file must not fetch anything.
enum HTMLStyles {
  static let css = """
    :root {
      --ink: #1b1f24; --muted: #57606a; --line: #d0d7de; --soft: #f6f8fa; --paper: #fff;
      --navy: #0b3d6e; --blue: #2f6ea8; --red: #b3261e; --green: #1a7f37; --amber: #8a5a00;
      color-scheme: light;
    }
    * { box-sizing: border-box; }
    html { font-size: 18px; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
    body {
      margin: 0; color: var(--ink); background: #eef1f5; line-height: 1.45;
      font-family: system-ui, "Segoe UI", "Helvetica Neue", Arial, "Liberation Sans",
        "DejaVu Sans", sans-serif;
      font-variant-numeric: tabular-nums;
    }
    .page-header { background: var(--navy); color: #fff; padding: 1.4rem 2.5rem 1rem; }
    .page-header h1 { margin: 0 0 .2rem; font-size: 2.1rem; letter-spacing: -.01em; }
    .eyebrow { margin: 0; text-transform: uppercase; letter-spacing: .12em; font-size: .75rem;
      opacity: .85; }
    .facts { margin: 0 0 .8rem; font-size: 1rem; opacity: .92; }
    nav ol { list-style: none; display: flex; flex-wrap: wrap; gap: .3rem 1.4rem; margin: 0;
      padding: 0; font-size: .85rem; }
    nav a { color: #fff; text-decoration-color: rgba(255,255,255,.5); }
    main { max-width: 1560px; margin: 0 auto; padding: 1rem 2rem 3rem; }
    section { background: var(--paper); border: 1px solid var(--line); border-radius: 10px;
      padding: .6rem 1.4rem 1.2rem; margin: 1.2rem 0; }
    h2 { font-size: 1.45rem; margin: .6rem 0 .4rem; color: var(--navy); }
    .lead { margin: .2rem 0 .8rem; color: var(--muted); max-width: 70rem; }
    .note { color: var(--muted); font-size: .9rem; }
    .muted, .id, .dept-name { color: var(--muted); }
    .id { font-size: .78em; }
    .dept-name { font-size: .8em; }
    .scroll { overflow-x: auto; }
    .cards { display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); gap: 1rem;
      margin: .4rem 0; }
    @media (max-width: 900px) { .cards { grid-template-columns: minmax(0, 1fr); } }
    .card { border: 1px solid var(--line); border-left: 7px solid var(--navy);
      border-radius: 8px; padding: .7rem 1rem .8rem; background: var(--paper); }
    .card.warn { border-left-color: var(--red); }
    .card p { margin: 0; }
    .card-label { font-size: .85rem; font-weight: 700; text-transform: uppercase;
      letter-spacing: .05em; color: var(--muted); }
    .flag { color: var(--red); }
    .card-value { font-size: 2.2rem; font-weight: 800; line-height: 1.2; margin: .2rem 0; }
    .card-value strong { color: var(--navy); }
    .card-value .arrow { color: var(--muted); font-weight: 400; }
    .unit { font-size: 1rem; font-weight: 600; color: var(--muted); }
    .card-note { font-size: .85rem; color: var(--muted); margin-top: .3rem; }
    .meter { position: relative; height: .7rem; background: #e3e8ee; border-radius: 4px;
      margin: .35rem 3.6rem .1rem 0; }
    .meter span { display: block; height: 100%; background: var(--blue); border-radius: 4px; }
    .meter.after span { background: var(--green); }
    .meter em { position: absolute; right: -3.6rem; top: -.35rem; font-size: .7rem;
      font-style: normal; color: var(--muted); }
    table { border-collapse: collapse; font-size: .9rem; }
    th, td { padding: .35rem .6rem; text-align: left; vertical-align: top; }
    thead th { border-bottom: 2px solid var(--ink); vertical-align: bottom; }
    tbody tr + tr > * { border-top: 1px solid var(--line); }
    tbody th { font-weight: 600; }
    .num { text-align: right; white-space: nowrap; }
    small { font-weight: 400; color: var(--muted); }
    .arrow { color: var(--muted); }
    .gap { color: var(--red); font-weight: 700; font-size: .85em; }
    tr.short > th:first-child { box-shadow: inset 4px 0 var(--red); }
    .badge { display: inline-block; border: 1px solid var(--muted); border-radius: 4px;
      padding: 0 .3rem; font-size: .72rem; font-weight: 700; color: var(--muted);
      white-space: nowrap; }
    .badge.new { border-color: var(--green); color: var(--green); }
    .badge.sole { border-color: var(--red); color: var(--red); }
    .badge.interest { border-color: var(--amber); color: var(--amber); }
    .tier { display: inline-block; min-width: 4.6rem; text-align: center; border-radius: 4px;
      padding: 0 .4rem; font-size: .8rem; font-weight: 700; }
    .tier-critical { background: var(--red); color: #fff; }
    .tier-high { background: var(--amber); color: #fff; }
    .tier-normal { background: #e3e8ee; color: var(--ink); }
    .bar { display: inline-flex; align-items: center; gap: 3px; white-space: nowrap; }
    .u { display: inline-block; width: 1.3rem; height: 1.3rem; border-radius: 3px;
      font-weight: 800; font-size: .9rem; line-height: 1.3rem; text-align: center; }
    .u.held { background: var(--navy); }
    .u.extra { background: #6b8fb5; }
    .u.gained { background: var(--green); color: #fff; }
    .u.lost { border: 2px solid var(--red); color: var(--red); line-height: 1rem; }
    .u.missing { border: 2px dashed #8c959f; }
    .u.hidden { width: auto; padding: 0 .5rem; font-size: .75rem; font-weight: 700;
      background: repeating-linear-gradient(45deg, #e3e8ee 0 6px, #f6f8fa 6px 12px); }
    .heatmap tr.withheld td { text-align: left; color: var(--muted); font-style: italic; }
    .bar .target { display: inline-block; width: 3px; height: 1.8rem; background: var(--ink);
      margin: 0 2px; }
    .roles { width: 100%; }
    .roles tbody th { min-width: 11rem; }
    td.people { min-width: 12rem; }
    .bar .more { font-size: .8rem; font-weight: 700; color: var(--muted); padding-left: 2px; }
    .why { margin: 0; padding-left: 1rem; }
    .level { font-weight: 700; }
    .key { display: flex; flex-wrap: wrap; align-items: center; gap: .3rem; margin: 0 0 .6rem;
      font-size: .85rem; }
    .key span { display: inline-block; min-width: 2.2rem; text-align: center;
      padding: .1rem .3rem; border-radius: 3px; }
    .heatmap td { text-align: center; min-width: 2.5rem; padding: .25rem .2rem;
      border: 2px solid var(--paper); font-size: .95rem; }
    .heatmap tbody tr + tr > * { border-top-color: var(--paper); }
    .heatmap th.skill { vertical-align: bottom; text-align: center; padding: .3rem .15rem;
      font-size: .8rem; }
    .heatmap th.skill span { writing-mode: vertical-rl; transform: rotate(180deg);
      white-space: nowrap; display: inline-block; max-height: 17rem; overflow: hidden;
      text-overflow: ellipsis; }
    .heatmap th.skill small { display: block; margin-top: .2rem; }
    .heatmap tbody th { white-space: nowrap; font-weight: 500; font-size: .9rem; }
    .heatmap tr.dept th { background: #e3e8ee; font-weight: 800; color: var(--navy);
      padding-top: .4rem; }
    .dept-group { border-top: 1px solid var(--line); }
    .dept-group summary { cursor: pointer; padding: .45rem 0; }
    .dept-group summary strong { color: var(--navy); }
    .dept-group .muted { font-size: .9rem; }
    .dept-group > .scroll { margin: 0 0 1rem; }
    .l0 { background: var(--soft); color: #6e7781; }
    .l1 { background: #dbe9f6; color: var(--ink); }
    .l2 { background: #9ecae1; color: #0b1f33; }
    .l3 { background: var(--blue); color: #fff; }
    .l4 { background: var(--navy); color: #fff; }
    .ok { font-weight: 800; text-decoration: underline; text-underline-offset: 2px; }
    .planned { background: #fff3bf; color: var(--ink); font-weight: 800; white-space: nowrap;
      outline: 3px solid var(--amber); outline-offset: -3px; }
    .heatmap td.planned { background: #fff3bf; color: var(--ink); }
    .calendar { font-size: .75rem; width: 100%; table-layout: fixed; }
    .calendar .role-col { width: 13rem; }
    .calendar .total-col { width: 4rem; }
    .calendar th, .calendar td { padding: .2rem 0; text-align: center; }
    .calendar td { height: 1.8rem; font-weight: 800; font-size: .85rem; overflow: hidden; }
    .calendar tbody th { text-align: left; padding: .2rem .6rem .2rem 0; font-size: .85rem;
      line-height: 1.2; }
    .calendar thead th small { display: block; }
    .calendar .wk { border-left: 2px solid #8c959f; }
    .calendar td.total { padding-left: .6rem; font-weight: 600; }
    .x { background: var(--red); color: #fff; }
    .fixed { background: #d6f0dc; color: var(--green); }
    .sample { padding: 0 .35rem; border-radius: 3px; font-weight: 800; }
    .corner { text-align: left; }
    .heatmap th:first-child, .calendar th:first-child { position: sticky; left: 0;
      background: var(--paper); z-index: 1; }
    .heatmap tr.dept th { position: static; }
    .gantt { font-family: inherit; display: block; max-width: 100%; height: auto; }
    .gantt .col { fill: var(--paper); }
    .gantt .col.even { fill: var(--soft); }
    .gantt .week { font-size: 13px; font-weight: 700; text-anchor: middle; fill: var(--ink); }
    .gantt .date { font-size: 11px; text-anchor: middle; fill: var(--muted); }
    .gantt .who { font-size: 15px; font-weight: 600; fill: var(--ink); }
    .gantt .from { font-weight: 400; fill: var(--muted); }
    .gantt .no { font-weight: 800; fill: var(--navy); }
    .gantt .what { font-size: 13px; fill: var(--muted); }
    .gantt .bar { fill: var(--blue); }
    .gantt .checkin { fill: #fff; stroke: var(--navy); stroke-width: 2; }
    .gantt .rule { stroke: var(--line); }
    .diamond-key { color: var(--navy); }
    .wave-month { font-size: 1.1rem; color: var(--navy); margin: 1rem 0 .3rem;
      border-bottom: 1px solid var(--line); padding-bottom: .15rem; }
    .wave { margin: 0 0 .6rem; padding-left: 2.4rem; font-size: .92rem; }
    .wave li { margin: 0 0 .45rem; }
    .wave li::marker { font-weight: 800; color: var(--navy); }
    .wave .when { font-weight: 600; }
    .wave .gaps { color: var(--amber); }
    .wave .serves { color: var(--green); }
    .wave .trained { color: var(--muted); font-style: italic; }
    .coverage-chart { font-family: inherit; display: block; max-width: 100%; height: auto; }
    .coverage-chart .grid { stroke: var(--line); }
    .coverage-chart .month { stroke: #e3e8ee; }
    .coverage-chart .axis { font-size: 13px; text-anchor: end; fill: var(--muted); }
    .coverage-chart .week { font-size: 12px; text-anchor: middle; fill: var(--ink); }
    .coverage-chart .month-name { font-size: 13px; font-weight: 700; fill: var(--navy); }
    .coverage-chart .ceiling { stroke: var(--red); stroke-width: 2; stroke-dasharray: 8 6; }
    .coverage-chart .ceiling-label { font-size: 13px; text-anchor: end; fill: var(--red); }
    .coverage-chart .line { fill: none; stroke-linejoin: round; }
    .coverage-chart .line.before { stroke: #8c959f; stroke-width: 2; }
    .coverage-chart .line.after { stroke: var(--blue); stroke-width: 4; }
    .coverage-chart .pt { fill: var(--blue); stroke: #fff; stroke-width: 1.5; }
    .key-after { color: var(--blue); font-weight: 800; }
    .key-before { color: #8c959f; font-weight: 800; }
    .key-ceiling { color: var(--red); font-weight: 800; }
    table.months { margin: .8rem 0 .4rem; }
    table.months caption { text-align: left; color: var(--muted); font-size: .85rem;
      padding-bottom: .3rem; }
    details.weeks { margin: .4rem 0; font-size: .9rem; }
    details.weeks summary { cursor: pointer; color: var(--navy); }
    .succession { min-width: 60rem; }
    .succession tr.group th { background: #e3e8ee; color: var(--navy); font-weight: 700;
      padding-top: .45rem; }
    .ready { font-weight: 700; white-space: nowrap; }
    .ready.now { color: var(--green); }
    .ready.soon { color: var(--blue); }
    .ready.later { color: var(--muted); }
    .ready.blocked { color: var(--red); white-space: normal; }
    .legend { display: grid; grid-template-columns: max-content 1fr; gap: .3rem 1.2rem;
      margin: .4rem 0; }
    .legend dt { font-weight: 700; }
    .legend dd { margin: 0; }
    code { font-size: .9em; }
    .filter { font: inherit; font-size: .9rem; padding: .3rem .6rem; margin: 0 0 .6rem;
      width: 22rem; max-width: 100%; border: 1px solid var(--muted); border-radius: 6px; }
    th button { font: inherit; color: inherit; text-align: inherit; background: none; border: 0;
      padding: 0; margin: 0; cursor: pointer; }
    th button::after { content: " ↕"; color: var(--muted); font-size: .8em; }
    th[aria-sort="ascending"] button::after { content: " ▲"; }
    th[aria-sort="descending"] button::after { content: " ▼"; }
    a:focus-visible, button:focus-visible, input:focus-visible { outline: 3px solid var(--amber); }
    @page { size: A4 landscape; margin: 10mm; }
    @media print {
      html { font-size: 10pt; }
      body { background: var(--paper); }
      .page-header { padding: .6rem 1rem; }
      nav, .filter { display: none; }
      main { max-width: none; padding: 0; }
      section { border: 0; padding: 0; margin: 0 0 1rem; }
      h2 { break-after: avoid; }
      .scroll { overflow: visible; }
      .card, tr, .gantt, .coverage-chart, table.months, .wave li, table.sources, table.unmet,
        .legend, .succession tbody { break-inside: avoid; }
      thead { display: table-header-group; }
      .cards { grid-template-columns: repeat(3, minmax(0, 1fr)); }
      #skills, #calendar { break-before: page; }
      #schedule { break-inside: avoid; }
      .heatmap, .calendar { font-size: 7pt; }
      .heatmap th.skill span { max-height: 9rem; }
      .heatmap td { min-width: 0; padding: 1px; }
      .calendar { min-width: 0 !important; }
      .calendar td { height: auto; }
      .gantt { max-width: 100%; height: auto; }
      th button::after { content: ""; }
    }

    """
}
