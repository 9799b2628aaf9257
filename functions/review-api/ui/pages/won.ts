/** The won customers page (client source): one row per record, newest first. */
export const WON_PAGE_JS = `
async function wonPage(box) {
  const { customers } = await call('/api/won');
  const rows = customers.map((w) => '<tr class="won"><td><strong>' + esc(w.name) + '</strong><br><span class="muted">@' + esc(w.handle) + '</span></td>' +
    '<td>' + esc(w.company || '') + '</td><td class="num">' + esc(Number(w.deal.value).toLocaleString('en')) + ' ' + esc(w.deal.currency) + '</td>' +
    '<td>' + esc(w.cohort?.source ?? '') + '<br><span class="muted">' + esc((w.campaignIds || []).join(', ')) + '</span></td>' +
    '<td class="num">' + esc(w.definitionVersion ?? '') + '</td><td class="num">' + esc(w.daysToWon ?? '') + '</td>' +
    '<td>' + esc(String(w.at).slice(0, 10)) + '<br><span class="muted">by ' + esc(w.wonBy) + '</span></td>' +
    '<td>' + (w.posts || []).map((p, i) => '<a href="' + esc(p.url) + '" target="_blank" rel="noopener">post ' + (i + 1) + '</a>').join(' ') + '</td></tr>').join('');
  box.innerHTML = '<h2>Won customers</h2>' + (rows
    ? '<table class="card"><thead><tr><th>Who</th><th>Company</th><th>Deal</th><th>Source / campaigns</th><th>Definition</th><th>Days to won</th><th>Won</th><th>Posts</th></tr></thead><tbody>' + rows + '</tbody></table>'
    : '<div class="empty">No customers won yet.</div>');
}
`;
