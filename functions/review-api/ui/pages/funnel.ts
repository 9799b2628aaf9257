/** The funnel page (client source): stage bars, velocity and conversion whiskers per group. */
export const FUNNEL_PAGE_JS = `
const STAGES = ['discovered', 'review', 'mql', 'accepted', 'rejected', 'won', 'lost'];
const RATES = [['reviewToMql', 'review → MQL'], ['mqlToAccepted', 'MQL → accepted'], ['acceptedToWon', 'accepted → won'], ['mqlToWon', 'MQL → won']];
const BYS = ['source', 'campaign', 'definition', 'week'];

async function funnelPage(box, params) {
  const by = BYS.includes(params.get('by')) ? params.get('by') : 'source';
  const report = await call('/api/reports/funnel?by=' + by);
  const groups = report.groups || [];
  const total = Object.fromEntries(STAGES.map((s) => [s, groups.reduce((n, g) => n + (g.counts[s] || 0), 0)]));
  const picker = '<p class="tabs">By: ' + BYS.map((b) => '<a href="#/funnel?by=' + b + '" aria-current="' + (b === by) + '">' + b + '</a>').join(' · ') + '</p>';
  const perGroup = groups.map((g) => {
    const v = g.velocityDays || {};
    const sv = g.salesVelocity ? '<p class="muted">Sales velocity ' + esc(num(g.salesVelocity.perDay)) + ' ' + esc(g.salesVelocity.currency) + '/day (' + esc(g.salesVelocity.opportunities) + ' opportunities × ' + pct(g.salesVelocity.winRate) + ' win × ' + esc(num(g.salesVelocity.averageDeal)) + ' ÷ ' + esc(num(g.salesVelocity.cycleDays)) + ' d)</p>' : '';
    return '<section class="card group" data-group="' + esc(g.key) + '"><h3>' + esc(by) + ': ' + esc(g.key) + '</h3>' +
      '<div class="charts"><div><h4>Leads per stage</h4>' + funnelBars(g.counts, STAGES) + '</div>' +
      '<div><h4>Days per stage (median, p75)</h4>' + velocityBars([['mqlToAccepted', 'MQL → accepted'], ['acceptedToWon', 'accepted → won'], ['mqlToWon', 'MQL → won']].map(([k, label]) => ({ label, median: v[k]?.median ?? null, p75: v[k]?.p75 ?? null }))) + '</div></div>' + sv + '</section>';
  }).join('');
  const compare = RATES.map(([k, label]) => '<div><h4>' + esc(label) + ' per ' + esc(by) + ' (95% interval)</h4>' + intervalChart(groups.map((g) => ({ label: g.key, ...g.rates[k] }))) + '</div>').join('');
  box.innerHTML = '<h2>Funnel</h2>' + picker +
    (groups.length ? '<section class="card"><h3>All leads</h3>' + funnelBars(total, STAGES) + '</section><section class="card compare"><h3>Conversion by ' + esc(by) + '</h3><div class="charts">' + compare + '</div></section>' + perGroup : '<div class="empty">No funnel data yet.</div>');
}
`;
