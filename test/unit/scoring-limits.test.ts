import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeIssues, MqlDefinitionDraftSchema } from '../../shared/domain/mql-definition.ts';
import type { ProspectProfile } from '../../shared/domain/prospect.ts';
import { compileDefinition, scoreProspect } from '../../shared/domain/scoring.ts';
import type { Signal } from '../../shared/domain/signal.ts';
import { testDefinition } from '../support/definition.ts';
import { hashScorer, publishedFromFile, sampleFeedProspects } from '../support/scoring-fixture.ts';

const now = new Date('2026-11-20T12:00:00.000Z');

const profile: ProspectProfile = {
  source: 'x',
  authorId: '1',
  handle: 'ana',
  name: 'Ana',
  bio: 'VP Sales',
  url: 'https://acme.io',
  followers: 50,
  following: 10,
  postsCount: 100,
  accountCreatedAt: '2026-01-01T00:00:00.000Z',
  verified: false,
};

const post = (id: string, text: string): Signal => ({
  postId: id,
  postKind: 'original',
  campaignIds: ['crm'],
  at: now.toISOString(),
  text,
  url: `https://x.com/ana/status/${id}`,
});
/** Three buying posts: 30 + 10 + 5 points each under the test definition, 135 in all. */
const threePosts = ['1', '2', '3'].map((id) => post(id, 'evaluating HubSpot, recommendations?'));

const { version: _v, author: _a, note: _n, publishedAt: _p, ...draft } = testDefinition();
const errorsOf = (input: unknown) => {
  const r = MqlDefinitionDraftSchema.safeParse(input);
  return r.success ? '' : describeIssues(r.error);
};

describe('definitions without caps, minimums or grades keep their meaning', () => {
  it('scores the sample feed exactly as the code before limits did (scores, parts and states)', () => {
    const golden = JSON.parse(
      readFileSync(join(import.meta.dirname, '..', 'fixtures', 'mql-v1-golden-scores.json'), 'utf8'),
    ) as [string, number, number, number, number, string][];
    const { now: at, prospects } = sampleFeedProspects();
    const compiled = compileDefinition(publishedFromFile('test/fixtures/mql-v1-uncapped.json'), hashScorer);

    const rows = prospects.map((p) => {
      const r = scoreProspect(compiled, p.profile, p.signals, at, { engagement: p.engagement });
      expect(r.fitGrade).toBeUndefined();
      expect(r.breakdown.some((b) => b.kind === 'cap')).toBe(false);
      return [p.profile.authorId, r.score, r.fitPoints, r.intentPoints, r.engagementPoints, r.state];
    });

    expect(rows.length).toBeGreaterThan(1000);
    expect(new Set(golden.map((g) => g[5]))).toEqual(new Set(['disqualified', 'mql', 'review', 'nurture']));
    expect(rows).toEqual(golden);
  });
});

describe('caps per rule group', () => {
  it('holds intent at its cap and says so in the breakdown, which still adds up to the score', () => {
    const uncapped = scoreProspect(compileDefinition(testDefinition()), profile, threePosts, now);
    const compiled = compileDefinition(testDefinition({ caps: { intent: 60 } }));

    const r = scoreProspect(compiled, profile, threePosts, now);

    expect(uncapped.intentPoints).toBe(135);
    expect(r.intentPoints).toBe(60);
    expect(r.score).toBe(r.fitPoints + 60);
    expect(r.breakdown.find((b) => b.ruleId === 'cap.intent')).toEqual({
      ruleId: 'cap.intent',
      kind: 'cap',
      points: -75,
      evidence: 'intent capped at 60 (rules gave 135)',
    });
    expect(r.breakdown.reduce((sum, b) => sum + b.points, 0)).toBeCloseTo(r.score, 6);
  });

  it('caps fit and engagement too, and leaves a group under its cap alone', () => {
    const compiled = compileDefinition(testDefinition({ caps: { fit: 15, engagement: 100, intent: 1000 } }));

    const r = scoreProspect(compiled, profile, threePosts, now);

    expect(r.fitPoints).toBe(15);
    expect(r.intentPoints).toBe(135);
    expect(r.breakdown.filter((b) => b.kind === 'cap').map((b) => b.ruleId)).toEqual(['cap.fit']);
  });
});

