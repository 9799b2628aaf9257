import { describe, expect, it } from 'vitest';
import { htmlToText } from '../../../shared/adapters/hackernews/html-text.ts';
import { normaliseHit, parseEnvelope, toProfile } from '../../../shared/adapters/hackernews/normalise.ts';
import { decodeToken, planPage } from '../../../shared/adapters/hackernews/paging.ts';
import { PostSchema } from '../../../shared/domain/post.ts';
import { ProspectProfileSchema } from '../../../shared/domain/prospect.ts';
import { MalformedPageError } from '../../../shared/ports/social-source.ts';

const comment = (extra: Record<string, unknown> = {}) => ({
  objectID: '42000123',
  author: 'ana',
  created_at: '2026-11-20T10:00:00Z',
  created_at_i: 1795168800,
  _tags: ['comment', 'author_ana', 'story_41999999'],
  comment_text:
    'We&#x27;re evaluating a new <i>CRM</i> &amp; need &quot;pipeline&quot; views.<p>Budget &gt; 10k.',
  story_id: 41999999,
  parent_id: 42000100,
  points: null,
  num_comments: null,
  ...extra,
});
const story = (extra: Record<string, unknown> = {}) => ({
  objectID: '42000200',
  author: 'bo',
  created_at: '2026-11-20T10:05:00.000Z',
  created_at_i: 1795169100,
  _tags: ['story', 'author_bo', 'story_42000200', 'ask_hn'],
  title: 'Ask HN: Which CRM for a small team?',
  url: null,
  story_text: '<p>We have 20 reps.',
  points: 12,
  num_comments: 4,
  ...extra,
});

describe('HN HTML to text', () => {
  it('turns paragraphs into blank lines, drops tags and decodes entities', () => {
    expect(htmlToText('a &amp; b<p>c <a href="https://x.io/&amp;">https://x.io/&amp;</a>&#x2F;d&#47;')).toBe(
      'a & b\n\nc https://x.io/&/d/',
    );
  });

  it('keeps encoded markup as text and leaves unknown entities alone', () => {
    expect(htmlToText('&lt;script&gt; &bogus; <pre><code>x  = 1</code></pre>')).toBe(
      '<script> &bogus; x  = 1',
    );
    expect(htmlToText(null)).toBe('');
  });
});

describe('normalising HN Search hits', () => {
  it('makes a comment a reply to its parent with plain text', () => {
    const out = normaliseHit(comment(), 0);

    expect('post' in out && out.post).toEqual({
      source: 'hackernews',
      id: '42000123',
      text: 'We\'re evaluating a new CRM & need "pipeline" views.\n\nBudget > 10k.',
      url: 'https://news.ycombinator.com/item?id=42000123',
      createdAt: '2026-11-20T10:00:00Z',
      authorId: 'ana',
      kind: 'reply',
      referencedPostId: '42000100',
      metrics: { likes: 0, replies: 0, reposts: 0, quotes: 0 },
    });
    if ('post' in out) expect(() => PostSchema.parse({ ...out.post, campaignIds: ['c'] })).not.toThrow();
  });

  it('makes a story an original post of its title and text', () => {
    const out = normaliseHit(story(), 0);

    expect('post' in out && out.post).toMatchObject({
      kind: 'original',
      text: 'Ask HN: Which CRM for a small team?\n\nWe have 20 reps.',
      metrics: { likes: 12, replies: 4 },
    });
    expect('post' in out && out.post.referencedPostId).toBeUndefined();
  });

  it('rejects a bad hit naming its field', () => {
    expect(normaliseHit(comment({ created_at: 'yesterday' }), 7)).toEqual({
      rejected: { id: '42000123', error: expect.stringMatching(/^hits\[7\]\.created_at: /) },
    });
    expect(normaliseHit(comment({ author: null }), 0)).toMatchObject({
      rejected: { error: expect.stringMatching(/^hits\[0\]\.author: /) },
    });
  });

  it('rejects a page whose envelope is broken, naming the field', () => {
    const broken = () => parseEnvelope({ hits: [], page: 0, nbPages: 'many', hitsPerPage: 100 });

    expect(broken).toThrowError(MalformedPageError);
    expect(broken).toThrowError(/^malformed page at nbPages: /);
    expect(() => parseEnvelope({ page: 0 })).toThrowError(/^malformed page at hits: /);
  });

  it('builds a profile from HN user data, or an empty one when the lookup failed', () => {
    const profile = toProfile('ana', {
      username: 'ana',
      about: 'VP Sales at <a href="https://ex.co">ex.co</a> &amp; advisor',
      karma: 120,
      created_at: '2015-03-01T00:00:00.000Z',
      submission_count: 9,
    });

    expect(profile).toMatchObject({
      authorId: 'ana',
      handle: 'ana',
      bio: 'VP Sales at ex.co & advisor',
      postsCount: 9,
      accountCreatedAt: '2015-03-01T00:00:00.000Z',
      profileUrl: 'https://news.ycombinator.com/user?id=ana',
    });
    expect(ProspectProfileSchema.parse(profile)).toBeTruthy();
    expect(toProfile('bo')).toMatchObject({ bio: '', followers: 0, accountCreatedAt: undefined });
  });
});

describe('HN keyset paging', () => {
  it('leaves the oldest second of a page that continues for the next page', () => {
    const plan = planPage([300, 300, 200, 100, 100, undefined], { more: true, page: 0 });

    expect([...plan.drop]).toEqual([3, 4]);
    expect(plan).toMatchObject({ newestId: '300', oldestId: '200' });
    expect(decodeToken(plan.nextToken ?? '')).toEqual({ before: 200, page: 0 });
  });

  it('uses the whole last page', () => {
    const plan = planPage([300, 100], { more: false, page: 0 });

    expect(plan).toMatchObject({ drop: new Set(), newestId: '300', oldestId: '100' });
    expect(plan.nextToken).toBeUndefined();
  });

  it('pages within one bound when a whole page shares a second, and resumes by re-reading it', () => {
    const plan = planPage([100, 100, 100], { more: true, before: 150, page: 2 });

    expect(plan.drop.size).toBe(0);
    expect(plan.oldestId).toBe('101');
    expect(decodeToken(plan.nextToken ?? '')).toEqual({ before: 150, page: 3 });
  });

  it('ignores a token it did not write', () => {
    expect(decodeToken('abc')).toBeUndefined();
  });
});
