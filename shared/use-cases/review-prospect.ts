import { type Actor, assertPersonTransition, type LeadState } from '../domain/lead-state.ts';
import type { Clock } from '../ports/clock.ts';
import type { Lead, LeadStore, Page } from '../ports/lead-store.ts';
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

export class StaleDecisionError extends Error {
  constructor(key: string) {
    super(`lead ${key} changed since it was shown; reload and decide again`);
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

/** The marketer's queue: borderline prospects, highest score first. */
export function listLeads(
  deps: ReviewDeps,
  state: LeadState,
  limit: number,
  cursor?: string,
): Promise<Page<Lead>> {
  return deps.leads.listByState(state, limit, cursor);
}

/** A person moves a lead (review -> mql / nurture / disqualified, sales accept / reject ...), with a reason. */
export async function decideLead(
  deps: ReviewDeps,
  input: { key: string; to: LeadState; reason: string; actor: Actor },
): Promise<Lead> {
  const lead = await deps.leads.getLead(input.key);
  if (!lead) throw new LeadNotFoundError(input.key);
  assertPersonTransition(input.actor, lead.state, input.to, input.reason);
  const now = deps.clock.now();
  const event = {
    at: now.toISOString(),
    actor: input.actor,
    from: lead.state,
    to: input.to,
    reason: input.reason.trim(),
    score: lead.score,
  };
  if (!(await deps.leads.applyDecision(input.key, event, now))) throw new StaleDecisionError(input.key);
  // Sales rejection recycles the lead to nurture, recorded as its own step.
  if (input.to === 'rejected') {
    const recycle = {
      ...event,
      actor: { type: 'system' as const, id: 'lifecycle' },
      from: 'rejected' as const,
      to: 'nurture' as const,
      reason: 'rejected leads recycle to nurture',
    };
    await deps.leads.applyDecision(input.key, recycle, now);
  }
  const decided = (await deps.leads.getLead(input.key)) as Lead;
  if (input.to === 'mql') await announceMqls(deps, [decided], input.actor.id);
  return decided;
}
