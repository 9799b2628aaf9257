import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { Highlighted } from '../../functions/review-api/ui/components/highlight.tsx';
import { modelCues } from '../../shared/domain/model-cues.ts';
import type { Lead, LeadStore } from '../../shared/ports/lead-store.ts';
import { reviewCards } from '../../shared/use-cases/review-cards.ts';

describe('the words the intent model leaned on', () => {
  it('maps positive word and pair features back onto the words as the post wrote them', () => {
    const text = 'Looking for an Alternative to our invoicing tool, anyone have recs?';
    const features = [
      { feature: 'w:for', weight: 0.9 }, // a stopword alone explains nothing
      { feature: 'w:altern', weight: 0.5 }, // a stem
      { feature: 'v:invoicing', weight: 0.3 }, // a word-vector feature names the word itself
      { feature: 'w:look_for', weight: 0.25 }, // a pair
      { feature: 'w:rec', weight: -0.4 }, // pushed away: not a cue
      { feature: 'c:_alt', weight: 0.2 }, // a character n-gram names no word
    ];

    expect(modelCues(text, features)).toEqual(['Alternative', 'invoicing', 'Looking for']);
  });

  it('collapses overlapping cues to the longest and returns nothing for a model that saw nothing', () => {
    const text = 'is there a tool that does this';
    expect(
      modelCues(text, [
        { feature: 'w:tool', weight: 0.4 },
        { feature: 'w:a_tool', weight: 0.3 },
        { feature: 'w:tool_that', weight: 0.2 },
      ]),
    ).toEqual(['tool that']);
    expect(modelCues('', [{ feature: 'w:tool', weight: 1 }])).toEqual([]);
  });

  it('marks model cues apart from rule matches, as text (what a post says is never markup)', () => {
    const html = renderToString(
      h(Highlighted, {
        text: 'need an alternative to <b>HubSpot</b>',
        phrases: ['HubSpot'],
        cues: ['alternative', 'b'],
      }),
    );
    expect(html).toContain('<mark>HubSpot</mark>');
    expect(html).toContain('<mark class="cue" title="the intent model leaned on this">alternative</mark>');
    expect(html).not.toContain('<b>');
  });
});

describe('review cards', () => {
  const lead = (key: string, modelPoints: number): Lead =>
    ({
      key,
      profile: {
        source: 'x',
        authorId: key,
        handle: key,
        name: key,
        followers: 1,
        following: 1,
        postsCount: 1,
        verified: false,
      },
      state: 'review',
      score: 30,
      breakdown: [
        { ruleId: 'intent.model', kind: 'intent.model', points: modelPoints, evidence: 'p=0.9', postId: '1' },
      ],
      campaignIds: ['c'],
      engagement: [],
      optedOut: false,
      firstSeenAt: '2026-12-01T00:00:00Z',
      updatedAt: '2026-12-01T00:00:00Z',
      revision: 1,
      reached: [],
      stageAt: {},
    }) as unknown as Lead;
  const leads = {
    getSignals: async () => new Map(),
    listSignals: async () => [
      {
        postId: '1',
        postKind: 'original',
        campaignIds: ['c'],
        at: '2026-12-01T00:00:00Z',
        text: 'any recs for a payroll tool?',
        url: 'u',
      },
    ],
  } as unknown as LeadStore;

  it('asks the explainer only for a post that earned model points, and loads it once', async () => {
    let loads = 0;
    const explainIntent = async () => {
      loads++;
      return () => [{ feature: 'w:payrol', weight: 0.7 }];
    };

    const page = await reviewCards({ leads, explainIntent }, { items: [lead('a', 10), lead('b', 0)] });

    expect(page.items[0]?.scoringPost?.modelCues).toEqual(['payroll']);
    expect(page.items[1]?.scoringPost?.modelCues).toBeUndefined();
    expect(loads).toBe(1);
  });
});
