/**
 * The sales inbox (client source): MQLs with the why behind their score; accept, or reject with a
 * reason code; accepted leads are marked won (deal value, currency) or lost (reason code). Code
 * pickers are filled from GET /api/codes, so admins edit the list without a deploy.
 */
export const SALES_PAGE_JS = `
let salesCodes;
const codeOptions = (use) => '<option value="">—</option>' + salesCodes.filter((c) => c.usedFor.includes(use)).map((c) => '<option value="' + esc(c.id) + '">' + esc(c.label) + '</option>').join('');

function salesCard(lead, state) {
  const why = (lead.breakdown || []).map((b) => '<li><code>' + esc(b.ruleId) + '</code> ' + (b.points >= 0 ? '+' : '') + esc(b.points) + ' <span class="muted">' + esc(b.evidence) + '</span></li>').join('');
  const moves = state === 'mql'
    ? '<label>reject reason <select data-code="reject">' + codeOptions('reject') + '</select></label>' +
      '<button class="act primary" data-sale="accepted">Accept</button><button class="act" data-sale="rejected">Reject</button>'
    : '<label>lost reason <select data-code="lose">' + codeOptions('lose') + '</select></label>' +
      '<label>deal <input type="number" min="0" step="any" aria-label="deal value" data-value></label>' +
      '<label>currency <input type="text" maxlength="3" size="4" aria-label="currency" value="EUR" data-currency></label>' +
      '<button class="act primary" data-sale="won">Won</button><button class="act" data-sale="lost">Lost</button>';
  return '<article class="card sale" data-key="' + esc(lead.key) + '" data-revision="' + esc(lead.revision ?? '') + '">' +
    '<div class="row"><div><strong>' + esc(lead.profile.name) + '</strong> <span class="muted">@' + esc(lead.profile.handle) + ' · ' + esc(lead.profile.followers) + ' followers</span></div>' +
    '<div class="score">' + esc(lead.score) + '</div></div>' +
    '<div class="muted">' + esc(lead.profile.bio) + '</div><ul class="why">' + why + '</ul>' +
    '<div class="actions"><label>objection <select data-objection>' + codeOptions('objection') + '</select></label>' +
    '<input type="text" aria-label="note" placeholder="Note (what you heard)" data-note></div>' +
    '<div class="actions">' + moves + '</div></article>';
}

async function salesPage(box, params) {
  const state = params.get('state') === 'accepted' ? 'accepted' : 'mql';
  salesCodes ??= (await call('/api/codes')).codes;
  const page = await call('/api/leads?state=' + state + '&limit=50');
  box.innerHTML = '<h2>Sales inbox</h2><p class="tabs"><a href="#/sales" aria-current="' + (state === 'mql') + '">MQLs to decide</a> · <a href="#/sales?state=accepted" aria-current="' + (state === 'accepted') + '">Accepted: won or lost</a></p>' +
    '<div id="sales-list">' + (page.items.map((l) => salesCard(l, state)).join('') || '<div class="empty">Nothing here.</div>') + '</div>';
  box.querySelector('#sales-list').addEventListener('click', async (e) => {
    const button = e.target.closest('button[data-sale]');
    if (!button) return;
    const card = button.closest('article');
    const to = button.dataset.sale;
    const body = { to, note: card.querySelector('[data-note]').value };
    const objection = card.querySelector('[data-objection]').value;
    if (objection) body.objection = objection;
    const code = card.querySelector('[data-code]');
    if ((to === 'rejected' || to === 'lost') && code.value) body.code = code.value;
    if (to === 'won') body.deal = { value: Number(card.querySelector('[data-value]').value), currency: card.querySelector('[data-currency]').value.trim().toUpperCase() };
    if (card.dataset.revision) body.revision = Number(card.dataset.revision);
    try {
      await call('/api/leads/' + path(card.dataset.key) + '/decision', { method: 'POST', body: JSON.stringify(body) });
      status.textContent = 'Marked ' + to + '.';
      card.remove();
    } catch (err) { status.textContent = 'Not saved: ' + err.message; }
  });
}
`;
