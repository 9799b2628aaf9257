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
});
