/** The workspace's styles: classes only, no inline style attributes (the CSP allows inline <style> only). */
export const UI_CSS = `
  body { font: 14px/1.45 system-ui, sans-serif; margin: 0; color: #1d2330; background: #f6f7f9; }
  header { background: #1d2330; color: #fff; padding: 12px 24px; display: flex; gap: 24px; align-items: center; flex-wrap: wrap; }
  header h1 { font-size: 18px; margin: 0; }
  #pages a { color: #dfe5ef; text-decoration: none; padding: 4px 8px; }
  #pages a[aria-current="true"] { color: #fff; border-bottom: 2px solid #6ea8fe; }
  button.link { background: none; border: 0; color: #dfe5ef; font: inherit; cursor: pointer; }
  #sign-out { margin-left: auto; }
  main { padding: 16px 24px; max-width: 1100px; }
  h2 { margin: 4px 0 10px; font-size: 20px; }
  .card { background: #fff; border: 1px solid #dde1e8; border-radius: 8px; padding: 12px 16px; margin-bottom: 12px; }
  .card.selected { border-color: #1f6feb; box-shadow: 0 0 0 2px #1f6feb33; }
  .row { display: flex; justify-content: space-between; gap: 12px; align-items: baseline; }
  div.score { font-weight: 700; font-size: 18px; }
  .muted { color: #4f596b; }
  .why { margin: 8px 0; padding-left: 18px; }
  blockquote.post { margin: 0 0 8px; font-size: 15px; }
  blockquote.post p { margin: 0 0 4px; white-space: pre-wrap; }
  mark { background: #fff0a8; color: inherit; padding: 0 1px; border-radius: 2px; }
  mark.cue { background: transparent; text-decoration: underline dotted #5b3fb8 2px; text-underline-offset: 3px; }
  div.score .grade { font-size: 0.6em; font-weight: 600; }
  a { color: #0b57d0; }
  .actions { display: flex; gap: 8px; flex-wrap: wrap; align-items: center; margin-top: 6px; }
  input[type=text] { flex: 1; min-width: 220px; padding: 6px 8px; border: 1px solid #8a94a6; border-radius: 6px; }
  button.act { padding: 6px 12px; border-radius: 6px; border: 1px solid #8a94a6; background: #fff; color: #1d2330; cursor: pointer; font: inherit; }
  button.act[aria-pressed="true"] { background: #e8f0fe; border-color: #1f6feb; font-weight: 600; }
  button.primary { background: #1f6feb; color: #fff; border-color: #1f6feb; }
  button.chip { padding: 2px 8px; font-size: 12px; }
  .picker { display: flex; gap: 8px; flex-wrap: wrap; align-items: center; margin-top: 8px; padding-top: 8px; border-top: 1px dashed #c3c9d4; }
  .picker label { flex: 1; }
  .empty { padding: 24px; text-align: center; color: #4f596b; }
  .sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
  fieldset { border: 0; margin: 0; padding: 0; min-width: 0; }
  #status { min-height: 20px; margin-bottom: 8px; }
  .filters { display: flex; flex-direction: column; gap: 8px; margin-bottom: 10px; }
  .filters .tabs { display: flex; gap: 6px; flex-wrap: wrap; }
  .filter-fields { display: flex; gap: 10px; flex-wrap: wrap; align-items: center; }
  .filter-fields input[type=text] { min-width: 120px; flex: 0; }
  .undo { display: flex; gap: 12px; align-items: center; background: #fffbe6; }
  .help dl div { display: flex; gap: 12px; } .help dt { min-width: 110px; } .help dd { margin: 0; }
  kbd { border: 1px solid #8a94a6; border-radius: 4px; padding: 0 4px; font: 12px ui-monospace, monospace; background: #fff; }
  #x-account { margin-left: auto; display: flex; gap: 8px; align-items: center; color: #dfe5ef; }
  #x-account.broken { color: #ffb4ab; font-weight: 600; }
  textarea.draft { width: 100%; min-height: 70px; font: inherit; padding: 6px 8px; border: 1px solid #8a94a6; border-radius: 6px; box-sizing: border-box; }
  .count.over { color: #b3261e; font-weight: 700; }
  ol.timeline { list-style: none; padding: 0; } ol.timeline li { background: #fff; border-left: 3px solid #8a94a6; padding: 6px 10px; margin-bottom: 6px; }
  ol.timeline li.decision { border-left-color: #1f6feb; } ol.timeline li.score { border-left-color: #8250df; }
  ol.timeline li.post { border-left-color: #2da44e; } ol.timeline li.export { border-left-color: #d29922; }
  .tabs a[aria-current="true"] { font-weight: 700; }
  .charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(420px, 1fr)); gap: 12px; }
  h3 { margin: 4px 0 8px; font-size: 16px; } h4 { margin: 6px 0 2px; font-size: 13px; color: #4f596b; font-weight: 600; }
  svg.chart { width: 100%; height: auto; display: block; }
  svg.chart text { font: 12px system-ui, sans-serif; fill: #1d2330; }
  svg.chart text.muted, svg.chart text.axis { fill: #4f596b; }
  svg.chart rect.bar { fill: #1f6feb; }
  svg.chart rect.bar[data-stage="rejected"], svg.chart rect.bar[data-stage="lost"] { fill: #d29922; }
  svg.chart rect.bar[data-stage="won"] { fill: #2da44e; }
  svg.chart rect.median { fill: #8250df; }
  svg.chart line.p75 { stroke: #1d2330; stroke-width: 2; }
  svg.chart line.grid { stroke: #e3e6eb; }
  svg.chart line.whisker, svg.chart line.cap { stroke: #1f6feb; stroke-width: 2; }
  svg.chart circle.point { fill: #fff; stroke: #1f6feb; stroke-width: 2; }
  table.card { border-collapse: collapse; width: 100%; padding: 0; }
  table.card th, table.card td { text-align: left; padding: 6px 8px; border-bottom: 1px solid #eceef2; vertical-align: top; }
  td.num { text-align: right; }
  .notes { padding-left: 18px; } label { display: inline-flex; gap: 4px; align-items: center; }
  select, input[type=number] { padding: 4px 6px; border: 1px solid #8a94a6; border-radius: 6px; }
  input[type=number] { width: 110px; }
  .query-builder textarea.draft, .query-builder label, .editor label { flex: 1; width: 100%; }
  textarea.definition-json { min-height: 320px; font: 12px/1.4 ui-monospace, monospace; }
  button:disabled { opacity: 0.55; cursor: not-allowed; }
  .problem { color: #b3261e; font-weight: 600; } .ok { color: #1a7f37; }
  ul.runs, ul.rules, ul.summary, ul.diff { margin: 0; padding-left: 18px; }
`;
