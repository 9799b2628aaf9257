import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../functions/review-api/app.ts';
import { compileDefinition } from '../../shared/domain/scoring.ts';
import { allLabels } from '../../shared/ports/label-store.ts';
import { silentLog } from '../../shared/ports/log.ts';
import { qualifyProspect } from '../../shared/use-cases/qualify-prospects.ts';
import { testDefinition } from '../support/definition.ts';
import { everyRole } from '../support/identity.ts';
import { freshQueue, freshStores } from '../support/local-resources.ts';
import { seedPost } from '../support/seed-post.ts';
import { scanItems } from '../support/stored.ts';

describe('post-level labels from people', () => {
  let stores: Awaited<ReturnType<typeof freshStores>>;
  let app: ReturnType<typeof createApp>;
  const clock = { now: () => new Date() };
  const send = (path: string, body: unknown, user = 'mia') =>
    app.request(`/api/leads/${path}/post-labels`, {
      method: 'POST',
      body: JSON.stringify(body),
      headers: { 'content-type': 'application/json', 'x-user': user },
    });

  beforeAll(async () => {
    stores = await freshStores();
    const { queue } = await freshQueue();
    await seedPost(stores.posts, { authorId: '81', postId: '9081', text: 'evaluating HubSpot alternatives' });
    await seedPost(stores.posts, { authorId: '81', postId: '9082', text: 'lovely weather today' });
    await seedPost(stores.posts, { authorId: '82', postId: '9083', text: 'which CRM should we pick?' });
    await qualifyProspect(
      { ...stores, clock, log: silentLog },
      compileDefinition(
        // 75 points: in review, where a marketer decides.
        testDefinition({ thresholds: { mql: 100, reviewFloor: 25, requireIntent: true } }),
      ),
      'x#81',
    );
    app = createApp({ ...stores, queue, clock, log: silentLog, identify: everyRole() });
  });

  it('stores a label with who and when, and a later label on the same post replaces it', async () => {
    const first = await send('x/81', { postId: '9081', label: 'not-buying' }, 'mia');
    const second = await send('x/81', { postId: '9081', label: 'buying' }, 'sam');
    await send('x/81', { postId: '9082', label: 'not-buying' }, 'sam');
    const body = (await second.json()) as { label: Record<string, string> };

    expect([first.status, second.status]).toEqual([200, 200]);
    // everyRole makes the caller a marketer (and sales): the marketer's name is what is recorded.
    expect(body.label).toMatchObject({ key: 'x#81', postId: '9081', label: 'buying', by: 'marketer:sam' });
    expect(Date.now() - Date.parse(body.label.at ?? '')).toBeLessThan(60_000);
    expect(body.label).not.toHaveProperty('text');
    const stored = await allLabels(stores.labels);
    expect(stored.map((l) => [l.postId, l.label, l.by, l.text]).sort()).toEqual([
      ['9081', 'buying', 'marketer:sam', 'evaluating HubSpot alternatives'],
      ['9082', 'not-buying', 'marketer:sam', 'lovely weather today'],
    ]);
    const listed = (await (await app.request('/api/leads/x/81/post-labels')).json()) as { labels: unknown[] };
    expect(listed.labels).toHaveLength(2);
  });

  it("refuses a post that is not the lead's, a bad label and unknown keys, naming the field, and stores nothing", async () => {
    const before = (await allLabels(stores.labels)).length;

    const otherPost = await send('x/81', { postId: '9083', label: 'buying' });
    const noLead = await send('x/99', { postId: '9081', label: 'buying' });
    const badLabel = await send('x/81', { postId: '9081', label: 'maybe' });
    const extra = await send('x/81', { postId: '9081', label: 'buying', score: 5 });
    const badId = await send('x/81', { postId: 'a b', label: 'buying' });

    expect(otherPost.status).toBe(404);
    expect(await otherPost.text()).toContain('postId');
    expect(noLead.status).toBe(404);
    expect([badLabel.status, extra.status, badId.status]).toEqual([400, 400, 400]);
    expect(await badLabel.text()).toContain('label');
    expect(await extra.text()).toContain('score');
    expect(await badId.text()).toContain('postId');
    expect(await allLabels(stores.labels)).toHaveLength(before);
  });

  it('does not turn a lead-level decision into a label', async () => {
    const before = await allLabels(stores.labels);

    const decided = await app.request('/api/leads/x/81/decision', {
      method: 'POST',
      body: JSON.stringify({ to: 'disqualified', reason: 'a recruiter, not a buyer' }),
      headers: { 'content-type': 'application/json' },
    });

    expect(decided.status).toBe(200);
    expect(await allLabels(stores.labels)).toEqual(before);
  });

  it('is erased with the person, and the erasure recount finds nothing left', async () => {
    const response = await app.request('/api/leads/x/81/erase', {
      method: 'POST',
      body: JSON.stringify({ reason: 'erasure request #4712' }),
      headers: { 'content-type': 'application/json' },
    });
    const report = (await response.json()) as Record<string, number>;

    expect(response.status).toBe(200);
    expect(report).toMatchObject({ remainingLeadItems: 0, remainingPosts: 0 });
    expect(await allLabels(stores.labels)).toEqual([]);
    expect(await stores.labels.listLeadLabels('x#81')).toEqual([]);
    expect(await scanItems(stores.table, 'LABEL#9081')).toEqual([]);
    expect(await scanItems(stores.table, 'LABEL#9082')).toEqual([]);
    const after = await send('x/81', { postId: '9081', label: 'buying' });
    expect(after.status).toBe(404);
  });
});
