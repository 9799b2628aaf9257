/** Styles for the sales pages and their SVG charts: classes only, no inline style attributes. */
export const CHART_CSS = `
  #pages a { color: #c9d1e0; text-decoration: none; padding: 4px 8px; }
  #pages a[aria-current="true"] { color: #fff; border-bottom: 2px solid #6ea8fe; }
  .tabs a[aria-current="true"] { font-weight: 700; }
  .charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(420px, 1fr)); gap: 12px; }
  h3 { margin: 4px 0 8px; font-size: 16px; } h4 { margin: 6px 0 2px; font-size: 13px; color: #5b6577; font-weight: 600; }
  svg.chart { width: 100%; height: auto; display: block; }
  svg.chart text { font: 12px system-ui, sans-serif; fill: #1d2330; }
  svg.chart text.muted, svg.chart text.axis { fill: #5b6577; }
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
  select, input[type=number] { padding: 4px 6px; border: 1px solid #c3c9d4; border-radius: 6px; }
  input[type=number] { width: 110px; }
`;
