import { cohortOf, funnelChange } from '../domain/funnel.ts';
import { type Actor, assertPersonTransition, type LeadState } from '../domain/lead-state.ts';
import type { Clock } from '../ports/clock.ts';
import type { Lead, LeadFilter, LeadStore, Page } from '../ports/lead-store.ts';
import type { Log } from '../ports/log.ts';
import type { Notifier } from '../ports/notifier.ts';
import type { TaskStore } from '../ports/task-store.ts';
import { announceMqls } from './announce-mqls.ts';

export interface ReviewDeps {
  leads: LeadStore;
  clock: Clock;
  log: Log;
  /** Tells sales when a person moves a lead to MQL; absent, nothing is sent. */
  notifier?: Notifier;
}

export class LeadNotFoundError extends Error {
  constructor(key: string) {
    super(`lead ${key} not found`);
    this.name = 'LeadNotFoundError';
  }
}

/** The person decided on a view that is no longer true; the message names where the lead is now. */
export class StaleDecisionError extends Error {
  constructor(
    key: string,
    readonly current?: { state: LeadState; revision: number },
  ) {
    super(
      current
        ? `lead ${key} changed since it was shown: it is now ${current.state} (revision ${current.revision}); reload and decide again`
        : `lead ${key} changed since it was shown; reload and decide again`,
    );
    this.name = 'StaleDecisionError';
  }
}

/** Everything a reviewer or a salesperson needs to judge a lead: the why, the posts, the history, the tasks. */
export async function leadDetail(deps: { leads: LeadStore; tasks: TaskStore }, key: string) {
  const lead = await deps.leads.getLead(key);
  if (!lead) throw new LeadNotFoundError(key);
  const [events, signals, tasks] = await Promise.all([
    deps.leads.listEvents(key),
    deps.leads.listSignals(key),
    deps.tasks.listProspectTasks(key),
  ]);
  return { lead, events, signals, tasks };
}

/** The marketer's queue: borderline prospects, highest score first, narrowed by the queue's filters. */
export function listLeads(
  deps: ReviewDeps,
  state: LeadState,
  limit: number,
  cursor?: string,
  filter?: LeadFilter,
): Promise<Page<Lead>> {
  return deps.leads.listByState(state, limit, cursor, filter);
}

/** What waits where: the number of leads in each state. */
export function countLeadsByState(deps: { leads: LeadStore }): Promise<Record<LeadState, number>> {
  return deps.leads.countByState();
}

/** Reads the lead a person decides on, refusing a decision made on an older revision than the current one. */
export async function leadAtRevision(
  leads: LeadStore,
  key: string,
  revision: number | undefined,
): Promise<Lead> {
  const lead = await leads.getLead(key);
  if (!lead) throw new LeadNotFoundError(key);
  if (revision !== undefined && revision !== lead.revision)
    throw new StaleDecisionError(key, { state: lead.state, revision: lead.revision });
  return lead;
}

/** The cohort a lead counts in: fixed at its first score, derived the same way if it has none yet. */
export function cohortOfLead(lead: Lead) {
  return (
    lead.cohort ??
    cohortOf({
      source: lead.profile.source,
      campaignIds: lead.campaignIds,
      firstSeenAt: lead.firstSeenAt,
      definitionVersion: lead.definitionVersion,
    })
  );
}

/** A marketer moves a lead out of review (to MQL, nurture or disqualified), with a reason. */
export async function decideLead(
  deps: ReviewDeps,
  input: { key: string; to: LeadState; reason: string; actor: Actor; revision?: number },
): Promise<Lead> {
  const lead = await leadAtRevision(deps.leads, input.key, input.revision);
  assertPersonTransition(input.actor, lead.state, input.to, input.reason);
  const now = deps.clock.now();
  const at = now.toISOString();
  const event = {
    at,
    actor: input.actor,
    from: lead.state,
    to: input.to,
    reason: input.reason.trim(),
    score: lead.score,
    ...(lead.definitionVersion !== undefined ? { definitionVersion: lead.definitionVersion } : {}),
  };
  const funnel = funnelChange(lead, input.to, at, cohortOfLead(lead));
  const applied = await deps.leads.applyTransition(
    input.key,
    lead.revision,
    { to: input.to, events: [event], funnel },
    now,
  );
  if (!applied) {
    const current = await deps.leads.getLead(input.key);
    throw new StaleDecisionError(input.key, current && { state: current.state, revision: current.revision });
  }
  const decided = (await deps.leads.getLead(input.key)) as Lead;
  if (input.to === 'mql') await announceMqls(deps, [decided], input.actor.id);
  return decided;
}
