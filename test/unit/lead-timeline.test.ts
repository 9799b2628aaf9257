import { describe, expect, it } from 'vitest';
import { buildTimeline, modelVersionOf } from '../../shared/domain/lead-timeline.ts';

describe("a lead's timeline", () => {
  it('puts posts, score moves, decisions, tasks and engagement in time order, people apart from scoring', () => {
    const entries = buildTimeline({
      signals: [
        {
          postId: '1',
          postKind: 'original',
          campaignIds: ['crm'],
          at: '2026-11-01T10:00:00Z',
          text: 'any CRM tips?',
          url: 'https://x.com/a/status/1',
        },
      ],
      events: [
        {
          at: '2026-11-01T10:05:00Z',
          actor: { type: 'system', id: 'qualify' },
          from: 'new',
          to: 'review',
          score: 40,
          definitionVersion: 3,
        },
        {
          at: '2026-11-02T09:00:00Z',
          actor: { type: 'marketer', id: 'mia' },
          from: 'review',
          to: 'mql',
          reason: 'asked for a demo',
        },
      ],
      tasks: [
        {
          id: 't-0000000000000001',
          prospectKey: 'x#a',
          source: 'x',
          kind: 'reply',
          postId: '1',
          draft: 'Hi',
          status: 'done',
          createdAt: '2026-11-01T10:06:00Z',
          approvedAt: '2026-11-01T11:00:00Z',
          approvedBy: 'mia',
          executedAt: '2026-11-01T11:01:00Z',
          result: 'replied',
        },
      ],
      engagement: [{ kind: 'replied', at: '2026-11-01T12:00:00Z', postId: '7' }],
    });

    expect(entries.map((e) => e.kind)).toEqual([
      'post',
      'score',
      'task',
      'task',
      'task',
      'engagement',
      'decision',
    ]);
    expect(entries[1]).toMatchObject({ definitionVersion: 3, who: 'system qualify' });
    expect(entries.at(-1)).toMatchObject({ title: 'review → mql: asked for a demo', who: 'marketer mia' });
  });

  it('names the model version only from an intent model evidence', () => {
    expect(
      modelVersionOf([
        { ruleId: 'intent.model', kind: 'intent.model', points: 40, evidence: 'p=0.71 (model lr-2026-11)' },
      ]),
    ).toBe('lr-2026-11');
    expect(
      modelVersionOf([{ ruleId: 'fit.x', kind: 'fit.keyword', points: 1, evidence: '(model fake)' }]),
    ).toBeUndefined();
  });
});
