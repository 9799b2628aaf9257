import type { LeadState } from '../domain/lead-state.ts';
import type { RescoreJob } from '../ports/definition-store.ts';
import {
  loadCompiledDefinition,
  NoDefinitionError,
  type QualifyDeps,
  qualifyEach,
  type Transition,
} from './qualify-prospects.ts';

/** The states a new definition can still change; past them a person owns the lead. */
export const RESCORED_STATES: readonly LeadState[] = ['mql', 'review', 'nurture', 'new'];

export interface RescoreStep {
  version: number;
  rescored: number;
  transitions: Transition[];
  /** Leads that could not be re-scored this step (logged); the job moves past them. */
  failed: number;
  done: boolean;
}

/** Starts (or restarts) re-scoring every lead under the current definition. */
export async function startRescore(deps: QualifyDeps): Promise<RescoreJob> {
  const definition = await deps.definitions.currentDefinition();
  if (!definition) throw new NoDefinitionError();
  const job: RescoreJob = {
    version: definition.version,
    stateIndex: 0,
    rescored: 0,
    startedAt: deps.clock.now().toISOString(),
  };
  await deps.definitions.saveRescoreJob(job);
  return job;
}

/**
 * Advances the pending re-score job by at most `maxLeads` leads, saving progress after each page,
 * so a publish re-scores millions of leads across many short invocations. Every state change is
 * written with an event that names the old and new definition versions.
 */
export async function rescoreStep(
  deps: QualifyDeps,
  maxLeads: number,
  pageSize = 100,
  options: { outOfTime?: () => boolean } = {},
): Promise<RescoreStep | undefined> {
  const job = await deps.definitions.getRescoreJob();
  if (!job) return undefined;
  const compiled = await loadCompiledDefinition(deps);
  if (compiled.definition.version !== job.version) {
    // A newer version was published meanwhile: start over under it.
    await startRescore(deps);
    return rescoreStep(deps, maxLeads, pageSize, options);
  }
  const transitions: Transition[] = [];
  let failed = 0;
  let budget = maxLeads;
  let current: RescoreJob | undefined = job;
  while (current && budget > 0 && !options.outOfTime?.()) {
    const state = RESCORED_STATES[current.stateIndex];
    if (!state) {
      current = undefined;
      break;
    }
    const page = await deps.leads.listByState(state, Math.min(pageSize, budget), current.cursor);
    const scored = await qualifyEach(
      deps,
      compiled,
      page.items.map((lead) => lead.key),
    );
    for (const t of scored.transitions) if (t.from !== t.to) transitions.push(t);
    failed += scored.failed;
    budget -= page.items.length;
    current = page.nextCursor
      ? { ...current, cursor: page.nextCursor, rescored: current.rescored + page.items.length }
      : {
          ...current,
          stateIndex: current.stateIndex + 1,
          cursor: undefined,
          rescored: current.rescored + page.items.length,
        };
    await deps.definitions.saveRescoreJob(current.stateIndex >= RESCORED_STATES.length ? undefined : current);
    if (current.stateIndex >= RESCORED_STATES.length) {
      return { version: job.version, rescored: current.rescored, transitions, failed, done: true };
    }
  }
  return {
    version: job.version,
    rescored: current?.rescored ?? job.rescored,
    transitions,
    failed,
    done: current === undefined,
  };
}
