/** The objections page (client source): top reason and objection codes per group, with the notes. */
export const OBJECTIONS_PAGE_JS = `
const OBJ_BYS = ['campaign', 'product', 'month', 'source'];

async function objectionsPage(box, params) {
  const by = OBJ_BYS.includes(params.get('by')) ? params.get('by') : 'campaign';
  const report = await call('/api/reports/objections?by=' + by);
  const picker = '<p class="tabs">By: ' + OBJ_BYS.map((b) => '<a href="#/objections?by=' + b + '" aria-current="' + (b === by) + '">' + b + '</a>').join(' · ') + '</p>';
  const groups = (report.groups || []).map((g) => {
    const top = g.top || [];
    const counts = Object.fromEntries(top.slice(0, 8).map((t) => [t.kind + ': ' + t.label, t.count]));
    const notes = (g.notes || []).map((n) => '<li><span class="muted">' + esc(String(n.at).slice(0, 10)) + ' ' + esc(n.code || '') + (n.objection ? ' / ' + esc(n.objection) : '') + '</span> ' + esc(n.note) + '</li>').join('');
    return '<section class="card objection-group" data-group="' + esc(g.key) + '"><h3>' + esc(g.key) + ' <span class="muted">' + esc(g.decisions) + ' decisions</span></h3>' +
      funnelBars(counts, Object.keys(counts)) + (notes ? '<details open><summary>Notes</summary><ul class="notes">' + notes + '</ul></details>' : '') + '</section>';
  }).join('');
  box.innerHTML = '<h2>Objections and reasons</h2>' + picker + (groups || '<div class="empty">No objections recorded yet.</div>');
}
`;
