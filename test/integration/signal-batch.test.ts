import { describe, expect, it } from 'vitest';
import { freshStores } from '../support/local-resources.ts';
import { seedPost } from '../support/seed-post.ts';

const NOW = new Date('2026-12-05T12:00:00.000Z');
const DAY = 86_400_000;

describe('reading the named signals of a whole queue page in batches', () => {
  it('returns live signals grouped by lead, across more keys than one batch takes, and leaves out expired and missing ones', async () => {
    // Arrange: 120 leads with one live post each, one lead whose post is past retention (TTL not applied yet).
    const stores = await freshStores();
    for (let n = 1; n <= 120; n++)
      await seedPost(stores.posts, { authorId: String(n), postId: `1${n}`, text: `post ${n}` }, NOW);
    await seedPost(
      stores.posts,
      { authorId: '999', postId: '1999', text: 'old post' },
      new Date(NOW.getTime() - 4_000 * DAY),
    );
    const refs = [
      ...Array.from({ length: 120 }, (_, i) => ({ key: `x#${i + 1}`, postId: `1${i + 1}` })),
      { key: 'x#1', postId: '11' }, // asked twice
      { key: 'x#999', postId: '1999' }, // expired
      { key: 'x#5', postId: 'nope' }, // never stored (erased, or expired and deleted)
    ];

    // Act
    const byLead = await stores.leads.getSignals(refs, NOW);

    // Assert: the same as one query per lead would give
    expect(byLead.size).toBe(120);
    for (const n of [1, 5, 77, 120]) {
      const perLead = await stores.leads.listSignals(`x#${n}`, NOW);
      expect(byLead.get(`x#${n}`)).toEqual(perLead);
    }
    expect(byLead.has('x#999')).toBe(false);
    expect(await stores.leads.listSignals('x#999', NOW)).toEqual([]);
  });
});
