import { describe, expect, it } from 'vitest';
import { diffDefinitions } from '../../shared/domain/definition-diff.ts';
import { testDefinition } from '../support/definition.ts';

describe('diffDefinitions', () => {
  it('lists threshold, rule and adjustment changes one per line', () => {
    const v1 = testDefinition();
    const v2 = testDefinition({
      version: 2,
      thresholds: { mql: 60, reviewFloor: 25, requireIntent: true },
      fit: v1.fit
        .filter((r) => r.id !== 'fit.age')
        .map((r) => (r.id === 'fit.url' ? { ...r, points: 15 } : r)),
      adjustments: [{ id: 'adj.reddit', source: 'reddit', mqlDelta: 10 }],
    });

    expect(diffDefinitions(v1, v2)).toEqual([
      '~ thresholds.mql 50 -> 60',
      '- fit fit.age {"kind":"fit.accountAge","minDays":365,"points":5}',
      '~ fit fit.url points 10 -> 15',
      '+ adjustments adj.reddit {"source":"reddit","mqlDelta":10}',
    ]);
  });

  it('shows caps, minimums and grade bands added, changed and removed', () => {
    const v1 = testDefinition({ caps: { engagement: 40 }, fitGrades: { A: 30, B: 20, C: 10 } });
    const v2 = testDefinition({
      version: 2,
      thresholds: { mql: 50, reviewFloor: 25, requireIntent: true, minFit: 10 },
      caps: { intent: 60 },
      fitGrades: { A: 35, B: 20, C: 10 },
    });

    expect(diffDefinitions(v1, v2)).toEqual([
      '~ thresholds.minFit none -> 10',
      '~ caps.intent none -> 60',
      '~ caps.engagement 40 -> none',
      '~ fitGrades.A 30 -> 35',
    ]);
  });

  it('is empty for identical definitions', () => {
    expect(diffDefinitions(testDefinition(), testDefinition({ version: 9 }))).toEqual([]);
  });
});
