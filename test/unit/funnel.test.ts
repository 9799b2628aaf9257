import { describe, expect, it } from 'vitest';
import { type Cohort, funnelChange, hoursBucket, isoWeek } from '../../shared/domain/funnel.ts';
import { replayFunnel } from '../../shared/domain/funnel-replay.ts';
import {
  addDelta,
  emptyTotals,
  salesVelocity,
  spreadDays,
  summariseGroup,
  wilson,
} from '../../shared/domain/funnel-report.ts';

const cohort: Cohort = { source: 'x', campaign: 'crm', definitionVersion: 1, week: '2026-W49' };
const at = (h: number) => new Date(Date.UTC(2026, 11, 1) + h * 3_600_000).toISOString();

describe('funnel progress', () => {
  it('counts discovered at the first score and each stage once, with a won lead counting as accepted and MQL', () => {
    const first = funnelChange({ reached: [], stageAt: {} }, 'review', at(0), cohort);
    const mql = funnelChange(first?.progress ?? { reached: [], stageAt: {} }, 'mql', at(1), cohort);
    const won = funnelChange(mql?.progress ?? { reached: [], stageAt: {} }, 'won', at(49), cohort, {
      value: 100,
      currency: 'EUR',
      closeDate: '2026-12-03',
    });

    expect(first?.delta.stages).toEqual(['discovered', 'review']);
    expect(mql?.delta).toMatchObject({ stages: ['mql'], reviewThenMql: true });
    expect(won?.delta.stages).toEqual(['accepted', 'won']);
    expect(won?.delta.durations).toEqual([
      { metric: 'mqlToAccepted', hours: 48 },
      { metric: 'mqlToWon', hours: 48 },
    ]);
    expect(won?.delta.deal?.value).toBe(100);
  });

  it('adds nothing when a re-score moves a lead back and forth between stages it already reached', () => {
    const mql = funnelChange({ reached: [], stageAt: {} }, 'mql', at(0), cohort);
    const back = funnelChange(mql?.progress ?? { reached: [], stageAt: {} }, 'nurture', at(1), cohort);
    const again = funnelChange(mql?.progress ?? { reached: [], stageAt: {} }, 'mql', at(2), cohort);

    expect(back).toBeUndefined();
    expect(again).toBeUndefined();
  });

  it('measures MQL to accepted and accepted to won from the stage times', () => {
    const mql = funnelChange({ reached: [], stageAt: {} }, 'mql', at(0), cohort);
    const acc = funnelChange(mql?.progress ?? { reached: [], stageAt: {} }, 'accepted', at(30), cohort);
    const won = funnelChange(acc?.progress ?? { reached: [], stageAt: {} }, 'won', at(30 + 24 * 10), cohort);

    expect(acc?.delta.durations).toEqual([{ metric: 'mqlToAccepted', hours: 30 }]);
    expect(won?.delta.durations).toContainEqual({ metric: 'acceptedToWon', hours: 240 });
  });

  it('names ISO weeks across a year boundary and buckets long durations by day', () => {
    expect(isoWeek(new Date('2026-12-31T12:00:00Z'))).toBe('2026-W53');
    expect(isoWeek(new Date('2027-01-04T00:00:00Z'))).toBe('2027-W01');
    expect(hoursBucket(71.4)).toBe(71);
    expect(hoursBucket(100)).toBe(96);
  });
});

describe('funnel figures', () => {
  it('gives the 95% Wilson interval, and no rate without trials', () => {
    expect(wilson(5, 10)).toMatchObject({ value: 0.5, low: 0.2366, high: 0.7634 });
    expect(wilson(0, 10)).toMatchObject({ value: 0, low: 0, high: 0.2775 });
    expect(wilson(0, 0)).toMatchObject({ value: null, low: 0, high: 1 });
  });

  it('takes nearest-rank medians and 75th percentiles from the histogram, in days', () => {
    expect(spreadDays({ 24: 1, 48: 2, 96: 1 })).toEqual({ median: 2, p75: 2, n: 4 });
    expect(spreadDays({ 24: 1, 48: 1, 96: 2 })).toEqual({ median: 2, p75: 4, n: 4 });
    expect(spreadDays({})).toEqual({ median: null, p75: null, n: 0 });
  });

  it('computes sales velocity as opportunities × win rate × average deal ÷ median cycle', () => {
    const t = emptyTotals();
    t.counts.accepted = 10;
    t.counts.won = 2;
    t.counts.lost = 2;
    t.deals.EUR = { total: 20_000, count: 2 };
    t.durations.mqlToWon = { 480: 2 };

    expect(salesVelocity(t)).toMatchObject({
      currency: 'EUR',
      winRate: 0.5,
      averageDeal: 10_000,
      cycleDays: 20,
      perDay: 2_500,
    });
    expect(summariseGroup('x', emptyTotals()).salesVelocity).toBeNull();
  });

  it('rebuilds the same totals from the events as the live increments add', () => {
    const mql = funnelChange({ reached: [], stageAt: {} }, 'mql', at(0), cohort);
    const acc = funnelChange(mql?.progress ?? { reached: [], stageAt: {} }, 'accepted', at(5), cohort);
    const live = [mql, acc].reduce((t, c) => (c ? addDelta(t, c.delta) : t), emptyTotals());
    const events = [
      {
        at: at(0),
        actor: { type: 'system' as const, id: 'scoring' },
        from: 'new' as const,
        to: 'mql' as const,
      },
      {
        at: at(5),
        actor: { type: 'sales' as const, id: 'm' },
        from: 'mql' as const,
        to: 'accepted' as const,
      },
    ];

    expect(replayFunnel([{ cohort, events }]).get('campaign')?.get('crm')).toEqual(live);
  });
});
