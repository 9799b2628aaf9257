import type { MqlDefinition } from '../../shared/domain/mql-definition.ts';

/** A small definition whose numbers are easy to reason about in tests. */
export function testDefinition(overrides: Partial<MqlDefinition> = {}): MqlDefinition {
  return {
    name: 'test',
    version: 1,
    author: 'test',
    note: '',
    publishedAt: '2026-11-01T00:00:00.000Z',
    halfLifeDays: 10,
    thresholds: { mql: 50, reviewFloor: 25, requireIntent: true },
    fit: [
      { id: 'fit.exec', kind: 'fit.keyword', field: 'bio', terms: ['VP', 'CTO', 'head of'], points: 20 },
      { id: 'fit.followers', kind: 'fit.followers', min: 100, max: 10_000, points: 5 },
      { id: 'fit.age', kind: 'fit.accountAge', minDays: 365, points: 5 },
      { id: 'fit.url', kind: 'fit.companyUrl', points: 10 },
    ],
    intent: [
      {
        id: 'intent.shop',
        kind: 'intent.phrase',
        phrases: ['evaluating', 'recommendations', 'looking for'],
        points: 30,
      },
      { id: 'intent.rival', kind: 'intent.competitor', competitors: ['HubSpot', 'Salesforce'], points: 10 },
      { id: 'intent.ask', kind: 'intent.question', points: 5 },
    ],
    disqualifiers: [
      { id: 'dq.recruiter', kind: 'dq.keyword', field: 'bio', terms: ['recruiter'] },
      { id: 'dq.handle', kind: 'dq.handle', handles: ['ourcompetitor'] },
      { id: 'dq.bot', kind: 'dq.bot', maxAccountAgeDays: 90, minPostsPerDay: 50, maxFollowers: 20 },
    ],
    engagement: [],
    adjustments: [],
    ...overrides,
  };
}
