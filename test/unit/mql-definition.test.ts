import { describe, expect, it } from 'vitest';
import { describeIssues, MqlDefinitionDraftSchema } from '../../shared/domain/mql-definition.ts';
import { testDefinition } from '../support/definition.ts';

const { version: _v, author: _a, note: _n, publishedAt: _p, ...valid } = testDefinition();

function errorsOf(input: unknown): string {
  const r = MqlDefinitionDraftSchema.safeParse(input);
  return r.success ? '' : describeIssues(r.error);
}

describe('MQL definition validation', () => {
  it('accepts the test definition', () => {
    expect(errorsOf(valid)).toBe('');
  });

  it('refuses a review floor at or above the MQL threshold, naming the field', () => {
    expect(errorsOf({ ...valid, thresholds: { mql: 40, reviewFloor: 40 } })).toContain(
      'thresholds.reviewFloor: reviewFloor (40) must be below mql (40)',
    );
  });

  it('refuses an unknown rule kind, naming where it is', () => {
    expect(errorsOf({ ...valid, fit: [{ id: 'fit.x', kind: 'fit.telepathy', points: 5 }] })).toMatch(
      /^fit\.0\.kind: /,
    );
  });

  it('refuses a rule without terms and a bad id', () => {
    const errors = errorsOf({
      ...valid,
      intent: [{ id: 'Bad Id', kind: 'intent.phrase', phrases: [], points: 5 }],
    });

    expect(errors).toContain('intent.0.id');
    expect(errors).toContain('intent.0.phrases');
  });

  it('refuses duplicate rule ids and adjustments that target nothing', () => {
    const dup = errorsOf({ ...valid, fit: [...valid.fit, { ...valid.fit[0] }] });
    const aimless = errorsOf({ ...valid, adjustments: [{ id: 'adj.none', mqlDelta: 5 }] });

    expect(dup).toContain('duplicate rule id "fit.exec"');
    expect(aimless).toContain('an adjustment needs a source or a campaignId');
  });

  it('refuses a non-positive half-life', () => {
    expect(errorsOf({ ...valid, halfLifeDays: 0 })).toContain('halfLifeDays');
  });

  it('refuses a misspelt key instead of dropping it, naming the key and where it is', () => {
    const typo = { ...valid, thresholds: { mql: 60, reviewFloor: 30, requireIntnet: false } };
    expect(errorsOf(typo)).toBe('thresholds: Unrecognized key: "requireIntnet"');
    expect(errorsOf({ ...valid, fit: [{ ...valid.fit[0], pointz: 3 }] })).toContain(
      'fit.0: Unrecognized key: "pointz"',
    );
    expect(errorsOf({ ...valid, disqualifer: [] })).toContain('Unrecognized key: "disqualifer"');
  });

  it('refuses a follower range whose min is above its max', () => {
    const fit = [{ id: 'fit.size', kind: 'fit.followers', min: 5_000, max: 100, points: 5 }];
    expect(errorsOf({ ...valid, fit })).toContain('fit.0.min: min must not be above max');
    expect(errorsOf({ ...valid, fit: [{ ...fit[0], min: 100, max: 100 }] })).toBe('');
  });

  it('refuses points DynamoDB cannot store and lists it cannot hold, naming the field', () => {
    expect(errorsOf({ ...valid, fit: [{ ...valid.fit[0], points: 1e200 }] })).toMatch(/^fit\.0\.points: /);
    const handles = Array.from({ length: 60_000 }, (_, i) => `h${i}`);
    const dq = [{ id: 'dq.staff', kind: 'dq.handle', handles }];
    expect(errorsOf({ ...valid, disqualifiers: dq })).toMatch(/^disqualifiers\.0\.handles: /);
    const long = 'x'.repeat(201);
    expect(errorsOf({ ...valid, name: long })).toContain('name:');
    expect(errorsOf({ ...valid, thresholds: { mql: 1e9, reviewFloor: 30 } })).toContain('thresholds.mql');
  });

  it('refuses a document too large for its item even when each list is within bounds', () => {
    const handles = Array.from({ length: 5_000 }, (_, i) => `someone-with-a-long-handle-${i}`);
    const disqualifiers = [1, 2, 3].map((n) => ({ id: `dq.list-${n}`, kind: 'dq.handle', handles }));
    expect(errorsOf({ ...valid, disqualifiers })).toMatch(/^\(root\): the definition is \d+ characters/);
  });
});
