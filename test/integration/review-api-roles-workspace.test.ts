import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../functions/review-api/app.ts';
import { LocalIdentity } from '../../local/runner/local-identity.ts';
import type { Role } from '../../shared/domain/roles.ts';
import { silentLog } from '../../shared/ports/log.ts';
import { freshQueue, freshStores } from '../support/local-resources.ts';

type Caller = Role | 'nobody' | 'forged';

/**
 * Who may call the campaign and definition-editing routes (issue 13 items 4 and 5), pinned the
 * way review-api-roles.test.ts pins the others: owners get past the role check (any answer but
 * 401/403), every other group a 403, a caller without a valid token a 401.
 */
const ROUTES: { method: 'GET' | 'POST' | 'PUT' | 'DELETE'; path: string; body?: unknown; owners: Role[] }[] =
  [
    { method: 'GET', path: '/api/campaigns', owners: ['marketer', 'admin'] },
    {
      method: 'POST',
      path: '/api/campaigns/check-query',
      body: { source: 'x', query: 'crm' },
      owners: ['marketer', 'admin'],
    },
    {
      method: 'POST',
      path: '/api/campaigns',
      body: { id: 'c1', name: 'n', product: 'p', cadenceMinutes: 15, query: { source: 'x', query: 'crm' } },
      owners: ['marketer', 'admin'],
    },
    {
      method: 'PUT',
      path: '/api/campaigns/c1',
      body: { name: 'n', product: 'p', cadenceMinutes: 15, query: { source: 'x', query: 'crm' } },
      owners: ['marketer', 'admin'],
    },
    { method: 'POST', path: '/api/campaigns/c1/pause', owners: ['marketer', 'admin'] },
    { method: 'POST', path: '/api/campaigns/c1/resume', owners: ['marketer', 'admin'] },
    { method: 'GET', path: '/api/mql/words', owners: ['marketer', 'sales', 'admin'] },
    { method: 'GET', path: '/api/mql/draft', owners: ['marketer', 'sales', 'admin'] },
    {
      method: 'PUT',
      path: '/api/mql/draft',
      body: { definition: {}, basedOn: 1 },
      owners: ['marketer', 'sales', 'admin'],
    },
    { method: 'DELETE', path: '/api/mql/draft', owners: ['marketer', 'sales', 'admin'] },
    {
      method: 'POST',
      path: '/api/mql/impact',
      body: { definition: {} },
      owners: ['marketer', 'sales', 'admin'],
    },
  ];
const CALLERS: Caller[] = ['nobody', 'forged', 'marketer', 'sales', 'admin'];

describe('who may call the campaign and definition-editing routes', () => {
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
    it(`pins the owners of ${route.method} ${route.path}: ${route.owners.join(', ')}`, async () => {
      const statuses: Record<string, number> = {};
      for (const caller of CALLERS) {
        const res = await app.request(route.path, {
          method: route.method,
          headers: { 'content-type': 'application/json', ...headers(caller) },
          ...(route.method !== 'GET' ? { body: JSON.stringify(route.body ?? {}) } : {}),
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
