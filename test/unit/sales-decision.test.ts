import { describe, expect, it } from 'vitest';
import {
  type FeedbackCodes,
  FeedbackCodesDraftSchema,
  UnknownCodeError,
} from '../../shared/domain/feedback-codes.ts';
import { SEED_FEEDBACK_CODES } from '../../shared/domain/feedback-codes-seed.ts';
import type { Cohort } from '../../shared/domain/funnel.ts';
import { InvalidTransitionError } from '../../shared/domain/lead-state.ts';
import {
  type DecidableLead,
  planSalesDecision,
  SalesDecisionSchema,
} from '../../shared/domain/sales-decision.ts';

const codes: FeedbackCodes = {
  ...SEED_FEEDBACK_CODES,
  version: 1,
  author: 'a',
  note: '',
  publishedAt: '2026-12-01T00:00:00Z',
};
const cohort: Cohort = { source: 'x', campaign: 'crm', definitionVersion: 1, week: '2026-W49' };
const now = new Date('2026-12-04T10:00:00Z');
const sales = { type: 'sales' as const, id: 'maria' };
const mqlLead: DecidableLead = {
  key: 'x#1',
  state: 'mql',
  score: 70,
  revision: 3,
  cohort,
  reached: ['discovered', 'mql'],
  stageAt: { mql: '2026-12-02T10:00:00Z' },
};

describe('a sales decision', () => {
  it('names the missing or misplaced field', () => {
    const issues = (v: unknown) =>
      SalesDecisionSchema.safeParse(v).error?.issues.map((i) => i.path.join('.'));

    expect(issues({ to: 'rejected', note: '' })).toEqual(['code']);
    expect(issues({ to: 'won', note: '' })).toEqual(['deal']);
    expect(issues({ to: 'won', deal: { value: -5, currency: 'EUR' } })).toEqual(['deal.value']);
    expect(issues({ to: 'won', deal: { value: 'ten', currency: 'EUR' } })).toEqual(['deal.value']);
    expect(issues({ to: 'accepted', note: 'x\u202Eevil' })).toEqual(['note']);
    expect(issues({ to: 'accepted', colour: 'red' })).toEqual(['']);
  });

  it('sends a "not ready" rejection to nurture with its hold, as the lifecycle step after the rejection', () => {
    const plan = planSalesDecision(
      mqlLead,
      { to: 'rejected', code: 'timing', note: 'Q3' },
      codes,
      sales,
      now,
      cohort,
    );

    expect(plan.finalState).toBe('nurture');
    expect(plan.holdUntil).toBe('2027-03-04T10:00:00.000Z');
    expect(plan.events.map((e) => `${e.from}>${e.to}:${e.actor.type}`)).toEqual([
      'mql>rejected:sales',
      'rejected>nurture:system',
    ]);
    expect(plan.funnel?.delta.stages).toEqual(['rejected']);
  });

  it('disqualifies for good on a code that says so', () => {
    const plan = planSalesDecision(
      mqlLead,
      { to: 'rejected', code: 'spam', note: '' },
      codes,
      sales,
      now,
      cohort,
    );

    expect(plan.finalState).toBe('disqualified');
    expect(plan.holdUntil).toBeUndefined();
  });

  it('refuses a code not meant for the move, and moves sales does not own', () => {
    expect(() =>
      planSalesDecision(mqlLead, { to: 'rejected', code: 'price', note: '' }, codes, sales, now, cohort),
    ).toThrow(UnknownCodeError);
    expect(() =>
      planSalesDecision(
        mqlLead,
        { to: 'accepted', note: '' },
        codes,
        { type: 'marketer', id: 'm' },
        now,
        cohort,
      ),
    ).toThrow(InvalidTransitionError);
    expect(() =>
      planSalesDecision(
        { ...mqlLead, state: 'review' },
        { to: 'accepted', note: '' },
        codes,
        sales,
        now,
        cohort,
      ),
    ).toThrow(InvalidTransitionError);
  });
});

describe('the code list', () => {
  it('needs each rejection code to say where the lead goes, and unique ids', () => {
    const bad = FeedbackCodesDraftSchema.safeParse({
      codes: [
        { id: 'later', label: 'Later', usedFor: ['reject'] },
        { id: 'later', label: 'Again', usedFor: ['objection'] },
      ],
    });

    expect(bad.error?.issues.map((i) => i.path.join('.'))).toEqual(['codes.0.onReject', 'codes.1.id']);
    expect(FeedbackCodesDraftSchema.safeParse(SEED_FEEDBACK_CODES).success).toBe(true);
    expect(SEED_FEEDBACK_CODES.codes.map((c) => c.id)).toEqual(
      expect.arrayContaining([
        'timing',
        'no-budget',
        'wrong-person',
        'not-icp',
        'competitor',
        'bad-data',
        'spam',
      ]),
    );
  });
});
