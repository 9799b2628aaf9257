import { createHash } from 'node:crypto';
import type { SignInSettings } from './http.ts';
import { SVG_CHARTS_JS } from './ui/components/svg-charts.ts';
import { FUNNEL_PAGE_JS } from './ui/pages/funnel.ts';
import { OBJECTIONS_PAGE_JS } from './ui/pages/objections.ts';
import { SALES_PAGE_JS } from './ui/pages/sales.ts';
import { WON_PAGE_JS } from './ui/pages/won.ts';
import { ROUTER_JS } from './ui/router.ts';
import { CHART_CSS } from './ui/styles.ts';

/**
 * The marketer's review screen: one self-contained page (no build step, no CDN) so it works
 * offline on a laptop and from the same Lambda on AWS. On AWS it signs the person in through the
 * Cognito hosted UI (authorization code + PKCE, a public client: no secret in the page) and sends
 * the ID token to the API, whose routes API Gateway guards with the JWT authorizer.
 */
export function reviewUiHtml(signIn?: SignInSettings, writeToken?: string): string {
  // JSON in a script element: `<` escaped so no value can close the element.
  const config = JSON.stringify(signIn ?? null).replace(/</g, '\\u003c');
  // On a laptop the page carries the run's write token (see local-access.ts); a page on another
  // origin cannot read this one, so it cannot learn the token.
  const meta = writeToken ? `<meta name="prospector-write-token" content="${attr(writeToken)}">` : '';
  return PAGE.replace('__SIGN_IN__', () => config).replace('__WRITE_TOKEN__', () => meta);
}

const attr = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * The page's Content-Security-Policy: only its own script (by hash) runs, it talks only to its own
 * origin and the sign-in server, and it cannot be framed. The page holds a token in the tab, so a
 * script injected through some unescaped field must not run or send it anywhere.
 */
