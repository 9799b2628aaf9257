import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { LeadCard } from '../../functions/review-api/ui/components/lead-card.tsx';
import { safeUrl } from '../../functions/review-api/ui/format.ts';
import { freeText } from '../../shared/domain/free-text.ts';
import { PostSchema } from '../../shared/domain/post.ts';

const post = (url: string) => ({
  source: 'x',
  id: '1',
  text: 'hi',
  url,
  createdAt: '2026-11-01T00:00:00Z',
  authorId: '2',
  kind: 'original',
  metrics: { likes: 0, replies: 0, reposts: 0, quotes: 0 },
  campaignIds: ['c'],
});

describe('untrusted text and URLs', () => {
  it('stores a post only with an https: URL', () => {
    expect(PostSchema.safeParse(post('https://x.com/a/status/1')).success).toBe(true);
    for (const url of ['javascript:alert(1)', 'http://x.com/a', 'data:text/html,hi', 'JaVaScRiPt:alert(1)'])
      expect({ url, ok: PostSchema.safeParse(post(url)).success }).toEqual({ url, ok: false });
  });

  it('links only https: URLs in the workspace; anything else is shown as text', () => {
    expect(safeUrl('https://x.com/a/status/1')).toBe('https://x.com/a/status/1');
    for (const url of [
      'javascript:alert(1)',
      ' javascript:alert(1)',
      'http://x.com',
      'data:,x',
      'not a url',
      '',
    ])
      expect({ url, link: safeUrl(url) }).toEqual({ url, link: undefined });
  });

  it('escapes a post, its author and their link wherever a card shows them', () => {
    const evil = '<img src=x onerror=alert(1)>';
    const html = renderToString(
      h(LeadCard, {
        lead: {
          key: 'x#1',
          profile: {
            source: 'x',
            authorId: '1',
            handle: evil,
            name: evil,
            bio: evil,
            followers: 1,
            url: 'javascript:alert(1)',
          },
          state: 'review',
          score: 1,
          breakdown: [],
          why: [evil],
          campaignIds: [evil],
          updatedAt: '2026-11-01T00:00:00Z',
          scoringPost: {
            postId: '1',
            text: `${evil} alternative to`,
            url: 'javascript:x',
            at: '2026-11-01T00:00:00Z',
            campaignIds: [evil],
            highlights: ['<img'],
          },
        },
      }),
    );
    expect(html).not.toContain('<img');
    expect(html).not.toContain('javascript:');
    expect(html).toContain('<mark>&lt;img</mark>');
  });

  it('refuses control and bidi-override characters in free text, and keeps plain text', () => {
    const reason = freeText(3, 100);
    expect(reason.parse('  asked for a demo\nnext week  ')).toBe('asked for a demo\nnext week');
    expect(reason.parse('Ünïcödé — naïve café, 日本語, emoji 🎉')).toContain('🎉');
    for (const bad of [
      'abc\u202E',
      'abc\u2066x\u2069',
      'a\u0000bc',
      'abc\u001b[31m',
      'abc\u200F',
      'abc\u0085',
    ])
      expect({ bad, ok: reason.safeParse(bad).success }).toEqual({ bad, ok: false });
    expect(reason.safeParse('x'.repeat(101)).success).toBe(false);
  });
});
