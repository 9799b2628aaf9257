import { describe, expect, it } from 'vitest';
import { readRateLimit } from '../../../shared/adapters/reddit/http.ts';
import { decodeMarker, encodeMarker } from '../../../shared/adapters/reddit/markers.ts';
import { normaliseChild, parseListing } from '../../../shared/adapters/reddit/normalise.ts';
import { PostSchema } from '../../../shared/domain/post.ts';
import { ProspectProfileSchema } from '../../../shared/domain/prospect.ts';

const link = (extra: Record<string, unknown> = {}) => ({
  kind: 't3',
  data: {
    id: '1gx2abc',
    name: 't3_1gx2abc',
    author: 'ana_sales',
    author_fullname: 't2_9xyz',
    title: 'Which CRM for a 20-person team?',
    selftext: 'We are evaluating options & need "pipeline" views.',
    created_utc: 1795168800.0,
    subreddit: 'sales',
    permalink: '/r/sales/comments/1gx2abc/which_crm/',
    score: 14,
    num_comments: 6,
    num_crossposts: 1,
    ...extra,
  },
});

describe('normalising a Reddit search Listing', () => {
  it('turns a link into an original post and an author keyed by fullname', () => {
    const out = normaliseChild(link(), 0);

    expect('post' in out && out.post).toEqual({
      source: 'reddit',
      id: '1gx2abc',
      text: 'Which CRM for a 20-person team?\n\nWe are evaluating options & need "pipeline" views.',
      url: 'https://www.reddit.com/r/sales/comments/1gx2abc/which_crm/',
      createdAt: '2026-11-20T10:00:00.000Z',
      authorId: 't2_9xyz',
      kind: 'original',
      metrics: { likes: 14, replies: 6, reposts: 1, quotes: 0 },
    });
    expect('author' in out && out.author).toMatchObject({
      source: 'reddit',
      authorId: 't2_9xyz',
      handle: 'ana_sales',
      bio: '',
      profileUrl: 'https://www.reddit.com/user/ana_sales',
    });
    if ('post' in out) {
      expect(() => PostSchema.parse({ ...out.post, campaignIds: ['c'] })).not.toThrow();
      expect(() => ProspectProfileSchema.parse(out.author)).not.toThrow();
    }
  });

  it('uses the title alone for a link post and never counts a negative score', () => {
    const out = normaliseChild(link({ selftext: '', score: -3 }), 0);

    expect('post' in out && out.post).toMatchObject({
      text: 'Which CRM for a 20-person team?',
      metrics: { likes: 0 },
    });
  });

  it('rejects a post whose author deleted their account, saying so', () => {
    const deleted = link({ author: '[deleted]', author_fullname: undefined });

    expect(normaliseChild(deleted, 3)).toEqual({
      rejected: {
        id: '1gx2abc',
        error: 'data.children[3].data.author: author is [deleted] (account gone, no prospect)',
      },
    });
  });

  it('rejects a bad child naming its field', () => {
    expect(normaliseChild(link({ created_utc: 'yesterday' }), 1)).toMatchObject({
      rejected: { id: '1gx2abc', error: expect.stringMatching(/^data\.children\[1\]\.data\.created_utc: /) },
    });
    expect(normaliseChild(link({ author_fullname: undefined }), 2)).toMatchObject({
      rejected: { error: expect.stringMatching(/^data\.children\[2\]\.data\.author_fullname: /) },
    });
    expect(normaliseChild({ kind: 't1', data: {} }, 4)).toMatchObject({
      rejected: { error: expect.stringMatching(/^data\.children\[4\]\.kind: /) },
    });
  });

  it('rejects a broken Listing envelope, naming the field', () => {
    expect(() => parseListing({ kind: 'Listing', data: { children: 'none' } })).toThrowError(
      /^malformed page at data\.children: /,
    );
    expect(() => parseListing({ error: 403 })).toThrowError(/^malformed page at kind: /);
  });
});

describe('Reddit markers and rate-limit headers', () => {
  it('round-trips seconds and fullname, and accepts bare seconds', () => {
    expect(encodeMarker(1795168800.9, 't3_1gx2abc')).toBe('1795168800:t3_1gx2abc');
    expect(decodeMarker('1795168800:t3_1gx2abc')).toEqual({ seconds: 1795168800, fullname: 't3_1gx2abc' });
    expect(decodeMarker('1795168800')).toEqual({ seconds: 1795168800, fullname: undefined });
    expect(decodeMarker('1860000000000000000')).toBeUndefined();
  });

  it('reads remaining as a float and reset as seconds from now', () => {
    const headers = new Headers({
      'x-ratelimit-remaining': '97.0',
      'x-ratelimit-reset': '42',
      'x-ratelimit-used': '3',
    });

    expect(readRateLimit(headers, new Date('2026-11-20T10:00:00Z'))).toEqual({
      remaining: 97,
      resetAt: new Date('2026-11-20T10:00:42Z'),
    });
  });
});
