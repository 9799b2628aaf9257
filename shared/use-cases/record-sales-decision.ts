import type { FeedbackCodes } from '../domain/feedback-codes.ts';
import { SEED_FEEDBACK_CODES } from '../domain/feedback-codes-seed.ts';
import type { Actor } from '../domain/lead-state.ts';
import { planSalesDecision, type SalesDecision } from '../domain/sales-decision.ts';
import { companyFromUrl, type FeedbackRecord, type WonRecord } from '../domain/sales-records.ts';
import type { Clock } from '../ports/clock.ts';
import type { FeedbackCodeStore } from '../ports/feedback-code-store.ts';
import type { Lead, LeadStore } from '../ports/lead-store.ts';
import { cohortOfLead, LeadNotFoundError, leadAtRevision, StaleDecisionError } from './review-prospect.ts';

export interface SalesDecisionDeps {
  leads: LeadStore;
  codes: FeedbackCodeStore;
  clock: Clock;
}

/** The codes in force: the published list, or the shipped seed until an admin publishes one. */
export async function codesInForce(store: FeedbackCodeStore): Promise<FeedbackCodes> {
  return (
    (await store.currentCodes()) ?? {
      ...SEED_FEEDBACK_CODES,
      version: 0,
      author: 'prospector',
      note: 'shipped seed',
      publishedAt: '2026-01-01T00:00:00.000Z',
    }
  );
}

const DAY = 86_400_000;

async function wonRecord(
  deps: SalesDecisionDeps,
  lead: Lead,
  at: string,
  actor: Actor,
  deal: WonRecord['deal'],
) {
  const signals = (await deps.leads.listSignals(lead.key)).sort((a, b) => a.at.localeCompare(b.at));
  const first = signals[0]?.at;
  const record: WonRecord = {
    at,
    leadKey: lead.key,
    name: lead.profile.name,
    handle: lead.profile.handle,
    company: companyFromUrl(lead.profile.url),
    profileUrl: lead.profile.profileUrl,
    deal,
    wonBy: actor.id,
    cohort: cohortOfLead(lead),
    campaignIds: lead.campaignIds,
    posts: signals.slice(0, 20).map((s) => ({ postId: s.postId, url: s.url, at: s.at })),
    definitionVersion: lead.definitionVersion,
    firstSignalAt: first,
    daysToWon: first ? Math.round(((Date.parse(at) - Date.parse(first)) / DAY) * 10) / 10 : null,
  };
  return record;
}

/**
 * Sales accepts, rejects (with a reason code), marks won (with the deal) or lost (with a code).
 * The lead's move, its events, the funnel counters, the feedback record and a won customer's
 * record are one conditional write: the same decision sent twice, or two people deciding at
 * once, moves and counts the lead once, and the loser gets a conflict naming the current state.
 */
export async function recordSalesDecision(
  deps: SalesDecisionDeps,
  input: { key: string; decision: SalesDecision; actor: Actor },
): Promise<Lead> {
  const lead = await leadAtRevision(deps.leads, input.key, input.decision.revision);
  const codes = await codesInForce(deps.codes);
  const now = deps.clock.now();
  const at = now.toISOString();
  const cohort = cohortOfLead(lead);
  const plan = planSalesDecision(lead, input.decision, codes, input.actor, now, cohort);
  const feedback: FeedbackRecord = {
    at,
    leadKey: lead.key,
    actor: input.actor,
    to: input.decision.to,
    code: input.decision.code,
    objection: input.decision.objection,
    note: input.decision.note,
    score: lead.score,
    cohort,
  };
  const won =
    plan.deal && input.decision.to === 'won'
      ? await wonRecord(deps, lead, at, input.actor, plan.deal)
      : undefined;
  const applied = await deps.leads.applyTransition(
    lead.key,
    lead.revision,
    {
      to: plan.finalState,
      events: plan.events,
      funnel: plan.funnel,
      holdUntil: plan.holdUntil,
      deal: plan.deal,
      feedback,
      won,
    },
    now,
  );
  if (!applied) {
    const current = await deps.leads.getLead(lead.key);
    if (!current) throw new LeadNotFoundError(lead.key);
    throw new StaleDecisionError(lead.key, { state: current.state, revision: current.revision });
  }
  return (await deps.leads.getLead(lead.key)) as Lead;
}
