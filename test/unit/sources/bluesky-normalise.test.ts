import { describe, expect, it } from 'vitest';
import { readRateLimit } from '../../../shared/adapters/bluesky/http.ts';
import { normalisePost, parseEnvelope, toProfile } from '../../../shared/adapters/bluesky/normalise.ts';
import { decodeToken, encodeToken, sortAt } from '../../../shared/adapters/bluesky/paging.ts';
import { PostSchema } from '../../../shared/domain/post.ts';
import { ProspectProfileSchema } from '../../../shared/domain/prospect.ts';

const DID = 'did:plc:ewvi7nxzyoun6zhxrhs64oiz';
const URI = `at://${DID}/app.bsky.feed.post/3l6oveex3ii2l`;
const OTHER = 'at://did:plc:z72i7hdynmk6r22z27h6tvur/app.bsky.feed.post/3kgcxl2ywuy2a';

const view = (extra: Record<string, unknown> = {}, record: Record<string, unknown> = {}) => ({
  uri: URI,
  cid: 'bafyreie5737gdxlw5i64vzichcalba3z2v5n6icifvx5xytvske7mr3hpm',
  author: { did: DID, handle: 'ana.bsky.social', displayName: 'Ana', avatar: 'https://cdn.bsky.app/a.jpg' },
  record: {
    $type: 'app.bsky.feed.post',
    text: 'evaluating a new CRM, any recommendations?',
    createdAt: '2026-11-20T10:00:00.123456Z',
    langs: ['en'],
    ...record,
  },
  replyCount: 2,
  repostCount: 1,
  likeCount: 5,
  quoteCount: 0,
  indexedAt: '2026-11-20T10:00:01.500Z',
  labels: [],
  ...extra,
});

describe('normalising Bluesky searchPosts results', () => {
  it('keys a post by its at:// URI and links it by handle and rkey', () => {
    const out = normalisePost(view(), 0);

    expect('post' in out && out.post).toEqual({
      source: 'bluesky',
      id: URI,
      text: 'evaluating a new CRM, any recommendations?',
      url: 'https://bsky.app/profile/ana.bsky.social/post/3l6oveex3ii2l',
      createdAt: '2026-11-20T10:00:00.123456Z',
      authorId: DID,
      lang: 'en',
      kind: 'original',
      metrics: { likes: 5, replies: 2, reposts: 1, quotes: 0 },
    });
    if ('post' in out) expect(() => PostSchema.parse({ ...out.post, campaignIds: ['c'] })).not.toThrow();
  });

  it('links by DID when the handle failed verification', () => {
    const out = normalisePost(view({ author: { did: DID, handle: 'handle.invalid' } }), 0);

    expect('post' in out && out.post.url).toBe(`https://bsky.app/profile/${DID}/post/3l6oveex3ii2l`);
  });

  it('reads replies and quotes from the record', () => {
    const ref = { uri: OTHER, cid: 'bafy' };
    const reply = normalisePost(view({}, { reply: { root: ref, parent: ref } }), 0);
    const quote = normalisePost(view({}, { embed: { $type: 'app.bsky.embed.record', record: ref } }), 0);
    const withMedia = normalisePost(
      view({}, { embed: { $type: 'app.bsky.embed.recordWithMedia', record: { record: ref }, media: {} } }),
      0,
    );
    const feedEmbed = normalisePost(
      view(
        {},
        {
          embed: {
            $type: 'app.bsky.embed.record',
            record: { uri: 'at://did:plc:x/app.bsky.feed.generator/f' },
          },
        },
      ),
      0,
    );

    expect('post' in reply && reply.post).toMatchObject({ kind: 'reply', referencedPostId: OTHER });
    expect('post' in quote && quote.post).toMatchObject({ kind: 'quote', referencedPostId: OTHER });
    expect('post' in withMedia && withMedia.post).toMatchObject({ kind: 'quote', referencedPostId: OTHER });
    expect('post' in feedEmbed && feedEmbed.post.kind).toBe('original');
  });

  it('rejects a bad post naming its field, and one filed in someone else’s repository', () => {
    expect(normalisePost(view({}, { createdAt: 'yesterday' }), 1)).toEqual({
      rejected: { id: URI, error: expect.stringMatching(/^posts\[1\]\.record\.createdAt: /) },
    });
    expect(normalisePost(view({ uri: 'https://bsky.app/x' }), 2)).toMatchObject({
      rejected: { error: expect.stringMatching(/^posts\[2\]\.uri: /) },
    });
    expect(normalisePost(view({ uri: OTHER }), 3)).toMatchObject({
      rejected: {
        id: OTHER,
        error: expect.stringMatching(/^posts\[3\]\.uri: repository .* is not the author's DID/),
      },
    });
  });

  it('rejects a broken envelope, naming the field', () => {
    expect(() => parseEnvelope({ posts: {} })).toThrowError(/^malformed page at posts: /);
    expect(() => parseEnvelope({ posts: [], cursor: 42 })).toThrowError(/^malformed page at cursor: /);
  });

  it('builds the profile from getProfiles, or from the post’s author view when that failed', () => {
    const author = { did: DID, handle: 'ana.bsky.social', displayName: 'Ana' };
    const full = toProfile(author, {
      did: DID,
      handle: 'ana.bsky.social',
      displayName: 'Ana R.',
      description: 'VP Sales',
      followersCount: 10,
      followsCount: 20,
      postsCount: 30,
      createdAt: '2023-05-01T00:00:00.000Z',
      verification: { verifiedStatus: 'valid' },
    });

    expect(full).toMatchObject({
      authorId: DID,
      name: 'Ana R.',
      bio: 'VP Sales',
      followers: 10,
      following: 20,
      postsCount: 30,
      verified: true,
      profileUrl: 'https://bsky.app/profile/ana.bsky.social',
    });
    expect(() => ProspectProfileSchema.parse(full)).not.toThrow();
    expect(toProfile(author)).toMatchObject({ name: 'Ana', bio: '', followers: 0, verified: false });
  });
});

describe('Bluesky markers and tokens', () => {
  it('marks a post by the earlier of createdAt and indexedAt, in UTC milliseconds', () => {
    expect(sortAt(view())).toBe('2026-11-20T10:00:00.123Z');
    expect(sortAt(view({}, { createdAt: '2099-01-01T00:00:00+02:00' }))).toBe('2026-11-20T10:00:01.500Z');
    expect(sortAt(view({}, { createdAt: 'yesterday' }))).toBeUndefined();
  });

  it('round-trips the until bound and server cursor', () => {
    expect(decodeToken(encodeToken({ until: '2026-11-20T10:00:00.001Z', cursor: '100' }))).toEqual({
      until: '2026-11-20T10:00:00.001Z',
      cursor: '100',
    });
    expect(decodeToken('|200')).toEqual({ until: undefined, cursor: '200' });
    expect(decodeToken('100')).toBeUndefined();
  });

  it('reads ratelimit-reset as epoch seconds, or as a delta when small', () => {
    const now = new Date('2026-11-20T10:00:00Z');
    const epoch = new Headers({ 'ratelimit-remaining': '0', 'ratelimit-reset': '1795168860' });
    const delta = new Headers({ 'ratelimit-remaining': '5', 'ratelimit-reset': '30' });

    expect(readRateLimit(epoch, now)).toEqual({ remaining: 0, resetAt: new Date('2026-11-20T10:01:00Z') });
    expect(readRateLimit(delta, now)).toEqual({ remaining: 5, resetAt: new Date('2026-11-20T10:00:30Z') });
  });
});
