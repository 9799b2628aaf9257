import * as z from 'zod';
import { FeedbackCodeIdSchema, type FeedbackCodes, requireCode } from './feedback-codes.ts';
import { freeText } from './free-text.ts';
import {
  type Cohort,
  type Deal,
  DealSchema,
  type FunnelChange,
  type FunnelProgress,
  funnelChange,
} from './funnel.ts';
import { type Actor, InvalidTransitionError, type LeadEvent, type LeadState, mayMove } from './lead-state.ts';

export const SALES_MOVES = ['accepted', 'rejected', 'won', 'lost'] as const;
export type SalesMove = (typeof SALES_MOVES)[number];

/** A salesperson's decision as the API and the CLI take it; every field bounded. */
export const SalesDecisionSchema = z
  .strictObject({
    to: z.enum(SALES_MOVES),
    /** Required to reject or to mark lost: why. */
    code: FeedbackCodeIdSchema.optional(),
    /** The objection the prospect raised, if any, from the same list. */
    objection: FeedbackCodeIdSchema.optional(),
    note: freeText(0, 2000).default(''),
    /** Required to mark won. The close date defaults to the day of the decision. */
    deal: DealSchema.partial({ closeDate: true }).optional(),
    /** The lead revision the person saw: a stale view gets a conflict, not a silent overwrite. */
    revision: z.number().int().nonnegative().optional(),
  })
  .superRefine((d, ctx) => {
    if ((d.to === 'rejected' || d.to === 'lost') && !d.code)
      ctx.addIssue({ code: 'custom', path: ['code'], message: `a reason code is required to mark ${d.to}` });
    if (d.to === 'won' && !d.deal)
      ctx.addIssue({
        code: 'custom',
        path: ['deal'],
        message: 'a deal (value and currency) is required to mark won',
      });
    if ((d.to === 'accepted' || d.to === 'won') && d.code)
      ctx.addIssue({
        code: 'custom',
        path: ['code'],
        message: 'a reason code goes with rejected or lost only',
      });
    if (d.to !== 'won' && d.deal)
      ctx.addIssue({ code: 'custom', path: ['deal'], message: 'a deal goes with won only' });
  });
export type SalesDecision = z.infer<typeof SalesDecisionSchema>;

/** What the lead looks like to the planner: its state and funnel progress. */
export interface DecidableLead extends FunnelProgress {
  key: string;
  state: LeadState;
  score: number;
  revision: number;
  definitionVersion?: number;
}

export interface SalesPlan {
  /** The state the lead ends in: a rejection lands in nurture (held) or disqualified at once. */
  finalState: LeadState;
  events: LeadEvent[];
  holdUntil?: string;
  deal?: Deal;
  funnel?: FunnelChange;
}

const DAY = 86_400_000;

/**
 * Plans one sales decision without touching storage, so the whole move (state, events, funnel,
 * feedback) is written in one conditional transaction by the store.
 */
export function planSalesDecision(
  lead: DecidableLead,
  decision: SalesDecision,
  codes: FeedbackCodes,
  actor: Actor,
  now: Date,
  cohortIfNew: Cohort,
): SalesPlan {
  if (!mayMove(actor.type, lead.state, decision.to)) {
    throw new InvalidTransitionError(lead.state, decision.to, `a ${actor.type} may not make this move`);
  }
  const code = decision.code
    ? requireCode(codes, 'code', decision.code, decision.to === 'lost' ? 'lose' : 'reject')
    : undefined;
  if (decision.objection) requireCode(codes, 'objection', decision.objection, 'objection');
  const at = now.toISOString();
  const deal = decision.deal
    ? { ...decision.deal, closeDate: decision.deal.closeDate ?? at.slice(0, 10) }
    : undefined;
  const reason = [code?.label, decision.note].filter(Boolean).join(': ') || decision.to;
  const main: LeadEvent = {
    at,
    actor,
    from: lead.state,
    to: decision.to,
    reason,
    score: lead.score,
    ...(lead.definitionVersion !== undefined ? { definitionVersion: lead.definitionVersion } : {}),
    ...(code ? { code: code.id } : {}),
    ...(decision.objection ? { objection: decision.objection } : {}),
    ...(decision.note ? { note: decision.note } : {}),
    ...(deal ? { deal } : {}),
  };
  const funnel = funnelChange(lead, decision.to, at, cohortIfNew, deal);
  if (decision.to !== 'rejected') return { finalState: decision.to, events: [main], deal, funnel };

  // The rejection's code decides where the lead goes next, recorded as the lifecycle's own step.
  const outcome = code?.onReject ?? { to: 'nurture' as const, holdDays: 0 };
  const holdUntil =
    outcome.to === 'nurture' ? new Date(now.getTime() + outcome.holdDays * DAY).toISOString() : undefined;
  const recycle: LeadEvent = {
    at,
    actor: { type: 'system', id: 'lifecycle' },
    from: 'rejected',
    to: outcome.to,
    reason:
      outcome.to === 'nurture'
        ? `rejected as ${code?.id}: nurture, out of the MQL queue for ${outcome.holdDays} days`
        : `rejected as ${code?.id}: disqualified`,
    score: lead.score,
    ...(holdUntil ? { holdUntil } : {}),
  };
  return { finalState: outcome.to, events: [main, recycle], holdUntil, funnel };
}
