import { describe, expect, it } from 'vitest';
import { reviewUiHtml } from '../../functions/review-api/ui.ts';
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

/** The page's own `esc` and `link` helpers, run as the browser runs them. */
function pageLink(): (url: string, label: string) => string {
  const script = /<script>([\s\S]*?)<\/script>/.exec(reviewUiHtml())![1]!;
  const esc = /^const esc = .*$/m.exec(script)![0];
  const link = /^const link = \(url, label\) => \{[\s\S]*?^\};$/m.exec(script)![0];
  return new Function(`${esc}\n${link}\nreturn link;`)() as (url: string, label: string) => string;
}

describe('untrusted text and URLs', () => {
  it('stores a post only with an https: URL', () => {
    expect(PostSchema.safeParse(post('https://x.com/a/status/1')).success).toBe(true);
    for (const url of ['javascript:alert(1)', 'http://x.com/a', 'data:text/html,hi', 'JaVaScRiPt:alert(1)'])
      expect({ url, ok: PostSchema.safeParse(post(url)).success }).toEqual({ url, ok: false });
  });

  it('links only https: URLs in the review page; anything else is shown as text', () => {
    const link = pageLink();
    expect(link('https://x.com/a/status/1', '2026-11-01')).toBe(
      '<a href="https://x.com/a/status/1" target="_blank" rel="noopener noreferrer">2026-11-01</a>',
    );
    for (const url of ['javascript:alert(1)', ' javascript:alert(1)', 'http://x.com', 'data:,x', 'not a url'])
      expect(link(url, '2026-11-01')).toBe('2026-11-01');
    expect(link('https://x.com/"><script>', '<b>')).toBe(
      '<a href="https://x.com/&quot;&gt;&lt;script&gt;" target="_blank" rel="noopener noreferrer">&lt;b&gt;</a>',
    );
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
