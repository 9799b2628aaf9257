/**
 * The hash router (client source): #/review (the marketer's queue, the default), #/sales,
 * #/funnel, #/objections, #/won. A sign-in link's #token=... is read before routing starts.
 */
export const ROUTER_JS = `
const PAGES = { sales: salesPage, funnel: funnelPage, objections: objectionsPage, won: wonPage };
const reviewBox = document.getElementById('review');
const pageBox = document.getElementById('page');
async function route() {
  const [name, query] = location.hash.replace(/^#[/]?/, '').split('?');
  const page = PAGES[name] ? name : 'review';
  document.querySelectorAll('#pages a').forEach((a) => a.setAttribute('aria-current', String(a.dataset.page === page)));
  status.textContent = '';
  reviewBox.hidden = page !== 'review';
  document.getElementById('views').hidden = page !== 'review';
  pageBox.hidden = page === 'review';
  if (page === 'review') return load(true);
  pageBox.innerHTML = '<div class="empty">Loading…</div>';
  try { await PAGES[page](pageBox, new URLSearchParams(query || '')); }
  catch (e) { pageBox.innerHTML = ''; status.textContent = 'Could not load: ' + e.message; }
}
window.addEventListener('hashchange', route);
// Sign in first (one sign-in for every call), then the page, then the X account status.
Promise.resolve(bearer()).then(async () => { if ((await route()) !== false) showXAccount(); }, (e) => { status.textContent = e.message; });
`;