export function reviewUiCsp(signIn?: SignInSettings): string {
  return [
    "default-src 'none'",
    `script-src '${SCRIPT_HASH}'`,
    "style-src 'unsafe-inline'",
    `connect-src 'self'${signIn ? ` ${new URL(signIn.url).origin}` : ''}`,
    "img-src 'self' data:",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

const TEMPLATE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
__WRITE_TOKEN__
<title>Prospector</title>
<style>
  body { font: 14px/1.45 system-ui, sans-serif; margin: 0; color: #1d2330; background: #f6f7f9; }
  header { background: #1d2330; color: #fff; padding: 12px 24px; display: flex; gap: 24px; align-items: center; }
  header h1 { font-size: 18px; margin: 0; }
  nav button { background: none; border: 0; color: #c9d1e0; font: inherit; cursor: pointer; padding: 4px 8px; }
  nav button[aria-pressed="true"] { color: #fff; border-bottom: 2px solid #6ea8fe; }
  #sign-out { margin-left: auto; }
  main { padding: 16px 24px; max-width: 1100px; }
  .card { background: #fff; border: 1px solid #dde1e8; border-radius: 8px; padding: 12px 16px; margin-bottom: 12px; }
  .row { display: flex; justify-content: space-between; gap: 12px; align-items: baseline; }
  .score { font-weight: 700; font-size: 18px; }
  .muted { color: #5b6577; }
  .why { margin: 8px 0; padding-left: 18px; }
  .actions { display: flex; gap: 8px; flex-wrap: wrap; align-items: center; }
  input[type=text] { flex: 1; min-width: 220px; padding: 6px 8px; border: 1px solid #c3c9d4; border-radius: 6px; }
  button.act { padding: 6px 12px; border-radius: 6px; border: 1px solid #c3c9d4; background: #fff; cursor: pointer; }
  button.primary { background: #1f6feb; color: #fff; border-color: #1f6feb; }
  .empty { padding: 24px; text-align: center; color: #5b6577; }
  #status { min-height: 20px; margin-bottom: 8px; }
  details { margin: 6px 0 10px; } .posts ul { margin: 4px 0 8px; padding-left: 18px; }
  #x-account { margin-left: auto; display: flex; gap: 8px; align-items: center; color: #c9d1e0; }
  #x-account.broken { color: #ffb4ab; font-weight: 600; }
  textarea.draft { width: 100%; min-height: 70px; font: inherit; padding: 6px 8px; border: 1px solid #c3c9d4; border-radius: 6px; box-sizing: border-box; }
  .count.over { color: #b3261e; font-weight: 700; }
__CHART_CSS__
</style>
</head>
<body>
<header><h1>Prospector</h1>
  <nav id="pages" aria-label="pages">
    <a href="#/review" data-page="review">Review</a>
    <a href="#/sales" data-page="sales">Sales inbox</a>
    <a href="#/funnel" data-page="funnel">Funnel</a>
    <a href="#/objections" data-page="objections">Objections</a>
    <a href="#/won" data-page="won">Won</a>
  </nav>
  <nav id="views" aria-label="views">
    <button data-view="review" aria-pressed="true">Review queue</button>
    <button data-view="mql" aria-pressed="false">MQLs</button>
    <button data-view="tasks" aria-pressed="false">Engagement drafts</button>
  </nav>
  <div id="x-account" hidden><span id="x-status"></span>
    <button class="act" id="x-connect" hidden>Connect X account</button>
    <button class="act" id="x-disconnect" hidden>Disconnect</button></div>
  <nav id="sign-out" hidden><button>Sign out</button></nav>
</header>
<main>
  <div id="status" role="status" aria-live="polite"></div>
  <div id="review">
  <div id="list"></div>
  <button id="more" class="act" hidden>Load more</button>
  </div>
  <div id="page" hidden></div>
</main>
<script id="sign-in-config" type="application/json">__SIGN_IN__</script>
<script>
const signIn = JSON.parse(document.getElementById('sign-in-config').textContent);
const writeToken = document.querySelector('meta[name="prospector-write-token"]')?.content;
const here = location.origin + location.pathname;
const b64url = (bytes) => btoa(String.fromCharCode(...bytes)).replace(/[+]/g, '-').replace(/[/]/g, '_').replace(/=+$/, '');
const random = (n) => b64url(crypto.getRandomValues(new Uint8Array(n)));

// Leaves for the hosted UI; it comes back to this page with ?code=...&state=...
async function startSignIn() {
  const verifier = random(32);
  const state = random(16);
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  sessionStorage.setItem('pkce', JSON.stringify({ verifier, state }));
  const q = new URLSearchParams({ response_type: 'code', client_id: signIn.clientId, redirect_uri: here, scope: 'openid email', state, code_challenge: b64url(new Uint8Array(digest)), code_challenge_method: 'S256' });
  location.assign(signIn.url + '/oauth2/authorize?' + q);
  return new Promise(() => {}); // the page is leaving
}

async function finishSignIn(params) {
  const saved = JSON.parse(sessionStorage.getItem('pkce') || 'null');
  sessionStorage.removeItem('pkce');
  history.replaceState(null, '', here);
  if (!saved || saved.state !== params.get('state')) throw new Error('the sign-in answer does not match this browser tab; reload to sign in again');
  const res = await fetch(signIn.url + '/oauth2/token', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ grant_type: 'authorization_code', client_id: signIn.clientId, code: params.get('code') || '', redirect_uri: here, code_verifier: saved.verifier }) });
  const body = await res.json().catch(() => ({}));
  if (!res.ok || !body.id_token) throw new Error('sign-in failed: ' + (body.error || res.status));
  sessionStorage.setItem('session', JSON.stringify({ idToken: body.id_token, expiresAt: Date.now() + (body.expires_in || 3600) * 1000 }));
}

// The ID token for the API (signing in first if there is none, or it is about to expire).
let signingIn;
let startingSignIn;
async function bearer() {
  if (!signIn) {
    // On a laptop, npm start prints a link per role carrying a signed local token (#token=...).
    const fromLink = new URLSearchParams(location.hash.slice(1)).get('token');
    if (fromLink) {
      sessionStorage.setItem('localToken', fromLink);
      history.replaceState(null, '', location.pathname + location.search);
    }
    return sessionStorage.getItem('localToken') || undefined;
  }
  const params = new URLSearchParams(location.search);
  if (params.has('error')) {
    history.replaceState(null, '', here);
    throw new Error('sign-in failed: ' + (params.get('error_description') || params.get('error')) + '; reload to try again');
  }
  if (params.has('code')) await (signingIn ??= finishSignIn(params));
  const session = JSON.parse(sessionStorage.getItem('session') || 'null');
  if (session && session.expiresAt > Date.now() + 60000) return session.idToken;
  // Several calls start at load (the queue, the X account status): one sign-in for all of them.
  return (startingSignIn ??= startSignIn());
}

if (signIn) {
  const out = document.getElementById('sign-out');
  out.hidden = false;
  out.addEventListener('click', () => {
    sessionStorage.clear();
    location.assign(signIn.url + '/logout?' + new URLSearchParams({ client_id: signIn.clientId, logout_uri: here }));
  });
}

const list = document.getElementById('list');
const status = document.getElementById('status');
const more = document.getElementById('more');
let view = 'review';
let cursor;
const esc = (s) => String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
const path = (key) => key.split('#').map(encodeURIComponent).join('/');
// A link only to an https: URL (a stored URL is data from a social network); anything else is text.
const link = (url, label) => {
  let ok = false;
  try { ok = new URL(url).protocol === 'https:'; } catch {}
  return ok ? '<a href="' + esc(url) + '" target="_blank" rel="noopener noreferrer">' + esc(label) + '</a>' : esc(label);
};

async function call(url, options) {
  const headers = { 'content-type': 'application/json' };
  if (writeToken) headers['x-prospector-token'] = writeToken;
  const token = await bearer();
  if (token) headers.authorization = 'Bearer ' + token;
  const res = await fetch(url, { ...options, headers });
  if (res.status === 401 && signIn) {
    sessionStorage.removeItem('session');
    return startSignIn();
  }
  const body = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(body.error || res.statusText);
  return body;
}

function leadCard(lead) {
  const why = lead.breakdown.map((b) => '<li><code>' + esc(b.ruleId) + '</code> ' + (b.points >= 0 ? '+' : '') + esc(b.points) + ' <span class="muted">' + esc(b.evidence) + '</span></li>').join('');
  const decide = view === 'review'
    ? '<input type="text" aria-label="reason" placeholder="Reason (required)">' +
      '<button class="act primary" data-to="mql">Qualify (MQL)</button>' +
      '<button class="act" data-to="nurture">Nurture</button>' +
      '<button class="act" data-to="disqualified">Disqualify</button>'
    : '';
  return '<article class="card lead" data-key="' + esc(lead.key) + '">' +
    '<div class="row"><div><strong>' + esc(lead.profile.name) + '</strong> <span class="muted">@' + esc(lead.profile.handle) + ' · ' + esc(lead.profile.followers) + ' followers</span></div>' +
    '<div class="score" title="definition v' + esc(lead.definitionVersion) + '">' + esc(lead.score) + '</div></div>' +
    '<div class="muted">' + esc(lead.profile.bio) + '</div><ul class="why">' + why + '</ul>' +
    '<details data-posts><summary>Posts and history</summary><div class="posts muted">Loading…</div></details>' +
    '<div class="actions">' + decide + '</div></article>';
}

async function showDetail(details) {
  const card = details.closest('article');
  const box = details.querySelector('.posts');
  if (details.dataset.loaded) return;
  details.dataset.loaded = '1';
  try {
    const d = await call('/api/leads/' + path(card.dataset.key));
    const posts = d.signals.map((s) => '<li>' + link(s.url, s.at.slice(0, 10)) + ' ' + esc(s.text) + '</li>').join('');
    const events = d.events.map((e) => '<li>' + esc(e.at.slice(0, 16).replace('T', ' ')) + ' ' + esc(e.from) + ' → ' + esc(e.to) + ' by ' + esc(e.actor.id) + (e.reason ? ': ' + esc(e.reason) : '') + '</li>').join('');
    box.innerHTML = '<strong>Posts</strong><ul>' + posts + '</ul><strong>History</strong><ul>' + events + '</ul>';
  } catch (e) { box.textContent = 'Could not load: ' + e.message; }
}

// X's weighted length, approximately (links 23, CJK and most emoji 2): the API checks exactly.
function weighted(text) {
  let n = 0;
  const rest = text.normalize('NFC').replace(/https?:[/][/][^ ]+/g, () => { n += 23; return ''; });
  for (const ch of rest) n += ch.codePointAt(0) <= 4351 ? 1 : 2;
  return n;
}
function countLabel(text) { const n = weighted(text); return '<span class="count' + (n > 280 ? ' over' : '') + '">' + n + ' / 280</span>'; }

function taskCard(task) {
  const editable = task.status === 'drafted';
  return '<article class="card task" data-key="' + esc(task.prospectKey) + '" data-task="' + esc(task.id) + '">' +
    '<div class="row"><div><strong>' + esc(task.kind) + '</strong> <span class="muted">' + esc(task.prospectKey) + ' · post ' + esc(task.postId) + (task.editedBy ? ' · edited by ' + esc(task.editedBy) : '') + '</span></div></div>' +
    (editable
      ? '<textarea class="draft" aria-label="reply text">' + esc(task.draft) + '</textarea><div class="actions">' + countLabel(task.draft) +
        '<button class="act" data-save>Save text</button><button class="act primary" data-approve>Approve this text</button></div>'
      : '<p>' + esc(task.draft) + '</p><div class="muted">' + esc(task.status) + (task.result ? ': ' + esc(task.result) : '') + '</div>') +
    '</article>';
}

async function load(reset) {
  if (reset) { list.innerHTML = ''; cursor = undefined; }
  const q = new URLSearchParams({ limit: '25' });
  if (cursor) q.set('cursor', cursor);
  const url = view === 'tasks' ? '/api/tasks?' + q : '/api/leads?state=' + view + '&' + q;
  try {
    const page = await call(url);
    list.insertAdjacentHTML('beforeend', page.items.map(view === 'tasks' ? taskCard : leadCard).join(''));
    if (!list.children.length) list.innerHTML = '<div class="empty">Nothing here.</div>';
    cursor = page.nextCursor;
    more.hidden = !cursor;
    return true;
  } catch (e) { status.textContent = 'Could not load: ' + e.message; return false; }
}

list.addEventListener('click', async (e) => {
  const button = e.target.closest('button');
  if (!button) return;
  const card = button.closest('article');
  try {
    if (button.dataset.to) {
      const reason = card.querySelector('input').value;
      await call('/api/leads/' + path(card.dataset.key) + '/decision', { method: 'POST', body: JSON.stringify({ to: button.dataset.to, reason }) });
      status.textContent = 'Moved to ' + button.dataset.to + '.';
    } else if (button.hasAttribute('data-save')) {
      await call('/api/tasks/' + path(card.dataset.key) + '/' + card.dataset.task + '/draft', { method: 'PUT', body: JSON.stringify({ text: card.querySelector('textarea').value }) });
      status.textContent = 'Text saved.';
      return;
    } else if (button.hasAttribute('data-approve')) {
      const text = card.querySelector('textarea').value;
      await call('/api/tasks/' + path(card.dataset.key) + '/' + card.dataset.task + '/approve', { method: 'POST', body: JSON.stringify({ text }) });
      status.textContent = 'Approved and queued: this exact text will be sent.';
    }
    card.remove();
  } catch (err) { status.textContent = 'Not saved: ' + err.message; }
});

list.addEventListener('input', (e) => {
  if (!e.target.matches('textarea.draft')) return;
  const count = e.target.closest('article').querySelector('.count');
  count.outerHTML = countLabel(e.target.value);
});

// The brand's X account: status for everyone; connect and disconnect (the API allows admins only).
const xBox = document.getElementById('x-account');
async function showXAccount() {
  try {
    const x = await call('/api/x-account');
    if (x.status === 'not-configured') return;
    xBox.hidden = false;
    xBox.classList.toggle('broken', x.status === 'broken');
    document.getElementById('x-status').textContent =
      x.status === 'connected' ? 'X: @' + x.username
      : x.status === 'broken' ? 'X connection broken: ' + (x.reason || '') + '; reconnect'
      : 'X: not connected';
    document.getElementById('x-connect').hidden = x.status === 'connected';
    document.getElementById('x-disconnect').hidden = x.status !== 'connected' && x.status !== 'broken';
  } catch (e) { status.textContent = 'X account: ' + e.message; }
}
document.getElementById('x-connect').addEventListener('click', async () => {
  try { location.assign((await call('/api/x-account/connect', { method: 'POST' })).authorizeUrl); }
  catch (e) { status.textContent = 'Could not connect: ' + e.message; }
});
document.getElementById('x-disconnect').addEventListener('click', async () => {
  if (!confirm('Disconnect the X account? Its token is revoked; nothing is sent until an admin connects again.')) return;
  try { await call('/api/x-account/disconnect', { method: 'POST' }); showXAccount(); }
  catch (e) { status.textContent = 'Could not disconnect: ' + e.message; }
});
{
  const outcome = new URLSearchParams(location.search).get('x-account');
  if (outcome) {
    history.replaceState(null, '', here);
    status.textContent = outcome === 'connected' ? 'X account connected.' : 'X account not connected (' + outcome + ').';
  }
}

list.addEventListener('toggle', (e) => { if (e.target.matches('details[data-posts]') && e.target.open) showDetail(e.target); }, true);

document.getElementById('views').addEventListener('click', (e) => {
  const b = e.target.closest('button');
  if (!b) return;
  view = b.dataset.view;
  document.querySelectorAll('#views button').forEach((x) => x.setAttribute('aria-pressed', String(x === b)));
  status.textContent = '';
  load(true);
});
more.addEventListener('click', () => load(false));
__CLIENT_MODULES__
</script>
</body>
</html>`;

const PAGE = TEMPLATE.replace('__CHART_CSS__', () => CHART_CSS).replace('__CLIENT_MODULES__', () =>
  [SVG_CHARTS_JS, SALES_PAGE_JS, FUNNEL_PAGE_JS, OBJECTIONS_PAGE_JS, WON_PAGE_JS, ROUTER_JS].join('\n'),
);

/** sha256 of the page's one executable script (the JSON config element is data, not script). */
const SCRIPT_HASH = `sha256-${createHash('sha256')
  .update(/<script>([\s\S]*?)<\/script>/.exec(PAGE)![1]!)
  .digest('base64')}`;
