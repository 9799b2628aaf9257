import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../functions/review-api/app.ts';
import { LocalIdentity } from '../../local/runner/local-identity.ts';
import type { Role } from '../../shared/domain/roles.ts';
import { silentLog } from '../../shared/ports/log.ts';
import { freshQueue, freshStores } from '../support/local-resources.ts';

type Caller = Role | 'nobody' | 'forged';

/**
 * Who may call what: every route, every group. A route's owners get past the role check (any
 * answer but 401/403: a 404 for a lead that does not exist is fine); everyone else gets 403, and
 * a caller without a valid token 401.
 */
const ROUTES: { method: 'GET' | 'POST' | 'PUT'; path: string; body?: unknown; owners: Role[] }[] = [
  { method: 'GET', path: '/api/leads?state=review', owners: ['marketer', 'sales', 'admin'] },
  { method: 'GET', path: '/api/leads/counts', owners: ['marketer', 'sales', 'admin'] },
  {
    method: 'GET',
    path: '/api/leads?state=review&campaign=crm&source=x&minScore=1&maxScore=90&sort=score',
    owners: ['marketer', 'sales', 'admin'],
  },
  { method: 'GET', path: '/api/leads/x/1', owners: ['marketer', 'sales', 'admin'] },
  { method: 'GET', path: '/api/leads/export.csv', owners: ['sales', 'admin'] },
  { method: 'GET', path: '/api/leads/changes.csv', owners: ['sales', 'admin'] },
  {
    method: 'POST',
    path: '/api/leads/x/1/decision',
    body: { to: 'mql', reason: 'asked for a demo' },
    owners: ['marketer'],
  },
  { method: 'POST', path: '/api/leads/x/1/decision', body: { to: 'accepted', note: '' }, owners: ['sales'] },
  {
    method: 'POST',
    path: '/api/leads/x/1/decision',
    body: { to: 'rejected', code: 'timing', note: '' },
    owners: ['sales'],
  },
  {
    method: 'POST',
    path: '/api/leads/x/1/decision',
    body: { to: 'won', note: '', deal: { value: 1, currency: 'EUR' } },
    owners: ['sales'],
  },
  {
    method: 'POST',
    path: '/api/leads/x/1/decision',
    body: { to: 'lost', code: 'price', note: '' },
    owners: ['sales'],
  },
  { method: 'POST', path: '/api/leads/x/1/engagement', body: { kind: 'replied' }, owners: ['marketer'] },
  {
    method: 'POST',
    path: '/api/leads/x/1/opt-out',
    body: { optedOut: true },
    owners: ['marketer', 'sales', 'admin'],
  },
  { method: 'POST', path: '/api/leads/x/1/erase', body: { reason: 'ticket 42' }, owners: ['admin'] },
  {
    method: 'POST',
    path: '/api/leads/x/1/post-labels',
    body: { postId: '20', label: 'buying' },
    owners: ['marketer', 'sales'],
  },
  { method: 'GET', path: '/api/leads/x/1/post-labels', owners: ['marketer', 'sales'] },
  { method: 'POST', path: '/api/models/train', body: { withFeedback: true }, owners: ['admin'] },
  { method: 'GET', path: '/api/tasks', owners: ['marketer'] },
  { method: 'POST', path: '/api/tasks/x/1/t1/approve', owners: ['marketer'] },
  { method: 'PUT', path: '/api/tasks/x/1/t1/draft', body: { text: 'Hi there' }, owners: ['marketer'] },
  { method: 'POST', path: '/api/tasks/x/1/t1/skip', body: {}, owners: ['marketer'] },
  { method: 'GET', path: '/api/leads/x/1/timeline', owners: ['marketer', 'sales', 'admin'] },
  // The OAuth callback is absent on purpose: X's browser redirect carries no sign-in.
  { method: 'GET', path: '/api/x-account', owners: ['marketer', 'sales', 'admin'] },
  { method: 'POST', path: '/api/x-account/connect', owners: ['admin'] },
  { method: 'POST', path: '/api/x-account/disconnect', owners: ['admin'] },
  { method: 'GET', path: '/api/mql', owners: ['marketer', 'sales', 'admin'] },
  { method: 'GET', path: '/api/mql/versions', owners: ['marketer', 'sales', 'admin'] },
  { method: 'GET', path: '/api/mql/diff?from=1&to=1', owners: ['marketer', 'sales', 'admin'] },
  {
    method: 'POST',
    path: '/api/mql',
    body: { definition: {}, note: 'tighter', basedOn: 1 },
    owners: ['admin'],
  },
  { method: 'GET', path: '/api/codes', owners: ['marketer', 'sales', 'admin'] },
  {
    method: 'POST',
    path: '/api/codes',
    body: { codes: [], note: 'new list', basedOn: 0 },
    owners: ['admin'],
  },
  { method: 'GET', path: '/api/reports/funnel?by=source', owners: ['marketer', 'sales', 'admin'] },
  { method: 'GET', path: '/api/reports/objections?by=campaign', owners: ['marketer', 'sales', 'admin'] },
  { method: 'GET', path: '/api/reports/suggestions', owners: ['marketer', 'sales', 'admin'] },
  { method: 'GET', path: '/api/won', owners: ['marketer', 'sales', 'admin'] },
  { method: 'GET', path: '/api/openapi.json', owners: ['marketer', 'sales', 'admin'] },
];
const CALLERS: Caller[] = ['nobody', 'forged', 'marketer', 'sales', 'admin'];

describe('who may call which route', () => {
  const identity = new LocalIdentity();
  const forger = new LocalIdentity();
  let app: ReturnType<typeof createApp>;

  beforeAll(async () => {
    const stores = await freshStores();
    const { queue } = await freshQueue();
    app = createApp({
      ...stores,
      queue,
      clock: { now: () => new Date() },
      log: silentLog,
      identify: identity.identify,
    });
  });

  const headers = (caller: Caller): Record<string, string> => {
    if (caller === 'nobody') return {};
    const signer = caller === 'forged' ? forger : identity;
    const token = signer.sign({ id: `local-${caller}`, roles: [caller === 'forged' ? 'admin' : caller] });
    return { authorization: `Bearer ${token}` };
  };

  for (const route of ROUTES) {
    const label = `${route.method} ${route.path}${route.body ? ` ${JSON.stringify(route.body).slice(0, 40)}` : ''}`;
    it(`pins the owners of ${label}: ${route.owners.join(', ')}`, async () => {
      const statuses: Record<string, number> = {};
      for (const caller of CALLERS) {
        const res = await app.request(route.path, {
          method: route.method,
          headers: { 'content-type': 'application/json', ...headers(caller) },
          ...(route.body !== undefined || route.method !== 'GET'
            ? { body: JSON.stringify(route.body ?? {}) }
            : {}),
        });
        statuses[caller] = res.status;
      }

      expect(statuses.nobody).toBe(401);
      expect(statuses.forged).toBe(401);
      for (const role of ['marketer', 'sales', 'admin'] as const) {
        if (route.owners.includes(role))
          expect(statuses[role], `${role} may call it`).not.toBeOneOf([401, 403]);
        else expect(statuses[role], `${role} may not call it`).toBe(403);
      }
    });
  }
});
