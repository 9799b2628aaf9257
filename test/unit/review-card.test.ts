import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { splitHighlights } from '../../functions/review-api/ui/components/highlight.tsx';
import { ReviewFilters, readQuery } from '../../functions/review-api/ui/components/review-filters.tsx';
import {
  FunnelBars,
  IntervalChart,
  VelocityBars,
} from '../../functions/review-api/ui/components/svg-charts.tsx';
import { breakdownInWords, scoringPost } from '../../shared/domain/review-card.ts';
import type { Signal } from '../../shared/domain/signal.ts';

const signal = (postId: string, text: string, at: string): Signal => ({
  postId,
  postKind: 'original',
  campaignIds: ['revops'],
  at,
  text,
  url: `https://x.com/a/status/${postId}`,
});

describe('a review card', () => {
  it('shows first the post that scored most, with the phrases and competitors it matched', () => {
    const signals = [
      signal('1', 'We are hiring!', '2026-11-03T00:00:00Z'),
      signal('2', 'Looking for an alternative to HubSpot, any POC tips?', '2026-11-01T00:00:00Z'),
    ];
    const breakdown = [
      { ruleId: 'fit.title.executive', kind: 'fit.keyword', points: 20, evidence: 'VP' },
      {
        ruleId: 'intent.shopping',
        kind: 'intent.phrase',
        points: 15,
        evidence: 'alternative to',
        postId: '2',
      },
      {
        ruleId: 'intent.competitor',
        kind: 'intent.competitor',
        points: 10,
        evidence: 'HubSpot',
        postId: '2',
      },
      { ruleId: 'intent.question', kind: 'intent.question', points: 5, evidence: 'question', postId: '2' },
      { ruleId: 'intent.hiring', kind: 'intent.phrase', points: -40, evidence: 'hiring', postId: '1' },
    ];

    const post = scoringPost(breakdown, signals);

    expect(post).toMatchObject({ postId: '2', campaignIds: ['revops'] });
    expect(post?.highlights).toEqual(['alternative to', 'HubSpot']);
  });

  it('says the breakdown in words', () => {
    expect(
      breakdownInWords({
        ruleId: 'fit.title.executive',
        kind: 'fit.keyword',
        points: 20,
        evidence: 'Head of RevOps',
      }),
    ).toBe('Head of RevOps: executive title +20');
    expect(
      breakdownInWords({
        ruleId: 'intent.hiring',
        kind: 'intent.phrase',
        points: -40,
        evidence: 'is hiring',
      }),
    ).toBe('“is hiring”: negative phrase (hiring) -40');
    expect(
      breakdownInWords({
        ruleId: 'intent.competitor',
        kind: 'intent.competitor',
        points: 10,
        evidence: 'HubSpot',
      }),
    ).toBe('“HubSpot”: names a competitor +10');
  });

  it('splits the post into text and marked parts without losing or inventing characters', () => {
    const text = 'An Alternative to <b>HubSpot</b>? alternative to hubspot';
    const parts = splitHighlights(text, ['alternative to', 'HubSpot']);

    expect(parts.map((p) => p.text).join('')).toBe(text);
    expect(parts.filter((p) => p.hit).map((p) => p.text)).toEqual([
      'Alternative to',
      'HubSpot',
      'alternative to',
      'hubspot',
    ]);
    expect(splitHighlights('plain', [])).toEqual([{ text: 'plain', hit: false }]);
  });
});

describe('the SVG charts', () => {
  it('draw one bar per stage and escape every label', () => {
    const evil = '<script>alert("x")</script>&\'';
    const svgs = [
      renderToString(h(FunnelBars, { counts: { [evil]: 3, b: 1 }, stages: [evil, 'b'] })),
      renderToString(
        h(IntervalChart, { rows: [{ label: evil, value: 0.5, low: 0.2, high: 0.8, trials: 4 }] }),
      ),
      renderToString(h(VelocityBars, { rows: [{ label: evil, median: 1, p75: 2 }] })),
    ];

    expect(svgs[0]!.match(/<rect class="bar"/g)).toHaveLength(2);
    expect(svgs[1]).toContain('class="whisker"');
    for (const svg of svgs) {
      expect(svg).not.toContain('<script');
      expect(svg).toContain('&lt;script>');
    }
  });
});

describe('the queue filters', () => {
  it('show the count of each state beside its tab, and read only bounded values from the hash', () => {
    const html = renderToString(
      h(ReviewFilters, {
        query: readQuery(new URLSearchParams('state=mql&minScore=1e9&source=evil&campaign=crm')),
        counts: { review: 12, mql: 3, nurture: 0 },
      }),
    );
    const q = readQuery(new URLSearchParams('state=mql&minScore=1e9&maxScore=42.5&source=evil&sort=random'));

    expect(html).toContain('In review (12)');
    expect(html).toContain('MQL (3)');
    expect(html).toContain('Nurture (0)');
    expect(html).toContain('>Disqualified<');
    expect(q).toEqual({
      state: 'mql',
      campaign: '',
      source: '',
      minScore: '',
      maxScore: '42.5',
      sort: 'score',
    });
    expect(readQuery(new URLSearchParams('sort=newest')).sort).toBe('newest');
  });
});
