import { beforeAll, describe, expect, it } from 'vitest';
import type { Post } from '../../shared/domain/post.ts';
import type { ProspectProfile } from '../../shared/domain/prospect.ts';
import { ConcurrentPublishError } from '../../shared/ports/definition-store.ts';
import { testDefinition } from '../support/definition.ts';
import { freshStores } from '../support/local-resources.ts';
import { scanItems } from '../support/stored.ts';

const author: ProspectProfile = {
  source: 'x',
  authorId: '7',
  handle: 'ana',
  name: 'Ana',
  bio: 'VP',
  followers: 10,
  following: 1,
  postsCount: 1,
  verified: false,
};
const post = (id: string, campaignIds = ['crm']): Post => ({
  source: 'x',
  id,
  text: `evaluating crms ${id}`,
  url: `https://x.com/ana/status/${id}`,
  createdAt: '2026-11-20T10:00:00.000Z',
  authorId: '7',
  kind: 'original',
  metrics: { likes: 0, replies: 0, reposts: 0, quotes: 0 },
  campaignIds,
});
const signalOf = (p: Post) => ({
  postId: p.id,
  postKind: p.kind,
  campaignIds: p.campaignIds,
  at: p.createdAt,
  text: p.text,
  url: p.url,
});

describe('DynamoDB stores', () => {
  let stores: Awaited<ReturnType<typeof freshStores>>;
  const now = new Date('2026-11-20T12:00:00.000Z');
  beforeAll(async () => {
    stores = await freshStores();
  });

  it('stores a post once, with its prospect and signal, and tags a second campaign without a second copy', async () => {
    const p = post('1');
    const outcomes = [
      await stores.posts.recordPost({ post: p, author, signal: signalOf(p) }, now),
      await stores.posts.recordPost({ post: p, author, signal: signalOf(p) }, now),
      await stores.posts.recordPost(
        { post: post('1', ['warehouse']), author, signal: signalOf(post('1', ['warehouse'])) },
        now,
      ),
    ];

    expect(outcomes).toEqual(['new', 'duplicate', 'duplicate']);
    const [stored] = await scanItems(stores.table, '#POST');
    expect([...((stored?.campaignIds ?? new Set()) as Set<string>)].sort()).toEqual(['crm', 'warehouse']);
    expect((await stores.leads.listSignals('x#7')).map((s) => s.campaignIds.sort())).toEqual([
      ['crm', 'warehouse'],
    ]);
    const lead = await stores.leads.getLead('x#7');
    expect(lead).toMatchObject({
      state: 'new',
      revision: 1,
      campaignIds: expect.arrayContaining(['crm', 'warehouse']),
    });
    expect((await stores.leads.listPending(10)).items).toEqual(['x#7']);
  });

  it('refuses a stale score write and accepts the current one, clearing the pending mark', async () => {
    await stores.posts.recordPost({ post: post('2'), author, signal: signalOf(post('2')) }, now);
    const lead = await stores.leads.getLead('x#7');
    const update = { score: 70, breakdown: [], definitionVersion: 1, state: 'mql' as const };

    const stale = await stores.leads.saveScore('x#7', (lead?.revision ?? 0) - 1, update, now);
    const fresh = await stores.leads.saveScore('x#7', lead?.revision ?? 0, update, now);

    expect([stale, fresh]).toEqual([false, true]);
    expect((await stores.leads.listPending(10)).items).toEqual([]);
    expect((await stores.leads.listByState('mql', 10)).items.map((l) => l.key)).toEqual(['x#7']);
  });

  it('lists leads changed since a watermark across days, page by page', async () => {
    const keys: string[] = [];
    for (let i = 0; i < 5; i++) {
      const a = { ...author, authorId: String(100 + i) };
      const p = { ...post(String(200 + i)), authorId: a.authorId };
      await stores.posts.recordPost({ post: p, author: a, signal: signalOf(p) }, now);
      const at = new Date(Date.UTC(2026, 10, 18 + i, 9));
      await stores.leads.saveScore(
        `x#${a.authorId}`,
        1,
        { score: i, breakdown: [], definitionVersion: 1, state: 'nurture' },
        at,
      );
      keys.push(`x#${a.authorId}`);
    }

    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await stores.leads.listChangedSince(
        '2026-11-19T00:00:00.000Z',
        '2026-11-21T23:59:59.999Z',
        2,
        cursor,
      );
      seen.push(...page.items.map((l) => l.key));
      cursor = page.nextCursor;
    } while (cursor);

    // Oldest change first; x#7 was scored at noon on the 20th by the previous test.
    expect(seen).toEqual([keys[1], keys[2], 'x#7', keys[3]]);
  });

  it('publishes definition versions in order and refuses a publish based on a stale version', async () => {
    const { version: _v, author: _a, note: _n, publishedAt: _p, ...draft } = testDefinition();
    const v1 = await stores.definitions.publishDefinition(
      { draft, author: 'ops', note: 'first', basedOn: undefined },
      now,
    );
    const v2 = await stores.definitions.publishDefinition(
      { draft: { ...draft, halfLifeDays: 7 }, author: 'sales', note: 'faster decay', basedOn: 1 },
      now,
    );

    await expect(
      stores.definitions.publishDefinition({ draft, author: 'late', note: 'stale', basedOn: 1 }, now),
    ).rejects.toThrow(ConcurrentPublishError);
    expect([v1.version, v2.version]).toEqual([1, 2]);
    expect((await stores.definitions.currentDefinition())?.halfLifeDays).toBe(7);
    expect((await stores.definitions.listDefinitions()).map((d) => [d.version, d.author])).toEqual([
      [1, 'ops'],
      [2, 'sales'],
    ]);
  });

  it('keeps a campaign cursor when the campaign is edited', async () => {
    const c = {
      id: 'crm',
      source: 'x' as const,
      name: 'CRM',
      product: 'P',
      query: 'crm',
      cadenceMinutes: 15,
      active: true,
      owner: 'ops',
    };
    await stores.campaigns.putCampaign(c);
    await stores.campaigns.saveCursor('crm', { sinceId: '42' });

    await stores.campaigns.putCampaign({ ...c, query: 'crm OR hubspot' });

    expect(await stores.campaigns.getCursor('crm')).toEqual({ sinceId: '42' });
    expect((await stores.campaigns.getCampaign('crm'))?.query).toBe('crm OR hubspot');
  });
});
