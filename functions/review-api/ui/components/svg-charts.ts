/**
 * Hand-made SVG charts as client-side JavaScript source: the page is one self-contained document
 * whose only script runs by CSP hash, so the chart code ships inside it as text. Every function
 * returns SVG markup built from data and escapes every piece of text, since labels are names
 * people or campaigns chose. Unit tests evaluate exactly this source (test/unit/svg-charts.test.ts).
 */
export const SVG_CHARTS_JS = `
const { funnelBars, velocityBars, intervalChart, num, pct } = (() => {
const esc = (s) => String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
const num = (x) => (Number.isFinite(x) ? Math.round(x * 100) / 100 : 0);
const pct = (x) => (x === null || x === undefined ? 'n/a' : Math.round(x * 1000) / 10 + '%');
const CHART_W = 640, LABEL_W = 170, ROW_H = 26, PAD = 8;

/** Funnel bars: one horizontal bar per stage, its length proportional to the stage count. */
function funnelBars(counts, stages) {
  const max = Math.max(1, ...stages.map((s) => counts[s] || 0));
  const span = CHART_W - LABEL_W - 60;
  const rows = stages.map((s, i) => {
    const n = counts[s] || 0;
    const y = PAD + i * ROW_H;
    const w = num((n / max) * span);
    return '<g class="stage"><text x="' + (LABEL_W - 8) + '" y="' + (y + 17) + '" text-anchor="end" class="label">' + esc(s) + '</text>' +
      '<rect class="bar" data-stage="' + esc(s) + '" x="' + LABEL_W + '" y="' + (y + 3) + '" width="' + w + '" height="' + (ROW_H - 8) + '" rx="3"></rect>' +
      '<text x="' + num(LABEL_W + w + 6) + '" y="' + (y + 17) + '" class="value">' + esc(n) + '</text></g>';
  });
  return '<svg class="chart funnel" role="img" aria-label="leads per stage" viewBox="0 0 ' + CHART_W + ' ' + (PAD * 2 + stages.length * ROW_H) + '">' + rows.join('') + '</svg>';
}

/** Velocity: a bar to the median days per stage, a tick at the 75th percentile. */
function velocityBars(rows) {
  const max = Math.max(1, ...rows.map((r) => r.p75 ?? r.median ?? 0));
  const span = CHART_W - LABEL_W - 90;
  const x = (d) => num(LABEL_W + (d / max) * span);
  const body = rows.map((r, i) => {
    const y = PAD + i * ROW_H;
    const label = '<text x="' + (LABEL_W - 8) + '" y="' + (y + 17) + '" text-anchor="end" class="label">' + esc(r.label) + '</text>';
    if (r.median === null || r.median === undefined)
      return '<g class="velocity">' + label + '<text x="' + LABEL_W + '" y="' + (y + 17) + '" class="value muted">no data yet</text></g>';
    const p75 = r.p75 ?? r.median;
    return '<g class="velocity">' + label +
      '<rect class="bar median" x="' + LABEL_W + '" y="' + (y + 3) + '" width="' + num(x(r.median) - LABEL_W) + '" height="' + (ROW_H - 8) + '" rx="3"></rect>' +
      '<line class="p75" x1="' + x(p75) + '" x2="' + x(p75) + '" y1="' + (y + 1) + '" y2="' + (y + ROW_H - 3) + '"></line>' +
      '<text x="' + num(x(Math.max(p75, r.median)) + 6) + '" y="' + (y + 17) + '" class="value">' + esc(num(r.median)) + ' d (p75 ' + esc(num(p75)) + ' d)</text></g>';
  });
  return '<svg class="chart velocity" role="img" aria-label="median and 75th percentile days per stage" viewBox="0 0 ' + CHART_W + ' ' + (PAD * 2 + rows.length * ROW_H) + '">' + body.join('') + '</svg>';
}

/** Conversion with its 95% interval: a whisker from low to high on a 0-100% axis, a dot at the rate. */
function intervalChart(rows) {
  const span = CHART_W - LABEL_W - 70;
  const x = (p) => num(LABEL_W + Math.min(1, Math.max(0, p)) * span);
  const h = PAD * 2 + rows.length * ROW_H + 18;
  const grid = [0, 0.25, 0.5, 0.75, 1].map((p) => '<line class="grid" x1="' + x(p) + '" x2="' + x(p) + '" y1="' + PAD + '" y2="' + (h - 18) + '"></line><text class="axis" x="' + x(p) + '" y="' + (h - 4) + '" text-anchor="middle">' + p * 100 + '%</text>').join('');
  const body = rows.map((r, i) => {
    const y = PAD + i * ROW_H + ROW_H / 2;
    const label = '<text x="' + (LABEL_W - 8) + '" y="' + (y + 5) + '" text-anchor="end" class="label">' + esc(r.label) + '</text>';
    if (r.value === null || r.value === undefined)
      return '<g class="rate">' + label + '<text x="' + LABEL_W + '" y="' + (y + 5) + '" class="value muted">no cohort yet</text></g>';
    return '<g class="rate">' + label +
      '<line class="whisker" x1="' + x(r.low) + '" x2="' + x(r.high) + '" y1="' + y + '" y2="' + y + '"></line>' +
      '<line class="cap" x1="' + x(r.low) + '" x2="' + x(r.low) + '" y1="' + (y - 6) + '" y2="' + (y + 6) + '"></line>' +
      '<line class="cap" x1="' + x(r.high) + '" x2="' + x(r.high) + '" y1="' + (y - 6) + '" y2="' + (y + 6) + '"></line>' +
      '<circle class="point" cx="' + x(r.value) + '" cy="' + y + '" r="5"><title>' + esc(r.label) + ': ' + pct(r.value) + ' (95% ' + pct(r.low) + '–' + pct(r.high) + ', n=' + esc(r.trials) + ')</title></circle>' +
      '<text x="' + (CHART_W - 62) + '" y="' + (y + 5) + '" class="value">' + pct(r.value) + '</text></g>';
  });
  return '<svg class="chart interval" role="img" aria-label="conversion with 95% intervals" viewBox="0 0 ' + CHART_W + ' ' + h + '">' + grid + body.join('') + '</svg>';
}
return { esc, funnelBars, velocityBars, intervalChart, num, pct };
})();
`;

/** The chart functions, evaluated from the shipped source (for tests and server-side use). */
export function loadCharts(): {
  esc: (s: unknown) => string;
  funnelBars: (counts: Record<string, number>, stages: string[]) => string;
  velocityBars: (rows: { label: string; median: number | null; p75: number | null }[]) => string;
  intervalChart: (
    rows: { label: string; value: number | null; low: number; high: number; trials?: number }[],
  ) => string;
} {
  return new Function(
    `${SVG_CHARTS_JS.replace('const { funnelBars, velocityBars, intervalChart, num, pct } =', 'return')}`,
  )();
}
