import { describe, expect, it } from 'vitest';
import type { ProspectProfile } from '../../shared/domain/prospect.ts';
import { MissingIntentModelError } from '../../shared/domain/rule-evaluators.ts';
import { compileDefinition, type IntentScorer, scoreProspect } from '../../shared/domain/scoring.ts';
import type { Signal } from '../../shared/domain/signal.ts';
import { testDefinition } from '../support/definition.ts';

const now = new Date('2026-11-20T12:00:00.000Z');
const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000).toISOString();
const profile: ProspectProfile = {
  source: 'x',
  authorId: '1',
  handle: 'ana',
  name: 'Ana',
  bio: 'engineer',
  followers: 50,
  following: 10,
  postsCount: 100,
  verified: false,
};
const signal = (text: string, ageDays = 0): Signal => ({
  postId: `p-${text}`,
  postKind: 'original',
  campaignIds: ['crm'],
  at: daysAgo(ageDays),
  text,
  url: 'https://x.com/a/status/1',
});

/** Our own port, faked: probability from a lookup table. */
const scorer = (table: Record<string, number>): IntentScorer => ({
  version: 'test',
  probability: (t) => table[t] ?? 0,
});
const modelDefinition = testDefinition({
  intent: [
    {
      id: 'intent.model',
      kind: 'intent.model',
      bands: [
        { min: 0.5, points: 20 },
        { min: 0.8, points: 40 },
      ],
    },
  ],
});

describe('intent model bands', () => {
  it.each([
    [0.49, 0],
    [0.5, 20],
    [0.79, 20],
    [0.8, 40],
    [0.99, 40],
  ])('probability %s gives %s points', (p, points) => {
    const c = compileDefinition(modelDefinition, scorer({ hello: p }));

    expect(scoreProspect(c, profile, [signal('hello')], now).intentPoints).toBe(points);
  });

  it('explains the model points with the probability and the model version', () => {
    const r = scoreProspect(
      compileDefinition(modelDefinition, scorer({ hello: 0.91 })),
      profile,
      [signal('hello')],
      now,
    );

    expect(r.breakdown).toEqual([
      {
        ruleId: 'intent.model',
        kind: 'intent.model',
        points: 40,
        evidence: 'p=0.91 (model test)',
        postId: 'p-hello',
      },
    ]);
  });

  it('decays model points with the post age like any intent rule', () => {
    const r = scoreProspect(
      compileDefinition(modelDefinition, scorer({ old: 0.9 })),
      profile,
      [signal('old', 10)],
      now,
    );

    expect(r.intentPoints).toBe(20);
  });

  it('uses the probability stored at ingest and names the model that computed it, never calling the fallback', () => {
    const calls: string[] = [];
    const fallback: IntentScorer = {
      version: 'fast-v1',
      probability: (t) => {
        calls.push(t);
        return 0.1;
      },
    };
    const stored: Signal = { ...signal('hello'), intent: { p: 0.85, model: 'two-stage-v2' } };
    const r = scoreProspect(compileDefinition(modelDefinition, fallback), profile, [stored], now);

    expect(calls).toEqual([]);
    expect(r.intentPoints).toBe(40);
    expect(r.breakdown[0]?.evidence).toBe('p=0.85 (model two-stage-v2)');
  });

  it('falls back to the synchronous model, and names its version, for a signal stored without a probability', () => {
    const stored: Signal = { ...signal('kept'), intent: { p: 0.2, model: 'two-stage-v2' } };
    const r = scoreProspect(
      compileDefinition(modelDefinition, { ...scorer({ fresh: 0.6 }), version: 'fast-v1' }),
      profile,
      [stored, signal('fresh')],
      now,
    );

    expect(r.intentPoints).toBe(20);
    expect(r.breakdown.map((b) => [b.postId, b.evidence])).toEqual([['p-fresh', 'p=0.60 (model fast-v1)']]);
  });

  it('refuses to compile a model rule without a model', () => {
    expect(() => compileDefinition(modelDefinition)).toThrow(MissingIntentModelError);
  });
});

describe('engagement rules', () => {
  const c = compileDefinition(
    testDefinition({
      engagement: [
        { id: 'eng.replied', kind: 'engagement.replied', points: 30 },
        { id: 'eng.followed', kind: 'engagement.followedBack', points: 10 },
      ],
    }),
  );

  it('counts the latest engagement of each kind once, decayed by its age', () => {
    const r = scoreProspect(c, profile, [], now, {
      engagement: [
        { kind: 'replied', at: daysAgo(10) },
        { kind: 'replied', at: daysAgo(0) },
        { kind: 'followedBack', at: daysAgo(10) },
        { kind: 'mentioned', at: daysAgo(0) },
      ],
    });

    expect(r.breakdown.map((b) => [b.ruleId, b.points])).toEqual([
      ['eng.replied', 30],
      ['eng.followed', 5],
    ]);
    expect(r.engagementPoints).toBe(35);
  });

  it('lets engagement satisfy the intent requirement', () => {
    const r = scoreProspect(c, profile, [], now, { engagement: [{ kind: 'replied', at: daysAgo(0) }] });

    expect(r.state).toBe('review');
  });
});

describe('customers and opt-outs', () => {
  const c = compileDefinition(
    testDefinition({
      disqualifiers: [{ id: 'dq.customers', kind: 'dq.customer', handles: ['@BigCo'], domains: ['acme.io'] }],
    }),
  );

  it.each([
    ['their handle is on the customer list', { handle: 'bigco' }, 'customer @bigco'],
    ['their website is a customer domain', { url: 'https://www.acme.io/about' }, 'customer domain acme.io'],
  ])('disqualifies a prospect when %s', (_label, overrides, evidence) => {
    const r = scoreProspect(c, { ...profile, ...overrides }, [signal('evaluating')], now);

    expect(r).toMatchObject({
      state: 'disqualified',
      disqualifiedBy: 'dq.customers',
      breakdown: [{ evidence }],
    });
  });

  it('disqualifies anyone who opted out, whatever the definition says', () => {
    const r = scoreProspect(c, { ...profile, bio: 'VP' }, [signal('evaluating, recommendations?')], now, {
      optedOut: true,
    });

    expect(r).toMatchObject({ state: 'disqualified', disqualifiedBy: 'opt-out', score: 0 });
  });
});