describe('minimum fit and intent for an MQL', () => {
  it('sends a lead with enough points but too little fit to review, not to sales', () => {
    const base = testDefinition();
    const compiled = compileDefinition(testDefinition({ thresholds: { ...base.thresholds, minFit: 40 } }));

    const r = scoreProspect(compiled, profile, threePosts, now);

    expect(r.fitPoints).toBe(30);
    expect(r.score).toBeGreaterThan(base.thresholds.mql);
    expect(r.state).toBe('review');
    expect(r.breakdown.at(-1)).toEqual({
      ruleId: 'min.fit',
      kind: 'minimum',
      points: 0,
      evidence: 'fit 30 below the 40 an MQL needs',
    });
  });

  it('makes an MQL when both minimums are met', () => {
    const base = testDefinition();
    const compiled = compileDefinition(
      testDefinition({ thresholds: { ...base.thresholds, minFit: 30, minIntent: 50 } }),
    );

    expect(scoreProspect(compiled, profile, threePosts, now).state).toBe('mql');
    expect(scoreProspect(compiled, profile, threePosts.slice(0, 1), now).state).toBe('review');
  });
});

describe('fit grade', () => {
  it('gives the letter of the highest band the fit points reach', () => {
    const grades = { A: 30, B: 20, C: 10 };
    const letter = (bio: string, url?: string) =>
      scoreProspect(
        compileDefinition(testDefinition({ fitGrades: grades })),
        { ...profile, bio, url },
        threePosts,
        now,
      ).fitGrade;

    expect(letter('VP Sales', 'https://acme.io')).toBe('A');
    expect(letter('VP Sales')).toBe('B');
    expect(letter('engineer', 'https://acme.io')).toBe('C');
    expect(letter('engineer')).toBe('D');
  });
});

describe('definition schema for limits and grades', () => {
  it('accepts caps, minimums and grade bands', () => {
    expect(
      errorsOf({
        ...draft,
        thresholds: { ...draft.thresholds, minFit: 10, minIntent: 20 },
        caps: { fit: 40, intent: 60, engagement: 30 },
        fitGrades: { A: 30, B: 20, C: 10 },
      }),
    ).toBe('');
  });

  it('refuses unknown keys, negative or huge caps and bands out of order, naming the field', () => {
    expect(errorsOf({ ...draft, caps: { intnet: 60 } })).toContain('caps: Unrecognized key: "intnet"');
    expect(errorsOf({ ...draft, caps: { intent: -1 } })).toContain('caps.intent');
    expect(errorsOf({ ...draft, caps: { fit: 1e200 } })).toContain('caps.fit');
    expect(errorsOf({ ...draft, fitGrades: { A: 10, B: 20, C: 5 } })).toContain(
      'fitGrades.A: grade bands must fall strictly',
    );
    expect(errorsOf({ ...draft, fitGrades: { A: 30, B: 20, C: 10, D: 0 } })).toContain('fitGrades');
    expect(errorsOf({ ...draft, thresholds: { ...draft.thresholds, minFit: 'x' } })).toContain(
      'thresholds.minFit',
    );
  });

  it('refuses a minimum or grade band above its group cap: no lead could reach it', () => {
    const errors = errorsOf({
      ...draft,
      thresholds: { ...draft.thresholds, minFit: 50, minIntent: 70 },
      caps: { fit: 40, intent: 60 },
      fitGrades: { A: 45, B: 20, C: 10 },
    });

    expect(errors).toContain('thresholds.minFit: thresholds.minFit (50) is above caps.fit (40)');
    expect(errors).toContain('thresholds.minIntent: thresholds.minIntent (70) is above caps.intent (60)');
    expect(errors).toContain('fitGrades.A: fitGrades.A (45) is above caps.fit (40)');
  });
});
