import { describe, expect, it } from 'vitest';
import { normaliseSearchPage } from '../../shared/adapters/x/normalise.ts';
import { MalformedPageError } from '../../shared/ports/social-source.ts';

const user = {
  id: '9',
  username: 'ana',
  name: 'Ana',
  description: 'VP',
  public_metrics: { followers_count: 1, following_count: 2, tweet_count: 3 },
};
const tweet = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  text: `post ${id}`,
  author_id: '9',
  created_at: '2026-11-20T10:00:00.000Z',
  ...extra,
});

describe('normalising an X recent-search page', () => {
  it('turns tweets and includes.users into posts and profiles', () => {
    const page = normaliseSearchPage({
      data: [tweet('2', { referenced_tweets: [{ type: 'retweeted', id: '1' }] }), tweet('1')],
      includes: { users: [user, user] },
      meta: { result_count: 2, newest_id: '2', oldest_id: '1', next_token: 'abc' },
    });

    expect(page.posts.map((p) => [p.id, p.kind, p.url])).toEqual([
      ['2', 'retweet', 'https://x.com/ana/status/2'],
      ['1', 'original', 'https://x.com/ana/status/1'],
    ]);
    expect(page.authors.get('9')).toMatchObject({ handle: 'ana', bio: 'VP', followers: 1 });
    expect(page).toMatchObject({ newestId: '2', oldestId: '1', nextToken: 'abc', rejected: [] });
  });

  it('rejects only the bad tweet, naming its field', () => {
    const page = normaliseSearchPage({
      data: [tweet('3'), tweet('2', { created_at: 'yesterday' }), tweet('1')],
      includes: { users: [user] },
      meta: { result_count: 3 },
    });

    expect(page.posts.map((p) => p.id)).toEqual(['3', '1']);
    expect(page.rejected).toEqual([{ id: '2', error: expect.stringMatching(/^data\[1\]\.created_at: /) }]);
  });

  it('rejects a tweet whose author is missing from includes', () => {
    const page = normaliseSearchPage({
      data: [tweet('1', { author_id: '77' })],
      includes: { users: [user] },
      meta: { result_count: 1 },
    });

    expect(page.rejected[0]?.error).toBe('data[0].author_id: author 77 missing from includes.users');
  });

  it('rejects a page whose envelope is broken, naming the field', () => {
    expect(() => normaliseSearchPage({ data: [], meta: { result_count: 'many' } })).toThrowError(
      MalformedPageError,
    );
    expect(() => normaliseSearchPage({ data: [] })).toThrowError(/meta/);
  });

  it('reads an empty result', () => {
    expect(normaliseSearchPage({ meta: { result_count: 0 } }).posts).toEqual([]);
  });
});
